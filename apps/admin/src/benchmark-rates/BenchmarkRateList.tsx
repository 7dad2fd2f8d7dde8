import { Box, Button, Typography } from '@mui/material';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { CreateButton, DataTable, List, SelectInput, TopToolbar, useCanAccess, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { BENCHMARK_SCOPE } from '@mynapoint/domain';
import { JpDateField } from '../common/dates';
import { EnumField, useEnumChoices } from '../common/enums';
import { JpDateInput } from '../common/JpDateInputs';
import { ListLoadError } from '../common/ListLoadError';
import { ServerExportButton } from '../common/ServerExportButton';

function ImportButton() {
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'imports', action: 'create' });
  if (!canAccess) return null;
  return (
    <Button component={Link} to="/imports/create?type=benchmark-rates" size="small" startIcon={<UploadFileIcon />}>
      {translate('resources.benchmark-rates.import')}
    </Button>
  );
}

function Empty() {
  const translate = useTranslate();
  return (
    <Box sx={{ textAlign: 'center', m: 4 }}>
      <Typography variant="h6" color="text.secondary" gutterBottom>
        {translate('resources.benchmark-rates.empty')}
      </Typography>
      <ImportButton />
      <CreateButton />
    </Box>
  );
}

export function BenchmarkRateList() {
  const scopes = useEnumChoices(BENCHMARK_SCOPE);
  return (
    <List
      error={<ListLoadError />}
      filters={[<SelectInput key="scope" source="scope" choices={scopes} alwaysOn />, <JpDateInput key="asOf" source="asOf" alwaysOn />]}
      sort={{ field: 'asOf', order: 'DESC' }}
      empty={<Empty />}
      actions={
        <TopToolbar>
          <ImportButton />
          <CreateButton />
          <ServerExportButton />
        </TopToolbar>
      }
    >
      <DataTable rowClick="edit" bulkActionButtons={false}>
        <DataTable.Col source="asOf">
          <JpDateField source="asOf" />
        </DataTable.Col>
        <DataTable.Col source="scope">
          <EnumField source="scope" enumDef={BENCHMARK_SCOPE} />
        </DataTable.Col>
        <DataTable.NumberCol source="applicationRatePercent" options={{ minimumFractionDigits: 1 }} />
        <DataTable.NumberCol source="issuanceRatePercent" options={{ minimumFractionDigits: 1 }} />
      </DataTable>
    </List>
  );
}
