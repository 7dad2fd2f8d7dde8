/// <reference types="jest" />
import { budgetRequired, notBefore, toMeasureBody } from './measureForm';

describe('toMeasureBody', () => {
  it('sends the fixed amount only for a fixed measure, the rate and cap only for a rate measure', () => {
    expect(toMeasureBody({ kind: 'fixed_amount', ratePercent: 25, capPerPersonYen: 5000, fixedAmountYen: 7500, fundedBy: 'national' })).toEqual({
      kind: 'fixed_amount',
      ratePercent: null,
      capPerPersonYen: null,
      fixedAmountYen: 7500,
      fundedBy: 'national',
      budgetYen: null,
      cardAppliedBy: null,
      minAge: null,
      maxAge: null,
    });
    expect(toMeasureBody({ kind: 'rate_with_cap', ratePercent: 25, capPerPersonYen: 5000, fixedAmountYen: 7500, fundedBy: 'national' })).toMatchObject({
      ratePercent: 25,
      capPerPersonYen: 5000,
      fixedAmountYen: null,
    });
  });

  it('keeps a budget only when a prefecture or the municipality pays', () => {
    expect(toMeasureBody({ kind: 'fixed_amount', fundedBy: 'municipality', budgetYen: 20_000_000 }).budgetYen).toBe(20_000_000);
    expect(toMeasureBody({ kind: 'fixed_amount', fundedBy: 'prefecture', budgetYen: 1_000 }).budgetYen).toBe(1_000);
    expect(toMeasureBody({ kind: 'fixed_amount', fundedBy: 'national', budgetYen: 20_000_000 }).budgetYen).toBeNull();
  });
});

describe('eligibility details', () => {
  it('sends the deadline or the age range only with the eligibility that uses it', () => {
    expect(toMeasureBody({ eligibility: 'residents_by_age', minAge: null, maxAge: 17, cardAppliedBy: '2022-09-30' })).toMatchObject({ maxAge: 17, cardAppliedBy: null });
    expect(toMeasureBody({ eligibility: 'card_applied_by', minAge: 3, maxAge: 17, cardAppliedBy: '2022-09-30' })).toMatchObject({ minAge: null, maxAge: null, cardAppliedBy: '2022-09-30' });
  });
});

describe('form checks', () => {
  it('require a budget exactly when one is kept', () => {
    expect(budgetRequired(undefined, { fundedBy: 'municipality' })).toBe('resources.measures.validation.budget_required');
    expect(budgetRequired('', { fundedBy: 'prefecture' })).toBe('resources.measures.validation.budget_required');
    expect(budgetRequired(100, { fundedBy: 'municipality' })).toBeUndefined();
    expect(budgetRequired(undefined, { fundedBy: 'national' })).toBeUndefined();
  });

  it('refuse a window that ends before it starts', () => {
    expect(notBefore('earningStartsOn')('2022-06-29', { earningStartsOn: '2022-06-30' })).toBe('resources.measures.validation.end_before_start');
    expect(notBefore('earningStartsOn')('2022-06-30', { earningStartsOn: '2022-06-30' })).toBeUndefined();
  });
});
