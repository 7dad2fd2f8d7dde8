import { BooleanField, CreateButton, DataTable, List, TopToolbar, SearchInput, SelectInput, FilterButton } from 'react-admin';
import { AUTH_SOURCE, ROLE } from '@mynapoint/domain';
import { ServerExportButton } from '../common/ServerExportButton';
import { JpDateField } from '../common/dates';
import { EnumField, useEnumChoices } from '../common/enums';
import { UnlockButton } from './UnlockButton';
import { ListLoadError } from '../common/ListLoadError';

export function UserList() {
  const roles = useEnumChoices(ROLE);
  const yesNo = [
    { id: true, name: 'app.yes' },
    { id: false, name: 'app.no' },
  ];
  const filters = [
    <SearchInput key="q" source="q" alwaysOn />,
    <SelectInput key="role" source="role" choices={roles} alwaysOn />,
    <SelectInput key="totpEnabled" source="totpEnabled" choices={yesNo} />,
  ];
  return (
    <List
      error={<ListLoadError />}
      filters={filters}
      sort={{ field: 'id', order: 'ASC' }}
      actions={
        <TopToolbar>
          <FilterButton />
          <CreateButton />
          <ServerExportButton />
        </TopToolbar>
      }
    >
      <DataTable rowClick="edit" bulkActionButtons={false}>
        <DataTable.Col source="username" />
        <DataTable.Col source="displayName" />
        <DataTable.Col source="role">
          <EnumField source="role" enumDef={ROLE} chip />
        </DataTable.Col>
        <DataTable.Col source="active">
          <BooleanField source="active" />
        </DataTable.Col>
        <DataTable.Col source="authSource">
          <EnumField source="authSource" enumDef={AUTH_SOURCE} />
        </DataTable.Col>
        {/* Who signs in with a second factor (admins see it at a glance). */}
        <DataTable.Col source="totpEnabled">
          <BooleanField source="totpEnabled" />
        </DataTable.Col>
        <DataTable.Col source="lastLoginAt">
          <JpDateField source="lastLoginAt" showTime />
        </DataTable.Col>
        <DataTable.Col source="locked">
          <UnlockButton />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
