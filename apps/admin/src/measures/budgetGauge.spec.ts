/// <reference types="jest" />
import { BUDGET_COLORS, budgetGaugeView } from './budgetGauge';

describe('budgetGaugeView', () => {
  it('is blue with room left, amber from 90 % used, red when nothing remains', () => {
    expect(budgetGaugeView({ budgetYen: 20_000_000, awardedYen: 3_000_000 })).toEqual({
      level: 'normal',
      percent: 15,
      usedYen: 3_000_000,
      remainingYen: 17_000_000,
      color: BUDGET_COLORS.normal,
      levelKey: 'resources.measures.gauge.normal',
    });
    expect(budgetGaugeView({ budgetYen: 20_000_000, awardedYen: 17_999_999 })).toMatchObject({ level: 'normal', percent: 89 });
    expect(budgetGaugeView({ budgetYen: 20_000_000, awardedYen: 18_000_000 })).toMatchObject({ level: 'warn', percent: 90, remainingYen: 2_000_000 });
    expect(budgetGaugeView({ budgetYen: 20_000_000, awardedYen: 19_999_000 })).toMatchObject({ level: 'warn', percent: 99, remainingYen: 1_000 });
    expect(budgetGaugeView({ budgetYen: 20_000_000, awardedYen: 20_000_000 })).toMatchObject({ level: 'exhausted', percent: 100, remainingYen: 0 });
  });

  it('takes another warning threshold', () => {
    expect(budgetGaugeView({ budgetYen: 1000, awardedYen: 800, warnAtPercent: 80 }).level).toBe('warn');
    expect(budgetGaugeView({ budgetYen: 1000, awardedYen: 799, warnAtPercent: 80 }).level).toBe('normal');
  });

  it('never shows more used than the budget, nor a negative remainder', () => {
    expect(budgetGaugeView({ budgetYen: 1000, awardedYen: 1500 })).toMatchObject({ usedYen: 1000, remainingYen: 0, percent: 100, level: 'exhausted' });
  });
});
