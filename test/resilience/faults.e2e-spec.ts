import type { INestApplication } from '@nestjs/common';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { createApp } from '../../apps/api/src/app.factory';
import { AppConfig, loadConfig } from '../../apps/api/src/config/app-config';
import { connectionOptions, runMigrations } from '../../apps/api/src/database/data-source';
import { seedDemo } from '../../apps/api/src/database/seed';
import { DEMO_PASSWORD, usersSeed } from '../../apps/api/src/database/seed/users.seed';
import { TEST_HMAC_SECRET } from '../support/test-env';
import { Sample, count, histogram, loadMyKeyId, lostWrites, percentile, runLoad } from './support/load-driver';
import { OwnPostgres } from './support/own-postgres';

// Faults, against a PostgreSQL of the test's own (an embedded server in a child
// process) that is crashed and started again while the API is under load:
// - during the outage every request is answered 503 quickly (no hangs) and
//   /api/health says down;
// - afterwards the API recovers by itself (no restart of the app), within 10 s;
// - no acknowledged write is lost (WAL, fsync on, crash recovery);
// - a crash in the middle of an import leaves whole chunks applied or not at all,
//   and importing the file again ends in the state a clean import gives.

const CHUNK_ROWS = 200;
const OUTAGE_MS = 3000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('faults: PostgreSQL crashes under the API', () => {
  let pg: OwnPostgres;
  let config: AppConfig;
  let app: INestApplication;
  let base: string;
  let db: Pool;
  const tokens = { admin: '', counter: '', policy: '' };

  async function api(method: string, path: string, token = tokens.admin, body?: unknown): Promise<{ status: number; body: any }> {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(30_000),
    });
    return { status: res.status, body: await res.json().catch(() => null) };
  }

  async function ok(method: string, path: string, body?: unknown): Promise<any> {
    const res = await api(method, path, tokens.admin, body);
    if (res.status < 200 || res.status > 299) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  /** Waits until the health endpoint says up again; the ms it took. */
  async function untilHealthy(limitMs: number): Promise<number> {
    const t0 = Date.now();
    while (Date.now() - t0 < limitMs) {
      const res = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(5000) }).catch(() => null);
      if (res?.status === 200) return Date.now() - t0;
      await sleep(50);
    }
    throw new Error(`the API did not recover within ${limitMs} ms`);
  }

  async function restartDatabase(): Promise<void> {
    await db.end().catch(() => undefined);
    await pg.up();
    db = new Pool({ connectionString: pg.url, options: connectionOptions(config), max: 2 });
    db.on('error', () => undefined);
  }

  beforeAll(async () => {
    // TypeORM prints every failed query (with its SQL) to the console: an outage
    // fails hundreds. The figures are written to stdout directly.
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    pg = await OwnPostgres.start();
    config = loadConfig(
      { ...process.env, DATABASE_URL: pg.url, MYKEY_HMAC_SECRET: TEST_HMAC_SECRET, LOG_FORMAT: 'pretty', SEED_DEMO: 'false' },
      { importChunkRows: CHUNK_ROWS },
    );
    await runMigrations(config);
    const ds = new DataSource({ type: 'postgres', url: config.databaseUrl, extra: { options: connectionOptions(config) } });
    await ds.initialize();
    try {
      await seedDemo(ds, config, [usersSeed]);
    } finally {
      await ds.destroy();
    }
    // Errors only: an outage would otherwise log one warning per refused request.
    app = await createApp(config, { logLevels: ['error', 'fatal'] });
    await app.listen(0, '127.0.0.1');
    base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    db = new Pool({ connectionString: pg.url, options: connectionOptions(config), max: 2 });
    db.on('error', () => undefined);
    for (const role of ['admin', 'counter', 'policy'] as const) {
      const res = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: role, password: DEMO_PASSWORD }),
      });
      tokens[role] = ((await res.json()) as { accessToken: string }).accessToken;
    }
  }, 120_000);

  afterAll(async () => {
    await db?.end().catch(() => undefined);
    await app?.close().catch(() => undefined);
    await pg?.destroy();
    jest.restoreAllMocks();
  });

  it('answers 503 quickly during the outage, recovers by itself within 10 s, and loses no acknowledged write', async () => {
    const campaign = await ok('POST', '/api/campaigns', {
      name: '障害試験キャンペーン',
      reservationOpensOn: '2020-07-01',
      reservationClosesOn: '2021-03-31',
      applicationOpensOn: '2020-07-01',
      applicationClosesOn: '2021-03-31',
      earningStartsOn: '2020-09-01',
      earningEndsOn: '2021-03-31',
      awardRatePercent: 25,
      capPerPersonYen: 5000,
    });
    const quota = await ok('POST', '/api/reservation-quotas', {
      campaignId: campaign.id,
      name: '障害試験枠',
      capacity: 1_000_000,
      warnAtPercent: 90,
      opensAt: '2020-07-01T00:00:00+09:00',
      closesAt: '2021-04-01T00:00:00+09:00',
    });
    const service = await ok('POST', '/api/payment-services', {
      name: '障害試験Pay',
      operator: 'テスト決済株式会社',
      kind: 'qr_code',
      preRegistrationRequired: false,
      applicationsOpenOn: '2020-07-01',
      status: 'active',
    });

    let stop = false;
    const t0 = Date.now();
    const load = runLoad(
      { baseUrl: base, tokens, quotaId: quota.id, serviceId: service.id },
      { clients: 12, durationMs: 120_000, thinkMs: 150, timeoutMs: 10_000, shouldStop: () => stop },
    );
    // The health endpoint, polled as a load balancer would.
    const health: Array<Sample & { database?: string; code?: string }> = [];
    const healthLoop = (async () => {
      while (!stop) {
        const start = Date.now();
        const res = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(10_000) }).catch(() => null);
        const body = (await res?.json().catch(() => null)) as { database?: string; code?: string } | null;
        health.push({ start: start - t0, ms: Date.now() - start, status: res?.status ?? 0, op: 'health', write: false, database: body?.database, code: body?.code });
        await sleep(100);
      }
    })();

    await sleep(4000);
    const down = Date.now() - t0;
    await pg.crash();
    const crashed = Date.now() - t0;
    await sleep(OUTAGE_MS);
    const restarting = Date.now() - t0;
    await restartDatabase();
    const ready = Date.now() - t0;
    const healthyAfterMs = await untilHealthy(10_000);
    // Keep the load on for a while after recovery: the steady state must be clean again.
    await sleep(6000);
    stop = true;
    const result = await load;
    await healthLoop;

    const { samples, acked } = result;
    // Surely down: from the crash until the restart began (the server may take
    // requests a little before the restart returns).
    const inOutage = samples.filter((s) => s.start >= crashed && s.start + s.ms <= restarting);
    const unavailable = samples.filter((s) => s.status === 503);
    // Recovered: after this instant every request succeeded.
    const lastFailure = Math.max(ready, ...samples.filter((s) => s.status < 200 || s.status > 299).map((s) => s.start + s.ms));
    const after = samples.filter((s) => s.start > lastFailure);
    const healthDown = health.filter((h) => h.start >= crashed && h.start + h.ms <= restarting);
    const lost = await lostWrites(db, acked);
    const figures = {
      requests: samples.length,
      statuses: histogram(samples),
      outageMs: ready - down,
      outageRequests: inOutage.length,
      max503LatencyMs: Math.max(...unavailable.map((s) => s.ms)),
      p95During503Ms: percentile(unavailable.map((s) => s.ms), 95),
      healthChecksWhileDown: healthDown.length,
      healthStatusesWhileDown: histogram(healthDown),
      recoveryMs: lastFailure - ready,
      healthUpAfterMs: healthyAfterMs,
      requestsAfterRecovery: after.length,
      acknowledgedWrites: count(acked),
      lostWrites: Object.values(lost).flat().length,
    };
    process.stdout.write(`\nFAULT FIGURES (outage under load) ${JSON.stringify(figures, null, 2)}\n`);

    // No hangs and no 500s, ever: only successes and 503s.
    expect(samples.filter((s) => s.status !== 503 && (s.status < 200 || s.status > 299)).map((s) => `${s.op} ${s.status}`)).toEqual([]);
    // During the outage: only 503, and fast.
    expect(inOutage.length).toBeGreaterThan(20);
    expect(inOutage.filter((s) => s.status !== 503)).toEqual([]);
    expect(figures.max503LatencyMs).toBeLessThan(2000);
    // Health says down, in the error shape.
    expect(healthDown.length).toBeGreaterThanOrEqual(2);
    expect(healthDown.filter((h) => h.status !== 503 || h.database !== 'down' || h.code !== 'database_unavailable')).toEqual([]);
    expect(healthDown.every((h) => h.ms < 2000)).toBe(true);
    // Recovery by itself, within 10 s, and clean afterwards.
    expect(figures.recoveryMs).toBeLessThan(10_000);
    expect(after.length).toBeGreaterThan(50);
    expect(after.filter((s) => s.write).length).toBeGreaterThan(10);
    // Not one acknowledged write lost.
    expect(figures.acknowledgedWrites).toBeGreaterThan(50);
    expect(lost).toEqual({ reservations: [], applications: [], 'point-awards': [], 'assistance-records': [], 'fraud-alerts': [] });
    // The quota's counter agrees with the reservations that survived.
    const [q] = (await db.query(`SELECT used, (SELECT count(*)::int FROM reservations WHERE quota_id = $1) AS n FROM reservation_quotas WHERE id = $1`, [quota.id])).rows;
    expect(q.used).toBe(q.n);
  });

  describe('a crash in the middle of an import', () => {
    const ROWS = 20_000;
    // Distinct instants, 7 s apart, in a shuffled file: chunks follow reservedAt, not file order.
    const rows = Array.from({ length: ROWS }, (_, i) => ({ myKeyId: loadMyKeyId(), reservedAt: new Date(Date.UTC(2020, 7, 31, 15) + i * 7000).toISOString() }));
    const shuffled = [...rows];
    let seed = 42;
    for (let i = shuffled.length - 1; i > 0; i--) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      const j = seed % (i + 1);
      [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
    }
    const file = ['myKeyId,reservedAt,channel', ...shuffled.map((r) => `${r.myKeyId},${r.reservedAt},counter`)].join('\r\n') + '\r\n';

    async function campaignWithQuota(name: string): Promise<{ campaignId: number; quotaId: number }> {
      const campaign = await ok('POST', '/api/campaigns', {
        name,
        reservationOpensOn: '2020-07-01',
        reservationClosesOn: '2021-03-31',
        applicationOpensOn: '2020-07-01',
        applicationClosesOn: '2021-03-31',
        earningStartsOn: '2020-09-01',
        earningEndsOn: '2021-03-31',
        awardRatePercent: 25,
        capPerPersonYen: 5000,
      });
      const quota = await ok('POST', '/api/reservation-quotas', {
        campaignId: campaign.id,
        name: `${name}の枠`,
        capacity: 1_000_000,
        warnAtPercent: 90,
        opensAt: '2020-07-01T00:00:00+09:00',
        closesAt: '2021-04-01T00:00:00+09:00',
      });
      return { campaignId: campaign.id, quotaId: quota.id };
    }

    async function upload(campaignId: number): Promise<number> {
      const form = new FormData();
      form.set('type', 'reservations');
      form.set('campaignId', String(campaignId));
      form.set('file', new Blob([file], { type: 'text/csv' }), 'reservations.csv');
      const res = await fetch(`${base}/api/imports`, { method: 'POST', headers: { authorization: `Bearer ${tokens.policy}` }, body: form });
      const body = (await res.json()) as { id: number };
      if (res.status !== 202) throw new Error(`upload: ${res.status} ${JSON.stringify(body)}`);
      return body.id;
    }

    async function finished(id: number): Promise<{ status: string; accepted: number; duplicates: number; rejected: number; rowsTotal: number }> {
      for (const until = Date.now() + 120_000; Date.now() < until; await sleep(100)) {
        const res = await api('GET', `/api/imports/${id}`, tokens.policy);
        if (res.status === 200 && (res.body.status === 'done' || res.body.status === 'failed')) return res.body;
      }
      throw new Error(`import ${id} did not finish`);
    }

    /** What the campaign holds: its reservations as (MyKey ID hash, instant, channel), and its quota's counter. */
    async function state(campaignId: number, quotaId: number) {
      const { rows: held } = await db.query<{ key: string; reserved_at: string; channel: string }>(
        `SELECT encode(p.mykey_hash, 'hex') AS key, r.reserved_at::text, r.channel
         FROM reservations r JOIN participants p ON p.id = r.participant_id WHERE p.campaign_id = $1 ORDER BY r.reserved_at`,
        [campaignId],
      );
      const [extra] = (
        await db.query<{ used: number; participants: number; orphans: number }>(
          `SELECT (SELECT used FROM reservation_quotas WHERE id = $2) AS used,
                  (SELECT count(*)::int FROM participants WHERE campaign_id = $1) AS participants,
                  (SELECT count(*)::int FROM participants p WHERE p.campaign_id = $1 AND NOT EXISTS (SELECT 1 FROM reservations r WHERE r.participant_id = p.id)) AS orphans`,
          [campaignId, quotaId],
        )
      ).rows;
      return { held, ...extra };
    }

    it('leaves whole chunks or nothing, and a re-import ends where a clean import does', async () => {
      const a = await campaignWithQuota('取込障害キャンペーン');
      const jobId = await upload(a.campaignId);

      // Crash as soon as the first chunk has committed, while the others are still to come.
      const t0 = Date.now();
      let seen = 0;
      while (seen < CHUNK_ROWS) {
        if (Date.now() - t0 > 60_000) throw new Error('the import never reached its applying phase');
        const { rows: r } = await db.query<{ n: number; status: string }>(
          `SELECT (SELECT count(*)::int FROM reservations WHERE import_id = $1) AS n, (SELECT status FROM imports WHERE id = $1) AS status`,
          [jobId],
        );
        seen = r[0].n;
        if (r[0].status === 'done' || r[0].status === 'failed') throw new Error(`the import ended (${r[0].status}) before the crash`);
        if (seen < CHUNK_ROWS) await sleep(2);
      }
      await pg.crash();
      await sleep(1000);
      await restartDatabase();
      const recoveredMs = await untilHealthy(10_000);

      // After the crash: a prefix of the file in reservedAt order, in whole chunks.
      const crashedState = await state(a.campaignId, a.quotaId);
      const applied = crashedState.held.length;
      const [job] = (await db.query<{ status: string }>('SELECT status FROM imports WHERE id = $1', [jobId])).rows;
      process.stdout.write(
        `\nFAULT FIGURES (crash mid-import) ${JSON.stringify({ rows: ROWS, chunkRows: CHUNK_ROWS, appliedAtCrash: applied, chunksApplied: applied / CHUNK_ROWS, jobStatusAfterCrash: job.status, apiRecoveredMs: recoveredMs })}\n`,
      );
      expect(applied).toBeGreaterThanOrEqual(CHUNK_ROWS);
      expect(applied).toBeLessThan(ROWS); // the crash landed mid-import
      expect(applied % CHUNK_ROWS).toBe(0);
      const inOrder = rows.map((r) => new Date(r.reservedAt).getTime());
      expect(crashedState.held.map((h) => new Date(h.reserved_at).getTime())).toEqual(inOrder.slice(0, applied));
      expect({ used: crashedState.used, participants: crashedState.participants, orphans: crashedState.orphans }).toEqual({ used: applied, participants: applied, orphans: 0 });

      // Retry: the same file again. What the crash left counts as duplicates.
      const retry = await finished(await upload(a.campaignId));
      expect(retry).toMatchObject({ status: 'done', rowsTotal: ROWS, accepted: ROWS - applied, duplicates: applied, rejected: 0 });

      // A clean import of the same file into a campaign of its own, for comparison.
      const b = await campaignWithQuota('取込比較キャンペーン');
      const clean = await finished(await upload(b.campaignId));
      expect(clean).toMatchObject({ status: 'done', accepted: ROWS, duplicates: 0, rejected: 0 });
      const retried = await state(a.campaignId, a.quotaId);
      const reference = await state(b.campaignId, b.quotaId);
      expect(retried.held.length).toBe(ROWS);
      expect(retried.held).toEqual(reference.held);
      expect({ used: retried.used, participants: retried.participants, orphans: retried.orphans }).toEqual({ used: ROWS, participants: ROWS, orphans: 0 });
      expect({ used: reference.used, participants: reference.participants, orphans: reference.orphans }).toEqual({ used: ROWS, participants: ROWS, orphans: 0 });
    });
  });
});
