import { Box, Button, Typography } from '@mui/material';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { CreateButton, DataTable, List, TopToolbar, useCanAccess, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { AGE_BAND } from '@mynapoint/domain';
import { JpDateField } from '../common/dates';
import { EnumField } from '../common/enums';
import { ListLoadError } from '../common/ListLoadError';
import { ServerExportButton } from '../common/ServerExportButton';
import { usePopulationFigureFilters } from './populationFigureFilters';
import { RateField } from './RateField';

const IMPORT_PATH = '/imports/create?type=population-figures';

function ImportButton() {
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'imports', action: 'create' });
  if (!canAccess) return null;
  return (
    <Button component={Link} to={IMPORT_PATH} size="small" startIcon={<UploadFileIcon />}>
      {translate('resources.population-figures.import')}
    </Button>
  );
}

function Empty() {
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'population-figures', action: 'create' });
  return (
    <Box sx={{ textAlign: 'center', m: 4 }}>
      <Typography variant="h6" color="text.secondary" gutterBottom>
        {translate(canAccess ? 'resources.population-figures.empty' : 'resources.population-figures.empty_read_only')}
      </Typography>
      <ImportButton />
      <CreateButton />
    </Box>
  );
}

// The newest snapshot first; each cell's rates computed as the dashboard does.
export function PopulationFigureList() {
  return (
    <List
      error={<ListLoadError />}
      filters={usePopulationFigureFilters()}
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
      <DataTable rowClick="show" bulkActionButtons={false} sx={{ '& .RaDataTable-headerCell': { whiteSpace: 'nowrap' } }}>
        <DataTable.Col source="asOf">
          <JpDateField source="asOf" />
        </DataTable.Col>
        <DataTable.Col source="district" />
        <DataTable.Col source="ageBand">
          <EnumField source="ageBand" enumDef={AGE_BAND} />
        </DataTable.Col>
        <DataTable.NumberCol source="population" />
        <DataTable.NumberCol source="cardApplications" />
        <DataTable.Col source="applicationRatePercent" disableSort align="right">
          <RateField count="cardApplications" />
        </DataTable.Col>
        <DataTable.NumberCol source="cardsIssued" />
        <DataTable.Col source="issuanceRatePercent" disableSort align="right">
          <RateField count="cardsIssued" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
