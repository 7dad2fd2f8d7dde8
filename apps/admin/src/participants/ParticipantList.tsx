import { BooleanField, DataTable, FilterButton, List, TopToolbar, NumberField, ReferenceField, TextField, useTranslate } from 'react-admin';
import { Box, Typography } from '@mui/material';
import { AGE_BAND, CHANNEL } from '@mynapoint/domain';
import { JpDateField } from '../common/dates';
import { EnumField } from '../common/enums';
import { useParticipantFilters } from './participantFilters';
import { ServerExportButton } from '../common/ServerExportButton';
import { ListLoadError } from '../common/ListLoadError';

function Empty() {
  const translate = useTranslate();
  return (
    <Box sx={{ textAlign: 'center', m: 4 }}>
      <Typography variant="h6" color="text.secondary">
        {translate('resources.participants.empty')}
      </Typography>
    </Box>
  );
}

export function ParticipantList() {
  return (
    <List error={<ListLoadError />} filters={useParticipantFilters()} sort={{ field: 'reservedAt', order: 'DESC' }} empty={<Empty />} actions={<TopToolbar><FilterButton /><ServerExportButton /></TopToolbar>}>
      <DataTable rowClick="show" bulkActionButtons={false} sx={{ '& .RaDataTable-headerCell': { whiteSpace: 'nowrap' } }}>
        <DataTable.Col source="participantRef">
          <TextField source="participantRef" sx={{ fontFamily: 'monospace' }} />
        </DataTable.Col>
        <DataTable.Col source="reservedAt">
          <JpDateField source="reservedAt" />
        </DataTable.Col>
        <DataTable.Col source="channel">
          <EnumField source="channel" enumDef={CHANNEL} chip />
        </DataTable.Col>
        <DataTable.Col source="ageBand">
          <EnumField source="ageBand" enumDef={AGE_BAND} />
        </DataTable.Col>
        <DataTable.Col source="district" />
        <DataTable.Col source="paymentServiceId">
          <ReferenceField source="paymentServiceId" reference="payment-services" link={false} emptyText="—" />
        </DataTable.Col>
        <DataTable.NumberCol source="pointsTotal">
          <NumberField source="pointsTotal" />
        </DataTable.NumberCol>
        <DataTable.Col source="capReached">
          <BooleanField source="capReached" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
