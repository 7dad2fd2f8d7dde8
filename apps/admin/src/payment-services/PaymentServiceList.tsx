import { BooleanField, CreateButton, DataTable, EditButton, List, TopToolbar, useTranslate, FilterButton } from 'react-admin';
import { Box, Typography } from '@mui/material';
import { PAYMENT_SERVICE_KIND, PAYMENT_SERVICE_STATUS } from '@mynapoint/domain';
import { ServerExportButton } from '../common/ServerExportButton';
import { JpDateField } from '../common/dates';
import { EnumField } from '../common/enums';
import { usePaymentServiceFilters } from './paymentServiceFilters';
import { ListLoadError } from '../common/ListLoadError';
import { NameWithNationalChip } from '../common/NationalChip';

function Empty() {
  const translate = useTranslate();
  return (
    <Box sx={{ textAlign: 'center', m: 4 }}>
      <Typography variant="h6" color="text.secondary" gutterBottom>
        {translate('resources.payment-services.empty')}
      </Typography>
      <CreateButton />
    </Box>
  );
}

function Actions() {
  return (
    <TopToolbar>
      <FilterButton />
      <CreateButton />
      <ServerExportButton />
    </TopToolbar>
  );
}

export function PaymentServiceList() {
  return (
    <List error={<ListLoadError />} filters={usePaymentServiceFilters()} sort={{ field: 'nameKana', order: 'ASC' }} perPage={25} empty={<Empty />} actions={<Actions />}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="name">
          <NameWithNationalChip />
        </DataTable.Col>
        <DataTable.Col source="nameKana" />
        <DataTable.Col source="operator" />
        <DataTable.Col source="kind">
          <EnumField source="kind" enumDef={PAYMENT_SERVICE_KIND} />
        </DataTable.Col>
        <DataTable.Col source="preRegistrationRequired">
          <BooleanField source="preRegistrationRequired" />
        </DataTable.Col>
        <DataTable.Col source="applicationsOpenOn">
          <JpDateField source="applicationsOpenOn" />
        </DataTable.Col>
        <DataTable.Col source="status">
          <EnumField source="status" enumDef={PAYMENT_SERVICE_STATUS} chip />
        </DataTable.Col>
        <DataTable.Col label={false}>
          <EditButton />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
