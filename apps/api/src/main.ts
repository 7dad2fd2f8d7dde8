import 'reflect-metadata';
import type { ConsoleLogger, INestApplication } from '@nestjs/common';
import cluster from 'node:cluster';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { Client } from 'pg';
import { createApp } from './app.factory';
import { createLogger } from './common/logging/app-logger';
import { AppConfig, ConfigError, loadConfig } from './config/app-config';
import { connectionOptions, runMigrations } from './database/data-source';
import { seedDemo } from './database/seed';
import { SHIBATA } from './database/seed/municipalities.seed';
import { DEMO_PASSWORD, DEMO_USERS, INSTALLATION_USERS, SHIBATA_USERS } from './database/seed/users.seed';
import { DataSource } from 'typeorm';

export interface Running {
  app: INestApplication;
  config: AppConfig;
  url: string;
  close(): Promise<void>;
}

function describeTarget(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 5432}/${u.pathname.slice(1)}`;
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}

/** Fails with a message a person can act on when the database is not there. */
async function checkDatabase(config: AppConfig): Promise<void> {
  const client = new Client({ connectionString: config.databaseUrl, options: connectionOptions(config), connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (e) {
    throw new Error(
      `Cannot reach PostgreSQL at ${describeTarget(config.databaseUrl)}: ${(e as Error).message}\n` +
        '  Check DATABASE_URL, or unset it to let `npm start` run an embedded PostgreSQL.',
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

function listenError(config: AppConfig, e: unknown): Error {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') return new Error(`Port ${config.port} on ${config.host} is already in use: stop what uses it, or set PORT to another port.`);
  if (code === 'EADDRNOTAVAIL') return new Error(`HOST=${config.host} is not an address of this machine.`);
  if (code === 'EACCES') return new Error(`Port ${config.port} needs privileges: set PORT above 1023.`);
  return e as Error;
}

/** Says at once, before migrations and seeding, when the address cannot be taken. */
async function checkListen(config: AppConfig): Promise<void> {
  if (config.port === 0) return;
  await new Promise<void>((ok, fail) => {
    const probe = createServer();
    probe.once('error', (e) => fail(listenError(config, e)));
    probe.listen(config.port, config.host, () => probe.close(() => ok()));
  });
}

/** Migrate and seed when asked: once per start, before any process serves. */
async function prepare(config: AppConfig, logger: ConsoleLogger): Promise<void> {
  await checkListen(config);
  await checkDatabase(config);
  const applied = await runMigrations(config);
  if (applied.length) logger.log(`migrations applied: ${applied.join(', ')}`, 'Database');
  if (config.seedDemo) {
    const ds = new DataSource({ type: 'postgres', url: config.databaseUrl, extra: { options: connectionOptions(config) } });
    await ds.initialize();
    try {
      const seeded = await seedDemo(ds, config, undefined, (m) => logger.log(m, 'Seed'));
      logger.log(seeded ? 'demo data seeded' : 'demo data already present', 'Seed');
    } finally {
      await ds.destroy();
    }
  }
}

/** The app, listening: the only process, or one of the cluster's workers (which share the port). */
async function serve(config: AppConfig): Promise<Running> {
  const app = await createApp(config, { accessLog: true });
  try {
    await app.listen(config.port, config.host);
  } catch (e) {
    await app.close().catch(() => undefined);
    throw listenError(config, e);
  }
  return { app, config, url: baseUrl(config), close: () => app.close() };
}

const configOf = (env: NodeJS.ProcessEnv) => loadConfig(env, { adminDir: env.ADMIN_DIR ?? resolve(__dirname, '../../../../admin') });

/** Migrate, seed when asked, and listen, in this process. Used by `npm start` (after it starts the embedded database), the Docker image and tests. */
export async function bootstrap(env: NodeJS.ProcessEnv = process.env): Promise<Running> {
  const config = configOf(env);
  await prepare(config, createLogger(config));
  return serve(config);
}

/**
 * API_PROCESSES > 1: this process migrates and seeds, then runs that many workers that
 * share the port (Node's cluster hands each connection to one of them), restarts a
 * worker that dies, and stops them all on SIGINT/SIGTERM. Resolves once every worker
 * listens.
 */
async function runCluster(config: AppConfig): Promise<void> {
  const logger = createLogger(config);
  await prepare(config, logger);
  let stopping = false;
  const fork = () => cluster.fork();
  await new Promise<void>((ready, fail) => {
    let listening = 0;
    cluster.on('listening', () => {
      if (++listening === config.processes) ready();
    });
    cluster.on('exit', (worker, code, signal) => {
      if (stopping) return;
      if (listening < config.processes) return fail(new Error(`an API process exited (${signal ?? code}) before listening; its error is above`));
      logger.warn(`API process ${worker.process.pid} exited (${signal ?? code}); starting another`, 'Cluster');
      fork();
    });
    for (let i = 0; i < config.processes; i++) fork();
  });
  process.stdout.write(banner({ config, url: baseUrl(config) }, config.seedDemo));
  const stop = () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.kill('SIGTERM');
    cluster.disconnect(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

const LOOPBACK_OR_ANY = new Set(['127.0.0.1', '::1', 'localhost', '0.0.0.0', '::']);

/** The address to open in a browser on this machine. */
function baseUrl(config: AppConfig): string {
  const host = LOOPBACK_OR_ANY.has(config.host) ? 'localhost' : config.host.includes(':') ? `[${config.host}]` : config.host;
  return `http://${host}:${config.port}`;
}

function reach(host: string): string {
  if (host === '0.0.0.0' || host === '::') return `every network interface (HOST=${host}): other machines can connect`;
  if (host === '127.0.0.1' || host === '::1' || host === 'localhost') return `${host}: this machine only (set HOST=0.0.0.0 to open it to the network)`;
  return host;
}

export function banner(running: Pick<Running, 'config' | 'url'>, demo: boolean): string {
  const lines = [
    '',
    '  マイナポイント 庁内管理システム (Mynapoint back office) is running',
    '',
    `    Listening  ${reach(running.config.host)}`,
    `    Admin UI   ${running.url}/`,
    `    API        ${running.url}/api`,
    `    API docs   ${running.url}/api/docs`,
    `    Health     ${running.url}/api/health`,
  ];
  if (demo) {
    const users = (list: ReadonlyArray<{ username: string; displayName: string }>) => list.map((u) => `      ${u.username.padEnd(10)} ${u.displayName}`);
    lines.push(
      '',
      `  Demo logins (password: ${DEMO_PASSWORD})`,
      `    ${running.config.cityName} (municipality code ${running.config.municipalityCode}, the default: no code needed)`,
      ...users(DEMO_USERS),
      `    ${SHIBATA.name} (municipality code ${SHIBATA.code}: sign in with it)`,
      ...users(SHIBATA_USERS),
      '    The installation (no municipality code)',
      ...users(INSTALLATION_USERS),
    );
  }
  lines.push('', '  Press Ctrl-C to stop.', '');
  return lines.join('\n');
}

function fail(e: unknown): never {
  process.stderr.write(`\n${e instanceof ConfigError ? e.message : ((e as Error).message ?? e)}\n`);
  process.exit(1);
}

if (require.main === module) {
  if (cluster.isWorker) {
    // Ctrl-C reaches every process of the terminal's group: the primary stops the workers.
    process.on('SIGINT', () => undefined);
    serve(configOf(process.env))
      .then((running) => process.once('SIGTERM', () => void running.close().then(() => process.exit(0))))
      .catch(fail);
  } else {
    let config: AppConfig;
    try {
      config = configOf(process.env);
    } catch (e) {
      fail(e);
    }
    if (config.processes > 1) {
      runCluster(config).catch(fail);
    } else {
      prepare(config, createLogger(config))
        .then(() => serve(config))
        .then((running) => {
          process.stdout.write(banner(running, running.config.seedDemo));
          const stop = () => void running.close().then(() => process.exit(0));
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
        })
        .catch(fail);
    }
  }
}
