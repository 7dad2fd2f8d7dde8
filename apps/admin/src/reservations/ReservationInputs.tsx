import { RadioButtonGroupInput, required } from 'react-admin';
import { JpDateTimeInput } from '../common/JpDateInputs';
import { Stack } from '@mui/material';
import { AGE_BAND, CHANNEL, certRenewalWaitMessage, isWithinCertRenewalWait, type CertEvent } from '@mynapoint/domain';
import { DistrictInput } from '../common/DistrictInput';
import { useEnumChoices } from '../common/enums';
import { toInstant } from '../common/instants';

// The 24-hour rule after a renewal or a first issue, checked in the form before the
// round trip (the server decides).
export const certRenewalWait =
  (atField: string, action: 'reserve' | 'apply', event: CertEvent = 'renewed') =>
  (value: unknown, all: Record<string, unknown>) => {
    if (typeof value !== 'string' || !value) return undefined;
    const at = (all[atField] as string | null | undefined) || new Date().toISOString();
    return isWithinCertRenewalWait(value, at) ? certRenewalWaitMessage(value, action, event) : undefined;
  };

/** Who reserved, how and when: shared by the counter form and the edit form. */
export function ReservationInputs({ editing }: { editing?: boolean }) {
  const ageBands = useEnumChoices(AGE_BAND);
  const channels = useEnumChoices(CHANNEL);
  return (
    <Stack sx={{ width: '100%' }}>
      <RadioButtonGroupInput source="ageBand" choices={ageBands} row />
      <DistrictInput />
      <RadioButtonGroupInput source="channel" choices={channels} row validate={required()} helperText="resources.reservations.helper.channel" />
      <Stack direction={{ xs: 'column', sm: 'row' }} sx={{ gap: 2, flexWrap: 'wrap' }}>
        <JpDateTimeInput
          source="reservedAt"
          parse={toInstant}
          // On create an empty value means now; a saved record keeps its instant.
          validate={editing ? required() : undefined}
          helperText={editing ? false : 'resources.reservations.helper.reservedAt'}
        />
        <JpDateTimeInput
          source="certRenewedAt"
          parse={toInstant}
          validate={certRenewalWait('reservedAt', 'reserve')}
          helperText="resources.reservations.helper.certRenewedAt"
        />
        <JpDateTimeInput
          source="certIssuedAt"
          parse={toInstant}
          validate={certRenewalWait('reservedAt', 'reserve', 'issued')}
          helperText="resources.reservations.helper.certIssuedAt"
        />
      </Stack>
    </Stack>
  );
}
