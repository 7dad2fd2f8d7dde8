import { defineDomainException } from '../common/errors/domain.exception';

export enum PointAwardError {
  NotFound = 'point_award_not_found',
  PaymentServiceUnknown = 'point_award_payment_service_unknown',
  ParticipantUnknown = 'point_award_participant_unknown',
  CampaignUnknown = 'point_award_campaign_unknown',
  NotAppliedToService = 'point_award_not_applied_to_service',
  OutsideEarningPeriod = 'point_award_outside_earning_period',
  Duplicate = 'point_award_duplicate',
  ExternalIdConflict = 'point_award_external_id_conflict',
  MeasureUnknown = 'point_award_measure_unknown',
  MeasureKind = 'point_award_measure_kind',
  NotAppliedToMeasure = 'point_award_not_applied_to_measure',
  OtherMeasure = 'point_award_other_measure',
  AlreadyRegistered = 'point_award_already_registered',
  BudgetExhausted = 'point_award_budget_exhausted',
}

export class PointAwardException extends defineDomainException<PointAwardError>({
  [PointAwardError.NotFound]: 404,
  [PointAwardError.PaymentServiceUnknown]: 400,
  [PointAwardError.ParticipantUnknown]: 400,
  [PointAwardError.CampaignUnknown]: 400,
  [PointAwardError.NotAppliedToService]: 400,
  [PointAwardError.OutsideEarningPeriod]: 400,
  [PointAwardError.Duplicate]: 409,
  [PointAwardError.ExternalIdConflict]: 409,
  [PointAwardError.MeasureUnknown]: 400,
  [PointAwardError.MeasureKind]: 400,
  [PointAwardError.NotAppliedToMeasure]: 400,
  [PointAwardError.OtherMeasure]: 400,
  [PointAwardError.AlreadyRegistered]: 409,
  [PointAwardError.BudgetExhausted]: 409,
}) {}
