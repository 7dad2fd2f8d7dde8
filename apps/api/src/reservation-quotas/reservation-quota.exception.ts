import { defineDomainException } from '../common/errors/domain.exception';

export enum ReservationQuotaError {
  NotFound = 'quota_not_found',
  CampaignNotFound = 'quota_campaign_not_found',
  WindowOrder = 'quota_window_order',
  CapacityBelowUsed = 'quota_capacity_below_used',
  CampaignFixed = 'quota_campaign_fixed',
  InUse = 'quota_in_use',
  /** A reservation named a quota that does not exist. */
  UnknownQuota = 'quota_unknown',
  Full = 'quota_full',
  Closed = 'quota_closed',
}

export class ReservationQuotaException extends defineDomainException<ReservationQuotaError>({
  [ReservationQuotaError.NotFound]: 404,
  [ReservationQuotaError.CampaignNotFound]: 400,
  [ReservationQuotaError.WindowOrder]: 400,
  [ReservationQuotaError.CapacityBelowUsed]: 409,
  [ReservationQuotaError.CampaignFixed]: 409,
  [ReservationQuotaError.InUse]: 409,
  [ReservationQuotaError.UnknownQuota]: 400,
  [ReservationQuotaError.Full]: 409,
  [ReservationQuotaError.Closed]: 409,
}) {}
