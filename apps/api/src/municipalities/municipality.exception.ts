import { defineDomainException } from '../common/errors/domain.exception';

export enum MunicipalityError {
  NotFound = 'municipality_not_found',
  CodeInvalid = 'municipality_code_invalid',
  CodeTaken = 'municipality_code_taken',
  /** Every row of the municipality's data carries its code: it never changes. */
  CodeFixed = 'municipality_code_fixed',
  /** A municipality's admin changes its settings, not whether it is open (the operator's). */
  OperatorOnly = 'municipality_operator_only',
  PopulationOutsideDistricts = 'municipality_population_outside_districts',
  InUse = 'municipality_in_use',
}

export class MunicipalityException extends defineDomainException<MunicipalityError>({
  [MunicipalityError.NotFound]: 404,
  [MunicipalityError.CodeInvalid]: 400,
  [MunicipalityError.CodeTaken]: 409,
  [MunicipalityError.CodeFixed]: 400,
  [MunicipalityError.OperatorOnly]: 403,
  [MunicipalityError.PopulationOutsideDistricts]: 400,
  [MunicipalityError.InUse]: 409,
}) {}
