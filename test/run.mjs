// `npm test`: install if needed, type-check, build the admin UI for the browser
// tests, make sure Chromium and slapd are there, start a throwaway embedded PostgreSQL unless
// DATABASE_URL is set, and run every Jest project (unit, API e2e, browser e2e).
// Extra arguments go to Jest, e.g. `npm test -- --selectProjects unit`.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, buildAdmin, ensureDependencies } from '../apps/api/scripts/prepare.mjs';

const t0 = Date.now();
const args = process.argv.slice(2);
const step = (m) => process.stdout.write(`\x1b[36m›\x1b[0m ${m}\n`);
// A launcher failure is one line a person can act on, never a stack trace.
const fail = (m) => {
  process.stderr.write(`\n\x1b[31mnpm test:\x1b[0m ${m}\n`);
  process.exit(1);
};
process.on('uncaughtException', (e) => fail(e?.message ?? String(e)));
process.on('unhandledRejection', (e) => fail(e?.message ?? String(e)));
/** Runs a Node script of the project as an asynchronous child; resolves to its exit status. */
const node = (script, scriptArgs, env = process.env) =>
  new Promise((done) => spawn(process.execPath, [join(ROOT, script), ...scriptArgs], { cwd: ROOT, stdio: 'inherit', env }).on('exit', (code) => done(code ?? 1)));

ensureDependencies();

if (!process.env.SKIP_TYPECHECK) {
  // Both projects at once: tsc uses one core, the machine has two.
  step('Type-checking (API, domain, tests, admin)…');
  const codes = await Promise.all(['tsconfig.json', 'apps/admin/tsconfig.json'].map((project) => node('node_modules/typescript/bin/tsc', ['-p', project])));
  const failed = codes.find((code) => code !== 0);
  if (failed !== undefined) process.exit(failed);
}

buildAdmin();

const CHROMIUM = '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
  step('Chromium is missing: installing Debian’s chromium for the browser tests…');
  const apt = (...a) => (process.getuid?.() === 0 ? spawnSync('apt-get', a, { stdio: 'inherit' }) : spawnSync('sudo', ['apt-get', ...a], { stdio: 'inherit' }));
  apt('install', '-y', 'chromium');
  if (!existsSync(CHROMIUM)) {
    apt('update');
    apt('install', '-y', 'chromium');
  }
  if (!existsSync(CHROMIUM)) step('Chromium could not be installed: the browser tests will fail.');
}

// The directory sign-in tests run a real OpenLDAP (Debian's slapd), as .ci/run installs it.
const SLAPD = '/usr/sbin/slapd';
if (!existsSync(SLAPD)) {
  step('OpenLDAP is missing: installing Debian’s slapd for the directory sign-in tests…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (...a) =>
    process.getuid?.() === 0 ? spawnSync('apt-get', a, { stdio: 'inherit', env }) : spawnSync('sudo', ['env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', ...a], { stdio: 'inherit' });
  apt('install', '-y', 'slapd', 'ldap-utils');
  if (!existsSync(SLAPD)) {
    apt('update');
    apt('install', '-y', 'slapd', 'ldap-utils');
  }
  if (!existsSync(SLAPD)) step('slapd could not be installed: the directory tests will fail.');
}

let embedded;
let tmp;
const env = { ...process.env };
const cleanup = async () => {
  if (embedded) await embedded.stop().catch(() => undefined);
  if (tmp) rmSync(tmp, { recursive: true, force: true });
};
if (!env.DATABASE_URL) {
  try {
    const { startEmbeddedPostgres, freePort } = await import('../apps/api/src/database/embedded-postgres.mjs');
    tmp = mkdtempSync(join(tmpdir(), 'mynapoint-test-'));
    // As root, PostgreSQL runs as the `postgres` user, which must reach the directory.
    chmodSync(tmp, 0o755);
    const port = await freePort();
    step(`Starting a throwaway embedded PostgreSQL on port ${port}…`);
    embedded = await startEmbeddedPostgres({ dataDir: join(tmp, 'pg'), port, persistent: false });
    env.DATABASE_URL = embedded.url;
  } catch (e) {
    await cleanup();
    fail(`the embedded PostgreSQL did not start: ${e?.message ?? e}`);
  }
}
process.on('SIGINT', () => void cleanup().then(() => process.exit(130)));

// Jest runs as an asynchronous child: this process must keep reading the embedded
// PostgreSQL's log pipe. (With spawnSync its event loop stood still, the pipe filled,
// and PostgreSQL's checkpointer blocked writing a log line: every DROP/CREATE DATABASE
// then waited for a checkpoint that never came.)
const jest = (jestArgs, workers = '--maxWorkers=2') => node('node_modules/jest/bin/jest.js', ['--config', 'test/jest.config.js', workers, ...jestArgs], env);
let status;
if (args.length) {
  step('Running Jest…');
  status = await jest(args);
} else {
  // The resilience suites put the machine under load on purpose (50 clients, an
  // outage): they run after the others, so they do not slow the others into timeouts.
  step('Running Jest: unit, API and browser tests…');
  status = await jest(['--selectProjects', 'unit', 'api', 'browser']);
  // One file at a time: the load and the fault suites must not overlap either.
  step('Running Jest: resilience (load, faults, backup, server setup), one file at a time…');
  status = Math.max(status, await jest(['--selectProjects', 'resilience'], '--runInBand'));
}
await cleanup();
step(`npm test finished in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
process.exit(status);
