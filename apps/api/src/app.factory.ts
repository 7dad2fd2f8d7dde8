import 'reflect-metadata';
import { INestApplication, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AppModule } from './app.module';
import { tenantScope } from './common/db/tenant';
import { ErrorFilter } from './common/errors/error.filter';
import { accessLog, createLogger } from './common/logging/app-logger';
import { setupOpenApi } from './common/openapi/openapi';
import { bodyGuard } from './common/validation/body-guard';
import { createValidationPipe } from './common/validation/validation.pipe';
import { AppConfig } from './config/app-config';

// Content-Security-Policy for every response (the admin UI, the API, Swagger UI).
// Scripts only from this origin: no inline script, no eval — the built admin UI and
// Swagger UI load theirs from files. Styles also allow 'unsafe-inline' because
// MUI's emotion writes <style> elements at run time and the admin's index.html has
// a small boot style; see docs/security.md for why that is accepted and how a nonce
// would replace it. No upgrade-insecure-requests: a city LAN may serve plain HTTP.
export const CSP: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'frame-ancestors': ["'none'"],
  'form-action': ["'self'"],
};

const EXPOSED_HEADERS = ['Content-Range', 'Content-Disposition'];

export interface CreateAppOptions {
  logLevels?: LogLevel[];
  /** Log one line per request (off in tests). */
  accessLog?: boolean;
}

/** The whole application, configured but not listening: main.ts and the tests share it. */
export async function createApp(config: AppConfig, opts: CreateAppOptions = {}): Promise<INestApplication> {
  const logger = createLogger(config, opts.logLevels);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    logger,
    bodyParser: false,
    abortOnError: false,
  });
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  // No ETag: nothing revalidates API answers, and it was a hash of every response body.
  app.set('etag', false);
  // First: every request's municipality slot, filled by the auth guard (common/db/tenant.ts).
  app.use(tenantScope);
  app.use(helmet({ contentSecurityPolicy: { useDefaults: false, directives: CSP }, crossOriginEmbedderPolicy: false }));
  app.use(bodyParsers(config));
  if (opts.accessLog) app.use(accessLog(logger, config.logFormat));

  app.setGlobalPrefix('api');
  // Closed by default: the admin UI is same-origin and needs no CORS. Other sites
  // (a city portal calling the API) only when listed in CORS_ORIGINS.
  if (config.corsOrigins.length) app.enableCors({ origin: config.corsOrigins, exposedHeaders: EXPOSED_HEADERS });
  // The contract names Content-Range "exposed to the browser": say so on every answer,
  // also when CORS is closed (it grants nothing without an allowed origin).
  app.use((_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Access-Control-Expose-Headers', EXPOSED_HEADERS.join(', '));
    next();
  });
  app.useGlobalPipes(createValidationPipe());

  setupOpenApi(app);

  if (config.adminDir && existsSync(join(config.adminDir, 'index.html'))) serveAdmin(app, config.adminDir);
  return app;
}

/**
 * JSON and form bodies, for the requests that have one: a GET passes one check instead of
 * four middleware layers (Express walks every layer for every request).
 */
function bodyParsers(config: AppConfig) {
  const parse = express.Router();
  parse.use(express.json({ limit: config.maxJsonBytes }));
  parse.use(bodyGuard);
  parse.use(express.urlencoded({ extended: false, limit: config.maxJsonBytes }));
  // Errors of the body parsers happen before Nest's filter: answer them in the same
  // shape (Express would otherwise send an HTML page with a stack trace).
  parse.use((err: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(err);
    const body = new ErrorFilter().toBody(err);
    res.status(body.statusCode).json(body);
  });
  const hasBody = (req: Request) => req.headers['transfer-encoding'] !== undefined || (req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0');
  return (req: Request, res: Response, next: NextFunction) => (hasBody(req) ? parse(req, res, next) : next());
}

// The built admin UI at `/`: hashed assets cached for a long time, every other
// non-API path answered with index.html so deep links work.
function serveAdmin(app: NestExpressApplication, dir: string): void {
  app.use('/assets', express.static(join(dir, 'assets'), { immutable: true, maxAge: '365d', fallthrough: false }));
  const files = express.static(dir, { index: false, maxAge: 0 });
  const isApi = (req: Request) => req.path === '/api' || req.path.startsWith('/api/');
  // API requests skip the file lookup: a stat() of the disk per request was 4–6 % of
  // the API's CPU profile in the benchmark (docs/benchmarks.md). A GET no file answers
  // gets index.html, so deep links work.
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (isApi(req)) return next();
    files(req, res, (err?: unknown) => {
      if (err || req.method !== 'GET') return next(err);
      res.sendFile(join(dir, 'index.html'), { headers: { 'Cache-Control': 'no-cache' } });
    });
  });
}
