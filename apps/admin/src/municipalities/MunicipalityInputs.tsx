import { Stack, Typography } from '@mui/material';
import { ArrayInput, BooleanInput, Labeled, NumberInput, PasswordInput, SimpleFormIterator, TextField, TextInput, email, maxLength, minLength, minValue, number, regex, required, useTranslate } from 'react-admin';
import { noMyNumber } from '../common/validators';
import { districtRows, municipalityCode, phone } from './validators';

const T = 'resources.municipalities';

function Section({ title }: { title: string }) {
  const translate = useTranslate();
  return (
    <Typography variant="subtitle1" component="h2" sx={{ mt: 2, mb: 1, fontWeight: 700 }}>
      {translate(`${T}.sections.${title}`)}
    </Typography>
  );
}

/**
 * The form body of a municipality: `create` (the operator, with the first admin),
 * `edit` (the operator: everything but the code) and `own` (a municipality's admin:
 * its name, districts and contact; not whether it is open).
 */
export function MunicipalityInputs({ mode }: { mode: 'create' | 'edit' | 'own' }) {
  return (
    <Stack sx={{ width: '100%', maxWidth: 640 }}>
      <Section title="basics" />
      {mode === 'create' ? (
        <TextInput
          source="code"
          validate={[required(), regex(/^[0-9０-９]{6}$/, `${T}.validation.code_format`), municipalityCode]}
          helperText={`${T}.helper.code`}
          autoFocus
          slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 6 } }}
        />
      ) : (
        // Shown, not an input: the code never changes (a disabled field's grey text is below AA contrast).
        <Labeled source="code" sx={{ mb: 2 }}>
          <TextField source="code" />
        </Labeled>
      )}
      <TextInput source="name" validate={[required(), maxLength(40), noMyNumber]} autoFocus={mode !== 'create'} />
      {mode !== 'own' && <BooleanInput source="active" helperText={`${T}.helper.active`} />}

      <Section title="districts" />
      <ArrayInput source="districtRows" label={false} helperText={`${T}.helper.districts`} validate={districtRows}>
        <SimpleFormIterator inline disableReordering={false}>
          <TextInput source="name" label={`${T}.helper.district_name`} validate={[required(), maxLength(40), noMyNumber]} />
          <NumberInput source="population" label={`${T}.helper.district_population`} validate={[number(), minValue(1, `${T}.validation.population`)]} min={1} step={1} />
        </SimpleFormIterator>
      </ArrayInput>

      <Section title="contact" />
      <TextInput source="contactPhone" validate={[maxLength(30), phone]} slotProps={{ htmlInput: { inputMode: 'tel', autoComplete: 'off' } }} />
      <TextInput source="contactEmail" validate={[maxLength(254), email()]} type="email" slotProps={{ htmlInput: { autoComplete: 'off' } }} />

      {mode === 'create' && <FirstAdminInputs />}
    </Stack>
  );
}

function FirstAdminInputs() {
  const translate = useTranslate();
  return (
    <>
      <Section title="firstAdmin" />
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate(`${T}.helper.firstAdmin`)}
      </Typography>
      <TextInput source="firstAdmin.username" label={`${T}.firstAdmin.username`} validate={[minLength(2), maxLength(60), regex(/^[A-Za-z0-9._-]+$/, 'resources.users.validation.username')]} slotProps={{ htmlInput: { autoComplete: 'off' } }} />
      <TextInput source="firstAdmin.displayName" label={`${T}.firstAdmin.displayName`} validate={[maxLength(60), noMyNumber]} />
      <PasswordInput source="firstAdmin.password" label={`${T}.firstAdmin.password`} validate={[minLength(12)]} helperText={`${T}.helper.password`} autoComplete="new-password" />
    </>
  );
}
