import { CreateButton, DataTable, FunctionField, List, SearchInput, SelectInput, TextField, TopToolbar, useCanAccess, useTranslate } from 'react-admin';
import { Box, Chip, LinearProgress, Stack, Typography } from '@mui/material';
import { IMPORT_STATUS, IMPORT_TYPE } from '@mynapoint/domain';
import { JpDateField } from '../common/dates';
import { EnumField, useEnumChoices } from '../common/enums';
import { importProgress, type ImportProgressInput } from './importProgress';
import { ImportStatusChip } from './ImportStatusChip';
import { ServerExportButton } from '../common/ServerExportButton';
import { ListLoadError } from '../common/ListLoadError';
import { useRolesWhoCan } from '../common/useRolesWhoCan';

// A manager reads imports but cannot run one: the empty list says so, without the invitation.
function Empty() {
  const translate = useTranslate();
  const { canAccess, isPending } = useCanAccess({ resource: 'imports', action: 'create' });
  const importers = useRolesWhoCan('imports', 'create', translate('app.punct.list'));
  if (isPending) return null;
  return (
    <Box sx={{ textAlign: 'center', m: 4 }}>
      <Typography variant="h6" color="text.secondary" gutterBottom>
        {canAccess ? translate('resources.imports.empty') : translate('resources.imports.empty_read_only', { roles: importers })}
      </Typography>
      {canAccess && <CreateButton label="resources.imports.action.create" />}
    </Box>
  );
}

function Actions() {
  return (
    <TopToolbar>
      <CreateButton label="resources.imports.action.create" />
      <ServerExportButton />
    </TopToolbar>
  );
}

interface ImportCounts {
  status: string;
  rowsTotal: number;
  accepted: number;
  duplicates: number;
  rejected: number;
}

/** 取り込み 4 ・ 重複 0 ・ エラー 3, once the job has counted. */
function Result({ status, rowsTotal, accepted, duplicates, rejected }: ImportCounts) {
  const translate = useTranslate();
  if (status !== 'done') return <span>{rowsTotal ? translate('resources.imports.list.rows', { n: rowsTotal.toLocaleString('ja-JP') }) : '—'}</span>;
  const n = (v: number) => v.toLocaleString('ja-JP');
  return (
    <Stack direction="row" spacing={0.5}>
      <Chip size="small" color="success" variant="outlined" label={`${translate('resources.imports.list.accepted')} ${n(accepted)}`} />
      <Chip size="small" variant="outlined" label={`${translate('resources.imports.list.duplicates')} ${n(duplicates)}`} />
      <Chip size="small" color={rejected ? 'error' : 'default'} variant="outlined" label={`${translate('resources.imports.list.rejected')} ${n(rejected)}`} />
    </Stack>
  );
}

export function ImportList() {
  const translate = useTranslate();
  const types = useEnumChoices(IMPORT_TYPE);
  const statuses = useEnumChoices(IMPORT_STATUS);
  const filters = [
    <SearchInput key="q" source="q" alwaysOn placeholder={translate('resources.imports.filters.q')} />,
    <SelectInput key="type" source="type" choices={types} alwaysOn />,
    <SelectInput key="status" source="status" choices={statuses} alwaysOn />,
  ];
  return (
    <List
      error={<ListLoadError />}
      filters={filters}
      sort={{ field: 'id', order: 'DESC' }}
      perPage={25}
      empty={<Empty />}
      actions={<Actions />}
      // While a job on the page runs, its row follows it.
      queryOptions={{ refetchInterval: (q) => (q.state.data?.data.some((r) => importProgress(r as ImportProgressInput).active) ? 2000 : false) }}
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="createdAt" sx={{ whiteSpace: 'nowrap' }}>
          <JpDateField source="createdAt" showTime />
        </DataTable.Col>
        <DataTable.Col source="type">
          <EnumField source="type" enumDef={IMPORT_TYPE} />
        </DataTable.Col>
        <DataTable.Col source="filename" />
        <DataTable.Col source="status">
          <ImportStatusChip />
        </DataTable.Col>
        <DataTable.Col source="rowsDone" label="resources.imports.list.progress" disableSort>
          <FunctionField
            render={(r: ImportProgressInput) => (
              <LinearProgress variant="determinate" value={importProgress(r).percent} sx={{ width: 90 }} color={r.status === 'failed' ? 'error' : r.status === 'done' ? 'success' : 'primary'} />
            )}
          />
        </DataTable.Col>
        <DataTable.Col source="accepted" label="resources.imports.list.result" disableSort>
          <FunctionField render={(r: ImportCounts) => <Result {...r} />} />
        </DataTable.Col>
        <DataTable.Col source="createdByName">
          <TextField source="createdByName" emptyText="—" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
