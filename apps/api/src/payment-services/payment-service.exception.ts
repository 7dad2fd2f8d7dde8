import { defineDomainException } from '../common/errors/domain.exception';

export enum PaymentServiceError {
  NotFound = 'payment_service_not_found',
  DuplicateName = 'payment_service_duplicate_name',
  ReadingInvalid = 'payment_service_reading_invalid',
  National = 'payment_service_national',
}

export class PaymentServiceException extends defineDomainException<PaymentServiceError>({
  [PaymentServiceError.NotFound]: 404,
  [PaymentServiceError.DuplicateName]: 409,
  [PaymentServiceError.ReadingInvalid]: 400,
  [PaymentServiceError.National]: 403,
}) {}
