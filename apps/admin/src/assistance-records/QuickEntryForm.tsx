import { Box, Button, Chip, Divider, Paper, Stack, Typography } from '@mui/material';
import { useCallback, useRef, type KeyboardEvent } from 'react';
import { isSaveKey } from '../common/saveKey';
import { AutocompleteInput, Form, ReferenceInput, SelectInput, TextInput, useTranslate } from 'react-admin';
import { useFormContext, useFormState, useWatch } from 'react-hook-form';
import { AGE_BAND, ASSISTANCE_LIMITS, ASSISTANCE_OUTCOME, OFFICE, type AssistanceType } from '@mynapoint/domain';
import { useEnumChoices, useLang } from '../common/enums';
import { DistrictInput } from '../common/DistrictInput';
import { JpDateTimeInput } from '../common/JpDateInputs';
import { noMyNumber } from '../common/validators';
import { SharedTerminal, TypesInput, UnableReason } from './AssistanceRecordInputs';
import { CheckInput } from './CheckInput';
import { DURATION_PRESETS, fromJstLocalInput, toJstLocalInput, validateVisit, type VisitErrors, type VisitValues } from './quickEntry';
import { ToggleChipsInput } from '../common/ToggleChipsInput';

const T = 'resources.assistance-records.quick';

export type AfterSave = 'next' | 'list';

interface Props {
  defaults: VisitValues;
  onSave: (values: VisitValues, after: AfterSave) => Promise<VisitErrors | undefined>;
}

export function QuickEntryForm({ defaults, onSave }: Props) {
  const translate = useTranslate();
  const lang = useLang();
  const after = useRef<AfterSave>('next');
  const formRef = useRef<HTMLDivElement>(null);

  const validate = useCallback(
    (values: Record<string, unknown>) =>
      validateVisit(values as unknown as VisitValues, new Date(), lang, {
        required: translate(`${T}.errors.required`),
        duration: translate(`${T}.errors.duration`),
        tooLong: (max) => translate(`${T}.errors.too_long`, { max }),
        myNumber: translate('app.my_number_warning'),
        future: translate(`${T}.errors.future`),
        badTime: translate(`${T}.errors.bad_time`),
      }) as Record<string, string>,
    [lang, translate],
  );

  const submit = () => formRef.current?.closest('form')?.requestSubmit();
  const onKeyDownCapture = (e: KeyboardEvent<HTMLElement>) => {
    if (!isSaveKey(e)) return;
    e.preventDefault();
    e.stopPropagation();
    after.current = 'next';
    submit();
  };

  return (
    <Form
      defaultValues={defaults}
      validate={validate}
      onSubmit={(values: Record<string, unknown>) => onSave(values as unknown as VisitValues, after.current)}
      sanitizeEmptyValues={false}
      noValidate
    >
      <Box ref={formRef} onKeyDownCapture={onKeyDownCapture} data-testid="quick-entry-form">
        <Paper variant="outlined" sx={{ px: 2, pt: 2, pb: 0, mb: 2 }}>
          <Stack direction={{ xs: 'column', sm: 'row' }} sx={{ gap: 3, alignItems: { sm: 'flex-start' } }}>
            {/* The form keeps the JST wall-clock string (2026-12-07T14:30) that quickEntry.ts checks and sends. */}
            <JpDateTimeInput
              source="visitedAtLocal"
              label={`${T}.visitedAt`}
              format={(local) => fromJstLocalInput(local as string)}
              parse={(iso) => toJstLocalInput(new Date(iso))}
              helperText={false}
              sx={{ width: 260, mt: 0.5 }}
            />
            <Box sx={{ flex: 1 }}>
              <ToggleChipsInput source="office" enumDef={OFFICE} label={translate(`${T}.office`)} size="medium" row />
            </Box>
          </Stack>
        </Paper>

        <DurationInput />
        <TypesInput />
        <SharedTerminal />
        <ToggleChipsInput source="outcome" enumDef={ASSISTANCE_OUTCOME} label={translate(`${T}.outcome`)} />
        <UnableReason />
        <Details />

        <Divider sx={{ my: 2 }} />
        <SaveButtons onSaveList={() => (after.current = 'list')} onSaveNext={() => (after.current = 'next')} />
      </Box>
    </Form>
  );
}

function DurationInput() {
  const translate = useTranslate();
  const { setValue } = useFormContext();
  return (
    <Stack direction={{ xs: 'column', sm: 'row' }} sx={{ gap: 2, alignItems: { sm: 'center' }, mb: 1 }}>
      <TextInput
        source="durationMinutes"
        label={`${T}.duration`}
        type="number"
        autoFocus
        parse={(v: string) => (v === '' ? null : Number(v))}
        format={(v: unknown) => (v === null || v === undefined ? '' : String(v))}
        slotProps={{ htmlInput: { min: ASSISTANCE_LIMITS.durationMinutes.min, max: ASSISTANCE_LIMITS.durationMinutes.max, step: 1, inputMode: 'numeric' } }}
        fullWidth={false}
        sx={{ width: 180, '& input': { fontSize: '1.4rem', py: 1.2 } }}
      />
      {/* Mouse shortcuts: not Tab stops, so the keyboard path stays short. */}
      <Stack direction="row" sx={{ gap: 0.5, flexWrap: 'wrap' }} aria-label={translate(`${T}.duration_presets`)}>
        {DURATION_PRESETS.map((m) => (
          <Chip key={m} label={`${m}`} size="small" variant="outlined" tabIndex={-1} onClick={() => setValue('durationMinutes', m, { shouldDirty: true, shouldValidate: true })} />
        ))}
      </Stack>
    </Stack>
  );
}

function Details() {
  const translate = useTranslate();
  const types = (useWatch({ name: 'assistanceTypes' }) ?? []) as AssistanceType[];
  const ageBands = useEnumChoices(AGE_BAND);
  return (
    <Paper variant="outlined" sx={{ p: 2, mb: 1 }}>
      <Typography variant="subtitle2" color="text.secondary" gutterBottom>
        {translate(`${T}.details`)}
      </Typography>
      <Stack direction={{ xs: 'column', md: 'row' }} sx={{ gap: 2 }}>
        {types.includes('point_application') ? (
          <ReferenceInput source="paymentServiceId" reference="payment-services" sort={{ field: 'name', order: 'ASC' }} filter={{ status: 'active' }} perPage={200}>
            <AutocompleteInput optionText="name" label="resources.assistance-records.fields.paymentServiceId" sx={{ minWidth: 240 }} />
          </ReferenceInput>
        ) : null}
        <SelectInput source="ageBand" choices={ageBands} label="resources.assistance-records.fields.ageBand" emptyText="—" sx={{ minWidth: 160 }} />
        <DistrictInput label="resources.assistance-records.fields.district" helperText={`${T}.district_hint`} sx={{ minWidth: 200 }} />
      </Stack>
      <CheckInput source="proxy" label={translate(`${T}.proxy`)} values={['legal_representative', 'none']} />
      <TextInput source="notes" label="resources.assistance-records.fields.notes" multiline minRows={2} fullWidth validate={noMyNumber} helperText={`${T}.notes_hint`} />
    </Paper>
  );
}

function SaveButtons({ onSaveNext, onSaveList }: { onSaveNext: () => void; onSaveList: () => void }) {
  const translate = useTranslate();
  const { isSubmitting } = useFormState();
  return (
    <Stack direction="row" sx={{ gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
      <Button type="submit" variant="contained" size="large" disabled={isSubmitting} onClick={onSaveNext} sx={{ px: 4, py: 1.5, fontSize: '1.05rem' }}>
        {translate(isSubmitting ? `${T}.saving` : `${T}.save_next`)}
        <Box component="kbd" sx={{ ml: 1.5, px: 0.75, border: 1, borderRadius: 1, fontSize: '0.75rem', opacity: 0.8, textTransform: 'none' }}>
          Enter
        </Box>
      </Button>
      <Button type="submit" variant="outlined" disabled={isSubmitting} onClick={onSaveList}>
        {translate(`${T}.save_list`)}
      </Button>
    </Stack>
  );
}
