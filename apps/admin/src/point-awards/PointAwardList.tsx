import { CreateButton, DataTable, FunctionField, List, NumberField, ReferenceField, TextField, TopToolbar, useCanAccess, useTranslate } from 'react-admin';
import { Box, Button, Chip, Stack, Typography } from '@mui/material';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Link as RouterLink } from 'react-router-dom';
import { POINT_AWARD_KIND } from '@mynapoint/domain';
import { JpDateField } from '../common/dates';
import { EnumField } from '../common/enums';
import { usePointAwardFilters } from './pointAwardFilters';
import { ServerExportButton } from '../common/ServerExportButton';
import { ListLoadError } from '../common/ListLoadError';

function ImportButton() {
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'imports', action: 'create' });
  if (!canAccess) return null;
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
      <ServerExportButton />
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

const NOWRAP = { whiteSpace: 'nowrap' } as const;

/** The participant's total against the cap, flagged once it is reached. */
function Standing({ participantPointsTotal, capYen, capReached }: { participantPointsTotal: number; capYen: number; capReached: boolean }) {
  const translate = useTranslate();
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      <span>
        {participantPointsTotal.toLocaleString('ja-JP')} / {capYen.toLocaleString('ja-JP')}
      </span>
      {capReached && <Chip size="small" color="success" variant="outlined" label={translate('resources.point-awards.ledger.cap_reached')} />}
    </Stack>
  );
}

export function PointAwardList() {
  return (
    <List error={<ListLoadError />} filters={usePointAwardFilters()} sort={{ field: 'transactionDate', order: 'DESC' }} perPage={25} empty={<Empty />} actions={<Actions />}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="transactionDate" sx={NOWRAP}>
          <JpDateField source="transactionDate" />
        </DataTable.Col>
        <DataTable.Col source="participantRef" />
        <DataTable.Col source="paymentServiceId">
          <ReferenceField source="paymentServiceId" reference="payment-services" link={false}>
            <TextField source="name" />
          </ReferenceField>
        </DataTable.Col>
        <DataTable.Col source="measureId">
          <ReferenceField source="measureId" reference="measures" link={false} emptyText="—" />
        </DataTable.Col>
        <DataTable.Col source="kind">
          <EnumField source="kind" enumDef={POINT_AWARD_KIND} />
        </DataTable.Col>
        <DataTable.Col source="amountYen">
          <NumberField source="amountYen" locales="ja-JP" />
        </DataTable.Col>
        <DataTable.Col source="points">
          <NumberField source="points" locales="ja-JP" />
        </DataTable.Col>
        <DataTable.Col source="participantPointsTotal" sx={NOWRAP}>
          <FunctionField render={(r: { participantPointsTotal: number; capYen: number; capReached: boolean }) => <Standing {...r} />} />
        </DataTable.Col>
        <DataTable.Col source="externalId" />
      </DataTable>
    </List>
  );
}
