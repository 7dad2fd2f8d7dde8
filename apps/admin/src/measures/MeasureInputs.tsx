import { ArrayInput, NumberInput, RadioButtonGroupInput, ReferenceInput, SimpleFormIterator, SelectInput, TextInput, maxLength, maxValue, minValue, required, useTranslate } from 'react-admin';
import { Stack, Typography } from '@mui/material';
import { useWatch } from 'react-hook-form';
import { JpDateInput } from '../common/JpDateInputs';
import { useEnumChoices } from '../common/enums';
import { noMyNumber } from '../common/validators';
import { FUNDED_BY, MEASURE_ELIGIBILITY, MEASURE_KIND } from './measureEnums';
import { hasOwnBudget } from './measureRules';
import { budgetRequired, notBefore } from './measureForm';

const R = 'resources.measures';

// Empty dates take the campaign's (the API fills them in).
function Window({ from, to }: { from: string; to: string }) {
  return (
    <Stack direction={{ xs: 'column', md: 'row' }} sx={{ gap: 2 }}>
      <JpDateInput source={from} helperText={`${R}.helper.window_default`} sx={{ minWidth: 250 }} />
      <JpDateInput source={to} validate={notBefore(from)} helperText={`${R}.helper.window_default`} sx={{ minWidth: 250 }} />
    </Stack>
  );
}

/** The payment services taking part, each with its own closing date (a service may close before the measure). */
function PaymentServices() {
  const translate = useTranslate();
  return (
    <>
      <Typography variant="subtitle2" sx={{ mt: 2 }}>
        {translate(`${R}.sections.services`)}
      </Typography>
      <Typography variant="caption" color="text.secondary" sx={{ mb: 1 }}>
        {translate(`${R}.helper.paymentServices`)}
      </Typography>
      <ArrayInput source="paymentServices" label={false}>
        <SimpleFormIterator inline disableReordering>
          <ReferenceInput source="paymentServiceId" reference="payment-services" sort={{ field: 'name', order: 'ASC' }} perPage={200}>
            <SelectInput optionText="name" validate={required()} label={`${R}.services.service`} sx={{ minWidth: 240 }} />
          </ReferenceInput>
          <JpDateInput source="closesOn" label={`${R}.services.closesOn`} helperText={`${R}.services.closesOn_helper`} />
        </SimpleFormIterator>
      </ArrayInput>
    </>
  );
}

/** The award of the chosen kind: a rate with its cap, or a fixed amount. */
function Award() {
  const kind = useWatch({ name: 'kind' });
  if (kind === 'fixed_amount') {
    return <NumberInput source="fixedAmountYen" min={1} step={1} validate={[required(), minValue(1), maxValue(1_000_000)]} helperText={`${R}.helper.fixedAmountYen`} />;
  }
  if (kind !== 'rate_with_cap') return null;
  return (
    <Stack direction={{ xs: 'column', sm: 'row' }} sx={{ gap: 2 }}>
      <NumberInput source="ratePercent" min={1} max={100} step={1} validate={[required(), minValue(1), maxValue(100)]} helperText={`${R}.helper.ratePercent`} />
      <NumberInput source="capPerPersonYen" min={1} step={1} validate={[required(), minValue(1), maxValue(1_000_000)]} helperText={`${R}.helper.capPerPersonYen`} />
    </Stack>
  );
}

/** The budget, only when a prefecture or the municipality pays (the national measures have none here). */
function Budget() {
  const fundedBy = useWatch({ name: 'fundedBy' });
  if (!hasOwnBudget(fundedBy)) return null;
  return <NumberInput source="budgetYen" min={1} step={1} validate={[budgetRequired, minValue(1)]} helperText={`${R}.helper.budgetYen`} sx={{ maxWidth: 320 }} />;
}

/** What the chosen eligibility needs: the card-application deadline, or the age range. */
function EligibilityDetails() {
  const eligibility = useWatch({ name: 'eligibility' });
  if (eligibility === 'card_applied_by') return <JpDateInput source="cardAppliedBy" validate={required()} helperText={`${R}.helper.cardAppliedBy`} />;
  if (eligibility !== 'residents_by_age') return null;
  return (
    <Stack direction={{ xs: 'column', sm: 'row' }} sx={{ gap: 2 }}>
      <NumberInput source="minAge" min={0} max={130} step={1} validate={[minValue(0), maxValue(130)]} helperText={`${R}.helper.minAge`} />
      <NumberInput source="maxAge" min={0} max={130} step={1} validate={[minValue(0), maxValue(130)]} helperText={`${R}.helper.maxAge`} />
    </Stack>
  );
}

export function MeasureInputs() {
  const translate = useTranslate();
  const kinds = useEnumChoices(MEASURE_KIND);
  const funders = useEnumChoices(FUNDED_BY);
  const eligibilities = useEnumChoices(MEASURE_ELIGIBILITY);
  return (
    <Stack sx={{ width: '100%', maxWidth: 760 }}>
      <ReferenceInput source="campaignId" reference="campaigns" sort={{ field: 'applicationOpensOn', order: 'DESC' }}>
        <SelectInput optionText="name" validate={required()} sx={{ minWidth: 320 }} />
      </ReferenceInput>
      <TextInput source="name" validate={[required(), maxLength(100), noMyNumber]} helperText={`${R}.helper.name`} />
      <RadioButtonGroupInput source="kind" choices={kinds} validate={required()} row />
      <Award />
      <SelectInput source="eligibility" choices={eligibilities} validate={required()} helperText={`${R}.helper.eligibility`} sx={{ minWidth: 320 }} />
      <EligibilityDetails />
      <Typography variant="subtitle2" sx={{ mt: 2 }}>
        {translate(`${R}.sections.windows`)}
      </Typography>
      <Typography variant="caption" color="text.secondary" sx={{ mb: 1 }}>
        {translate(`${R}.helper.windows`)}
      </Typography>
      <Window from="applicationOpensOn" to="applicationClosesOn" />
      <Window from="earningStartsOn" to="earningEndsOn" />
      <Typography variant="subtitle2" sx={{ mt: 2, mb: 1 }}>
        {translate(`${R}.sections.funding`)}
      </Typography>
      <RadioButtonGroupInput source="fundedBy" choices={funders} validate={required()} row helperText={`${R}.helper.fundedBy`} />
      <Budget />
      <PaymentServices />
    </Stack>
  );
}
