import type { INestApplication } from '@nestjs/common';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { createApp } from '../../apps/api/src/app.factory';
import { AppConfig, loadConfig } from '../../apps/api/src/config/app-config';
import { connectionOptions, runMigrations } from '../../apps/api/src/database/data-source';
import { seedDemo } from '../../apps/api/src/database/seed';
import { DEMO_PASSWORD, usersSeed } from '../../apps/api/src/database/seed/users.seed';
import { ImportQueue } from '../../apps/api/src/imports/import-queue';
import { TEST_HMAC_SECRET } from '../support/test-env';
import { Sample, count, histogram, loadMyKeyId, lostWrites, percentile, runLoad } from './support/load-driver';
import { myKeyHash } from '../support/uptake-sql-fixtures';
import { OwnPostgres } from './support/own-postgres';
import { campaignBody } from '../support/uptake-fixtures';

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
    const campaign = await ok('POST', '/api/campaigns', campaignBody({ name: '障害試験キャンペーン' }));
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
    // What a client gets while the database is down: the one error shape, in Japanese, with Retry-After.
    const probes = await Promise.all([
      fetch(`${base}/api/reservations`, { headers: { authorization: `Bearer ${tokens.admin}` } }),
      fetch(`${base}/api/fraud-alerts`, { method: 'POST', headers: { authorization: `Bearer ${tokens.admin}`, 'content-type': 'application/json' }, body: '{}' }),
      fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: DEMO_PASSWORD }) }),
    ]);
    const probeBodies = await Promise.all(probes.map((r) => r.json()));
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

    for (const [i, res] of probes.entries()) {
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('5');
      expect(probeBodies[i]).toEqual({ statusCode: 503, code: 'database_unavailable', message: 'データベースに接続できないため、処理できませんでした。しばらく待ってからもう一度お試しください。' });
    }
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

  it('holds its import worker lock again once the database is back, so that no other process takes its jobs for orphans', async () => {
    const worker = app.get(ImportQueue).worker;
    const held = async () =>
      (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND classid = 730001 AND objid = $1 AND objsubid = 2 AND granted`, [worker])).rows[0].n;
    expect(await held()).toBe(1);
    await pg.crash();
    await restartDatabase();
    let n = 0;
    for (const t0 = Date.now(); Date.now() - t0 < 15_000 && !(n = await held()); ) await sleep(100);
    expect(n).toBe(1);
  }, 60_000);

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
      const campaign = await ok('POST', '/api/campaigns', campaignBody({ name }));
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

    async function upload(campaignId: number, type = 'reservations', content = file, paymentServiceId?: number): Promise<number> {
      const form = new FormData();
      form.set('type', type);
      form.set('campaignId', String(campaignId));
      if (paymentServiceId) form.set('paymentServiceId', String(paymentServiceId));
      form.set('file', new Blob([content], { type: 'text/csv' }), `${type}.csv`);
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

    /** Crashes PostgreSQL as soon as `table` holds committed rows of the job, and brings it back. */
    async function crashMidImport(jobId: number, table: string, atLeast: number): Promise<number> {
      const t0 = Date.now();
      for (;;) {
        if (Date.now() - t0 > 60_000) throw new Error('the import never reached its applying phase');
        const { rows: r } = await db.query<{ n: number; status: string }>(
          `SELECT (SELECT count(*)::int FROM ${table} WHERE import_id = $1) AS n, (SELECT status FROM imports WHERE id = $1) AS status`,
          [jobId],
        );
        if (r[0].status === 'done' || r[0].status === 'failed') throw new Error(`the import ended (${r[0].status}) before the crash`);
        if (r[0].n >= atLeast) break;
        await sleep(2);
      }
      await pg.crash();
      await sleep(1000);
      await restartDatabase();
      return untilHealthy(10_000);
    }

    /** The interrupted job, once the runner has recorded its failure (it waits for the database to be back). */
    async function failedAfterOutage(jobId: number): Promise<{ status: string; message: string | null; ms: number }> {
      const t0 = Date.now();
      for (;;) {
        const [job] = (await db.query<{ status: string; message: string | null }>('SELECT status, message FROM imports WHERE id = $1', [jobId])).rows;
        if (job.status !== 'running' || Date.now() - t0 > 10_000) return { ...job, ms: Date.now() - t0 };
        await sleep(100);
      }
    }

    it('leaves whole chunks or nothing, and a re-import ends where a clean import does', async () => {
      const a = await campaignWithQuota('取込障害キャンペーン');
      const jobId = await upload(a.campaignId);

      // Crash as soon as the first chunk has committed, while the others are still to come.
      const recoveredMs = await crashMidImport(jobId, 'reservations', CHUNK_ROWS);

      // After the crash: a prefix of the file in reservedAt order, in whole chunks.
      const crashedState = await state(a.campaignId, a.quotaId);
      const applied = crashedState.held.length;
      const job = await failedAfterOutage(jobId);
      process.stdout.write(
        `\nFAULT FIGURES (crash mid-import) ${JSON.stringify({ rows: ROWS, chunkRows: CHUNK_ROWS, appliedAtCrash: applied, chunksApplied: applied / CHUNK_ROWS, jobStatusAfterCrash: job.status, jobFailedAfterMs: job.ms, apiRecoveredMs: recoveredMs })}\n`,
      );
      // The job says what happened instead of staying "running".
      expect(job).toMatchObject({ status: 'failed', message: expect.stringContaining('もう一度取り込んでください') });
      // Chunks commit asynchronously: a crash may take back the last ones committed, even
      // all of them; whatever stays is whole chunks (below) and the re-import completes it.
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
      it('point awards, applied side by side: whole chunks of participants or none, then every total by the law after a re-import', async () => {
      const P = 2000;
      const K = 6; // awards per participant, on six days
      const c = await campaignWithQuota('ポイント障害キャンペーン');
      const service = await ok('POST', '/api/payment-services', {
        name: 'ポイント障害Pay',
        operator: 'テスト決済株式会社',
        kind: 'qr_code',
        preRegistrationRequired: false,
        applicationsOpenOn: '2020-07-01',
        status: 'active',
      });
      const people = Array.from({ length: P }, (_, i) => ({ myKeyId: loadMyKeyId(), reservedAt: new Date(Date.UTC(2020, 7, 31, 15) + i * 7000).toISOString() }));
      const csvOf = (lines: string[]) => lines.join('\r\n') + '\r\n';
      expect(await finished(await upload(c.campaignId, 'reservations', csvOf(['myKeyId,reservedAt,channel', ...people.map((p) => `${p.myKeyId},${p.reservedAt},counter`)])))).toMatchObject({ accepted: P });
      expect(
        await finished(await upload(c.campaignId, 'applications', csvOf(['myKeyId,paymentServiceId,appliedAt,channel', ...people.map((p) => `${p.myKeyId},${service.id},2020-09-10T01:00:00Z,counter`)]))),
      ).toMatchObject({ accepted: P });
      // 25 % of 1,000–8,000 yen six times: most people reach the 5,000-point cap part-way.
      const awards = people.flatMap((p, i) =>
        Array.from({ length: K }, (_, k) => ({ externalId: `PA-${i}-${k}`, myKeyId: p.myKeyId, date: `2020-10-0${k + 1}`, amount: 1000 * (1 + ((i + 3 * k) % 8)) })),
      );
      const awardFile = csvOf(['externalId,myKeyId,transactionDate,kind,amountYen', ...[...awards].sort((a, b) => (a.externalId < b.externalId ? 1 : -1)).map((a) => `${a.externalId},${a.myKeyId},${a.date},charge,${a.amount}`)]);
      // The law, award by award in (date, transaction id) order: min(upto, cap) − min(upto − base, cap).
      const expected = new Map<string, number>();
      const totals = new Map<string, number>();
      for (const p of people) {
        let upto = 0;
        for (const a of awards.filter((x) => x.myKeyId === p.myKeyId).sort((x, y) => x.date.localeCompare(y.date) || x.externalId.localeCompare(y.externalId))) {
          const base = Math.floor((a.amount * 25) / 100);
          upto += base;
          expected.set(a.externalId, Math.min(upto, 5000) - Math.min(upto - base, 5000));
        }
        totals.set(p.myKeyId, Math.min(upto, 5000));
      }
      const keyOf = new Map(people.map((p) => [myKeyHash(p.myKeyId).toString('hex'), p.myKeyId]));

      const jobId = await upload(c.campaignId, 'point-awards', awardFile, service.id);
      const recoveredMs = await crashMidImport(jobId, 'point_awards', 1);

      const ledger = async () =>
        (
          await db.query<{ id: number; key: string; points_total: number; n: number; sum: number; awards: Array<{ externalId: string; points: number }> }>(
            `SELECT p.id, encode(p.mykey_hash, 'hex') AS key, p.points_total, count(a.id)::int AS n, COALESCE(sum(a.points), 0)::int AS sum,
                    COALESCE(json_agg(json_build_object('externalId', a.external_id, 'points', a.points)) FILTER (WHERE a.id IS NOT NULL), '[]') AS awards
             FROM participants p LEFT JOIN point_awards a ON a.participant_id = p.id
             WHERE p.campaign_id = $1 GROUP BY p.municipality_code, p.id ORDER BY p.id`,
            [c.campaignId],
          )
        ).rows;
      const afterCrash = await ledger();
      expect(await failedAfterOutage(jobId)).toMatchObject({ status: 'failed' });
      // The engine sizes its chunks from the file (docs/imports.md) and commits them
      // asynchronously, so which chunks survive a crash is not fixed; what must hold is
      // below: nobody half-awarded, totals equal to their awards, and a re-import that
      // ends where a clean import does.
      const appliedPeople = afterCrash.filter((p) => p.n > 0).length;
      process.stdout.write(
        `\nFAULT FIGURES (crash mid point-award import) ${JSON.stringify({ awards: P * K, participants: P, participantsAwardedAtCrash: appliedPeople, apiRecoveredMs: recoveredMs })}\n`,
      );
      expect(appliedPeople).toBeLessThan(P); // the crash landed mid-import
      for (const p of afterCrash) {
        // A participant is never half-awarded: all six or nothing, and the total is its awards' sum.
        expect([0, K]).toContain(p.n);
        expect(p.points_total).toBe(p.sum);
        if (p.n) expect(p.points_total).toBe(totals.get(keyOf.get(p.key)!));
      }

      const retry = await finished(await upload(c.campaignId, 'point-awards', awardFile, service.id));
      expect(retry).toMatchObject({ status: 'done', rowsTotal: P * K, accepted: (P - appliedPeople) * K, duplicates: appliedPeople * K, rejected: 0 });
      const final = await ledger();
      expect(final.length).toBe(P);
      for (const p of final) {
        const myKeyId = keyOf.get(p.key)!;
        expect(p.n).toBe(K);
        expect(p.points_total).toBe(totals.get(myKeyId));
        for (const a of p.awards) expect([a.externalId, a.points]).toEqual([a.externalId, expected.get(a.externalId)]);
      }
    });
  });
});
