import { CreateButton, DataTable, FunctionField, List, NumberField, SearchInput, SelectInput, TextField, TopToolbar, useTranslate } from 'react-admin';
import { Box, LinearProgress, Typography } from '@mui/material';
import { IMPORT_STATUS, IMPORT_TYPE } from '@mynapoint/domain';
import { JpDateField } from '../common/dates';
import { EnumField, useEnumChoices } from '../common/enums';
import { importProgress, type ImportProgressInput } from './importProgress';
import { ImportStatusChip } from './ImportStatusChip';

function Empty() {
  const translate = useTranslate();
  return (
    <Box sx={{ textAlign: 'center', m: 4 }}>
      <Typography variant="h6" color="text.secondary" gutterBottom>
        {translate('resources.imports.empty')}
      </Typography>
      <CreateButton label="resources.imports.action.create" />
    </Box>
  );
}

function Actions() {
  return (
    <TopToolbar>
      <CreateButton label="resources.imports.action.create" />
    </TopToolbar>
  );
}

export function ImportList() {
  const types = useEnumChoices(IMPORT_TYPE);
  const statuses = useEnumChoices(IMPORT_STATUS);
  const filters = [
    <SearchInput key="q" source="q" alwaysOn placeholder="ファイル名" />,
    <SelectInput key="type" source="type" choices={types} alwaysOn />,
    <SelectInput key="status" source="status" choices={statuses} alwaysOn />,
  ];
  return (
    <List filters={filters} sort={{ field: 'id', order: 'DESC' }} perPage={25} empty={<Empty />} actions={<Actions />}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="createdAt">
          <JpDateField source="createdAt" showTime />
        </DataTable.Col>
        <DataTable.Col source="type">
          <EnumField source="type" enumDef={IMPORT_TYPE} />
        </DataTable.Col>
        <DataTable.Col source="filename" />
        <DataTable.Col source="status">
          <ImportStatusChip />
        </DataTable.Col>
        <DataTable.Col source="rowsDone" disableSort>
          <FunctionField
            render={(r: ImportProgressInput) => (
              <LinearProgress variant="determinate" value={importProgress(r).percent} sx={{ width: 100 }} color={r.status === 'failed' ? 'error' : 'primary'} />
            )}
          />
        </DataTable.Col>
        <DataTable.Col source="rowsTotal">
          <NumberField source="rowsTotal" locales="ja-JP" />
        </DataTable.Col>
        <DataTable.Col source="accepted">
          <NumberField source="accepted" locales="ja-JP" />
        </DataTable.Col>
        <DataTable.Col source="duplicates">
          <NumberField source="duplicates" locales="ja-JP" />
        </DataTable.Col>
        <DataTable.Col source="rejected">
          <NumberField source="rejected" locales="ja-JP" />
        </DataTable.Col>
        <DataTable.Col source="createdByName">
          <TextField source="createdByName" emptyText="—" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
