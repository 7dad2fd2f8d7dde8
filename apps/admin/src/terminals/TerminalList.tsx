import { BooleanField, DataTable, List, ReferenceField, ReferenceInput, SearchInput, SelectInput, useTranslate } from 'react-admin';
import { ListEmpty } from '../common/ListEmpty';
import { ListLoadError } from '../common/ListLoadError';

function useTerminalFilters() {
  const translate = useTranslate();
  return [
    <SearchInput key="q" source="q" alwaysOn placeholder={translate('resources.terminals.filters.q')} />,
    <ReferenceInput key="desk" source="deskId" reference="desks" alwaysOn sort={{ field: 'name', order: 'ASC' }}>
      <SelectInput optionText="name" />
    </ReferenceInput>,
  ];
}

export function TerminalList() {
  return (
    <List error={<ListLoadError />} filters={useTerminalFilters()} sort={{ field: 'name', order: 'ASC' }} empty={<ListEmpty hint />}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="name" />
        <DataTable.Col source="deskId">
          <ReferenceField source="deskId" reference="desks" link={false} />
        </DataTable.Col>
        <DataTable.Col source="active">
          <BooleanField source="active" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
