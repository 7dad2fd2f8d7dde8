import AddIcon from '@mui/icons-material/Add';
import { Box, Button, Typography } from '@mui/material';
import { DataTable, FunctionField, List, TopToolbar, useCanAccess, useTranslate, Link } from 'react-admin';
import { ASSISTANCE_TYPE, OFFICE } from '@mynapoint/domain';
import { JpDateField } from '../common/dates';
import { EnumArrayField, EnumField } from '../common/enums';
import { useAssistanceRecordFilters } from './assistanceRecordFilters';
import { OutcomeField } from './OutcomeField';
import { ServerExportButton } from '../common/ServerExportButton';
import { ListLoadError } from '../common/ListLoadError';

function QuickEntryButton() {
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'assistance-records', action: 'create' });
  if (!canAccess) return null;
  return (
    <Button component={Link} to="/assistance-records/create" startIcon={<AddIcon />} size="small">
      {translate('resources.assistance-records.create_quick')}
    </Button>
  );
}

function Empty() {
  const translate = useTranslate();
  return (
    <Box sx={{ textAlign: 'center', m: 4 }}>
      <Typography variant="h6" color="text.secondary" gutterBottom>
        {translate('resources.assistance-records.empty')}
      </Typography>
      <QuickEntryButton />
    </Box>
  );
}

export function AssistanceRecordList() {
  return (
    <List
      error={<ListLoadError />}
      filters={useAssistanceRecordFilters()}
      sort={{ field: 'visitedAt', order: 'DESC' }}
      perPage={25}
      empty={<Empty />}
      actions={
        <TopToolbar>
          <QuickEntryButton />
          <ServerExportButton />
        </TopToolbar>
      }
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="visitedAt" sx={{ whiteSpace: 'nowrap' }}>
          <JpDateField source="visitedAt" showTime />
        </DataTable.Col>
        <DataTable.Col source="staffName" sx={{ whiteSpace: 'nowrap' }} />
        <DataTable.Col source="office">
          <EnumField source="office" enumDef={OFFICE} />
        </DataTable.Col>
        <DataTable.Col source="assistanceTypes" disableSort>
          <EnumArrayField source="assistanceTypes" enumDef={ASSISTANCE_TYPE} />
        </DataTable.Col>
        <DataTable.Col source="outcome">
          <OutcomeField />
        </DataTable.Col>
        <DataTable.Col source="durationMinutes" align="right" />
        <DataTable.Col source="district">
          <FunctionField source="district" render={(r: { district?: string | null }) => r.district ?? '—'} />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
