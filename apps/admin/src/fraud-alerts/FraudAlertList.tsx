import { CreateButton, DataTable, FunctionField, List, NumberField, TextField, TopToolbar, useTranslate } from 'react-admin';
import { Box, Typography } from '@mui/material';
import { FRAUD_CHANNEL, IMPERSONATED, NOTICE_STATE, REQUESTED_ITEM } from '@mynapoint/domain';
import { JpDateField } from '../common/dates';
import { EnumArrayField, EnumField } from '../common/enums';
import { useFraudAlertFilters } from './fraudAlertFilters';
import { SeverityField, StatusField } from './fraudAlertChips';
import { ServerExportButton } from '../common/ServerExportButton';
import { ListLoadError } from '../common/ListLoadError';

function Empty() {
  const translate = useTranslate();
  return (
    <Box sx={{ textAlign: 'center', m: 4 }}>
      <Typography variant="h6" color="text.secondary" gutterBottom>
        {translate('resources.fraud-alerts.empty')}
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        {translate('resources.fraud-alerts.emptyHint')}
      </Typography>
      <CreateButton />
    </Box>
  );
}

function Actions() {
  return (
    <TopToolbar>
      <CreateButton />
      <ServerExportButton />
    </TopToolbar>
  );
}

const yen = { style: 'currency', currency: 'JPY' } as const;

export function FraudAlertList() {
  return (
    <List error={<ListLoadError />} filters={useFraudAlertFilters()} sort={{ field: 'reportedAt', order: 'DESC' }} perPage={25} empty={<Empty />} actions={<Actions />}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="reportedAt">
          <JpDateField source="reportedAt" showTime />
        </DataTable.Col>
        <DataTable.Col source="channel">
          <EnumField source="channel" enumDef={FRAUD_CHANNEL} />
        </DataTable.Col>
        <DataTable.Col source="impersonated">
          <EnumField source="impersonated" enumDef={IMPERSONATED} />
        </DataTable.Col>
        <DataTable.Col source="requestedItems" disableSort>
          <EnumArrayField source="requestedItems" enumDef={REQUESTED_ITEM} />
        </DataTable.Col>
        <DataTable.Col source="damageYen">
          <FunctionField source="damageYen" render={(r: { damageYen: number }) => (r.damageYen ? <NumberField source="damageYen" options={yen} /> : '—')} />
        </DataTable.Col>
        <DataTable.Col source="district">
          <TextField source="district" emptyText="—" />
        </DataTable.Col>
        <DataTable.Col source="severity">
          <SeverityField source="severity" />
        </DataTable.Col>
        <DataTable.Col source="status">
          <StatusField source="status" />
        </DataTable.Col>
        <DataTable.Col source="noticeState">
          <FunctionField source="noticeState" render={(r: { noticeState: string }) => (r.noticeState === 'none' ? '—' : <EnumField source="noticeState" enumDef={NOTICE_STATE} chip />)} />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
