import type { Labels } from '../enum';

// What a resource and its fields are called, in Japanese and English: one source for
// the admin UI's i18n, the API's export headers and the OpenAPI descriptions.
export interface ResourceLabels {
  one: Labels;
  many: Labels;
  fields: Readonly<Record<string, Labels>>;
}

export function defineResourceLabels<F extends string>(labels: { one: Labels; many: Labels; fields: Record<F, Labels> }) {
  return labels;
}

// Fields most resources share.
export const COMMON_FIELDS = {
  id: { ja: 'ID', en: 'ID' },
  createdAt: { ja: '登録日時', en: 'Created at' },
  updatedAt: { ja: '更新日時', en: 'Updated at' },
} as const;

// Reference data (payment services, campaigns): a national row is the operator's,
// read-only for every municipality.
export const NATIONAL_FIELD = { national: { ja: '国の登録', en: 'National' } } as const;
