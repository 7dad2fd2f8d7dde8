import type { EligibilityCode } from '@mynapoint/domain';
import { defineDomainException } from '../common/errors/domain.exception';

export enum ApplicationError {
  NotFound = 'application_not_found',
  AlreadyApplied = 'application_already_applied',
  ServiceFixed = 'application_service_fixed',
  MyKeyFixed = 'application_mykey_fixed',
  FutureInstant = 'application_in_future',
  CampaignNotFound = 'application_campaign_not_found',
  CampaignRequired = 'application_campaign_required',
  ServiceNotFound = 'application_service_not_found',
  HasPointAwards = 'application_has_point_awards',
  DeletionReasonRequired = 'application_deletion_reason_required',
  ServiceDiffersFromDeleted = 'application_service_differs_from_deleted',
  NoReservation = 'application_no_reservation',
  BeforeReservation = 'application_before_reservation',
  ServiceNotActive = 'application_service_not_active',
  ServiceNotOpenYet = 'application_service_not_open_yet',
  OutsidePeriod = 'application_outside_period',
  PreRegistrationRequired = 'application_pre_registration_required',
  CertRenewalWait = 'application_cert_renewal_wait',
  MeasureNotFound = 'application_measure_not_found',
  NotEligible = 'application_not_eligible',
  ServiceNotInMeasure = 'application_service_not_in_measure',
  ServiceClosedForMeasure = 'application_service_closed_for_measure',
}

export class ApplicationException extends defineDomainException<ApplicationError>({
  [ApplicationError.NotFound]: 404,
  [ApplicationError.AlreadyApplied]: 409,
  [ApplicationError.ServiceFixed]: 409,
  [ApplicationError.MyKeyFixed]: 409,
  [ApplicationError.FutureInstant]: 400,
  [ApplicationError.CampaignNotFound]: 400,
  [ApplicationError.CampaignRequired]: 400,
  [ApplicationError.ServiceNotFound]: 400,
  [ApplicationError.HasPointAwards]: 409,
  [ApplicationError.DeletionReasonRequired]: 400,
  [ApplicationError.ServiceDiffersFromDeleted]: 409,
  [ApplicationError.NoReservation]: 400,
  [ApplicationError.BeforeReservation]: 400,
  [ApplicationError.ServiceNotActive]: 400,
  [ApplicationError.ServiceNotOpenYet]: 400,
  [ApplicationError.OutsidePeriod]: 400,
  [ApplicationError.PreRegistrationRequired]: 400,
  [ApplicationError.CertRenewalWait]: 400,
  [ApplicationError.MeasureNotFound]: 400,
  [ApplicationError.NotEligible]: 400,
  [ApplicationError.ServiceNotInMeasure]: 400,
  [ApplicationError.ServiceClosedForMeasure]: 400,
}) {}

// Every eligibility rule of libs/domain has its code here: a new rule that is not
// mapped fails to compile.
export const ELIGIBILITY_ERRORS: Record<EligibilityCode, ApplicationError> = {
  no_reservation: ApplicationError.NoReservation,
  before_reservation: ApplicationError.BeforeReservation,
  service_not_active: ApplicationError.ServiceNotActive,
  service_not_open_yet: ApplicationError.ServiceNotOpenYet,
  outside_application_period: ApplicationError.OutsidePeriod,
  pre_registration_required: ApplicationError.PreRegistrationRequired,
  cert_renewal_wait: ApplicationError.CertRenewalWait,
  service_not_in_measure: ApplicationError.ServiceNotInMeasure,
  service_closed_for_measure: ApplicationError.ServiceClosedForMeasure,
};
