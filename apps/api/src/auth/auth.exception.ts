import { defineDomainException } from '../common/errors/domain.exception';

export enum AuthError {
  InvalidCredentials = 'invalid_credentials',
  Unauthorized = 'unauthorized',
  Forbidden = 'forbidden',
  AccountLocked = 'account_locked',
  WrongCode = 'totp_code_invalid',
  MfaExpired = 'mfa_expired',
  TotpSetupRequired = 'totp_setup_required',
  TotpNotStarted = 'totp_not_started',
  TotpNotEnabled = 'totp_not_enabled',
  CodeRejected = 'totp_code_rejected',
  SessionNotFound = 'session_not_found',
}

export class AuthException extends defineDomainException<AuthError>({
  [AuthError.InvalidCredentials]: 401,
  [AuthError.Unauthorized]: 401,
  [AuthError.Forbidden]: 403,
  // 401 like any refused login: clients treat it alike, the code and message tell why.
  [AuthError.AccountLocked]: 401,
  [AuthError.WrongCode]: 401,
  [AuthError.MfaExpired]: 401,
  [AuthError.TotpSetupRequired]: 403,
  [AuthError.TotpNotStarted]: 409,
  [AuthError.TotpNotEnabled]: 409,
  // A wrong code while setting up or renewing codes (signed in already): a form error.
  [AuthError.CodeRejected]: 400,
  [AuthError.SessionNotFound]: 404,
}) {}
