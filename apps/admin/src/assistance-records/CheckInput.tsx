import { Checkbox, FormControl, FormControlLabel, FormHelperText } from '@mui/material';
import { ValidationError, useInput } from 'react-admin';

interface Props {
  source: string;
  label: string;
  /** Store these instead of true / false (e.g. proxy: legal_representative / none). */
  values?: readonly [checked: unknown, unchecked: unknown];
}

// A plain checkbox (one Tab stop, Space ticks it): a checklist reads better than switches.
export function CheckInput({ source, label, values = [true, false] }: Props) {
  const { field, fieldState, id } = useInput({ source });
  const error = fieldState.error?.message;
  // The error is read out with the checkbox (aria-describedby), not only shown under it.
  const helperId = `${id}-helper-text`;
  return (
    <FormControl error={Boolean(error)} sx={{ display: 'block' }}>
      <FormControlLabel
        control={
          <Checkbox
            checked={field.value === values[0]}
            onChange={(e) => field.onChange(e.target.checked ? values[0] : values[1])}
            onBlur={field.onBlur}
            name={source}
            slotProps={{ input: { ref: field.ref, 'aria-invalid': Boolean(error), 'aria-describedby': error ? helperId : undefined } as Record<string, unknown> }}
          />
        }
        label={label}
      />
      {error ? <FormHelperText id={helperId} sx={{ mt: -0.5, ml: 4 }}><ValidationError error={error} /></FormHelperText> : null}
    </FormControl>
  );
}
