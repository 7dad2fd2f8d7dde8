import { NumberInput, ReferenceInput, SelectInput, TextInput, maxLength, maxValue, minValue, required } from 'react-admin';
import { JpDateTimeInput } from '../common/JpDateInputs';
import { Stack } from '@mui/material';
import { noMyNumber } from '../common/validators';
import { toInstant } from '../common/instants';

export function ReservationQuotaInputs() {
  return (
    <Stack sx={{ width: '100%', maxWidth: 720 }}>
      <ReferenceInput source="campaignId" reference="campaigns" sort={{ field: 'reservationOpensOn', order: 'DESC' }}>
        <SelectInput optionText="name" validate={required()} />
      </ReferenceInput>
      <TextInput source="name" validate={[required(), maxLength(100), noMyNumber]} autoFocus />
      <Stack direction={{ xs: 'column', sm: 'row' }} sx={{ gap: 2 }}>
        <NumberInput source="capacity" min={1} step={1} validate={[required(), minValue(1), maxValue(100_000_000)]} helperText="resources.reservation-quotas.helper.capacity" />
        <NumberInput source="warnAtPercent" defaultValue={90} min={1} max={100} validate={[required(), minValue(1), maxValue(100)]} helperText="resources.reservation-quotas.helper.warnAtPercent" />
      </Stack>
      <Stack direction={{ xs: 'column', sm: 'row' }} sx={{ gap: 2 }}>
        <JpDateTimeInput source="opensAt" parse={toInstant} helperText="resources.reservation-quotas.helper.opensAt" />
        <JpDateTimeInput source="closesAt" parse={toInstant} helperText="resources.reservation-quotas.helper.closesAt" />
      </Stack>
    </Stack>
  );
}
