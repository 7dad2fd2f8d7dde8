import { defineDomainException } from '../common/errors/domain.exception';

export enum ReservationError {
  NotFound = 'reservation_not_found',
  AlreadyReserved = 'reservation_already_reserved',
  CertRenewalWait = 'reservation_cert_renewal_wait',
  FutureInstant = 'reservation_in_future',
  HasApplication = 'reservation_has_application',
  QuotaFixed = 'reservation_quota_fixed',
  MyKeyFixed = 'reservation_mykey_fixed',
  OutsideQuotaWindow = 'reservation_outside_quota_window',
  AfterApplication = 'reservation_after_application',
}

export class ReservationException extends defineDomainException<ReservationError>({
  [ReservationError.NotFound]: 404,
  [ReservationError.AlreadyReserved]: 409,
  [ReservationError.CertRenewalWait]: 400,
  [ReservationError.FutureInstant]: 400,
  [ReservationError.HasApplication]: 409,
  [ReservationError.QuotaFixed]: 409,
  [ReservationError.MyKeyFixed]: 409,
  [ReservationError.OutsideQuotaWindow]: 400,
  [ReservationError.AfterApplication]: 400,
}) {}
