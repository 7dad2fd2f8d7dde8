import { BooleanField, CreateButton, DataTable, List, SearchInput, SelectInput, TextField, TopToolbar, useTranslate } from 'react-admin';
import { Button } from '@mui/material';
import TodayIcon from '@mui/icons-material/Today';
import { Link } from 'react-router-dom';
import { DESK_OFFICE } from '@mynapoint/domain';
import { JpDateField } from '../common/dates';
import { EnumField, useEnumChoices } from '../common/enums';
import { ListEmpty } from '../common/ListEmpty';
import { ListLoadError } from '../common/ListLoadError';
import { TODAY_BOARD_PATH } from './board';

function useDeskFilters() {
  const translate = useTranslate();
  const offices = useEnumChoices(DESK_OFFICE);
  return [
    <SearchInput key="q" source="q" alwaysOn placeholder={translate('resources.desks.filters.q')} />,
    <SelectInput key="office" source="office" choices={offices} alwaysOn />,
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

export function DeskList() {
  return (
    <List error={<ListLoadError />} filters={useDeskFilters()} sort={{ field: 'name', order: 'ASC' }} empty={<ListEmpty />} actions={<Actions />}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="name" />
        <DataTable.Col source="office">
          <EnumField source="office" enumDef={DESK_OFFICE} />
        </DataTable.Col>
        <DataTable.Col source="place">
          <TextField source="place" emptyText="—" />
        </DataTable.Col>
        <DataTable.Col source="opensOn">
          <JpDateField source="opensOn" />
        </DataTable.Col>
        <DataTable.Col source="closesOn">
          <JpDateField source="closesOn" />
        </DataTable.Col>
        <DataTable.Col source="active">
          <BooleanField source="active" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
