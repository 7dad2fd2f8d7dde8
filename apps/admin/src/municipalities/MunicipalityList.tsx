import { BooleanField, CreateButton, DataTable, List, SearchInput, TopToolbar, useTranslate } from 'react-admin';
import { Box, Typography } from '@mui/material';
import { PREFECTURE } from '@mynapoint/domain';
import { EnumField } from '../common/enums';
import { ListLoadError } from '../common/ListLoadError';
import { ServerExportButton } from '../common/ServerExportButton';

function Empty() {
  const translate = useTranslate();
  return (
    <Box sx={{ textAlign: 'center', m: 4 }}>
      <Typography variant="h6" color="text.secondary" gutterBottom>
        {translate('resources.municipalities.empty')}
      </Typography>
      <CreateButton />
    </Box>
  );
}

export function MunicipalityList() {
  const translate = useTranslate();
  const filters = [<SearchInput key="q" source="q" alwaysOn placeholder={translate('resources.municipalities.filters.q')} />];
  return (
    <List
      error={<ListLoadError />}
      filters={filters}
      sort={{ field: 'code', order: 'ASC' }}
      empty={<Empty />}
      actions={
        <TopToolbar>
          <CreateButton />
          <ServerExportButton />
        </TopToolbar>
      }
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="code" />
        <DataTable.Col source="name" />
        <DataTable.Col source="prefectureCode" label="resources.municipalities.prefecture">
          <EnumField source="prefectureCode" enumDef={PREFECTURE} />
        </DataTable.Col>
        <DataTable.Col source="active">
          <BooleanField source="active" />
        </DataTable.Col>
        <DataTable.Col source="contactPhone" />
        <DataTable.Col source="contactEmail" />
      </DataTable>
    </List>
  );
}
