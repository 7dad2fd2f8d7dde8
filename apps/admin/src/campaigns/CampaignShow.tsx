import { DataTable, DeleteButton, EditButton, Labeled, ReferenceManyField, Show, SimpleShowLayout, TextField, TopToolbar, useTranslate } from 'react-admin';
import { Typography } from '@mui/material';
import { QUOTA_STATUS } from '@mynapoint/domain';
import { JpDateField } from '../common/dates';
import { EnumField } from '../common/enums';
import { NationalChip } from '../common/NationalChip';
import { QuotaGaugeField } from '../reservation-quotas/QuotaGauge';
import { CampaignRuleField } from './CampaignRuleField';
import { PeriodField } from './PeriodField';

function Actions() {
  return (
    <TopToolbar>
      <EditButton />
      <DeleteButton mutationMode="pessimistic" />
    </TopToolbar>
  );
}

function NoQuotas() {
  const translate = useTranslate();
  return <Typography color="text.secondary">{translate('resources.campaigns.noQuotas')}</Typography>;
}

export function CampaignShow() {
  const translate = useTranslate();
  return (
    <Show actions={<Actions />}>
      <SimpleShowLayout>
        <NationalChip />
        <TextField source="name" />
        <Labeled label="resources.campaigns.periods.reservation">
          <PeriodField from="reservationOpensOn" to="reservationClosesOn" />
        </Labeled>
        <Labeled label="resources.campaigns.periods.application">
          <PeriodField from="applicationOpensOn" to="applicationClosesOn" />
        </Labeled>
        <Labeled label="resources.campaigns.periods.earning">
          <PeriodField from="earningStartsOn" to="earningEndsOn" />
        </Labeled>
        <Labeled label="resources.campaigns.sections.rule">
          <CampaignRuleField />
        </Labeled>
        <JpDateField source="updatedAt" showTime />
        <Typography variant="h6" sx={{ mt: 2 }}>
          {translate('resources.campaigns.sections.quotas')}
        </Typography>
        <ReferenceManyField reference="reservation-quotas" target="campaignId" sort={{ field: 'opensAt', order: 'ASC' }} empty={<NoQuotas />} label={false}>
          <DataTable rowClick="show" bulkActionButtons={false}>
            <DataTable.Col source="name" />
            <DataTable.Col source="fillRate" disableSort>
              <QuotaGaugeField />
            </DataTable.Col>
            <DataTable.Col source="status" disableSort>
              <EnumField source="status" enumDef={QUOTA_STATUS} chip />
            </DataTable.Col>
          </DataTable>
        </ReferenceManyField>
      </SimpleShowLayout>
    </Show>
  );
}
