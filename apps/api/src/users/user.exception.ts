import { defineDomainException } from '../common/errors/domain.exception';

export enum UserError {
  NotFound = 'user_not_found',
  UsernameTaken = 'username_taken',
  SelfLockout = 'self_lockout',
  WeakPassword = 'weak_password',
  /** A role the caller's municipality cannot hold (installation roles only in 000000, and the other way round). */
  RoleNotHere = 'user_role_not_here',
  /** A prefecture user without its prefecture, or another role with one. */
  PrefectureCode = 'user_prefecture_code',
  DirectoryAccount = 'directory_account',
}

export class UserException extends defineDomainException<UserError>({
  [UserError.NotFound]: 404,
  [UserError.UsernameTaken]: 409,
  [UserError.SelfLockout]: 409,
  [UserError.WeakPassword]: 400,
  [UserError.RoleNotHere]: 400,
  [UserError.PrefectureCode]: 400,
  [UserError.DirectoryAccount]: 400,
}) {}
