import { hasOwnBudget } from './measureRules';

// What the measure form sends: the fields of the chosen kind, and a budget only when a
// prefecture or the municipality pays (the inputs of the other choices are hidden, and
// a value typed before switching must not travel with the record).
export function toMeasureBody(values: Record<string, unknown>): Record<string, unknown> {
  const body = { ...values };
  if (body.kind === 'fixed_amount') {
    body.ratePercent = null;
    body.capPerPersonYen = null;
  } else if (body.kind === 'rate_with_cap') {
    body.fixedAmountYen = null;
  }
  if (!hasOwnBudget(body.fundedBy)) body.budgetYen = null;
  if (body.eligibility !== 'card_applied_by') body.cardAppliedBy = null;
  if (body.eligibility !== 'residents_by_age') {
    body.minAge = null;
    body.maxAge = null;
  }
  return body;
}

/** Each window ends on or after its start (the server checks it too). */
export const notBefore = (startField: string) => (value: unknown, all: Record<string, unknown>) =>
  typeof value === 'string' && typeof all[startField] === 'string' && value < (all[startField] as string) ? 'resources.measures.validation.end_before_start' : undefined;

/** A budget is required exactly when it is kept. */
export const budgetRequired = (value: unknown, all: Record<string, unknown>) =>
  hasOwnBudget(all.fundedBy) && (value === null || value === undefined || value === '') ? 'resources.measures.validation.budget_required' : undefined;
