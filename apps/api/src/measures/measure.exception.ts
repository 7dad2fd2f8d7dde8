import { defineDomainException } from '../common/errors/domain.exception';

export enum MeasureError {
  NotFound = 'measure_not_found',
  CampaignNotFound = 'measure_campaign_not_found',
  National = 'measure_national',
  DuplicateName = 'measure_duplicate_name',
  PeriodOrder = 'measure_period_order',
  KindTerms = 'measure_kind_terms',
  EligibilityTerms = 'measure_eligibility_terms',
  BudgetTerms = 'measure_budget_terms',
  BudgetBelowAwarded = 'measure_budget_below_awarded',
  CapBelowAwarded = 'measure_cap_below_awarded',
  KindFixed = 'measure_kind_fixed',
  InUse = 'measure_in_use',
  PaymentServiceUnknown = 'measure_payment_service_unknown',
}

export class MeasureException extends defineDomainException<MeasureError>({
  [MeasureError.NotFound]: 404,
  [MeasureError.CampaignNotFound]: 400,
  [MeasureError.National]: 403,
  [MeasureError.DuplicateName]: 409,
  [MeasureError.PeriodOrder]: 400,
  [MeasureError.KindTerms]: 400,
  [MeasureError.EligibilityTerms]: 400,
  [MeasureError.BudgetTerms]: 400,
  [MeasureError.BudgetBelowAwarded]: 409,
  [MeasureError.CapBelowAwarded]: 409,
  [MeasureError.KindFixed]: 409,
  [MeasureError.InUse]: 409,
  [MeasureError.PaymentServiceUnknown]: 400,
}) {}
