import { BooleanField, CreateButton, DataTable, List, NumberField, ReferenceField, TextField, TopToolbar, useTranslate } from 'react-admin';
import { Box, Button, Typography } from '@mui/material';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Link as RouterLink } from 'react-router-dom';
import { TRANSACTION_KIND, can } from '@mynapoint/domain';
import { JpDateField } from '../common/dates';
import { EnumField } from '../common/enums';
import { readSession } from '../session';
import { usePointAwardFilters } from './pointAwardFilters';

function ImportButton() {
  const translate = useTranslate();
  if (!can(readSession()?.user.role, 'imports', 'create')) return null;
  return (
    <Button component={RouterLink} to="/imports/create" startIcon={<UploadFileIcon />} size="small">
      {translate('resources.point-awards.action.import')}
    </Button>
  );
}

function Actions() {
  return (
    <TopToolbar>
      <ImportButton />
      <CreateButton />
    </TopToolbar>
  );
}

function Empty() {
  const translate = useTranslate();
  return (
    <Box sx={{ textAlign: 'center', m: 4 }}>
      <Typography variant="h6" color="text.secondary" gutterBottom>
        {translate('resources.point-awards.empty')}
      </Typography>
      <ImportButton />
    </Box>
  );
}

export function PointAwardList() {
  return (
    <List filters={usePointAwardFilters()} sort={{ field: 'transactionDate', order: 'DESC' }} perPage={25} empty={<Empty />} actions={<Actions />}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="transactionDate">
          <JpDateField source="transactionDate" />
        </DataTable.Col>
        <DataTable.Col source="participantRef" />
        <DataTable.Col source="paymentServiceId">
          <ReferenceField source="paymentServiceId" reference="payment-services" link={false}>
            <TextField source="name" />
          </ReferenceField>
        </DataTable.Col>
        <DataTable.Col source="kind">
          <EnumField source="kind" enumDef={TRANSACTION_KIND} />
        </DataTable.Col>
        <DataTable.Col source="amountYen">
          <NumberField source="amountYen" locales="ja-JP" />
        </DataTable.Col>
        <DataTable.Col source="points">
          <NumberField source="points" locales="ja-JP" />
        </DataTable.Col>
        <DataTable.Col source="participantPointsTotal">
          <NumberField source="participantPointsTotal" locales="ja-JP" />
        </DataTable.Col>
        <DataTable.Col source="capReached">
          <BooleanField source="capReached" />
        </DataTable.Col>
        <DataTable.Col source="externalId" />
      </DataTable>
    </List>
  );
}
