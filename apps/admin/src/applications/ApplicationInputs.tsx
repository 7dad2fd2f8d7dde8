import { BooleanInput, RadioButtonGroupInput, required, useGetOne, useTranslate } from 'react-admin';
import { JpDateTimeInput } from '../common/JpDateInputs';
import { Alert, Stack } from '@mui/material';
import { useWatch } from 'react-hook-form';
import { CHANNEL, formatJapaneseEraDate, toJstDate } from '@mynapoint/domain';
import { useEnumChoices } from '../common/enums';
import { toInstant } from '../common/instants';
import { certRenewalWait } from '../reservations/ReservationInputs';

/** What the chosen service needs, said before saving (the server checks it anyway). */
export function ServiceNotes() {
  const translate = useTranslate();
  const id = useWatch({ name: 'paymentServiceId' }) as number | undefined;
  const appliedAt = useWatch({ name: 'appliedAt' }) as string | undefined;
  const { data } = useGetOne('payment-services', { id: id! }, { enabled: Boolean(id) });
  if (!data) return null;
  const day = toJstDate(appliedAt ? new Date(appliedAt) : new Date());
  return (
    <Stack sx={{ gap: 1, mb: 2 }} data-testid="service-notes">
      {data.status !== 'active' && <Alert severity="error">{translate('resources.applications.service.not_active')}</Alert>}
      {data.applicationsOpenOn > day && (
        <Alert severity="error">{translate('resources.applications.service.opens_on', { date: formatJapaneseEraDate(data.applicationsOpenOn) })}</Alert>
      )}
      {data.preRegistrationRequired && <Alert severity="warning">{translate('resources.applications.service.pre_registration')}</Alert>}
    </Stack>
  );
}

// Required exactly when the chosen service needs a pre-registration.
function usePreRegistrationRule() {
  const id = useWatch({ name: 'paymentServiceId' }) as number | undefined;
  const { data } = useGetOne('payment-services', { id: id! }, { enabled: Boolean(id) });
  return (value: unknown) => (data?.preRegistrationRequired && value !== true ? 'resources.applications.pre_registered_required' : undefined);
}

/** How and when the resident applied: shared by the counter form and the edit form. */
export function ApplicationInputs({ editing }: { editing?: boolean }) {
  const channels = useEnumChoices(CHANNEL);
  const preRegistrationRule = usePreRegistrationRule();
  return (
    <Stack sx={{ width: '100%' }}>
      <BooleanInput source="preRegistered" label="resources.applications.pre_registered_label" validate={preRegistrationRule} />
      <RadioButtonGroupInput source="channel" choices={channels} row validate={required()} />
      <Stack direction={{ xs: 'column', sm: 'row' }} sx={{ gap: 2, flexWrap: 'wrap' }}>
        <JpDateTimeInput
          source="appliedAt"
          parse={toInstant}
          validate={editing ? required() : undefined}
          helperText={editing ? false : 'resources.applications.helper.appliedAt'}
        />
        <JpDateTimeInput source="certRenewedAt" parse={toInstant} validate={certRenewalWait('appliedAt', 'apply')} helperText="resources.applications.helper.certRenewedAt" />
        <JpDateTimeInput source="certIssuedAt" parse={toInstant} validate={certRenewalWait('appliedAt', 'apply', 'issued')} helperText="resources.applications.helper.certIssuedAt" />
      </Stack>
    </Stack>
  );
}
