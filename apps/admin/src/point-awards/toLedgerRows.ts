import { compareTransactions, type TransactionKind } from '@mynapoint/domain';

export interface LedgerAward {
  id: number;
  externalId: string;
  transactionDate: string;
  kind: TransactionKind;
  amountYen: number;
  points: number;
  importId: number | null;
  capYen?: number;
  participantPointsTotal?: number;
}

export interface LedgerRow extends LedgerAward {
  /** Points held after this award, in the ledger's order. */
  runningTotal: number;
}

export interface Ledger {
  rows: LedgerRow[];
  total: number;
  cap: number | null;
  /** 0–100, for the bar. */
  percent: number;
  capReached: boolean;
}

/**
 * A participant's awards in the order the rule applies them (transaction date, then
 * the operator's transaction id) with the running total, and the standing against
 * the cap. The running total only adds points: the sum is the same in any order.
 */
export function toLedgerRows(awards: readonly LedgerAward[], capYen?: number | null): Ledger {
  const sorted = [...awards].sort(compareTransactions);
  let total = 0;
  const rows = sorted.map((a) => ({ ...a, runningTotal: (total += a.points) }));
  const cap = capYen ?? awards[0]?.capYen ?? null;
  const percent = cap ? Math.min(100, Math.floor((total * 100) / cap)) : 0;
  return { rows, total, cap, percent, capReached: cap !== null && total >= cap };
}
