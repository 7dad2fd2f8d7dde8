import { Box, Stack, Typography } from '@mui/material';
import {
  DeleteButton,
  EditButton,
  Labeled,
  NumberField,
  RecordContextProvider,
  ReferenceField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { formatJapaneseEraDate } from '@mynapoint/domain';
import { JpDateField } from '../common/dates';
import { EnumField } from '../common/enums';
import { NationalChip } from '../common/NationalChip';
import { PeriodField } from '../campaigns/PeriodField';
import { BudgetGaugeField } from './BudgetGauge';
import { MeasureRuleField } from './MeasureRuleField';
import { MEASURE_ELIGIBILITY, FUNDED_BY, MEASURE_KIND } from './measureEnums';

function Actions() {
  return (
    <TopToolbar>
      <EditButton />
      <DeleteButton mutationMode="pessimistic" />
    </TopToolbar>
  );
}

/** Budget, used and remaining in yen beside the gauge; only for a measure with a budget of its own. */
function Budget() {
  const record = useRecordContext<{ budgetYen?: number | null }>();
  if (record?.budgetYen == null) return null;
  return (
    <Stack direction="row" sx={{ gap: 4, flexWrap: 'wrap' }}>
      <Labeled source="budgetYen">
        <NumberField source="budgetYen" locales="ja-JP" />
      </Labeled>
      <Labeled source="awardedYen">
        <NumberField source="awardedYen" locales="ja-JP" />
      </Labeled>
      <Labeled source="remainingBudgetYen">
        <NumberField source="remainingBudgetYen" locales="ja-JP" />
      </Labeled>
    </Stack>
  );
}

/** What the eligibility names: the card-application deadline, or the age range. */
function EligibilityDetails() {
  const record = useRecordContext<{ eligibility?: string; minAge?: number | null; maxAge?: number | null }>();
  if (record?.eligibility === 'card_applied_by') {
    return (
      <Labeled source="cardAppliedBy">
        <JpDateField source="cardAppliedBy" />
      </Labeled>
    );
  }
  if (record?.eligibility !== 'residents_by_age') return null;
  return (
    <Stack direction="row" sx={{ gap: 4 }}>
      <Labeled source="minAge">
        <NumberField source="minAge" emptyText="—" />
      </Labeled>
      <Labeled source="maxAge">
        <NumberField source="maxAge" emptyText="—" />
      </Labeled>
    </Stack>
  );
}

/** The services taking part, with their own closing dates; none listed means all of them. */
function PaymentServicesField(_props: { label?: string }) {
  const translate = useTranslate();
  const record = useRecordContext<{ paymentServices?: Array<{ paymentServiceId: number; closesOn?: string | null }> }>();
  const rows = record?.paymentServices ?? [];
  if (!rows.length) return <Typography variant="body2">{translate('resources.measures.services.all')}</Typography>;
  return (
    <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
      {rows.map((r) => (
        <li key={r.paymentServiceId}>
          <RecordContextProvider value={r}>
            <ReferenceField source="paymentServiceId" reference="payment-services" link="show" />
            {r.closesOn ? ` ${translate('resources.measures.services.until', { date: formatJapaneseEraDate(r.closesOn) })}` : null}
          </RecordContextProvider>
        </li>
      ))}
    </Box>
  );
}

export function MeasureShow() {
  return (
    <Show actions={<Actions />}>
      <SimpleShowLayout>
        <NationalChip />
        <TextField source="name" />
        <ReferenceField source="campaignId" reference="campaigns" link="show" />
        <EnumField source="kind" enumDef={MEASURE_KIND} chip />
        <Labeled label="resources.measures.columns.rule">
          <MeasureRuleField />
        </Labeled>
        <EnumField source="eligibility" enumDef={MEASURE_ELIGIBILITY} />
        <EligibilityDetails />
        <Labeled label="resources.measures.windows.application">
          <PeriodField from="applicationOpensOn" to="applicationClosesOn" />
        </Labeled>
        <Labeled label="resources.measures.windows.earning">
          <PeriodField from="earningStartsOn" to="earningEndsOn" />
        </Labeled>
        <EnumField source="fundedBy" enumDef={FUNDED_BY} />
        <Labeled label="resources.measures.columns.budget">
          <BudgetGaugeField size="large" />
        </Labeled>
        <Budget />
        <Labeled source="paymentServices">
          <PaymentServicesField />
        </Labeled>
      </SimpleShowLayout>
    </Show>
  );
}
