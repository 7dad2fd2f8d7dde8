import { defineDomainException } from '../common/errors/domain.exception';

export enum UserError {
  NotFound = 'user_not_found',
  UsernameTaken = 'username_taken',
  SelfLockout = 'self_lockout',
  WeakPassword = 'weak_password',
  DirectoryAccount = 'directory_account',
}

export class UserException extends defineDomainException<UserError>({
  [UserError.NotFound]: 404,
  [UserError.UsernameTaken]: 409,
  [UserError.SelfLockout]: 409,
  [UserError.WeakPassword]: 400,
  [UserError.DirectoryAccount]: 400,
}) {}
