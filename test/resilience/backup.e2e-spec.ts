import type { INestApplication } from '@nestjs/common';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Pool } from 'pg';
import { DataSource } from 'typeorm';
import { createApp } from '../../apps/api/src/app.factory';
import { AppConfig, loadConfig } from '../../apps/api/src/config/app-config';
import { connectionOptions, runMigrations } from '../../apps/api/src/database/data-source';
import { seedDemo } from '../../apps/api/src/database/seed';
import { DEMO_PASSWORD, usersSeed } from '../../apps/api/src/database/seed/users.seed';
import { Running, bootstrap } from '../../apps/api/src/main';
import { TEST_HMAC_SECRET } from '../support/test-env';
import { count, loadMyKeyId, runLoad } from './support/load-driver';
import { campaignBody } from '../support/uptake-fixtures';

// Backup and restore exactly as docs/operations.md says, against the machine's
// PostgreSQL 15 server (not the test run's database, which may be an embedded
// PostgreSQL of another major version): pg_dump -Fc of a database the app filled,
// pg_restore into a fresh database, then the counts, the audit log's guard, and the
// app itself (started the production way, bootstrap with DATABASE_URL) on the copy.
const SERVER = process.env.BACKUP_TEST_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

function urlFor(name: string): string {
  const u = new URL(SERVER);
  u.pathname = `/${name}`;
  return u.toString();
}

/** pg_dump / pg_restore of the server's major version (Debian keeps each under /usr/lib/postgresql/N/bin). */
function tool(name: 'pg_dump' | 'pg_restore', major: number): string {
  const versioned = `/usr/lib/postgresql/${major}/bin/${name}`;
  if (existsSync(versioned)) return versioned;
  const r = spawnSync(name, ['--version'], { encoding: 'utf8' });
  const m = /(\d+)\.\d+/.exec(r.stdout ?? '');
  if (r.status === 0 && m && Number(m[1]) >= major) return name;
  throw new Error(`no ${name} for PostgreSQL ${major} (apt-get install postgresql-client-${major})`);
}

describe('backup and restore with pg_dump / pg_restore', () => {
  const stamp = `${process.pid}_${Date.now().toString(36)}`;
  const source = `mp_backup_src_${stamp}`;
  const restored = `mp_backup_dst_${stamp}`;
  const dir = mkdtempSync(join(tmpdir(), 'mynapoint-backup-'));
  const dumpFile = join(dir, 'mynapoint.dump');
  let admin: Client;
  let major: number;
  let config: AppConfig;
  let app: INestApplication | null = null;
  let running: Running | null = null;

  const env = (name: string) => ({
    DATABASE_URL: urlFor(name),
    MYKEY_HMAC_SECRET: TEST_HMAC_SECRET,
    LOG_FORMAT: 'pretty',
    SEED_DEMO: 'false',
  });

  async function login(base: string): Promise<string> {
    const res = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: DEMO_PASSWORD }),
    });
    if (res.status !== 200) throw new Error(`login: ${res.status}`);
    return ((await res.json()) as { accessToken: string }).accessToken;
  }

  async function counts(name: string): Promise<Record<string, number>> {
    const pool = new Pool({ connectionString: urlFor(name), max: 1 });
    try {
      const { rows: tables } = await pool.query<{ t: string }>(`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`);
      const out: Record<string, number> = {};
      for (const { t } of tables) out[t] = (await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${t}"`)).rows[0].n;
      return out;
    } finally {
      await pool.end();
    }
  }

  beforeAll(async () => {
    admin = new Client({ connectionString: SERVER });
    await admin.connect().catch((e: Error) => {
      throw new Error(`the backup test needs the machine's PostgreSQL server at ${SERVER} (BACKUP_TEST_SERVER_URL): ${e.message}`);
    });
    major = Math.floor(Number((await admin.query<{ v: string }>("SELECT current_setting('server_version_num') AS v")).rows[0].v) / 10000);
    await admin.query(`CREATE DATABASE ${source}`);
    config = loadConfig(env(source));
    await runMigrations(config);
    const ds = new DataSource({ type: 'postgres', url: config.databaseUrl, extra: { options: connectionOptions(config) } });
    await ds.initialize();
    try {
      await seedDemo(ds, config, [usersSeed]);
    } finally {
      await ds.destroy();
    }
  }, 120_000);

  afterAll(async () => {
    await app?.close().catch(() => undefined);
    await running?.close().catch(() => undefined);
    for (const name of [source, restored]) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
    rmSync(dir, { recursive: true, force: true });
  });

  it('restores a dump into a fresh database that the app serves as before, audit guard included', async () => {
    // Data written by the app itself: a few seconds of the load's mix.
    app = await createApp(config, { logLevels: ['error'] });
    await app.listen(0, '127.0.0.1');
    const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    const token = await login(base);
    const post = async (path: string, body: unknown) => {
      const res = await fetch(`${base}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      if (res.status !== 201) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
      return (await res.json()) as { id: number };
    };
    const campaign = await post('/api/campaigns', campaignBody({ name: 'バックアップ試験' }));
    const quota = await post('/api/reservation-quotas', {
      campaignId: campaign.id,
      name: 'バックアップ試験枠',
      capacity: 100_000,
      opensAt: '2020-07-01T00:00:00+09:00',
      closesAt: '2021-04-01T00:00:00+09:00',
    });
    const service = await post('/api/payment-services', { name: 'バックアップPay', operator: 'テスト決済株式会社', kind: 'qr_code', preRegistrationRequired: false, applicationsOpenOn: '2020-07-01', status: 'active' });
    const knownKey = loadMyKeyId();
    await post('/api/reservations', { quotaId: quota.id, myKeyId: knownKey, channel: 'counter', reservedAt: '2020-09-01T10:00:00+09:00', ageBand: '30s', district: '安田' });
    const counterToken = await (async () => {
      const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'counter', password: DEMO_PASSWORD }) });
      return ((await res.json()) as { accessToken: string }).accessToken;
    })();
    const load = await runLoad(
      { baseUrl: base, tokens: { admin: token, counter: counterToken }, quotaId: quota.id, serviceId: service.id },
      { clients: 5, durationMs: 4000, thinkMs: 20, timeoutMs: 30_000 },
    );
    expect(load.acked['point-awards'].length + load.acked.applications.length).toBeGreaterThan(0);
    await app.close();
    app = null;
    const before = await counts(source);

    // The documented commands: a custom-format dump, restored into a new database.
    const t0 = Date.now();
    execFileSync(tool('pg_dump', major), ['--format=custom', `--file=${dumpFile}`, `--dbname=${urlFor(source)}`], { stdio: ['ignore', 'ignore', 'pipe'] });
    const dumpMs = Date.now() - t0;
    await admin.query(`CREATE DATABASE ${restored}`);
    const t1 = Date.now();
    execFileSync(tool('pg_restore', major), ['--no-owner', '--exit-on-error', `--dbname=${urlFor(restored)}`, dumpFile], { stdio: ['ignore', 'ignore', 'pipe'] });
    const restoreMs = Date.now() - t1;
    const after = await counts(restored);
    process.stdout.write(
      `\nBACKUP FIGURES ${JSON.stringify({ server: major, writesBeforeDump: count(load.acked), dumpBytes: statSync(dumpFile).size, dumpMs, restoreMs, tables: Object.keys(after).length, rows: Object.values(after).reduce((a, b) => a + b, 0) })}\n`,
    );

    // Every table, row for row.
    expect(after).toEqual(before);
    for (const table of ['users', 'audit_logs', 'reservations', 'applications', 'point_awards', 'assistance_records', 'fraud_alerts', 'migrations']) {
      expect(after[table]).toBeGreaterThan(0);
    }

    // The audit log is still append-only in the copy: its triggers came back.
    const copy = new Client({ connectionString: urlFor(restored) });
    await copy.connect();
    try {
      await expect(copy.query(`UPDATE audit_logs SET action = action WHERE id = (SELECT min(id) FROM audit_logs)`)).rejects.toThrow(/append-only/);
      await expect(copy.query(`DELETE FROM audit_logs WHERE id = (SELECT min(id) FROM audit_logs)`)).rejects.toThrow(/append-only/);
      await expect(copy.query(`TRUNCATE audit_logs`)).rejects.toThrow(/append-only/);
    } finally {
      await copy.end();
    }

    // The app, started the production way on the copy: no migration pending, same data, writes work.
    running = await bootstrap({ ...env(restored), PORT: '0', HOST: '127.0.0.1', LOG_FORMAT: 'json' } as NodeJS.ProcessEnv);
    const url = (await running.app.getUrl()).replace('[::1]', '127.0.0.1');
    const health = await fetch(`${url}/api/health`);
    expect(health.status).toBe(200);
    const token2 = await login(url);
    const get = async (path: string) => fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token2}` } });
    const list = await get('/api/reservations?range=%5B0%2C0%5D');
    expect(list.status).toBe(200);
    expect(Number(/\/(\d+)$/.exec(list.headers.get('content-range') ?? '')?.[1])).toBe(before.reservations);
    const reserve = (myKeyId: string) =>
      fetch(`${url}/api/reservations`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token2}`, 'content-type': 'application/json' },
        body: JSON.stringify({ quotaId: quota.id, myKeyId, channel: 'counter', reservedAt: '2020-09-02T10:00:00+09:00', ageBand: '30s', district: '安田' }),
      });
    // The MyKey ID hashes survived with the key: the person reserved before the backup is recognised.
    expect((await reserve(knownKey)).status).toBe(409);
    const fresh = await reserve(loadMyKeyId());
    expect(fresh.status).toBe(201);
    // Sequences came back too: the new row got an id past every restored one.
    const src = new Client({ connectionString: urlFor(source) });
    await src.connect();
    const maxBefore = (await src.query<{ m: number }>('SELECT max(id)::int AS m FROM reservations')).rows[0].m;
    await src.end();
    expect(((await fresh.json()) as { id: number }).id).toBeGreaterThan(maxBefore);
  });
});
