import { quotaFillLevel, quotaFillPercent, quotaRemaining, type QuotaFillLevel } from '@mynapoint/domain';

// What a quota gauge shows, as plain values (the component only draws them).
// Colour is never the only signal: each level also has its own icon and words.
export interface QuotaGaugeView {
  level: QuotaFillLevel;
  percent: number;
  remaining: number;
  /** Bar colour: blue, amber, red (distinguishable with the common colour-vision deficiencies, and backed by icon and text). */
  color: string;
  /** i18n key of the level's words. */
  levelKey: string;
}

export const GAUGE_COLORS: Record<QuotaFillLevel, string> = {
  normal: '#1565c0',
  warn: '#f9a825',
  full: '#c62828',
};

export function quotaGaugeView(q: { capacity: number; used: number; warnAtPercent: number }): QuotaGaugeView {
  const level = quotaFillLevel(q);
  return {
    level,
    percent: quotaFillPercent(q),
    remaining: quotaRemaining(q),
    color: GAUGE_COLORS[level],
    levelKey: `resources.reservation-quotas.gauge.${level}`,
  };
}
