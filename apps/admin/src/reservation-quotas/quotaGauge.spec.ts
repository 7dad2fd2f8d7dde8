/// <reference types="jest" />
import { GAUGE_COLORS, quotaGaugeView } from './quotaGauge';

describe('quotaGaugeView', () => {
  it('is blue with room left, amber from the warn threshold, red when full', () => {
    expect(quotaGaugeView({ capacity: 200, used: 12, warnAtPercent: 90 })).toEqual({
      level: 'normal',
      percent: 6,
      remaining: 188,
      color: GAUGE_COLORS.normal,
      levelKey: 'resources.reservation-quotas.gauge.normal',
    });
    expect(quotaGaugeView({ capacity: 300, used: 276, warnAtPercent: 90 })).toMatchObject({ level: 'warn', percent: 92, remaining: 24, color: GAUGE_COLORS.warn });
    expect(quotaGaugeView({ capacity: 120, used: 120, warnAtPercent: 90 })).toMatchObject({ level: 'full', percent: 100, remaining: 0, color: GAUGE_COLORS.full });
  });

  it('uses three distinct colours', () => {
    expect(new Set(Object.values(GAUGE_COLORS)).size).toBe(3);
  });
});
