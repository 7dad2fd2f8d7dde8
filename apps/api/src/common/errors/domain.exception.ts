// Services throw domain exceptions with a code; the one error filter turns them into
// the contract's `{ statusCode, code, message, errors? }`. Services never import
// HttpException.
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 429 | 503;

export type FieldErrors = Record<string, string>;

export class DomainException extends Error {
  /** Seconds the client should wait (429): sent as Retry-After. */
  retryAfterSeconds?: number;

  constructor(
    readonly code: string,
    readonly status: ErrorStatus,
    message: string,
    readonly errors?: FieldErrors,
  ) {
    super(message);
  }
}

/**
 * A feature's exception class from its exhaustive code → status map: adding a code
 * to the feature's enum without giving it a status fails to compile.
 */
export function defineDomainException<C extends string>(statuses: Record<C, ErrorStatus>) {
  return class extends DomainException {
    constructor(code: C, message: string, errors?: FieldErrors) {
      super(code, statuses[code], message, errors);
    }
  };
}

// Codes raised by the shared plumbing (parsing, validation, the My Number guard).
export enum CommonError {
  ValidationFailed = 'validation_failed',
  BadQuery = 'bad_query',
  NotFound = 'not_found',
  MyNumberRefused = 'my_number_refused',
  Conflict = 'conflict',
  Unauthorized = 'unauthorized',
  Forbidden = 'forbidden',
  PayloadTooLarge = 'payload_too_large',
  Unavailable = 'unavailable',
  TooManyRequests = 'too_many_requests',
}

export class CommonException extends defineDomainException<CommonError>({
  [CommonError.ValidationFailed]: 400,
  [CommonError.BadQuery]: 400,
  [CommonError.NotFound]: 404,
  [CommonError.MyNumberRefused]: 400,
  [CommonError.Conflict]: 409,
  [CommonError.Unauthorized]: 401,
  [CommonError.Forbidden]: 403,
  [CommonError.PayloadTooLarge]: 413,
  [CommonError.Unavailable]: 503,
  [CommonError.TooManyRequests]: 429,
}) {}

/** 429 with the number of seconds to wait (the error filter sends Retry-After). */
export function tooManyRequests(message: string, retryAfterSeconds: number): CommonException {
  const e = new CommonException(CommonError.TooManyRequests, message);
  e.retryAfterSeconds = Math.max(1, Math.ceil(retryAfterSeconds));
  return e;
}
