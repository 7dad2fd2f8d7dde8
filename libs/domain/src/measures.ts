import { defineEnum, type EnumValue } from './enum';

// A campaign's measures (施策, DOMAIN.md "What a city really ran after Round 1"): what
// is awarded, to whom, when, and who pays for it.

export const MEASURE_KIND = defineEnum({
  rate_with_cap: { ja: '付与率・上限あり（チャージ・購入の一定率）', en: 'Rate of spending, up to a cap' },
  fixed_amount: { ja: '定額（登録で1人1回）', en: 'Fixed amount, once per person on registration' },
});
export type MeasureKind = EnumValue<typeof MEASURE_KIND>;

// Who may apply to a measure. The API checks each when an application is made:
//   anyone_with_card    nothing more than a card (and the measure's windows);
//   new_or_below_cap    a person who applied in no earlier round, or who did and stayed
//                       below the cap: their earlier points count toward this measure's
//                       cap (Round 2's first measure: "keep earning up to 5,000 yen");
//                       a person who reached it is refused;
//   card_applied_by     the card applied for by `cardAppliedBy` (the application states
//                       `cardAppliedOn`);
//   residents_by_age    residents of the municipality aged `minAge`..`maxAge` (either
//                       may be open) on the application date (the application states
//                       `age`; the city's own top-up points, e.g. under 18).
export const MEASURE_ELIGIBILITY = defineEnum({
  anyone_with_card: { ja: 'マイナンバーカードを持つ人（制限なし）', en: 'Anyone with a card' },
  new_or_below_cap: {
    ja: '前の回に申し込んでいない人、または申し込んだが上限に達していない人',
    en: 'Not applied in an earlier round, or applied but below its cap',
  },
  card_applied_by: { ja: '期日までにカードを申請した人', en: 'Card applied for by a date' },
  residents_by_age: { ja: '市町村の住民（年齢の範囲）', en: 'Residents of the municipality by age band' },
});
export type MeasureEligibility = EnumValue<typeof MEASURE_ELIGIBILITY>;

export const FUNDED_BY = defineEnum({
  national: { ja: '国', en: 'National government' },
  prefecture: { ja: '都道府県', en: 'Prefecture' },
  municipality: { ja: '市町村', en: 'Municipality' },
});
export type FundedBy = EnumValue<typeof FUNDED_BY>;

/** What a point award records: a charge or purchase (a rate measure), or a registration (a fixed measure). */
export const POINT_AWARD_KIND = defineEnum({
  charge: { ja: 'チャージ', en: 'Charge' },
  purchase: { ja: '購入', en: 'Purchase' },
  registration: { ja: '登録（定額）', en: 'Registration (fixed amount)' },
});
export type PointAwardKind = EnumValue<typeof POINT_AWARD_KIND>;

/** The budget gauge's warning: at or above this share of the budget used. */
export const BUDGET_WARN_AT_PERCENT = 90;

/**
 * The cap a person gets in a `new_or_below_cap` measure, given the points they earned
 * in earlier rounds' rate measures: what is left of the cap, or null when nothing is
 * (they reached it). A person new to the programme gets the whole cap.
 */
export function carriedCap(capYen: number, earlierPoints: number | null): number | null {
  if (earlierPoints === null) return capYen;
  const left = capYen - earlierPoints;
  return left > 0 ? left : null;
}

/** Age on a date, from the age a person states (the API keeps no birth date). */
export function ageWithin(age: number, minAge: number | null, maxAge: number | null): boolean {
  return (minAge === null || age >= minAge) && (maxAge === null || age <= maxAge);
}
