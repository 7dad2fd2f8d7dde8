import { defineEnum, EnumValue } from './enum';

// The point award rule (city page, Round 1): 25% of each charge or purchase, at most
// 5,000 yen per person. Rate and cap are campaign data, never constants here.
export interface AwardRule {
  awardRatePercent: number;
  capPerPersonYen: number;
}

export interface AwardTransaction {
  externalId: string;
  /** YYYY-MM-DD */
  transactionDate: string;
  amountYen: number;
}

/** floor(amount × rate / 100): what a transaction earns before the cap. */
export function basePoints(amountYen: number, awardRatePercent: number): number {
  if (amountYen <= 0) return 0;
  return Math.floor((amountYen * awardRatePercent) / 100);
}

/** Points for one transaction given what the participant already holds: never above the cap, never negative. */
export function awardPoints(amountYen: number, rule: AwardRule, alreadyAwarded: number): number {
  const remaining = rule.capPerPersonYen - alreadyAwarded;
  return Math.max(0, Math.min(basePoints(amountYen, rule.awardRatePercent), remaining));
}

/** The order awards are applied in within one batch: transaction date, then the operator's transaction id. */
export function compareTransactions(a: AwardTransaction, b: AwardTransaction): number {
  if (a.transactionDate !== b.transactionDate) return a.transactionDate < b.transactionDate ? -1 : 1;
  return a.externalId < b.externalId ? -1 : a.externalId > b.externalId ? 1 : 0;
}

/**
 * Awards a batch of transactions, applied in (transactionDate, externalId) order on
 * top of what the participant already holds. Returns the points per transaction in
 * the order given, so the result does not depend on the order of the input.
 *
 * The law this guarantees (and the database path mirrors): whatever the batches and
 * their order of arrival, a participant's total is min(Σ floor(amount × rate / 100), cap).
 * Points already granted are never reduced: a transaction that arrives late with an
 * earlier date earns min(its own floor, what is left under the cap).
 */
export function awardBatch(transactions: readonly AwardTransaction[], rule: AwardRule, alreadyAwarded = 0): number[] {
  const order = transactions.map((_, i) => i).sort((i, j) => compareTransactions(transactions[i], transactions[j]));
  const points = new Array<number>(transactions.length).fill(0);
  let total = alreadyAwarded;
  for (const i of order) {
    points[i] = awardPoints(transactions[i].amountYen, rule, total);
    total += points[i];
  }
  return points;
}

export const AWARD_REFUSAL = defineEnum({
  outside_earning_period: { ja: '取引日がポイント獲得期間外です。', en: 'The transaction date is outside the earning period.' },
  not_applied_to_service: {
    ja: 'この決済サービスへの申し込みがありません（申し込んだ決済サービスの取引のみ付与できます）。',
    en: 'The participant did not apply to this payment service.',
  },
});
export type AwardRefusal = EnumValue<typeof AWARD_REFUSAL>;

export interface AwardEligibility {
  transactionDate: string;
  earningStartsOn: string;
  earningEndsOn: string;
  /** The service the participant applied to in the campaign (null: no application). */
  appliedPaymentServiceId: number | null;
  paymentServiceId: number;
}

/** Why a transaction earns nothing at all (null when it is eligible). */
export function awardRefusal(e: AwardEligibility): AwardRefusal | null {
  if (e.appliedPaymentServiceId !== e.paymentServiceId) return 'not_applied_to_service';
  if (e.transactionDate < e.earningStartsOn || e.transactionDate > e.earningEndsOn) return 'outside_earning_period';
  return null;
}
