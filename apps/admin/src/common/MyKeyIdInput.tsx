import { TextInput, required, type TextInputProps } from 'react-admin';
import { normalizeMyKeyId } from '@mynapoint/domain';

// The same rule as the server: 8 alphanumerics, any case (full-width accepted).
export const validMyKeyId = (value: unknown) => (typeof value === 'string' && value !== '' && !normalizeMyKeyId(value) ? 'app.mykey.invalid' : undefined);

/** The MyKey ID field of the counter forms: upper-case, monospace, no autocomplete. */
export function MyKeyIdInput(props: Omit<TextInputProps, 'source'> & { source?: string }) {
  return (
    <TextInput
      source="myKeyId"
      validate={[required(), validMyKeyId]}
      helperText="app.mykey.helper"
      {...props}
      slotProps={{
        htmlInput: {
          autoComplete: 'off',
          autoCapitalize: 'characters',
          spellCheck: false,
          maxLength: 12,
          style: { fontFamily: 'ui-monospace, "Noto Sans Mono", monospace', letterSpacing: '0.15em', textTransform: 'uppercase' },
          'data-testid': 'mykey-input',
        },
      }}
    />
  );
}
