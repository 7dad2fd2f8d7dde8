import { defineEnum, type EnumValue, type Labels } from '@mynapoint/domain';
import messages from './i18n';

// The measure's closed sets, as the measures API (feat/r2, libs/domain/src/measures.ts)
// names them. Kept here until that branch is merged; then this file re-exports those.
const { ja, en } = { ja: messages.ja.enums, en: messages.en.enums };
function labels<K extends string>(group: 'kind' | 'eligibility' | 'fundedBy', keys: readonly K[]): Record<K, Labels> {
  const j = ja[group] as Record<string, string>;
  const e = en[group] as Record<string, string>;
  return Object.fromEntries(keys.map((k) => [k, { ja: j[k], en: e[k] }])) as Record<K, Labels>;
}

export const MEASURE_KIND = defineEnum(labels('kind', ['rate_with_cap', 'fixed_amount'] as const));
export type MeasureKind = EnumValue<typeof MEASURE_KIND>;

export const MEASURE_ELIGIBILITY = defineEnum(labels('eligibility', ['anyone_with_card', 'new_or_below_cap', 'card_applied_by', 'residents_by_age'] as const));
export type MeasureEligibility = EnumValue<typeof MEASURE_ELIGIBILITY>;

export const FUNDED_BY = defineEnum(labels('fundedBy', ['national', 'prefecture', 'municipality'] as const));
export type FundedBy = EnumValue<typeof FUNDED_BY>;

/** The budget gauge's warning: at or above this share of the budget used. */
export const BUDGET_WARN_AT_PERCENT = 90;
