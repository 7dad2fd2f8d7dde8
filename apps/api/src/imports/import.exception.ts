import { defineDomainException } from '../common/errors/domain.exception';

export enum ImportError {
  NotFound = 'import_not_found',
  FileMissing = 'import_file_missing',
  BadFile = 'import_bad_file',
  PaymentServiceRequired = 'import_payment_service_required',
  PaymentServiceUnknown = 'import_payment_service_unknown',
  CampaignUnknown = 'import_campaign_unknown',
  TypeForbidden = 'import_type_forbidden',
}

export class ImportException extends defineDomainException<ImportError>({
  [ImportError.NotFound]: 404,
  [ImportError.FileMissing]: 400,
  [ImportError.BadFile]: 400,
  [ImportError.PaymentServiceRequired]: 400,
  [ImportError.PaymentServiceUnknown]: 400,
  [ImportError.CampaignUnknown]: 400,
  [ImportError.TypeForbidden]: 403,
}) {}
