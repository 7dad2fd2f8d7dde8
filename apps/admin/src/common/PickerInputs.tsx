import { LocalizationProvider } from '@mui/x-date-pickers/LocalizationProvider';
import { AdapterDayjs } from '@mui/x-date-pickers/AdapterDayjs';
import { DesktopDatePicker } from '@mui/x-date-pickers/DesktopDatePicker';
import { DesktopDateTimePicker } from '@mui/x-date-pickers/DesktopDateTimePicker';
import { enUS, jaJP } from '@mui/x-date-pickers/locales';
import dayjs, { type Dayjs } from 'dayjs';
import 'dayjs/locale/ja';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import { useEffect, useMemo, useRef, useState, type ChangeEvent, type ReactNode } from 'react';
import { FieldTitle, InputHelperText, isRequired as hasRequired, useInput, useResourceContext, useTranslate, type Validator } from 'react-admin';
import { useLang } from './enums';
import type { JpPickerInputProps, JpPickerProps } from './pickerProps';

dayjs.extend(utc);
dayjs.extend(timezone);

// The city's clock: instants are shown and typed in JST whatever the PC's zone, as
// the rest of the admin shows them (JpDateField).
const TIME_ZONE = 'Asia/Tokyo';
// Japanese formats whatever the browser's language: the counter's shared PCs are not
// all set up in Japanese, and the browser's own <input type="date"> followed that.
const FORMAT = { date: 'YYYY/MM/DD', dateTime: 'YYYY/MM/DD HH:mm' } as const;
// A partly typed or impossible date: kept in the form so that validation says so
// (and a filter is not applied) instead of silently saving nothing.
const INVALID = '\u0000invalid';

type Kind = keyof typeof FORMAT;

function toPicker(kind: Kind, value: unknown): Dayjs | null {
  let d: Dayjs;
  // A form's default may be a Date (e.g. "now" on a new fraud alert).
  if (value instanceof Date) d = dayjs(value);
  else if (typeof value !== 'string' || value === '' || value === INVALID) return null;
  // dayjs reads `YYYY-MM-DD` as that local day, and an instant as itself.
  else d = dayjs(kind === 'date' ? value.slice(0, 10) : value);
  if (!d.isValid()) return null;
  return kind === 'dateTime' ? d.tz(TIME_ZONE) : d;
}

// The API's shapes: `YYYY-MM-DD` for dates, ISO instants (UTC, `Z`) for date-times.
function fromPicker(kind: Kind, value: Dayjs | null): string | null {
  if (value == null) return null;
  if (!value.isValid()) return INVALID;
  return kind === 'date' ? value.format('YYYY-MM-DD') : value.toISOString();
}

export function PickerInput({ kind, ...props }: JpPickerInputProps & { kind: Kind }) {
  // Filled, small and dense like react-admin's other inputs (its theme does not reach the pickers' own text field).
  const { source, label, helperText, validate, parse, format, defaultValue, className, sx, size = 'small', variant = 'filled', margin = 'dense', disabled, readOnly, fullWidth } = props;
  const translate = useTranslate();
  const resource = useResourceContext(props);
  const userValidators = useMemo(() => (validate == null ? [] : Array.isArray(validate) ? validate : [validate]), [validate]);
  const validators = useMemo<Validator[]>(
    () => [(value: unknown) => (value === INVALID ? `app.picker.invalid_${kind === 'date' ? 'date' : 'date_time'}` : undefined), ...userValidators],
    [kind, userValidators],
  );
  const { field, fieldState, formState, id, isRequired } = useInput({
    source,
    resource,
    defaultValue,
    validate: validators,
    isRequired: hasRequired(userValidators),
    format: (v: unknown) => v,
    parse: (v: unknown) => v,
    disabled,
    readOnly,
  });

  // The picker keeps what is being typed (an incomplete date is not a value yet);
  // the form's value re-syncs it only when changed from outside (reset, record load).
  const [local, setLocal] = useState<Dayjs | null>(() => toPicker(kind, format ? format(field.value) : field.value));
  const emitted = useRef<unknown>(field.value);
  useEffect(() => {
    if (field.value === emitted.current) return;
    emitted.current = field.value;
    setLocal(toPicker(kind, format ? format(field.value) : field.value));
  }, [field.value, kind, format]);

  const onChange = (value: Dayjs | null) => {
    setLocal(value);
    const out = fromPicker(kind, value);
    const parsed = out == null || out === INVALID || !parse ? out : parse(out);
    emitted.current = parsed;
    field.onChange(parsed);
  };

  const shown = fieldState.invalid && (fieldState.isTouched || formState.isSubmitted);
  const Picker = kind === 'date' ? DesktopDatePicker : DesktopDateTimePicker;
  return (
    <PickerLocalization>
      <Picker
        value={local}
        onChange={onChange}
        format={FORMAT[kind]}
        {...(kind === 'dateTime' ? { ampm: false, timezone: TIME_ZONE } : {})}
        disabled={disabled}
        readOnly={readOnly}
        inputRef={field.ref}
        name={field.name}
        label={label === false || label === '' ? undefined : <FieldTitle label={label} source={source} resource={resource} isRequired={isRequired} />}
        className={['ra-input', `ra-input-${source}`, className].filter(Boolean).join(' ')}
        sx={sx}
        slotProps={{
          // 2026年12月 above the calendar (dayjs's ja locale would say 12月 2026): a dayjs format from i18n.
          calendarHeader: { format: translate('app.calendar_header') },
          textField: {
            id,
            size,
            variant,
            margin,
            fullWidth,
            error: shown,
            onBlur: field.onBlur,
            helperText: helperText === false && !shown ? null : <InputHelperText error={shown ? fieldState.error?.message : undefined} helperText={helperText} />,
          },
        }}
      />
    </PickerLocalization>
  );
}

// The pickers' texts (buttons, screen-reader labels) in the admin's language; the
// formats are set per picker, Japanese whatever the language.
function PickerLocalization({ children }: { children: ReactNode }) {
  const lang = useLang();
  const localeText = (lang === 'en' ? enUS : jaJP).components.MuiLocalizationProvider.defaultProps.localeText;
  return (
    <LocalizationProvider dateAdapter={AdapterDayjs} adapterLocale={lang === 'en' ? 'en' : 'ja'} localeText={localeText}>
      {children}
    </LocalizationProvider>
  );
}

// Controlled pickers (outside react-admin forms): the value is the API's string,
// `YYYY-MM-DD` or `YYYY-MM`, and '' while the field holds no whole date (as the
// browser's own inputs gave).
const CONTROLLED = {
  date: { iso: 'YYYY-MM-DD', views: ['year', 'month', 'day'] },
  month: { iso: 'YYYY-MM', views: ['year', 'month'] },
} as const;
export type ControlledKind = keyof typeof CONTROLLED;

export function ControlledPicker({ kind, value, onChange, label, testId, helperText, min, size = 'small', sx }: JpPickerProps & { kind: ControlledKind }) {
  const translate = useTranslate();
  const { iso, views } = CONTROLLED[kind];
  const format = kind === 'date' ? FORMAT.date : translate('app.picker.month_format');
  const read = (s: string) => {
    const d = dayjs(s, iso, true);
    return s && d.isValid() ? d : null;
  };
  const minDate = useMemo(() => (min ? (read(min) ?? undefined) : undefined), [min]); // eslint-disable-line react-hooks/exhaustive-deps
  const [local, setLocal] = useState<Dayjs | null>(() => read(value));
  const emitted = useRef(value);
  useEffect(() => {
    if (value === emitted.current) return;
    emitted.current = value;
    setLocal(read(value));
  }, [value]); // eslint-disable-line react-hooks/exhaustive-deps

  const change = (d: Dayjs | null) => {
    setLocal(d);
    const out = d?.isValid() && !(minDate && d.isBefore(minDate)) ? d.format(iso) : '';
    emitted.current = out;
    onChange(out);
  };
  // The hidden input takes a whole value in the API's shape too (autofill, scripts,
  // as the browser's inputs did); it keeps the focus so that inserted text reaches it.
  const onHiddenChange = (e: ChangeEvent<HTMLInputElement>) => {
    const d = dayjs(e.target.value.trim(), [iso, format], true);
    change(d.isValid() ? d : null);
  };
  return (
    <PickerLocalization>
      <DesktopDatePicker
        value={local}
        onChange={change}
        format={format}
        views={views}
        openTo={kind === 'month' ? 'month' : 'day'}
        minDate={minDate}
        label={label}
        sx={sx}
        slotProps={{
          calendarHeader: { format: translate('app.calendar_header') },
          // Filled like the admin's other text fields (react-admin's theme does not reach the pickers').
          textField: {
            size,
            variant: 'filled',
            helperText,
            slotProps: { htmlInput: { ...(testId ? { 'data-testid': testId } : {}), onChange: onHiddenChange, onFocus: () => undefined } },
          },
        }}
      />
    </PickerLocalization>
  );
}
