import CheckIcon from '@mui/icons-material/Check';
import { Box, Chip, FormControl, FormHelperText, FormLabel } from '@mui/material';
import { ValidationError, useInput } from 'react-admin';
import type { DomainEnum } from '@mynapoint/domain';
import { useLang } from '../common/enums';

interface Props<V extends string> {
  source: string;
  enumDef: DomainEnum<V>;
  label: string;
  /** Which codes, in which order (default: all, in the enum's order). */
  choices?: readonly V[];
  /** A set of codes (string[]) instead of one code. */
  multiple?: boolean;
  helperText?: string;
  size?: 'large' | 'medium';
  /** Label beside the chips instead of above them (compact header rows). */
  row?: boolean;
  onToggle?: (value: V, selected: boolean) => void;
}

// Big toggle chips: one Tab stop each, Space toggles (Enter is left to the form:
// it saves). The form's own validate() puts the field's error under the group.
export function ToggleChipsInput<V extends string>({ source, enumDef, label, choices, multiple, helperText, size = 'large', row, onToggle }: Props<V>) {
  const { field, fieldState } = useInput({ source });
  const lang = useLang();
  const values: V[] = multiple ? ((field.value as V[] | null) ?? []) : [];
  const isSelected = (v: V) => (multiple ? values.includes(v) : field.value === v);

  const toggle = (v: V) => {
    const next = !isSelected(v);
    if (multiple) field.onChange(next ? [...values, v] : values.filter((x) => x !== v));
    else field.onChange(v);
    onToggle?.(v, multiple ? next : true);
  };

  const error = fieldState.error?.message;
  const labelId = `chips-${source}-label`;
  const chips = (
    <Box role="group" aria-labelledby={labelId} sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }}>
      {(choices ?? enumDef.values).map((v) => {
        const selected = isSelected(v);
        return (
          <Chip
            key={v}
            label={enumDef.labels[v][lang]}
            clickable
            onClick={() => toggle(v)}
            onBlur={field.onBlur}
            color={selected ? 'primary' : 'default'}
            variant={selected ? 'filled' : 'outlined'}
            icon={selected ? <CheckIcon /> : undefined}
            aria-pressed={selected}
            data-value={v}
            sx={{
              height: size === 'large' ? 48 : 36,
              fontSize: size === 'large' ? '1rem' : '0.875rem',
              px: size === 'large' ? 1 : 0.5,
              borderRadius: 24,
              fontWeight: selected ? 700 : 400,
              '&.Mui-focusVisible': { outline: '3px solid', outlineColor: 'warning.main', outlineOffset: 2 },
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
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
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
        <FormHelperText>
          <ValidationError error={error} />
        </FormHelperText>
      ) : helperText ? (
        <FormHelperText>{helperText}</FormHelperText>
      ) : null}
    </FormControl>
  );
}
