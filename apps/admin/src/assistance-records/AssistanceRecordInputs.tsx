import { Alert, AlertTitle, Box, Stack, Typography } from '@mui/material';
import { useEffect } from 'react';
import { AutocompleteInput, NumberInput, ReferenceInput, SelectInput, TextInput, maxValue, minValue, required, useCanAccess, useTranslate } from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';
import {
  AGE_BAND,
  ASSISTANCE_LIMITS,
  ASSISTANCE_OUTCOME,
  ASSISTANCE_TYPE,
  OFFICE,
  UNABLE_REASON,
  assistanceRuleViolations,
  needsWrongPersonChecklist,
  type AssistanceRuleInput,
  type AssistanceType,
  type Lang,
} from '@mynapoint/domain';
import { useEnumChoices } from '../common/enums';
import { DistrictInput } from '../common/DistrictInput';
import { JpDateTimeInput } from '../common/JpDateInputs';
import { noMyNumber } from '../common/validators';
import { CheckInput } from './CheckInput';
import { QUICK_TYPE_ORDER } from './quickEntry';
import { ToggleChipsInput } from '../common/ToggleChipsInput';

const T = 'resources.assistance-records.quick';

// Blocks shared by the quick-entry form and the edit form (same field names).

export function TypesInput() {
  const translate = useTranslate();
  const { setValue } = useFormContext();
  // Choosing PC lending means staff set up a city terminal for the resident.
  const onToggle = (value: AssistanceType, selected: boolean) => {
    if (value === 'pc_lending' && selected) setValue('sharedTerminalUsed', true, { shouldDirty: true });
  };
  return (
    <ToggleChipsInput
      source="assistanceTypes"
      enumDef={ASSISTANCE_TYPE}
      choices={QUICK_TYPE_ORDER}
      multiple
      label={translate(`${T}.types`)}
      helperText={translate(`${T}.pc_lending_sets_shared`)}
      onToggle={onToggle}
    />
  );
}

/** The shared-terminal box, with the wrong-person checklist when it applies. */
export function SharedTerminal() {
  const translate = useTranslate();
  const [types, shared] = useWatch({ name: ['assistanceTypes', 'sharedTerminalUsed'] }) as [AssistanceType[], boolean];
  const { setValue, getValues } = useFormContext();
  useEffect(() => {
    if (!shared && getValues('terminalId') != null) setValue('terminalId', null, { shouldDirty: true });
  }, [shared, getValues, setValue]);
  const checklist = needsWrongPersonChecklist({ assistanceTypes: types, sharedTerminalUsed: shared });
  return (
    <Box sx={{ mb: 2 }}>
      <CheckInput source="sharedTerminalUsed" label={translate(`${T}.shared`)} />
      {checklist ? (
        <Alert severity="warning" variant="outlined" sx={{ mt: 1 }} data-testid="wrong-person-checklist">
          <AlertTitle sx={{ fontWeight: 700 }}>{translate(`${T}.checklist.title`)}</AlertTitle>
          <CheckInput source="terminalLoggedOut" label={translate(`${T}.checklist.terminalLoggedOut`)} />
          <CheckInput source="serviceIdReadBack" label={translate(`${T}.checklist.serviceIdReadBack`)} />
          <Typography variant="caption" color="text.secondary">
            {translate(`${T}.checklist.hint`)}
          </Typography>
        </Alert>
      ) : null}
      {shared ? <TerminalInput /> : null}
    </Box>
  );
}

/**
 * Which of the city's shared terminals the visit used (issue #21): its log then shows
 * the visits before and after this one. After the checklist, so the keyboard path
 * through the checks stays as it was; leaving "shared terminal" clears it.
 */
function TerminalInput() {
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'terminals', action: 'list' });
  if (!canAccess) return null;
  return (
    <ReferenceInput source="terminalId" reference="terminals" filter={{ active: true }} sort={{ field: 'name', order: 'ASC' }} perPage={200}>
      <SelectInput optionText="name" emptyText="—" label={`${T}.terminal`} helperText={translate(`${T}.terminal_hint`)} sx={{ minWidth: 260, mt: 1 }} />
    </ReferenceInput>
  );
}

/** The reason chips, shown only for "unable"; leaving "unable" clears the reason (the API insists). */
export function UnableReason() {
  const translate = useTranslate();
  const { setValue, getValues } = useFormContext();
  const outcome = useWatch({ name: 'outcome' });
  useEffect(() => {
    if (outcome !== 'unable' && getValues('unableReason') != null) setValue('unableReason', null, { shouldDirty: true });
  }, [outcome, getValues, setValue]);
  if (outcome !== 'unable') return null;
  return <ToggleChipsInput source="unableReason" enumDef={UNABLE_REASON} label={translate(`${T}.unableReason`)} size="medium" />;
}

/** Form-level check for the edit form: the domain's cross-field rules, by field. */
export function validateRecord(values: Record<string, unknown>, lang: Lang, requiredMessage: string): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!Array.isArray(values.assistanceTypes) || !values.assistanceTypes.length) errors.assistanceTypes = requiredMessage;
  for (const v of assistanceRuleViolations(values as unknown as AssistanceRuleInput)) errors[v.field] ??= v.message[lang];
  return errors;
}

// The body of the edit form (API field names). The quick-entry form has its own
// layout for speed but uses the same blocks above.
export function AssistanceRecordInputs() {
  const translate = useTranslate();
  const ageBands = useEnumChoices(AGE_BAND);
  const { min, max } = ASSISTANCE_LIMITS.durationMinutes;
  return (
    <Stack sx={{ width: '100%', maxWidth: 860 }}>
      <Stack direction={{ xs: 'column', sm: 'row' }} sx={{ gap: 2, alignItems: { sm: 'flex-start' } }}>
        <JpDateTimeInput source="visitedAt" validate={required()} sx={{ minWidth: 230 }} />
        <NumberInput source="durationMinutes" min={min} max={max} step={1} validate={[required(), minValue(min), maxValue(max)]} sx={{ width: 180 }} />
      </Stack>
      <ToggleChipsInput source="office" enumDef={OFFICE} label={translate('resources.assistance-records.fields.office')} size="medium" />
      <TypesInput />
      <SharedTerminal />
      <ToggleChipsInput source="outcome" enumDef={ASSISTANCE_OUTCOME} label={translate(`${T}.outcome`)} size="medium" />
      <UnableReason />
      <Stack direction={{ xs: 'column', md: 'row' }} sx={{ gap: 2 }}>
        <ReferenceInput source="paymentServiceId" reference="payment-services" sort={{ field: 'name', order: 'ASC' }} perPage={200}>
          <AutocompleteInput optionText="name" sx={{ minWidth: 240 }} />
        </ReferenceInput>
        <SelectInput source="ageBand" choices={ageBands} emptyText="—" sx={{ minWidth: 160 }} />
        <DistrictInput />
      </Stack>
      <CheckInput source="proxy" label={translate(`${T}.proxy`)} values={['legal_representative', 'none']} />
      <TextInput source="notes" multiline minRows={3} fullWidth validate={noMyNumber} slotProps={{ htmlInput: { maxLength: ASSISTANCE_LIMITS.notes } }} helperText={`${T}.notes_hint`} />
    </Stack>
  );
}
