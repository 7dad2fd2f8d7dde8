import type { SxProps, Theme } from '@mui/material';
import type { ReactNode } from 'react';
import type { Validator } from 'react-admin';

// The props of the Japanese date inputs and pickers: their own file, so the lazily
// loaded pickers (PickerInputs) and their wrappers (JpDateInputs) do not import each other.

export interface JpPickerInputProps {
  source: string;
  label?: ReactNode | false;
  helperText?: ReactNode | false;
  validate?: Validator | Validator[];
  parse?: (value: string) => unknown;
  /** The form's value as the picker takes it (a `YYYY-MM-DD` or ISO string), when the form keeps another shape. */
  format?: (value: unknown) => unknown;
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

export interface JpPickerProps {
  value: string;
  onChange: (value: string) => void;
  label: ReactNode;
  /** On the hidden input, which also takes a whole value typed in the API's shape. */
  testId?: string;
  helperText?: ReactNode;
  /** The earliest value allowed, in the same shape. */
  min?: string;
  size?: 'small' | 'medium';
  sx?: SxProps<Theme>;
}
