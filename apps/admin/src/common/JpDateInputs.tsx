import { TextField, type SxProps, type Theme } from '@mui/material';
import { lazy, Suspense, type ReactNode } from 'react';
import { FieldTitle, type Validator } from 'react-admin';

// Date and date-time inputs in Japanese formats (2026/12/07, 14:30) whatever the
// browser's language, for every form and filter. Values stay what the API takes:
// `YYYY-MM-DD` strings and ISO instants. The pickers' code loads with the first form
// that needs it, not with the shell.
const PickerInput = lazy(() => import('./PickerInputs').then((m) => ({ default: m.PickerInput })));

export interface JpPickerInputProps {
  source: string;
  label?: ReactNode | false;
  helperText?: ReactNode | false;
  validate?: Validator | Validator[];
  parse?: (value: string) => unknown;
  defaultValue?: unknown;
  resource?: string;
  className?: string;
  sx?: SxProps<Theme>;
  size?: 'small' | 'medium';
  variant?: 'filled' | 'outlined' | 'standard';
  margin?: 'none' | 'dense' | 'normal';
  fullWidth?: boolean;
  disabled?: boolean;
  readOnly?: boolean;
  /** react-admin's filter flag: read by the filter form, not by the input. */
  alwaysOn?: boolean;
}

// Same size and label while the pickers' code arrives, so the form does not jump.
function Placeholder({ source, label, resource, size = 'small', variant = 'filled', margin = 'dense', sx }: JpPickerInputProps) {
  return (
    <TextField
      disabled
      size={size}
      variant={variant}
      margin={margin}
      sx={sx}
      label={label === false || label === '' ? undefined : <FieldTitle label={label} source={source} resource={resource} />}
      slotProps={{ inputLabel: { shrink: true } }}
    />
  );
}

function lazyInput(kind: 'date' | 'dateTime') {
  const Input = (props: JpPickerInputProps) => (
    <Suspense fallback={<Placeholder {...props} />}>
      <PickerInput kind={kind} {...props} />
    </Suspense>
  );
  return Input;
}

/** A date (`YYYY-MM-DD`), typed and shown as 2026/12/07. */
export const JpDateInput = lazyInput('date');
/** An instant (ISO with offset), typed and shown in JST as 2026/12/07 14:30. */
export const JpDateTimeInput = lazyInput('dateTime');
