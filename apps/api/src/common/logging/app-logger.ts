import { ConsoleLogger, LogLevel } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { AppConfig } from '../../config/app-config';
import { loggablePath } from '@mynapoint/domain';

// Nest's start-up chatter (one line per module and route) hides what matters; it
// is shown only with LOG_LEVEL=debug.
const NOISY_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory', 'NestApplication']);

// Every record is one line with an ISO 8601 UTC timestamp, in both formats: a log
// shipper or `grep` then sees one request per line and times that sort and compare
// across machines (Nest's default is the local "12/7/2026, 11:30:00 AM" and a
// multi-line dump for objects).
class AppLogger extends ConsoleLogger {
  override log(message: unknown, ...rest: unknown[]): void {
    const context = rest[rest.length - 1];
    if (typeof context === 'string' && NOISY_CONTEXTS.has(context) && process.env.LOG_LEVEL !== 'debug') return;
    super.log(message, ...(rest as [string]));
  }

  protected override getTimestamp(): string {
    return new Date().toISOString();
  }

  protected override stringifyJsonLogObject(logObject: Record<string, unknown>): string {
    const ms = logObject.timestamp;
    return super.stringifyJsonLogObject({ ...logObject, timestamp: typeof ms === 'number' ? new Date(ms).toISOString() : ms });
  }
}

export function createLogger(config: Pick<AppConfig, 'logFormat'>, levels?: LogLevel[]): ConsoleLogger {
  const json = config.logFormat === 'json';
  return new AppLogger('Mynapoint', {
    json,
    colors: !json,
    // Objects on one line in the readable format too.
    compact: true,
    breakLength: Infinity,
    logLevels: levels ?? ['log', 'warn', 'error', 'fatal'],
  });
}

export interface RequestRecord {
  method: string;
  path: string;
  status: number;
  ms: number;
}

/** The readable form of one request: `GET /api/health 200 3.1 ms`. */
export function formatRequest(r: RequestRecord): string {
  return `${r.method} ${r.path} ${r.status} ${r.ms} ms`;
}

/** One line per API request once its response is sent (fields in JSON, a sentence otherwise). */
export function accessLog(logger: ConsoleLogger, format: AppConfig['logFormat']) {
  return (req: Request, res: Response, next: NextFunction) => {
    const t0 = process.hrtime.bigint();
    res.on('finish', () => {
      if (!req.path.startsWith('/api')) return;
      const ms = Math.round(Number(process.hrtime.bigint() - t0) / 1e5) / 10;
      // The path only (never the query string), and the route's pattern when the path holds a My Number.
      const record: RequestRecord = { method: req.method, path: loggablePath(req), status: res.statusCode, ms };
      logger.log(format === 'json' ? record : formatRequest(record), 'HTTP');
    });
    next();
  };
}
