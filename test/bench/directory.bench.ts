import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { Directory } from '../../apps/api/src/auth/directory';
import { Slapd, BASE, SERVICE_DN, SERVICE_PW, groupDn, type DirectoryUser } from '../support/slapd';
import { adminDatabaseUrl, databaseUrlFor, templateName } from '../support/test-env';
import { loadAverage } from './machine';
import type { ResultRow } from './app.bench';
import { freePort } from '../support/free-port';

// Sign-in through the city's directory: POST /api/auth/login against the production
// build in its own process, configured for a real OpenLDAP (slapd on loopback,
// StartTLS with a throwaway CA), at 10 clients; beside it the directory's own part
// (the same StartTLS connection, service bind, search, user bind and group search)
// done by the client library alone. Needs no city dataset: a migrated empty database.

const ROOT = join(__dirname, '..', '..');
const OUT = process.env.BENCH_OUT ?? join(ROOT, 'test-output', 'bench');
const QUICK = process.env.BENCH_QUICK === '1';
const SECONDS = Number(process.env.BENCH_SECONDS ?? (QUICK ? 5 : 10));
const API_MAIN = join(ROOT, 'dist', 'api', 'apps', 'api', 'src', 'main.js');
const USERS = 200;
const PASSWORD = 'bench-directory-pass';
const MUNICIPALITY = '152234';
const log = (m: string) => process.stdout.write(`${m}\n`);
const ms = (n: number) => `${n < 10 ? n.toFixed(1) : Math.round(n)} ms`;


function load(cfg: Record<string, unknown>): Promise<{ ok: number; requests: number; okPerSecond: number; p50: number; p95: number; p99: number; statuses: Record<string, number> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(__dirname, 'load.mjs'), JSON.stringify(cfg)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop()!)) : reject(new Error(`load generator exited ${code}`))));
  });
}

describe('directory sign-in bench', () => {
  const database = `mp_bench_directory_${process.pid}`;
  let ldap: Slapd;
  let app: ReturnType<typeof spawn> | undefined;
  let base: string;
  const rows: ResultRow[] = [];

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    if (!existsSync(API_MAIN)) throw new Error(`${API_MAIN} is missing: the runner builds it (npm run bench)`);
    const users: DirectoryUser[] = Array.from({ length: USERS }, (_, i) => ({ uid: `staff${i}`, name: `職員 ${i}`, password: PASSWORD, groups: ['mp-counter'] }));
    ldap = await Slapd.start(users, ['mp-counter']);
    const admin = new Client({ connectionString: adminDatabaseUrl() });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database} TEMPLATE ${templateName()}`);
    await admin.end();

    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const appLog = openSync(join(OUT, 'directory-app.log'), 'a');
    app = spawn(process.execPath, [API_MAIN], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NODE_ENV: 'production',
        DATABASE_URL: databaseUrlFor(database),
        MYKEY_HMAC_SECRET: 'bench-directory-9f3c1a7e5b2d4c6e8a0f1b3d5c7e9a2b',
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_FORMAT: 'json',
        SEED_DEMO: 'false',
        MUNICIPALITY_CODE: MUNICIPALITY,
        LOGIN_IP_MAX_FAILURES: '100000',
        LDAP_URL: ldap.url,
        LDAP_TLS_CA_FILE: ldap.caFile,
        LDAP_BIND_DN: SERVICE_DN,
        LDAP_BIND_PASSWORD: SERVICE_PW,
        LDAP_USER_BASE: `ou=people,${BASE}`,
        LDAP_GROUP_BASE: `ou=groups,${BASE}`,
        LDAP_GROUP_FILTER: '(member={dn})',
        LDAP_ROLE_GROUPS: JSON.stringify({ [groupDn('mp-counter')]: 'counter' }),
      },
      stdio: ['ignore', appLog, appLog],
    });
    closeSync(appLog);
    const deadline = Date.now() + 120_000;
    for (;;) {
      if (app.exitCode !== null) throw new Error(`the app exited (${app.exitCode}); see ${join(OUT, 'directory-app.log')}`);
      if (await fetch(`${base}/api/health`).then((r) => r.ok).catch(() => false)) break;
      if (Date.now() > deadline) throw new Error('the app did not become healthy in 120 s');
      await new Promise((r) => setTimeout(r, 250));
    }
    // Every user signs in once first: the timed sign-ins find their records (the steady state).
    await load({ url: `${base}/api/auth/login`, method: 'POST', kind: 'login', prefix: 'staff', users: USERS, password: PASSWORD, connections: 4, seconds: 3 });
  }, 10 * 60_000);

  afterAll(async () => {
    if (app && app.exitCode === null) {
      const exited = new Promise((r) => app!.once('exit', r));
      app.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
    }
    await ldap?.stop();
    const admin = new Client({ connectionString: adminDatabaseUrl() });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  });

  it('sign-in through the directory at 10 clients', async () => {
    const res = await load({ url: `${base}/api/auth/login`, method: 'POST', kind: 'login', prefix: 'staff', users: USERS, password: PASSWORD, connections: 10, seconds: SECONDS });
    // The directory's part alone, by the same client code, 10 at a time.
    const directory = new Directory(ldap.config({ [groupDn('mp-counter')]: 'counter' }, MUNICIPALITY, { timeoutMs: 5000 }));
    const latencies: number[] = [];
    const until = Date.now() + SECONDS * 1000;
    let n = 0;
    await Promise.all(
      Array.from({ length: 10 }, async () => {
        while (Date.now() < until) {
          const t0 = performance.now();
          const r = await directory.authenticate(MUNICIPALITY, `staff${n++ % USERS}`, PASSWORD);
          if (!r.ok) throw new Error(`directory: ${r.reason}`);
          latencies.push(performance.now() - t0);
        }
      }),
    );
    latencies.sort((a, b) => a - b);
    const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))];
    const raw = { perSecond: latencies.length / SECONDS, p50: q(0.5), p95: q(0.95), p99: q(0.99) };
    const row: ResultRow = {
      section: 'auth',
      bench: 'POST /api/auth/login through the directory (OpenLDAP, StartTLS; session + audit row) at 10 clients',
      target: 'p50 < 250 ms, every sign-in 200',
      measured: `${Math.round(res.okPerSecond)} sign-ins/s, p50 ${ms(res.p50)} / p95 ${ms(res.p95)} / p99 ${ms(res.p99)}`,
      raw: `directory alone (StartTLS, 2 searches, 3 binds): ${Math.round(raw.perSecond)}/s, p50 ${ms(raw.p50)} / p95 ${ms(raw.p95)} / p99 ${ms(raw.p99)}`,
      ratio: `${((res.okPerSecond / raw.perSecond) * 100).toFixed(1)}%`,
      pass: res.p50 < 250 && res.ok === res.requests,
      load: loadAverage(),
      detail: { app: res, raw },
    };
    rows.push(row);
    log(`${row.pass ? '✓' : '✗'} ${row.bench}: ${row.measured} | ${row.raw}`);
    writeFileSync(join(OUT, 'directory.json'), JSON.stringify(rows, null, 2));
    expect(res.ok).toBe(res.requests);
  });
});
