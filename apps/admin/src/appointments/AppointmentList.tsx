import { CreateButton, DataTable, FunctionField, List, ReferenceField, ReferenceInput, SearchInput, SelectInput, TextField, TopToolbar, useTranslate } from 'react-admin';
import { Button } from '@mui/material';
import TodayIcon from '@mui/icons-material/Today';
import { Link } from 'react-router-dom';
import { APPOINTMENT_STATUS, ASSISTANCE_TYPE } from '@mynapoint/domain';
import { EnumArrayField, EnumField, useEnumChoices } from '../common/enums';
import { JpDateInput } from '../common/JpDateInputs';
import { ListEmpty } from '../common/ListEmpty';
import { ListLoadError } from '../common/ListLoadError';
import { TODAY_BOARD_PATH } from '../desks/board';
import { SlotTimeField } from './SlotTimeField';

function useAppointmentFilters() {
  const translate = useTranslate();
  const statuses = useEnumChoices(APPOINTMENT_STATUS);
  return [
    <SearchInput key="q" source="q" alwaysOn placeholder={translate('resources.appointments.filters.q')} />,
    <ReferenceInput key="desk" source="deskId" reference="desks" alwaysOn sort={{ field: 'name', order: 'ASC' }}>
      <SelectInput optionText="name" />
    </ReferenceInput>,
    <JpDateInput key="date" source="startsAt" label={translate('resources.appointments.filters.date')} alwaysOn />,
    <SelectInput key="status" source="status" choices={statuses} alwaysOn />,
  ];
}

function Actions() {
  const translate = useTranslate();
  return (
    <TopToolbar>
      <Button size="small" component={Link} to={TODAY_BOARD_PATH} startIcon={<TodayIcon />}>
        {translate('resources.desks.today.title')}
      </Button>
      <CreateButton />
    </TopToolbar>
  );
}

export function AppointmentList() {
  return (
    <List error={<ListLoadError />} filters={useAppointmentFilters()} sort={{ field: 'startsAt', order: 'DESC' }} perPage={25} empty={<ListEmpty />} actions={<Actions />}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="startsAt" label="resources.appointments.fields.startsAt">
          <SlotTimeField />
        </DataTable.Col>
        <DataTable.Col source="deskId" label="resources.appointments.fields.deskId">
          <ReferenceField source="deskId" reference="desks" link={false} />
        </DataTable.Col>
        <DataTable.Col source="residentName">
          <TextField source="residentName" emptyText="—" />
        </DataTable.Col>
        <DataTable.Col source="purpose" disableSort>
          <EnumArrayField source="purpose" enumDef={ASSISTANCE_TYPE} />
        </DataTable.Col>
        <DataTable.NumberCol source="partySize" />
        <DataTable.Col source="status">
          <EnumField source="status" enumDef={APPOINTMENT_STATUS} chip />
        </DataTable.Col>
        <DataTable.Col source="assistanceRecordId" disableSort>
          <FunctionField render={(r: { assistanceRecordId: number | null }) => (r.assistanceRecordId ? `#${r.assistanceRecordId}` : '—')} />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
