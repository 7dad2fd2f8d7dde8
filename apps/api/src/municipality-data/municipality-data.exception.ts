import { defineDomainException } from '../common/errors/domain.exception';

export enum MunicipalityDataError {
  NotFound = 'municipality_not_found',
  ConfirmCodeMismatch = 'municipality_confirm_code_mismatch',
  InstallationDefault = 'municipality_installation_default',
}

export class MunicipalityDataException extends defineDomainException<MunicipalityDataError>({
  [MunicipalityDataError.NotFound]: 404,
  [MunicipalityDataError.ConfirmCodeMismatch]: 400,
  [MunicipalityDataError.InstallationDefault]: 409,
}) {}
