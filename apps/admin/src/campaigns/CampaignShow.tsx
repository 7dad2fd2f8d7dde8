import {
  CreateButton,
  DataTable,
  DeleteButton,
  EditButton,
  Labeled,
  ReferenceManyField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useCanAccess,
  useGetList,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { Box, Typography } from '@mui/material';
import { QUOTA_STATUS } from '@mynapoint/domain';
import { BudgetGaugeField } from '../measures/BudgetGauge';
import { MeasureRuleField } from '../measures/MeasureRuleField';
import { FUNDED_BY } from '../measures/measureEnums';
import { readSession } from '../session';
import { DeadlineHistory } from './DeadlineHistory';
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

function NoMeasures() {
  const translate = useTranslate();
  return <Typography color="text.secondary">{translate('resources.measures.campaign.none')}</Typography>;
}

/** The campaign's measures (施策): rule, window, funding and budget use; a button to add one. */
function CampaignMeasures() {
  const translate = useTranslate();
  const campaign = useRecordContext<{ id: number; national?: boolean }>();
  const { canAccess: mayCreate } = useCanAccess({ resource: 'measures', action: 'create' });
  if (!campaign) return null;
  // A national campaign's measures are the operator's: a municipality adds its own under its own campaign.
  const mayAdd = mayCreate && (!campaign.national || readSession()?.user.role === 'operator');
  return (
    <Box data-testid="campaign-measures">
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mt: 2 }}>
        <Typography variant="h6" component="h2">
          {translate('resources.measures.sections.measures')}
        </Typography>
        {mayAdd ? <CreateButton resource="measures" state={{ record: { campaignId: campaign.id } }} label="resources.measures.campaign.add" /> : null}
      </Box>
      <ReferenceManyField reference="measures" target="campaignId" sort={{ field: 'applicationOpensOn', order: 'ASC' }} perPage={50} empty={<NoMeasures />} label={false}>
        <DataTable rowClick="show" bulkActionButtons={false} sx={{ '& .RaDataTable-headerCell': { whiteSpace: 'nowrap' } }}>
          <DataTable.Col source="name" />
          <DataTable.Col source="rule" label="resources.measures.columns.rule" disableSort>
            <MeasureRuleField />
          </DataTable.Col>
          <DataTable.Col source="applicationOpensOn" label="resources.measures.windows.application" disableSort>
            <PeriodField from="applicationOpensOn" to="applicationClosesOn" />
          </DataTable.Col>
          <DataTable.Col source="fundedBy" disableSort>
            <EnumField source="fundedBy" enumDef={FUNDED_BY} />
          </DataTable.Col>
          <DataTable.Col source="budget" label="resources.measures.columns.budget" disableSort>
            <BudgetGaugeField />
          </DataTable.Col>
        </DataTable>
      </ReferenceManyField>
    </Box>
  );
}

/** The history of the campaign's and its measures' deadlines (the audit log). */
function CampaignHistory() {
  const translate = useTranslate();
  const campaign = useRecordContext<{ id: number }>();
  const { data: measures } = useGetList<{ id: number; name: string }>(
    'measures',
    { pagination: { page: 1, perPage: 100 }, sort: { field: 'id', order: 'ASC' }, filter: { campaignId: campaign?.id } },
    { enabled: Boolean(campaign) },
  );
  if (!campaign || !measures) return null;
  return (
    <Box data-testid="campaign-history">
      <Typography variant="h6" component="h2" sx={{ mt: 2, mb: 1 }}>
        {translate('resources.measures.sections.history')}
      </Typography>
      <DeadlineHistory measures={measures} />
    </Box>
  );
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
        <CampaignMeasures />
        <Typography variant="h6" component="h2" sx={{ mt: 2 }}>
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
        <CampaignHistory />
      </SimpleShowLayout>
    </Show>
  );
}
