import { BadRequestException, NotFoundException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { CommonError, CommonException } from './domain.exception';
import { ErrorFilter } from './error.filter';

const filter = new ErrorFilter();
const dbError = (code: string, detail = '') => Object.assign(new QueryFailedError('q', [], new Error('x')), { code, detail });

describe('ErrorFilter.toBody', () => {
  it('keeps a domain exception’s status, code, message and field errors', () => {
    const body = filter.toBody(new CommonException(CommonError.ValidationFailed, 'bad', { name: 'required' }));
    expect(body).toEqual({ statusCode: 400, code: 'validation_failed', message: 'bad', errors: { name: 'required' } });
  });

  it('maps database constraint errors to client errors, never 500', () => {
    expect(filter.toBody(dbError('23505')).statusCode).toBe(409);
    expect(filter.toBody(dbError('23503', 'Key (id)=(1) is still referenced from table "x".')).statusCode).toBe(409);
    expect(filter.toBody(dbError('23503', 'Key (x)=(9) is not present in table "y".')).statusCode).toBe(400);
    for (const code of ['23514', '22P02', '22003', '22007', '22008', '23502', '22001']) expect(filter.toBody(dbError(code)).statusCode).toBe(400);
    expect(filter.toBody(dbError('40P01')).statusCode).toBe(409);
  });

  it('answers 403 for a write row-level security refuses, 500 for any other missing privilege', () => {
    const rls = Object.assign(new QueryFailedError('q', [], new Error('new row violates row-level security policy for table "campaigns"')), { code: '42501' });
    expect(filter.toBody(rls)).toMatchObject({ statusCode: 403, code: 'forbidden' });
    const grant = Object.assign(new QueryFailedError('q', [], new Error('permission denied for table audit_logs')), { code: '42501' });
    expect(filter.toBody(grant).statusCode).toBe(500);
  });

  it('keeps Nest’s HTTP errors in the same shape', () => {
    expect(filter.toBody(new NotFoundException())).toMatchObject({ statusCode: 404, code: 'not_found' });
    expect(filter.toBody(new BadRequestException('Unexpected token } in JSON at position 1'))).toMatchObject({ statusCode: 400, code: 'bad_request' });
  });

  it('answers 500 for anything unexpected, with a generic message', () => {
    const body = filter.toBody(new Error('secret internals'));
    expect(body.statusCode).toBe(500);
    expect(body.message).not.toContain('secret');
  });

  it('passes through body-parser’s own 4xx', () => {
    expect(filter.toBody(Object.assign(new Error('too big'), { status: 413 })).statusCode).toBe(413);
  });
});

// Outage errors as pg and TypeORM throw them (the detector itself: common/db/database-unavailable.spec.ts).
const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });
const wrapped = (driverError: Error) => new QueryFailedError('SELECT 1', [], driverError);

describe('ErrorFilter and an outage', () => {
  const filter = new ErrorFilter();

  it('answers 503 in the one error shape with a Japanese message, never 500', () => {
    for (const e of [withCode('ECONNREFUSED'), wrapped(withCode('57P01')), new Error('Connection terminated unexpectedly')]) {
      const body = filter.toBody(e);
      expect(body).toEqual({ statusCode: 503, code: 'database_unavailable', message: expect.stringMatching(/データベースに接続できない/) });
    }
  });

  it('sends Retry-After and logs one line without a stack', () => {
    const headers: Record<string, string> = {};
    let sent: { status?: number; body?: unknown } = {};
    const res = {
      headersSent: false,
      setHeader: (k: string, v: string) => (headers[k] = v),
      status(code: number) {
        sent.status = code;
        return this;
      },
      json: (body: unknown) => (sent = { ...sent, body }),
    };
    const host = { switchToHttp: () => ({ getResponse: () => res, getRequest: () => ({ method: 'GET', url: '/api/x' }) }) };
    const warn = jest.spyOn((filter as unknown as { logger: { warn: (m: string) => void } }).logger, 'warn').mockImplementation(() => undefined);
    filter.catch(wrapped(withCode('57P01', 'terminating connection due to administrator command')), host as never);
    expect(sent.status).toBe(503);
    expect(headers['Retry-After']).toBe('5');
    expect(warn).toHaveBeenCalledWith('GET /api/x: database unavailable: 57P01 terminating connection due to administrator command');
    warn.mockRestore();
  });
});
