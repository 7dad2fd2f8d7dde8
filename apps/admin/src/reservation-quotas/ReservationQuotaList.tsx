import { CreateButton, DataTable, List, ReferenceField, TopToolbar, useTranslate } from 'react-admin';
import { Box, Typography } from '@mui/material';
import { QUOTA_STATUS } from '@mynapoint/domain';
import { JpDateField } from '../common/dates';
import { EnumField } from '../common/enums';
import { QuotaGaugeField } from './QuotaGauge';
import { useReservationQuotaFilters } from './reservationQuotaFilters';
import { ServerExportButton } from '../common/ServerExportButton';
import { ListLoadError } from '../common/ListLoadError';

function Empty() {
  const translate = useTranslate();
  return (
    <Box sx={{ textAlign: 'center', m: 4 }}>
      <Typography variant="h6" color="text.secondary" gutterBottom>
        {translate('resources.reservation-quotas.empty')}
      </Typography>
      <CreateButton />
    </Box>
  );
}

// Fullest first: the quotas where staff may have to act.
export function ReservationQuotaList() {
  return (
    <List error={<ListLoadError />} filters={useReservationQuotaFilters()} sort={{ field: 'fillRate', order: 'DESC' }} empty={<Empty />} actions={<TopToolbar><CreateButton /><ServerExportButton /></TopToolbar>}>
      <DataTable rowClick="show" bulkActionButtons={false} sx={{ '& .RaDataTable-headerCell': { whiteSpace: 'nowrap' } }}>
        <DataTable.Col source="name" />
        <DataTable.Col source="campaignId">
          <ReferenceField source="campaignId" reference="campaigns" link={false} />
        </DataTable.Col>
        <DataTable.Col source="fillRate">
          <QuotaGaugeField />
        </DataTable.Col>
        <DataTable.NumberCol source="used" />
        <DataTable.NumberCol source="capacity" />
        <DataTable.Col source="status">
          <EnumField source="status" enumDef={QUOTA_STATUS} chip />
        </DataTable.Col>
        <DataTable.Col source="opensAt">
          <JpDateField source="opensAt" showTime />
        </DataTable.Col>
        <DataTable.Col source="closesAt">
          <JpDateField source="closesAt" showTime />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}

