// `npm start`: install if needed, build what is stale, start an embedded PostgreSQL
// under .data/ unless DATABASE_URL is set, then migrate, seed the demo once, serve
// (the demo on 127.0.0.1 only, unless HOST is set).
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { ADMIN_DIST, API_DIST, ROOT, buildAdmin, buildApi, ensureDependencies } from './prepare.mjs';

const t0 = Date.now();
const env = { ...process.env };
let embedded;

function secretIn(file) {
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

async function main() {
  ensureDependencies();
  await buildApi();
  buildAdmin();

  if (!env.DATABASE_URL) {
    const dataDir = resolve(ROOT, env.DATA_DIR ?? '.data');
    mkdirSync(dataDir, { recursive: true });
    const { startEmbeddedPostgres } = await import('../src/database/embedded-postgres.mjs');
    const port = Number(env.EMBEDDED_PG_PORT ?? 54329);
    process.stdout.write(`\x1b[36m›\x1b[0m Starting embedded PostgreSQL on port ${port} (data in ${dataDir}/pg)…\n`);
    embedded = await startEmbeddedPostgres({ dataDir: join(dataDir, 'pg'), port, persistent: true, log: (m) => process.stderr.write(`[postgres] ${m}\n`) });
    if (embedded.dataDir !== join(dataDir, 'pg')) {
      process.stdout.write(`  (as root: the user "postgres" cannot enter this folder, so the database lives in ${embedded.dataDir}; ${dataDir}/pg links to it)\n`);
    }
    env.DATABASE_URL = embedded.url;
    env.SEED_DEMO ??= 'true';
    // The demo has published passwords: only this machine reaches it unless HOST says otherwise.
    env.HOST ??= '127.0.0.1';
    // Demo mode: the MyKey hash key is generated once and kept beside the data.
    env.MYKEY_HMAC_SECRET ??= secretIn(join(dataDir, 'mykey-hmac-secret'));
    // Demo mode: rounded resident counts of the demo city's four districts, so the
    // dashboard shows uptake as a share of population. A real deployment sets its own.
    env.DISTRICT_POPULATION ??= JSON.stringify({ 水原: 21000, 京ヶ瀬: 6500, 安田: 8000, 笹神: 7500 });
  }
  env.ADMIN_DIR ??= ADMIN_DIST;

  const require = createRequire(import.meta.url);
  const { bootstrap, banner } = require(join(API_DIST, 'apps/api/src/main.js'));
  const running = await bootstrap(env);
  process.stdout.write(banner(running, env.SEED_DEMO === 'true'));
  process.stdout.write(`  Started in ${((Date.now() - t0) / 1000).toFixed(1)} s.\n\n`);

  let stopping = false;
  const stop = async (signal) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n${signal}: stopping…\n`);
    await running.close().catch(() => undefined);
    if (embedded) await embedded.stop().catch(() => undefined);
    process.stdout.write('Stopped.\n');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

// A launcher failure is one line a person can act on, never a stack trace.
const fail = async (e) => {
  process.stderr.write(`\n\x1b[31mStart-up failed:\x1b[0m ${e?.message ?? e}\n`);
  if (embedded) await embedded.stop().catch(() => undefined);
  process.exit(1);
};
process.on('uncaughtException', (e) => void fail(e));
main().catch(fail);
