import { NumberInput, TextInput, maxLength, maxValue, minValue, required, useTranslate } from 'react-admin';
import { JpDateInput } from '../common/JpDateInputs';
import { Stack, Typography } from '@mui/material';
import { noMyNumber } from '../common/validators';

type Values = Record<string, string | undefined>;
// Each period ends on or after its start (the server checks it too).
const notBefore = (startField: string) => (value: unknown, all: Values) =>
  typeof value === 'string' && all[startField] && value < all[startField]! ? 'resources.campaigns.validation.end_before_start' : undefined;

function Period({ from, to }: { from: string; to: string }) {
  return (
    <Stack direction={{ xs: 'column', sm: 'row' }} sx={{ gap: 2 }}>
      <JpDateInput source={from} validate={required()} />
      <JpDateInput source={to} validate={[required(), notBefore(from)]} />
    </Stack>
  );
}

export function CampaignInputs() {
  const translate = useTranslate();
  return (
    <Stack sx={{ width: '100%', maxWidth: 720 }}>
      <TextInput source="name" validate={[required(), maxLength(100), noMyNumber]} helperText="resources.campaigns.helper.name" autoFocus />
      <Typography variant="subtitle2" sx={{ mt: 2 }}>
        {translate('resources.campaigns.sections.periods')}
      </Typography>
      <Typography variant="caption" color="text.secondary" sx={{ mb: 1 }}>
        {translate('resources.campaigns.helper.periods')}
      </Typography>
      <Period from="reservationOpensOn" to="reservationClosesOn" />
      <Period from="applicationOpensOn" to="applicationClosesOn" />
      <Period from="earningStartsOn" to="earningEndsOn" />
      <Typography variant="subtitle2" sx={{ mt: 2, mb: 1 }}>
        {translate('resources.campaigns.sections.rule')}
      </Typography>
      <Stack direction={{ xs: 'column', sm: 'row' }} sx={{ gap: 2 }}>
        <NumberInput source="awardRatePercent" defaultValue={25} min={1} max={100} step={1} validate={[required(), minValue(1), maxValue(100)]} helperText="resources.campaigns.helper.awardRatePercent" />
        <NumberInput
          source="capPerPersonYen"
          defaultValue={5000}
          min={1}
          max={1_000_000}
          // step 500 from min 1 made the browser refuse the default 5,000 (valid steps were 1, 501, …).
          step={1}
          validate={[required(), minValue(1), maxValue(1_000_000)]}
          helperText="resources.campaigns.helper.capPerPersonYen"
        />
      </Stack>
    </Stack>
  );
}
