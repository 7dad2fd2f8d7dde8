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

// The law, as the engine (apps/api/src/point-awards/point-awards.repository.ts) applies
// it and test/api/point-award-oracle.e2e-spec.ts checks it against these functions:
// - within a batch (one import's rows of a participant, or one single create), the
//   transactions are applied in (transactionDate, externalId) order on top of what
//   the participant already holds, each earning min(floor(amount × rate / 100), what
//   is left under the cap);
// - points already granted are never taken back: a transaction that arrives in a later
//   batch with an earlier date earns min(its floor, what is left);
// - so whatever the batches and their order, a participant's total is
//   min(Σ floor(amount × rate / 100), cap).

/** One batch on top of `alreadyAwarded`: the points per transaction, in the order given (the input's order does not matter). */
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

/** One participant's batches in their order of arrival: the points per transaction, batch by batch. */
export function awardBatches(batches: readonly (readonly AwardTransaction[])[], rule: AwardRule, alreadyAwarded = 0): number[][] {
  let total = alreadyAwarded;
  return batches.map((batch) => {
    const points = awardBatch(batch, rule, total);
    total += points.reduce((a, b) => a + b, 0);
    return points;
  });
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
