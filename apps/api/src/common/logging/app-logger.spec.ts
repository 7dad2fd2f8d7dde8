import { EventEmitter } from 'node:events';
import type { NextFunction, Request, Response } from 'express';
import { accessLog, createLogger } from './app-logger';

const ISO = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/;
const stripAnsi = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '');

/** Runs one request through the access log middleware and returns what reached stdout once the batch is written. */
async function logOneRequest(logFormat: 'json' | 'pretty', method: string, path: string, status: number): Promise<string> {
  const written: string[] = [];
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
  try {
    const res = Object.assign(new EventEmitter(), { statusCode: status });
    const next = jest.fn() as NextFunction;
    accessLog(createLogger({ logFormat }), logFormat)({ method, path } as Request, res as unknown as Response, next);
    expect(next).toHaveBeenCalledTimes(1);
    res.emit('finish');
    await new Promise((r) => setTimeout(r, 40));
  } finally {
    spy.mockRestore();
  }
  return stripAnsi(written.join(''));
}

describe('accessLog', () => {
  it('writes one line per request with an ISO 8601 timestamp (readable format)', async () => {
    const out = await logOneRequest('pretty', 'POST', '/api/reservations', 201);
    expect(out.split('\n').filter(Boolean)).toHaveLength(1);
    expect(out.endsWith('\n')).toBe(true);
    expect(out).toMatch(new RegExp(`^\\[Nest\\] \\d+  - ${ISO.source} +LOG \\[HTTP\\] POST /api/reservations 201 \\d+(\\.\\d)? ms\\n$`));
  });

  it('writes one JSON object per line with an ISO 8601 timestamp and the request fields (json format)', async () => {
    const out = await logOneRequest('json', 'GET', '/api/health', 200);
    const lines = out.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    const record = JSON.parse(lines[0]) as Record<string, unknown>;
    expect(record.timestamp).toMatch(new RegExp(`^${ISO.source}$`));
    expect(Math.abs(Date.parse(record.timestamp as string) - Date.now())).toBeLessThan(5000);
    expect(record).toMatchObject({ level: 'log', context: 'HTTP', message: { method: 'GET', path: '/api/health', status: 200 } });
  });

  it('does not log requests outside the API (static files of the admin UI)', async () => {
    expect(await logOneRequest('pretty', 'GET', '/assets/index.js', 200)).toBe('');
  });

  it('writes the lines of requests close together in one write, after them', async () => {
    const writes: string[] = [];
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      writes.push(String(chunk));
      return true;
    });
    try {
      const middleware = accessLog(createLogger({ logFormat: 'json' }), 'json');
      for (const path of ['/api/a', '/api/b', '/api/c']) {
        const res = Object.assign(new EventEmitter(), { statusCode: 200 });
        middleware({ method: 'GET', path } as Request, res as unknown as Response, jest.fn());
        res.emit('finish');
      }
      expect(writes).toEqual([]);
      await new Promise((r) => setTimeout(r, 40));
    } finally {
      spy.mockRestore();
    }
    expect(writes).toHaveLength(1);
    expect(writes[0].split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { message: { path: string } }).message.path)).toEqual(['/api/a', '/api/b', '/api/c']);
  });
});
