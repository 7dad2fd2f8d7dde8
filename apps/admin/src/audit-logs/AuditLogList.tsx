import { DataTable, List, TopToolbar, SearchInput, SelectInput, TextField, FunctionField, FilterButton } from 'react-admin';
import { JpDateInput } from '../common/JpDateInputs';
import { AUDIT_ACTION, auditResourceCodes, auditResourceLabel } from '@mynapoint/domain';
import { ServerExportButton } from '../common/ServerExportButton';
import { JpDateField } from '../common/dates';
import { EnumField, useEnumChoices, useLang } from '../common/enums';
import { AuditResourceField } from './AuditLogShow';
import { ListLoadError } from '../common/ListLoadError';

export function AuditLogList() {
  const actions = useEnumChoices(AUDIT_ACTION);
  const lang = useLang();
  const resources = auditResourceCodes().map((id) => ({ id, name: auditResourceLabel(id, lang) }));
  const filters = [
    <SearchInput key="q" source="q" alwaysOn />,
    <SelectInput key="action" source="action" choices={actions} alwaysOn />,
    <SelectInput key="resource" source="resource" choices={resources} />,
    <JpDateInput key="from" source="at_gte" label="app.filters.from" />,
    <JpDateInput key="to" source="at_lte" label="app.filters.to" />,
  ];
  return (
    <List
      error={<ListLoadError />}
      filters={filters}
      sort={{ field: 'at', order: 'DESC' }}
      perPage={50}
      actions={
        <TopToolbar>
          <FilterButton />
          <ServerExportButton />
        </TopToolbar>
      }
    >
      <DataTable bulkActionButtons={false} rowClick="show">
        <DataTable.Col source="at">
          <JpDateField source="at" showTime />
        </DataTable.Col>
        <DataTable.Col source="username">
          <TextField source="username" emptyText="—" />
        </DataTable.Col>
        <DataTable.Col source="action">
          <EnumField source="action" enumDef={AUDIT_ACTION} chip />
        </DataTable.Col>
        <DataTable.Col source="resource">
          <AuditResourceField source="resource" />
        </DataTable.Col>
        <DataTable.Col source="resourceId">
          <TextField source="resourceId" emptyText="—" />
        </DataTable.Col>
        <DataTable.Col source="ip" />
        <DataTable.Col source="changes" disableSort>
          <FunctionField
            source="changes"
            render={(r: { changes?: unknown }) => (r.changes ? <code style={{ fontSize: 11, wordBreak: 'break-all' }}>{JSON.stringify(r.changes).slice(0, 160)}</code> : '—')}
          />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
