import type { QuotaStatus } from './uptake';

// A reservation quota (予約上限): first come, first served within the budget. The
// server takes a unit with one SQL statement whose WHERE clause is `canTakeUnit`;
// these functions are the same rule for the UI (gauges, status chips) and for tests.

export interface QuotaState {
  capacity: number;
  used: number;
  opensAt: Date | string;
  closesAt: Date | string;
}

export interface QuotaGaugeState {
  capacity: number;
  used: number;
  /** Percentage of capacity at which the gauge turns amber (1–100). */
  warnAtPercent: number;
}

/** How full a quota looks: blue, amber at the warn threshold, red when no unit is left. */
export type QuotaFillLevel = 'normal' | 'warn' | 'full';

const ms = (v: Date | string) => (v instanceof Date ? v.getTime() : Date.parse(v));

export function quotaRemaining(q: Pick<QuotaState, 'capacity' | 'used'>): number {
  return Math.max(0, q.capacity - q.used);
}

/** Whether `at` lies in the window [opensAt, closesAt). */
export function quotaWindowContains(q: Pick<QuotaState, 'opensAt' | 'closesAt'>, at: Date | string): boolean {
  const t = ms(at);
  return t >= ms(q.opensAt) && t < ms(q.closesAt);
}

/**
 * `closed` outside the window (whatever the fill), `full` when no unit is left,
 * otherwise `open`. The API derives the same in SQL (reservation-quotas list spec).
 */
export function quotaStatus(q: QuotaState, at: Date | string = new Date()): QuotaStatus {
  if (!quotaWindowContains(q, at)) return 'closed';
  return q.used >= q.capacity ? 'full' : 'open';
}

/** The predicate of the atomic take: `used < capacity AND at >= opens_at AND at < closes_at`. */
export function canTakeUnit(q: QuotaState, at: Date | string): boolean {
  return quotaStatus(q, at) === 'open';
}

/** Fill rate in whole percent, rounded down (so 99.9% never shows as 100%). */
export function quotaFillPercent(q: Pick<QuotaState, 'capacity' | 'used'>): number {
  if (q.capacity <= 0) return 100;
  return Math.min(100, Math.floor((q.used * 100) / q.capacity));
}

export function quotaFillLevel(q: QuotaGaugeState): QuotaFillLevel {
  if (q.used >= q.capacity) return 'full';
  // Integer arithmetic, so the threshold never wobbles with float rounding (90% of 10 warns at 9).
  return q.used * 100 >= q.capacity * q.warnAtPercent ? 'warn' : 'normal';
}
