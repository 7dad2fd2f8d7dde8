import AutoModeIcon from '@mui/icons-material/AutoMode';
import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, Typography } from '@mui/material';
import { useMemo, useState } from 'react';
import { Form, NumberInput, ReferenceInput, SelectInput, TextInput, useCanAccess, useDataProvider, useGetOne, useNotify, useRefresh, useTranslate, type HttpError } from 'react-admin';
import { useFormState, useWatch } from 'react-hook-form';
import { defineEnum, formatJapaneseDate, toJstDate, type Labels } from '@mynapoint/domain';
import { JpDateInput } from '../common/JpDateInputs';
import { ToggleChipsInput } from '../common/ToggleChipsInput';
import type { AppDataProvider } from '../dataProvider';
import { ISO_WEEKDAYS, defaultPattern, patternErrors, previewPattern, toPattern, type PatternValues } from './slotPattern';

const T = 'resources.appointment-slots.generate';

/** The list's 「パターンから作成」 button and its dialog (policy and admin). */
export function GenerateSlotsButton() {
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'appointment-slots', action: 'create' });
  const [open, setOpen] = useState(false);
  if (!canAccess) return null;
  return (
    <>
      <Button size="small" startIcon={<AutoModeIcon />} onClick={() => setOpen(true)} data-testid="generate-slots">
        {translate(`${T}.button`)}
      </Button>
      {open ? <GenerateSlotsDialog onClose={() => setOpen(false)} /> : null}
    </>
  );
}

function GenerateSlotsDialog({ onClose }: { onClose: () => void }) {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<AppDataProvider>();
  const defaults = useMemo(() => defaultPattern(toJstDate(new Date())), []);

  const submit = async (values: Record<string, unknown>) => {
    const v = values as unknown as PatternValues;
    const pattern = toPattern(v);
    if (!pattern) return undefined;
    try {
      const res = await dataProvider.postJson<{ created: number; skipped?: unknown[] }>('appointment-slots/generate', { deskId: v.deskId, ...pattern });
      notify(`${T}.done`, { type: 'success', messageArgs: { count: res.created, smart_count: res.created } });
      refresh();
      onClose();
      return undefined;
    } catch (e) {
      const body = (e as HttpError).body as { message?: string; errors?: Record<string, string> } | undefined;
      notify(body?.message ?? (e as Error).message, { type: 'error', autoHideDuration: 10_000 });
      return body?.errors;
    }
  };

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md" aria-labelledby="generate-title">
      <Form defaultValues={defaults} onSubmit={submit} validate={(v) => patternErrors(v as unknown as PatternValues, translate(`${T}.required`))} noValidate sanitizeEmptyValues={false}>
        <DialogTitle id="generate-title">{translate(`${T}.title`)}</DialogTitle>
        <DialogContent>
          <Typography color="text.secondary" sx={{ mb: 2 }}>
            {translate(`${T}.intro`)}
          </Typography>
          <PatternInputs />
          <Preview />
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
          <SubmitButton />
        </DialogActions>
      </Form>
    </Dialog>
  );
}

function PatternInputs() {
  const translate = useTranslate();
  const weekdays = useMemo(() => {
    const labels: Record<string, Labels> = {};
    for (const d of ISO_WEEKDAYS) labels[d] = { ja: translate(`${T}.weekday.${d}`), en: translate(`${T}.weekday.${d}`) };
    return defineEnum(labels);
  }, [translate]);
  const time = { htmlInput: { inputMode: 'numeric' as const, placeholder: '09:00', maxLength: 5 } };
  return (
    <Stack sx={{ gap: 1 }}>
      <ReferenceInput source="deskId" reference="desks" sort={{ field: 'name', order: 'ASC' }} filter={{ active: true }} perPage={100}>
        <SelectInput optionText="name" label="resources.appointment-slots.fields.deskId" />
      </ReferenceInput>
      <Stack direction={{ xs: 'column', sm: 'row' }} sx={{ gap: 2 }}>
        <JpDateInput source="from" label={`${T}.from`} />
        <JpDateInput source="to" label={`${T}.to`} helperText={`${T}.to_hint`} />
      </Stack>
      <ToggleChipsInput source="weekdays" enumDef={weekdays} multiple label={translate(`${T}.weekdays`)} size="medium" />
      <Stack direction={{ xs: 'column', sm: 'row' }} sx={{ gap: 2 }}>
        <TextInput source="startTime" label={`${T}.startTime`} slotProps={time} helperText={`${T}.time_hint`} />
        <TextInput source="endTime" label={`${T}.endTime`} slotProps={time} helperText={`${T}.end_hint`} />
        <NumberInput source="everyMinutes" label={`${T}.everyMinutes`} min={5} max={240} step={5} />
        <NumberInput source="seats" label={`${T}.seats`} min={1} max={50} step={1} />
      </Stack>
      <Stack direction={{ xs: 'column', sm: 'row' }} sx={{ gap: 2 }}>
        <TextInput source="breakStart" label={`${T}.breakStart`} slotProps={time} helperText={`${T}.break_hint`} />
        <TextInput source="breakEnd" label={`${T}.breakEnd`} slotProps={time} helperText={false} />
      </Stack>
    </Stack>
  );
}

// How many slots the pattern makes, before anything is sent: the domain's own function
// (the one the server runs), with the desk's dates; closed days are named.
function Preview() {
  const translate = useTranslate();
  const values = useWatch() as PatternValues;
  const desk = useGetOne<{ id: number; opensOn: string | null; closesOn: string | null }>('desks', { id: values.deskId! }, { enabled: values.deskId != null });
  const preview = previewPattern(values, desk.data);
  if (!preview) {
    return (
      <Alert severity="info" sx={{ mt: 1 }} data-testid="generate-preview">
        {translate(`${T}.preview_incomplete`)}
      </Alert>
    );
  }
  const skipped = preview.skipped.slice(0, 6).map((s) => `${formatJapaneseDate(s.date)} ${s.name}`);
  return (
    <Alert severity={preview.slots ? 'success' : 'warning'} sx={{ mt: 1 }} role="status" data-testid="generate-preview">
      <Typography sx={{ fontWeight: 700 }}>{translate(`${T}.preview`, { slots: preview.slots, days: preview.days, seats: preview.seats })}</Typography>
      {preview.skipped.length ? (
        <Box component="p" sx={{ m: 0, mt: 0.5 }}>
          {translate(`${T}.skipped`, { count: preview.skipped.length, days: skipped.join(translate('app.punct.list')) + (preview.skipped.length > 6 ? translate(`${T}.and_more`) : '') })}
        </Box>
      ) : null}
    </Alert>
  );
}

function SubmitButton() {
  const translate = useTranslate();
  const { isSubmitting } = useFormState();
  const values = useWatch() as PatternValues;
  const preview = previewPattern(values);
  return (
    <Button type="submit" variant="contained" disabled={isSubmitting || !preview?.slots} data-testid="generate-confirm">
      {translate(`${T}.confirm`, { count: preview?.slots ?? 0 })}
    </Button>
  );
}
