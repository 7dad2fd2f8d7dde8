import { TextField } from '@mui/material';
import { Suspense } from 'react';
import { FieldTitle } from 'react-admin';
import { lazyNamed } from './lazyNamed';
import type { JpPickerInputProps, JpPickerProps } from './pickerProps';

export type { JpPickerInputProps, JpPickerProps };

// Date and date-time inputs in Japanese formats (2026/12/07, 14:30) whatever the
// browser's language, for every form and filter. Values stay what the API takes:
// `YYYY-MM-DD` strings and ISO instants. The pickers' code loads with the first form
// that needs it, not with the shell.
const PickerInput = lazyNamed(() => import('./PickerInputs'), 'PickerInput');
const ControlledPicker = lazyNamed(() => import('./PickerInputs'), 'ControlledPicker');


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

/** A picker outside react-admin forms: a controlled `YYYY-MM-DD` or `YYYY-MM` string, '' while incomplete. */

function lazyPicker(kind: 'date' | 'month') {
  const Picker = (props: JpPickerProps) => (
    // The value as plain text while the pickers' code arrives: a page (the dashboard) does not wait for it.
    <Suspense
      fallback={
        <TextField
          size={props.size ?? 'small'}
          label={props.label}
          value={props.value.replace(/-/g, '/')}
          helperText={props.helperText}
          sx={props.sx}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { readOnly: true } }}
        />
      }
    >
      <ControlledPicker kind={kind} {...props} />
    </Suspense>
  );
  return Picker;
}

/** A date (`YYYY-MM-DD`) shown as 2026/12/07, for controlled values. */
export const JpDatePicker = lazyPicker('date');
/** A month (`YYYY-MM`) shown as 2026年11月 in Japanese, for controlled values. */
export const JpMonthPicker = lazyPicker('month');
