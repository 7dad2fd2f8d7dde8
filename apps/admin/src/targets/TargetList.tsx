import { Box, Typography } from '@mui/material';
import { CreateButton, DataTable, List, SearchInput, TopToolbar, useTranslate } from 'react-admin';
import { TARGET_METRIC } from '@mynapoint/domain';
import { JpDateField } from '../common/dates';
import { EnumField } from '../common/enums';
import { ListLoadError } from '../common/ListLoadError';
import { ServerExportButton } from '../common/ServerExportButton';

function Empty() {
  const translate = useTranslate();
  return (
    <Box sx={{ textAlign: 'center', m: 4 }}>
      <Typography variant="h6" color="text.secondary" gutterBottom>
        {translate('resources.targets.empty')}
      </Typography>
      <CreateButton />
    </Box>
  );
}

export function TargetList() {
  return (
    <List
      error={<ListLoadError />}
      filters={[<SearchInput key="q" source="q" alwaysOn />]}
      sort={{ field: 'dueOn', order: 'ASC' }}
      empty={<Empty />}
      actions={
        <TopToolbar>
          <CreateButton />
          <ServerExportButton />
        </TopToolbar>
      }
    >
      <DataTable rowClick="edit" bulkActionButtons={false}>
        <DataTable.Col source="name" />
        <DataTable.Col source="metric">
          <EnumField source="metric" enumDef={TARGET_METRIC} />
        </DataTable.Col>
        <DataTable.NumberCol source="percent" options={{ minimumFractionDigits: 1 }} />
        <DataTable.Col source="dueOn">
          <JpDateField source="dueOn" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
