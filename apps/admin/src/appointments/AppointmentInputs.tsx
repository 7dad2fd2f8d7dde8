import { AutocompleteInput, RecordContextProvider, ReferenceInput, TextInput, maxLength, required, useTranslate } from 'react-admin';
import { Stack } from '@mui/material';
import { ASSISTANCE_TYPE, PARTY_SIZE } from '@mynapoint/domain';
import { QUICK_TYPE_ORDER } from '../assistance-records/quickEntry';
import { ToggleChipsInput } from '../common/ToggleChipsInput';
import { noMyNumber } from '../common/validators';
import { PARTY_SIZES } from '../desks/booking';
import { jstTime } from '../desks/board';
import { JpDateField } from '../common/dates';

interface SlotOption {
  id: number;
  startsAt: string;
  remaining: number;
}

function SlotOptionText({ slot }: { slot: SlotOption }) {
  const translate = useTranslate();
  return (
    <RecordContextProvider value={slot}>
      <JpDateField source="startsAt" showTime /> {translate('resources.appointments.slot_remaining', { remaining: slot.remaining })}
    </RecordContextProvider>
  );
}

const slotText = (s: SlotOption | undefined) => (s ? `${s.startsAt.slice(0, 10).replace(/-/g, '/')} ${jstTime(s.startsAt)}` : '');

// The booking's fields; on the edit page a new slot moves the booking (one atomic step on the server).
export function AppointmentInputs() {
  const translate = useTranslate();
  return (
    <Stack sx={{ width: '100%', maxWidth: 760 }}>
      <ReferenceInput source="slotId" reference="appointment-slots" filter={{ status: 'open' }} sort={{ field: 'startsAt', order: 'ASC' }} perPage={100}>
        <AutocompleteInput
          optionText={(s: SlotOption) => <SlotOptionText slot={s} />}
          inputText={slotText}
          matchSuggestion={() => true}
          validate={required()}
          helperText="resources.appointments.helper.slotId"
        />
      </ReferenceInput>
      <Stack direction={{ xs: 'column', sm: 'row' }} sx={{ gap: 2 }}>
        <TextInput source="residentName" validate={[required(), maxLength(60), noMyNumber]} sx={{ flex: 1 }} />
        <TextInput source="phone" validate={[maxLength(30), noMyNumber]} sx={{ flex: 1 }} slotProps={{ htmlInput: { inputMode: 'tel' } }} />
      </Stack>
      <ToggleChipsInput source="purpose" enumDef={ASSISTANCE_TYPE} choices={QUICK_TYPE_ORDER} multiple label={translate('resources.appointments.fields.purpose')} size="medium" />
      <ToggleChipsInput source="partySize" enumDef={PARTY_SIZES} label={translate('resources.appointments.fields.partySize')} size="medium" row helperText={translate('resources.appointments.helper.partySize', { max: PARTY_SIZE.max })} />
      <TextInput source="notes" multiline minRows={2} fullWidth validate={[maxLength(500), noMyNumber]} helperText="resources.appointments.helper.notes" />
    </Stack>
  );
}

/** partySize travels as a number; the chips hold it as a string. */
export const partySizeToNumber = (data: Record<string, unknown>): Record<string, unknown> => ({ ...data, partySize: data.partySize == null ? data.partySize : Number(data.partySize) });
