import { CreateButton, DataTable, List, ReferenceField, ReferenceInput, SelectInput, TopToolbar, useTranslate } from 'react-admin';
import { SLOT_STATUS } from '@mynapoint/domain';
import { JpDateField } from '../common/dates';
import { useEnumChoices } from '../common/enums';
import { JpDateInput } from '../common/JpDateInputs';
import { ListEmpty } from '../common/ListEmpty';
import { ListLoadError } from '../common/ListLoadError';
import { GenerateSlotsButton } from './GenerateSlotsDialog';
import { SeatsField, SlotStatusField } from './slotChips';

function useSlotFilters() {
  const translate = useTranslate();
  const statuses = useEnumChoices(SLOT_STATUS);
  return [
    <ReferenceInput key="desk" source="deskId" reference="desks" alwaysOn sort={{ field: 'name', order: 'ASC' }}>
      <SelectInput optionText="name" />
    </ReferenceInput>,
    <JpDateInput key="date" source="startsAt" label={translate('resources.appointment-slots.filters.date')} alwaysOn />,
    <SelectInput key="status" source="status" choices={statuses} alwaysOn />,
  ];
}

function Actions() {
  return (
    <TopToolbar>
      <GenerateSlotsButton />
      <CreateButton />
    </TopToolbar>
  );
}

export function AppointmentSlotList() {
  return (
    <List error={<ListLoadError />} filters={useSlotFilters()} sort={{ field: 'startsAt', order: 'DESC' }} perPage={50} empty={<ListEmpty hint />} actions={<Actions />}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="startsAt">
          <JpDateField source="startsAt" showTime />
        </DataTable.Col>
        <DataTable.Col source="endsAt">
          <JpDateField source="endsAt" showTime />
        </DataTable.Col>
        <DataTable.Col source="deskId">
          <ReferenceField source="deskId" reference="desks" link={false} />
        </DataTable.Col>
        <DataTable.Col source="booked" label="resources.appointment-slots.seats">
          <SeatsField />
        </DataTable.Col>
        <DataTable.NumberCol source="remaining" />
        <DataTable.Col source="status">
          <SlotStatusField />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
