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
export class AppLogger extends ConsoleLogger {
  override log(message: unknown, ...rest: unknown[]): void {
    const context = rest[rest.length - 1];
    if (typeof context === 'string' && NOISY_CONTEXTS.has(context) && process.env.LOG_LEVEL !== 'debug') return;
    super.log(message, ...(rest as [string]));
  }

  /** The line `log(message, context)` prints, without printing it (the access log writes its lines in batches). */
  line(message: unknown, context: string): string {
    if (this.options.json) return `${this.stringifyJsonLogObject(this.getJsonLogObject(message, { context, logLevel: 'log' }))}\n`;
    return this.formatMessage('log', message, this.formatPid(process.pid), 'LOG'.padStart(7, ' '), this.formatContext(context), this.updateAndGetTimestampDiff());
  }

  protected override getTimestamp(): string {
    return new Date().toISOString();
  }

  protected override stringifyJsonLogObject(logObject: Record<string, unknown>): string {
    const ms = logObject.timestamp;
    return super.stringifyJsonLogObject({ ...logObject, timestamp: typeof ms === 'number' ? new Date(ms).toISOString() : ms });
  }
}

export function createLogger(config: Pick<AppConfig, 'logFormat'>, levels?: LogLevel[]): AppLogger {
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

/**
 * One line per API request once its response is sent (fields in JSON, a sentence
 * otherwise). Lines are formatted and written off the request's way, together, at most
 * every FLUSH_MS: a write to the log file per request was a system call on every
 * request's path (docs/benchmarks.md); now it is one per batch. What is pending is
 * written at exit; a crash loses at most FLUSH_MS of lines.
 */
export function accessLog(logger: AppLogger, format: AppConfig['logFormat']) {
  return (req: Request, res: Response, next: NextFunction) => {
    const t0 = process.hrtime.bigint();
    res.on('finish', () => {
      if (!req.path.startsWith('/api')) return;
      const ms = Math.round(Number(process.hrtime.bigint() - t0) / 1e5) / 10;
      // The path only (never the query string), and the route's pattern when the path holds a My Number.
      const record: RequestRecord = { method: req.method, path: loggablePath(req), status: res.statusCode, ms };
      requestLines.add(() => logger.line(format === 'json' ? record : formatRequest(record), 'HTTP'));
    });
    next();
  };
}

/** Lines formatted and written together, at most `everyMs` after the first of them; what is left is written at exit. */
export class LineBatch {
  private pending: Array<() => string> = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly write: (text: string) => void,
    private readonly everyMs: number,
  ) {}

  add(line: () => string): void {
    this.pending.push(line);
    if (this.timer) return;
    this.timer = setTimeout(() => this.flush(), this.everyMs);
    this.timer.unref();
  }

  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.pending.length) return;
    const lines = this.pending;
    this.pending = [];
    this.write(lines.map((l) => l()).join(''));
  }
}

// One batch for the process (every app of a test process writes to the same stdout).
const FLUSH_MS = 20;
const requestLines = new LineBatch((text) => process.stdout.write(text), FLUSH_MS);
process.once('exit', () => requestLines.flush());
