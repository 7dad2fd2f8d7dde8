import { defineDomainException } from '../common/errors/domain.exception';

export enum TargetError {
  NotFound = 'target_not_found',
  NameTaken = 'target_name_taken',
}

export class TargetException extends defineDomainException<TargetError>({
  [TargetError.NotFound]: 404,
  [TargetError.NameTaken]: 409,
}) {}
