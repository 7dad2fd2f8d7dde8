import { BooleanInput, SelectInput, TextInput, maxLength, required, regex, useRecordContext } from 'react-admin';
import { JpDateInput } from '../common/JpDateInputs';
import { Stack } from '@mui/material';
import { PAYMENT_SERVICE_KIND, PAYMENT_SERVICE_STATUS, isValidReading, normalizeReading } from '@mynapoint/domain';
import { useEnumChoices } from '../common/enums';
import { noMyNumber } from '../common/validators';

// The form body shared by Create and Edit; limits mirror the API's DTO.
// Kana only, as the API checks; blank means "from the name", and the stored reading may
// stay as it is even when it is a default that is not kana (atone, 楽天ぺい).
function useReadingValidator() {
  const stored = useRecordContext<{ nameKana?: string }>()?.nameKana;
  return (value: unknown) => {
    if (typeof value !== 'string' || !value.trim() || normalizeReading(value) === stored) return undefined;
    return isValidReading(value) ? undefined : 'resources.payment-services.validation.nameKana';
  };
}

export function PaymentServiceInputs() {
  const readingValid = useReadingValidator();
  const kinds = useEnumChoices(PAYMENT_SERVICE_KIND);
  const statuses = useEnumChoices(PAYMENT_SERVICE_STATUS);
  return (
    <Stack sx={{ width: '100%', maxWidth: 720 }}>
      <TextInput source="name" validate={[required(), maxLength(100), noMyNumber]} autoFocus />
      <TextInput source="nameKana" validate={[maxLength(100), readingValid]} helperText="resources.payment-services.helper.nameKana" />
      <TextInput source="operator" validate={[required(), maxLength(100), noMyNumber]} />
      <Stack direction={{ xs: "column", sm: "row" }} sx={{ gap: 2, flexWrap: "wrap" }}>
        <SelectInput source="kind" choices={kinds} validate={required()} sx={{ minWidth: 220 }} />
        <SelectInput source="status" choices={statuses} defaultValue="active" validate={required()} sx={{ minWidth: 160 }} />
      </Stack>
      <Stack direction={{ xs: "column", sm: "row" }} sx={{ gap: 2, alignItems: "center", flexWrap: "wrap" }}>
        <JpDateInput source="applicationsOpenOn" validate={required()} helperText="resources.payment-services.helper.applicationsOpenOn" defaultValue="2020-07-01" />
        <BooleanInput source="preRegistrationRequired" defaultValue={false} helperText="resources.payment-services.helper.preRegistrationRequired" />
      </Stack>
      <TextInput source="awardTiming" validate={[maxLength(200), noMyNumber]} />
      <TextInput source="pointExpiry" validate={[maxLength(200), noMyNumber]} />
      <TextInput source="url" type="url" validate={[maxLength(500), regex(/^https?:\/\//, 'resources.payment-services.validation.url')]} />
      <TextInput source="notes" multiline minRows={2} validate={[maxLength(2000), noMyNumber]} />
    </Stack>
  );
}
