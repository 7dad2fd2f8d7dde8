import { BooleanField, CreateButton, DataTable, FilterButton, List, ReferenceField, TextField, TopToolbar, useTranslate } from 'react-admin';
import { Box, Typography } from '@mui/material';
import { AGE_BAND, CHANNEL } from '@mynapoint/domain';
import { JpDateField } from '../common/dates';
import { EnumField } from '../common/enums';
import { useReservationFilters } from './reservationFilters';
import { ServerExportButton } from '../common/ServerExportButton';
import { ListLoadError } from '../common/ListLoadError';

function Empty() {
  const translate = useTranslate();
  return (
    <Box sx={{ textAlign: 'center', m: 4 }}>
      <Typography variant="h6" color="text.secondary" gutterBottom>
        {translate('resources.reservations.empty')}
      </Typography>
      <CreateButton label="resources.reservations.counter_create" />
    </Box>
  );
}

export function ReservationList() {
  return (
    <List
      error={<ListLoadError />}
      filters={useReservationFilters()}
      sort={{ field: 'reservedAt', order: 'DESC' }}
      empty={<Empty />}
      actions={
        <TopToolbar>
          <FilterButton />
          <CreateButton label="resources.reservations.counter_create" variant="contained" />
          <ServerExportButton />
        </TopToolbar>
      }
    >
      <DataTable rowClick="show" bulkActionButtons={false} sx={{ '& .RaDataTable-headerCell': { whiteSpace: 'nowrap' } }}>
        <DataTable.Col source="reservedAt">
          <JpDateField source="reservedAt" showTime />
        </DataTable.Col>
        <DataTable.Col source="participantRef">
          <TextField source="participantRef" sx={{ fontFamily: 'monospace' }} />
        </DataTable.Col>
        <DataTable.Col source="quotaId">
          <ReferenceField source="quotaId" reference="reservation-quotas" link={false} />
        </DataTable.Col>
        <DataTable.Col source="channel">
          <EnumField source="channel" enumDef={CHANNEL} chip />
        </DataTable.Col>
        <DataTable.Col source="ageBand">
          <EnumField source="ageBand" enumDef={AGE_BAND} />
        </DataTable.Col>
        <DataTable.Col source="district" />
        <DataTable.Col source="applied">
          <BooleanField source="applied" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
