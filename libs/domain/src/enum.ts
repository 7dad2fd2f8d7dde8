// One shape for every closed set of codes the API accepts: the codes (what is stored
// and sent), and their labels in Japanese (the default UI language) and English.
export type Lang = 'ja' | 'en';
export type Labels = Readonly<Record<Lang, string>>;

export interface DomainEnum<V extends string> {
  readonly values: readonly V[];
  readonly labels: Readonly<Record<V, Labels>>;
  label(value: V | string | null | undefined, lang?: Lang): string;
  has(value: unknown): value is V;
}

export function defineEnum<V extends string>(labels: Record<V, Labels>): DomainEnum<V> {
  const values = Object.keys(labels) as V[];
  const set = new Set<string>(values);
  return {
    values,
    labels,
    label(value, lang = 'ja') {
      if (value == null) return '';
      return set.has(value) ? labels[value as V][lang] : String(value);
    },
    has(value): value is V {
      return typeof value === 'string' && set.has(value);
    },
  };
}

export type EnumValue<E> = E extends DomainEnum<infer V> ? V : never;
