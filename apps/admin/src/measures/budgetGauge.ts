import { BUDGET_WARN_AT_PERCENT } from './measureEnums';

// What a budget gauge shows, as plain values (the component only draws them). Colour
// is never the only signal: each level has its own icon and words, like the quota gauge.

export type BudgetLevel = 'normal' | 'warn' | 'exhausted';

/** The share of the budget used from which the gauge warns (amber, 「残りわずか」). */


export const BUDGET_COLORS: Record<BudgetLevel, string> = {
  normal: '#1565c0',
  warn: '#f9a825',
  exhausted: '#c62828',
};

export interface BudgetGaugeView {
  level: BudgetLevel;
  /** Share used, 0–100, rounded down (never shows 100 % before it is all used). */
  percent: number;
  usedYen: number;
  remainingYen: number;
  color: string;
  levelKey: string;
}

export function budgetGaugeView(b: { budgetYen: number; awardedYen: number; warnAtPercent?: number }): BudgetGaugeView {
  const budget = Math.max(0, b.budgetYen);
  const used = Math.min(Math.max(0, b.awardedYen), budget);
  const remainingYen = budget - used;
  const percent = budget === 0 ? 100 : Math.floor((used * 100) / budget);
  const warnAt = b.warnAtPercent ?? BUDGET_WARN_AT_PERCENT;
  const level: BudgetLevel = remainingYen === 0 ? 'exhausted' : used * 100 >= warnAt * budget ? 'warn' : 'normal';
  return { level, percent, usedYen: used, remainingYen, color: BUDGET_COLORS[level], levelKey: `resources.measures.gauge.${level}` };
}
