import { BooleanField, CreateButton, DataTable, FilterButton, List, ReferenceField, TextField, TopToolbar, useTranslate } from 'react-admin';
import { Box, Typography } from '@mui/material';
import { CHANNEL } from '@mynapoint/domain';
import { JpDateField } from '../common/dates';
import { EnumField } from '../common/enums';
import { useApplicationFilters } from './applicationFilters';
import { ServerExportButton } from '../common/ServerExportButton';
import { ListLoadError } from '../common/ListLoadError';
import { ReapplicationChip } from './ReapplicationChip';

function Empty() {
  const translate = useTranslate();
  return (
    <Box sx={{ textAlign: 'center', m: 4 }}>
      <Typography variant="h6" color="text.secondary" gutterBottom>
        {translate('resources.applications.empty')}
      </Typography>
      <CreateButton label="resources.applications.counter_create" />
    </Box>
  );
}

export function ApplicationList() {
  return (
    <List
      error={<ListLoadError />}
      filters={useApplicationFilters()}
      sort={{ field: 'appliedAt', order: 'DESC' }}
      empty={<Empty />}
      actions={
        <TopToolbar>
          <FilterButton />
          <CreateButton label="resources.applications.counter_create" variant="contained" />
          <ServerExportButton />
        </TopToolbar>
      }
    >
      <DataTable rowClick="show" bulkActionButtons={false} sx={{ '& .RaDataTable-headerCell': { whiteSpace: 'nowrap' } }}>
        <DataTable.Col source="appliedAt">
          <JpDateField source="appliedAt" showTime />
        </DataTable.Col>
        <DataTable.Col source="participantRef">
          <TextField source="participantRef" sx={{ fontFamily: 'monospace' }} />
        </DataTable.Col>
        <DataTable.Col source="paymentServiceId">
          <ReferenceField source="paymentServiceId" reference="payment-services" link={false} />
        </DataTable.Col>
        <DataTable.Col source="campaignId">
          <ReferenceField source="campaignId" reference="campaigns" link={false} />
        </DataTable.Col>
        <DataTable.Col source="measureId">
          <ReferenceField source="measureId" reference="measures" link={false} emptyText="—" />
        </DataTable.Col>
        <DataTable.Col source="channel">
          <EnumField source="channel" enumDef={CHANNEL} chip />
        </DataTable.Col>
        <DataTable.Col source="preRegistered">
          <BooleanField source="preRegistered" />
        </DataTable.Col>
        <DataTable.Col source="reapplication">
          <ReapplicationChip source="reapplication" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
