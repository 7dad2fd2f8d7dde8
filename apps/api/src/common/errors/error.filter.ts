import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { DATABASE_UNAVAILABLE, RETRY_AFTER_SECONDS, describeDatabaseError, isDatabaseUnavailable } from '../db/database-unavailable';
import { loggableUrl } from '@mynapoint/domain';
import { DomainException, FieldErrors } from './domain.exception';

export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  errors?: FieldErrors;
}

const HTTP_CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'too_many_requests',
  503: 'unavailable',
};

const HTTP_MESSAGES: Record<number, string> = {
  401: 'ログインが必要です。ログインし直してください。',
  403: 'この操作を行う権限がありません。',
  404: '指定されたページまたはデータは見つかりません。',
  413: 'ファイルまたはデータが大きすぎます。',
};

// PostgreSQL error codes a client can provoke → the contract's statuses. The
// database's own constraints are the last line, so hitting one is a client error.
function fromDatabase(err: QueryFailedError & { code?: string; detail?: string; constraint?: string }): ErrorBody | null {
  const detail = err.detail ?? '';
  switch (err.code) {
    case '23505':
      return { statusCode: 409, code: 'duplicate', message: '同じ内容のデータが既に登録されています。' };
    case '23503':
      return /still referenced/.test(detail)
        ? { statusCode: 409, code: 'in_use', message: '他のデータから参照されているため削除・変更できません。' }
        : { statusCode: 400, code: 'reference_not_found', message: '参照先のデータが存在しません。' };
    case '23514':
    case '23502':
    case '22P02':
    case '22003':
    case '22007':
    case '22008':
    case '22001':
    case '22023':
    case '22021': // character not in repertoire (a NUL byte), if one gets past the body guard
    case '22P05':
      return { statusCode: 400, code: 'invalid_value', message: `入力値が正しくありません（${err.constraint ?? err.code}）。` };
    case '40001':
    case '40P01':
    case '55P03':
      return { statusCode: 409, code: 'busy', message: '同時に更新が行われました。もう一度お試しください。' };
    case '42501':
      // Row-level security refusing a write (a national row, another municipality's):
      // the caller may not change it. Any other missing privilege is the server's fault.
      return /row-level security/.test(err.message)
        ? { statusCode: 403, code: 'forbidden', message: 'このデータを変更する権限がありません。' }
        : null;
    default:
      return null;
  }
}

@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Error');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (body.code === DATABASE_UNAVAILABLE.code) {
      // An outage fails every request alike: one line each, no stack; retry later.
      const req = host.switchToHttp().getRequest<{ method: string; url: string }>();
      this.logger.warn(`${req.method} ${loggableUrl(req)}: database unavailable: ${describeDatabaseError(exception)}`);
      if (!res.headersSent) res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    } else if (body.statusCode >= 500) {
      const req = host.switchToHttp().getRequest<{ method: string; url: string }>();
      this.logger.error(`${req.method} ${loggableUrl(req)}: ${(exception as Error)?.stack ?? String(exception)}`);
    }
    if (res.headersSent) {
      // A streamed response failed midway: the client sees a cut-off body.
      res.destroy();
      return;
    }
    if (exception instanceof DomainException && exception.retryAfterSeconds) res.setHeader('Retry-After', String(exception.retryAfterSeconds));
    res.status(body.statusCode).json(body);
  }

  toBody(exception: unknown): ErrorBody {
    if (exception instanceof DomainException) {
      return {
        statusCode: exception.status,
        code: exception.code,
        message: exception.message,
        ...(exception.errors ? { errors: exception.errors } : {}),
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      // Nest turns a malformed JSON body into a 400 with the parser's English text.
      const badJson = status === 400 && /JSON/.test(exception.message);
      return {
        statusCode: status,
        code: HTTP_CODES[status] ?? 'error',
        message: badJson ? 'リクエストの JSON が正しくありません。' : HTTP_MESSAGES[status] ?? exception.message,
      };
    }
    if (isDatabaseUnavailable(exception)) return { ...DATABASE_UNAVAILABLE };
    if (exception instanceof QueryFailedError) {
      const mapped = fromDatabase(exception as never);
      if (mapped) return mapped;
    }
    // body-parser and similar middleware errors carry their own 4xx status.
    const status = (exception as { status?: number; statusCode?: number })?.status ?? (exception as { statusCode?: number })?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const type = (exception as { type?: string }).type;
      return {
        statusCode: status,
        code: HTTP_CODES[status] ?? 'bad_request',
        message: type === 'entity.parse.failed' ? 'リクエストの JSON が正しくありません。' : HTTP_MESSAGES[status] ?? 'リクエストが正しくありません。',
      };
    }
    return {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      code: 'internal_error',
      message: 'システムエラーが発生しました。時間をおいて再度お試しください。',
    };
  }
}
