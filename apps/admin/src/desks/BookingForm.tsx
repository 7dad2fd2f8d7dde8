import { Box, Button, Paper, Stack, Typography } from '@mui/material';
import { useMemo, useRef, type KeyboardEvent } from 'react';
import { Form, TextInput, useTranslate } from 'react-admin';
import { useFormState } from 'react-hook-form';
import { ASSISTANCE_TYPE, defineEnum, type Labels } from '@mynapoint/domain';
import { isSaveKey } from '../common/saveKey';
import { ToggleChipsInput } from '../common/ToggleChipsInput';
import { noMyNumber } from '../common/validators';
import { QUICK_TYPE_ORDER } from '../assistance-records/quickEntry';
import { jstTime, type BoardSlot } from './board';
import { PARTY_SIZES, validateBooking, type BookingValues } from './booking';

const T = 'resources.desks.today.book';

interface Props {
  slots: BoardSlot[];
  defaults: BookingValues;
  onSave: (values: BookingValues) => Promise<Record<string, string> | undefined>;
}

// Booking by telephone or at the desk, keyboard first like the quick entry: the name
// has the focus, Tab moves on (the slot, purpose and party are one Tab stop each,
// arrows inside), Enter books and the form starts again for the next caller.
export function BookingForm({ slots, defaults, onSave }: Props) {
  const translate = useTranslate();
  const boxRef = useRef<HTMLDivElement>(null);
  // Today's slots that can still be booked, as choices (label: time and seats left).
  const slotEnum = useMemo(() => {
    const labels: Record<string, Labels> = {};
    for (const s of slots) {
      const time = jstTime(s.startsAt);
      labels[String(s.id)] = {
        ja: translate(`${T}.slot_choice`, { time, remaining: s.remaining, _: `${time}` }),
        en: translate(`${T}.slot_choice`, { time, remaining: s.remaining, _: `${time}` }),
      };
    }
    return defineEnum(labels);
  }, [slots, translate]);

  const onKeyDownCapture = (e: KeyboardEvent<HTMLElement>) => {
    if (!isSaveKey(e)) return;
    e.preventDefault();
    e.stopPropagation();
    boxRef.current?.closest('form')?.requestSubmit();
  };

  const validate = (values: Record<string, unknown>) =>
    validateBooking(values as unknown as BookingValues, {
      required: translate(`${T}.errors.required`),
      myNumber: translate('app.my_number_warning'),
      phone: translate(`${T}.errors.phone`),
    });

  return (
    <Form defaultValues={defaults} validate={validate} onSubmit={(v: Record<string, unknown>) => onSave(v as unknown as BookingValues)} sanitizeEmptyValues={false} noValidate>
      <Paper variant="outlined" sx={{ p: 2 }} ref={boxRef} onKeyDownCapture={onKeyDownCapture} data-testid="booking-form">
        <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
          {translate(`${T}.title`)}
        </Typography>
        <Stack direction={{ xs: 'column', sm: 'row' }} sx={{ gap: 2 }}>
          <TextInput source="residentName" label="resources.appointments.fields.residentName" autoFocus validate={noMyNumber} helperText={`${T}.name_hint`} slotProps={{ htmlInput: { maxLength: 60, autoComplete: 'off' } }} sx={{ flex: 1 }} />
          <TextInput source="phone" label="resources.appointments.fields.phone" helperText={`${T}.phone_hint`} slotProps={{ htmlInput: { maxLength: 30, inputMode: 'tel', autoComplete: 'off' } }} sx={{ flex: 1 }} />
        </Stack>
        {slotEnum.values.length ? (
          // `choices` keeps the slots' time order (an object's integer-like keys would sort by id)
          <ToggleChipsInput source="slotId" enumDef={slotEnum} choices={slots.map((s) => String(s.id))} label={translate(`${T}.slot`)} size="medium" />
        ) : (
          <Typography color="text.secondary" sx={{ mb: 2 }} data-testid="no-open-slot">
            {translate(`${T}.no_slot`)}
          </Typography>
        )}
        <ToggleChipsInput source="purpose" enumDef={ASSISTANCE_TYPE} choices={QUICK_TYPE_ORDER} multiple label={translate(`${T}.purpose`)} size="medium" />
        <ToggleChipsInput source="partySize" enumDef={PARTY_SIZES} label={translate(`${T}.partySize`)} size="medium" row />
        <TextInput source="notes" label="resources.appointments.fields.notes" multiline minRows={1} fullWidth validate={noMyNumber} helperText={`${T}.notes_hint`} slotProps={{ htmlInput: { maxLength: 500 } }} />
        <SubmitButton disabled={!slotEnum.values.length} />
      </Paper>
    </Form>
  );
}

function SubmitButton({ disabled }: { disabled: boolean }) {
  const translate = useTranslate();
  const { isSubmitting } = useFormState();
  return (
    <Button type="submit" variant="contained" size="large" disabled={disabled || isSubmitting} sx={{ mt: 1 }} data-testid="book">
      {translate(isSubmitting ? `${T}.saving` : `${T}.save`)}
      <Box component="kbd" sx={{ ml: 1.5, px: 0.75, border: 1, borderRadius: 1, fontSize: '0.75rem', opacity: 0.8, textTransform: 'none' }}>
        Enter
      </Box>
    </Button>
  );
}
