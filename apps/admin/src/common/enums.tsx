import { Chip } from '@mui/material';
import { useLocaleState, useRecordContext, type FieldProps } from 'react-admin';
import type { DomainEnum, Lang } from '@mynapoint/domain';

export function useLang(): Lang {
  const [locale] = useLocaleState();
  return locale === 'en' ? 'en' : 'ja';
}

/** SelectInput / CheckboxGroupInput choices for a domain enum, in the UI language. */
export function useEnumChoices<V extends string>(e: DomainEnum<V>, only?: readonly V[]) {
  const lang = useLang();
  return (only ?? e.values).map((id) => ({ id, name: e.labels[id][lang] }));
}

/** One code shown by its label (optionally as a chip). */
export function EnumField<V extends string>({ source, enumDef, chip, ...rest }: FieldProps & { enumDef: DomainEnum<V>; chip?: boolean }) {
  const record = useRecordContext();
  const lang = useLang();
  const value = record?.[source] as string | undefined;
  if (value == null) return null;
  const label = enumDef.label(value, lang);
  void rest;
  return chip ? <Chip size="small" label={label} /> : <span>{label}</span>;
}
EnumField.displayName = 'EnumField';

/** A set of codes shown as chips. */
export function EnumArrayField<V extends string>({ source, enumDef }: FieldProps & { enumDef: DomainEnum<V> }) {
  const record = useRecordContext();
  const lang = useLang();
  const values = (record?.[source] as string[] | undefined) ?? [];
  return (
    <span style={{ display: 'inline-flex', flexWrap: 'wrap', gap: 4 }}>
      {values.map((v) => (
        <Chip key={v} size="small" label={enumDef.label(v, lang)} />
      ))}
    </span>
  );
}
