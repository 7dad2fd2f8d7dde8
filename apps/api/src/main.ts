import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { resolve } from 'node:path';
import { Client } from 'pg';
import { createApp } from './app.factory';
import { createLogger } from './common/logging/app-logger';
import { AppConfig, ConfigError, loadConfig } from './config/app-config';
import { connectionOptions, runMigrations } from './database/data-source';
import { seedDemo } from './database/seed';
import { DEMO_PASSWORD, DEMO_USERS } from './database/seed/users.seed';
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

/** Migrate, seed when asked, and listen. Used by `npm start` (after it starts the embedded database) and by the Docker image. */
export async function bootstrap(env: NodeJS.ProcessEnv = process.env): Promise<Running> {
  const config = loadConfig(env, { adminDir: env.ADMIN_DIR ?? resolve(__dirname, '../../../../admin') });
  const logger = createLogger(config);
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
  const app = await createApp(config, { accessLog: true });
  await app.listen(config.port, env.HOST ?? '0.0.0.0');
  const url = `http://localhost:${config.port}`;
  return { app, config, url, close: () => app.close() };
}

export function banner(running: Running, demo: boolean): string {
  const lines = [
    '',
    '  マイナポイント 庁内管理システム (Mynapoint back office) is running',
    '',
    `    Admin UI   ${running.url}/`,
    `    API        ${running.url}/api`,
    `    API docs   ${running.url}/api/docs`,
    `    Health     ${running.url}/api/health`,
  ];
  if (demo) {
    lines.push('', `  Demo logins (password: ${DEMO_PASSWORD})`);
    for (const u of DEMO_USERS) lines.push(`    ${u.username.padEnd(8)} ${u.displayName}`);
  }
  lines.push('', '  Press Ctrl-C to stop.', '');
  return lines.join('\n');
}

if (require.main === module) {
  bootstrap()
    .then((running) => {
      process.stdout.write(banner(running, running.config.seedDemo));
      const stop = () => void running.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    })
    .catch((e: unknown) => {
      process.stderr.write(`\n${e instanceof ConfigError ? e.message : (e as Error).message ?? e}\n`);
      process.exit(1);
    });
}
