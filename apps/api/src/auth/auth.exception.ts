import { defineDomainException } from '../common/errors/domain.exception';

export enum AuthError {
  InvalidCredentials = 'invalid_credentials',
  Unauthorized = 'unauthorized',
  Forbidden = 'forbidden',
  AccountLocked = 'account_locked',
}

export class AuthException extends defineDomainException<AuthError>({
  [AuthError.InvalidCredentials]: 401,
  [AuthError.Unauthorized]: 401,
  [AuthError.Forbidden]: 403,
  // 401 like any refused login: clients treat it alike, the code and message tell why.
  [AuthError.AccountLocked]: 401,
}) {}
