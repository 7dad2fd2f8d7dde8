import { defineDomainException } from '../common/errors/domain.exception';

export enum AuthError {
  InvalidCredentials = 'invalid_credentials',
  Unauthorized = 'unauthorized',
  Forbidden = 'forbidden',
}

export class AuthException extends defineDomainException<AuthError>({
  [AuthError.InvalidCredentials]: 401,
  [AuthError.Unauthorized]: 401,
  [AuthError.Forbidden]: 403,
}) {}
