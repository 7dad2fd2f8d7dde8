import CheckIcon from '@mui/icons-material/Check';
import { Box, Chip, FormControl, FormHelperText, FormLabel } from '@mui/material';
import { useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { ValidationError, useInput } from 'react-admin';
import type { DomainEnum } from '@mynapoint/domain';
import { useLang } from './enums';
import { moveInList } from './roving';

interface Props<V extends string> {
  source: string;
  enumDef: DomainEnum<V>;
  label: string;
  /** Which codes, in which order (default: all, in the enum's order). */
  choices?: readonly V[];
  /** A set of codes (string[]) instead of one code. */
  multiple?: boolean;
  helperText?: string;
  size?: 'large' | 'medium' | 'small';
  /** Label beside the chips instead of above them (compact header rows). */
  row?: boolean;
  onToggle?: (value: V, selected: boolean) => void;
}

// Big toggle chips, one Tab stop per group (issue #23): Tab enters at the first chosen
// chip (or the first), the arrow keys move inside. One code: a radio group, the arrows
// choose as they move (WAI-ARIA radio group). A set: a toolbar of toggle buttons, the
// arrows only move and Space toggles. Enter is left to the form: it saves. The form's
// own validate() puts the field's error under the group, tied to it by aria-describedby
// and given the focus on a failed save.
export function ToggleChipsInput<V extends string>({ source, enumDef, label, choices, multiple, helperText, size = 'large', row, onToggle }: Props<V>) {
  const { field, fieldState, id } = useInput({ source });
  const lang = useLang();
  const codes = choices ?? enumDef.values;
  const values: V[] = multiple ? ((field.value as V[] | null) ?? []) : [];
  const isSelected = (v: V) => (multiple ? values.includes(v) : field.value === v);
  // The chip that has the focus while the group has it; otherwise the group is entered
  // at its first chosen chip, so Tab always lands in the same place for the same value.
  const [focused, setFocused] = useState<number | null>(null);
  const chipsRef = useRef<HTMLDivElement>(null);
  const firstChosen = Math.max(0, codes.findIndex(isSelected));
  const tabStop = focused ?? firstChosen;

  const choose = (v: V) => {
    const next = !isSelected(v);
    // A set is kept in the chips' order, whatever order they were chosen in.
    if (multiple) field.onChange(codes.filter((x) => (x === v ? next : values.includes(x))));
    else field.onChange(v);
    onToggle?.(v, multiple ? next : true);
  };
  const focusChip = (i: number) => chipsRef.current?.querySelectorAll<HTMLElement>('[data-value]')[i]?.focus();
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const next = moveInList(e.key, focused ?? tabStop, codes.length);
    if (next === null) return;
    e.preventDefault();
    focusChip(next);
    if (!multiple && !isSelected(codes[next])) choose(codes[next]);
  };
  const onBlur = (e: FocusEvent<HTMLDivElement>) => {
    if (chipsRef.current?.contains(e.relatedTarget as Node | null)) return;
    setFocused(null);
    field.onBlur();
  };

  const error = fieldState.error?.message;
  const labelId = `${id}-label`;
  const helperId = `${id}-helper-text`;
  const describedBy = error || helperText ? helperId : undefined;
  const chips = (
    <Box
      ref={chipsRef}
      role={multiple ? 'toolbar' : 'radiogroup'}
      aria-labelledby={labelId}
      aria-describedby={describedBy}
      onKeyDown={onKeyDown}
      onBlur={onBlur}
      sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }}
    >
      {codes.map((v, i) => {
        const selected = isSelected(v);
        return (
          <Chip
            key={v}
            // react-hook-form focuses the group's Tab stop when a save fails on it.
            ref={i === tabStop ? field.ref : undefined}
            label={enumDef.labels[v][lang]}
            clickable
            onClick={() => choose(v)}
            onFocus={() => setFocused(i)}
            tabIndex={i === tabStop ? 0 : -1}
            color={selected ? 'primary' : 'default'}
            variant={selected ? 'filled' : 'outlined'}
            icon={selected ? <CheckIcon /> : undefined}
            {...(multiple ? { 'aria-pressed': selected } : { role: 'radio', 'aria-checked': selected })}
            data-value={v}
            sx={{
              height: { large: 48, medium: 36, small: 32 }[size],
              fontSize: { large: '1rem', medium: '0.875rem', small: '0.8125rem' }[size],
              px: size === 'large' ? 1 : 0.5,
              borderRadius: 24,
              fontWeight: selected ? 700 : 400,
              '&.Mui-focusVisible': { outline: '3px solid #1a1a1a', outlineOffset: 2, boxShadow: '0 0 0 2px #fff' },
            }}
          />
        );
      })}
    </Box>
  );
  const labelEl = (
    <FormLabel id={labelId} component="span" sx={{ display: 'block', mb: row ? 0 : 1, fontWeight: 700, whiteSpace: 'nowrap' }}>
      {label}
    </FormLabel>
  );
  return (
    <FormControl error={Boolean(error)} sx={{ mb: 2, width: '100%' }} data-testid={`chips-${source}`}>
      {row ? (
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
          {labelEl}
          {chips}
        </Box>
      ) : (
        <>
          {labelEl}
          {chips}
        </>
      )}
      {error ? (
        <FormHelperText id={helperId}>
          <ValidationError error={error} />
        </FormHelperText>
      ) : helperText ? (
        <FormHelperText id={helperId}>{helperText}</FormHelperText>
      ) : null}
    </FormControl>
  );
}
