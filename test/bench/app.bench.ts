import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Client, Pool } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import type { AuthUser } from '../../apps/api/src/common/auth/permission.decorator';
import { parseListQuery } from '../../apps/api/src/common/list/list-query';
import { orderBy, selectList, whereClause } from '../../apps/api/src/common/list/list-sql';
import type { ListSpec } from '../../apps/api/src/common/list/list-spec';
import { SqlParams } from '../../apps/api/src/common/db/sql-params';
import { connectionOptions } from '../../apps/api/src/database/data-source';
import { DEMO_PASSWORD } from '../../apps/api/src/database/seed/users.seed';
import { inlineParams } from '../../apps/api/src/exports/export-format';
import { ExportsService } from '../../apps/api/src/exports/exports.service';
import { exportStatement } from '../../apps/api/src/exports/exports.repository';
import { assistanceRecordsListSpec } from '../../apps/api/src/assistance-records/assistance-records.repository';
import { participantsListSpec } from '../../apps/api/src/participants/participants.repository';
import { pointAwardsListSpec } from '../../apps/api/src/point-awards/point-awards.repository';
import { launchBrowser, login, newPage } from '../support/browser';
import { BENCH_CITY, BENCH_HMAC_SECRET, Dataset, ensureCardUptakeFigures, ensureDataset } from './dataset';
import { loadAverage, postgresCpuSeconds, postmasterPid, processTreeCpuSeconds } from './machine';
import { freePort } from '../support/free-port';

// The app at prefecture scale: every hot path through HTTP (autocannon in its own
// process, on loopback, against the production build in its own process) as the users
// of one municipality (BENCH_CITY, at city scale) among the prefecture's 30, each beside
// the raw PostgreSQL doing the same work on the same data in the same run. The raw side
// connects as the API's own role with the same municipality, so row-level security
// shapes its statements exactly as it shapes the app's; the prefecture's rows read
// across every municipality.

const ROOT = join(__dirname, '..', '..');
const OUT = process.env.BENCH_OUT ?? join(ROOT, 'test-output', 'bench');
const QUICK = process.env.BENCH_QUICK === '1';
const SECONDS = Number(process.env.BENCH_SECONDS ?? (QUICK ? 5 : 10));
const API_MAIN = join(ROOT, 'dist', 'api', 'apps', 'api', 'src', 'main.js');
const ADMIN_DIST = join(ROOT, 'dist', 'admin');
const log = (m: string) => process.stdout.write(`${m}\n`);
const RACE_CAPACITY = 150;

export interface ResultRow {
  section: string;
  bench: string;
  target: string;
  measured: string;
  raw: string;
  ratio: string;
  pass: boolean | null;
  load: string;
  detail?: Record<string, unknown>;
}

interface Load {
  ok: number;
  okPerSecond: number;
  requests: number;
  statuses: Record<string, number>;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  /** CPU milliseconds per response (any status) of the API's processes and of PostgreSQL's, over the run. */
  apiCpuMs?: number;
  pgCpuMs?: number;
}

interface Raw {
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
}

const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : 'n/a');
const ms = (n: number) => `${fmt(n, n < 10 ? 1 : 0)} ms`;
const lat = (x: { p50: number; p95: number; p99: number }) => `p50 ${ms(x.p50)} / p95 ${ms(x.p95)} / p99 ${ms(x.p99)}`;


function percentiles(values: number[]) {
  const v = [...values].sort((a, b) => a - b);
  const q = (p: number) => (v.length ? v[Math.min(v.length - 1, Math.floor(p * v.length))] : NaN);
  return { p50: q(0.5), p95: q(0.95), p99: q(0.99) };
}

/** The production build in its own process (or cluster, with API_PROCESSES); resolves once it answers. */
async function startApp(ds: Dataset, extraEnv: Record<string, string> = {}): Promise<{ child: ReturnType<typeof spawn>; base: string }> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const prof = process.env.BENCH_CPU_PROF ? [`--cpu-prof`, `--cpu-prof-dir=${join(OUT, 'prof')}`] : [];
  // The app writes its (access) log straight to a file, as in production, not
  // through a pipe the bench process would have to drain.
  const appLog = openSync(join(OUT, 'app.log'), 'a');
  const child = spawn(process.execPath, [...prof, API_MAIN], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'production',
      DATABASE_URL: ds.url,
      MYKEY_HMAC_SECRET: BENCH_HMAC_SECRET,
      PORT: String(port),
      HOST: '127.0.0.1',
      ADMIN_DIR: ADMIN_DIST,
      LOG_FORMAT: 'json',
      SEED_DEMO: 'false',
      ...extraEnv,
    },
    stdio: ['ignore', appLog, appLog],
  });
  closeSync(appLog);
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app exited (${child.exitCode}); see ${join(OUT, 'app.log')}`);
    const ok = await fetch(`${base}/api/health`).then((r) => r.ok).catch(() => false);
    if (ok) break;
    if (Date.now() > deadline) throw new Error('the app did not become healthy in 120 s');
    await new Promise((r) => setTimeout(r, 250));
  }
  return { child, base };
}

async function stopApp(child: ReturnType<typeof spawn>): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
}

/** The processes whose CPU a load run is charged with: the API (and its workers), PostgreSQL. */
const meter: { api?: number; postgres?: number } = {};

/** autocannon in a child process; the API's and PostgreSQL's CPU per response from /proc. */
async function load(cfg: Record<string, unknown>): Promise<Load> {
  const cpu = () => ({ api: meter.api ? processTreeCpuSeconds(meter.api) : NaN, pg: meter.postgres ? postgresCpuSeconds(meter.postgres) : NaN });
  // A profile tells one load from what came before by the app's idle moment between them (test/bench/profile-summary.mjs).
  if (process.env.BENCH_CPU_PROF) await new Promise((r) => setTimeout(r, 1500));
  const before = cpu();
  const result = await new Promise<Load>((resolve, reject) => {
    const child = spawn(process.execPath, [join(__dirname, 'load.mjs'), JSON.stringify(cfg)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop()!)) : reject(new Error(`load generator exited ${code}`))));
  });
  const after = cpu();
  if (result.requests > 0) {
    result.apiCpuMs = ((after.api - before.api) * 1000) / result.requests;
    result.pgCpuMs = ((after.pg - before.pg) * 1000) / result.requests;
  }
  return result;
}

/** ", API CPU 0.81 ms/req, PostgreSQL 0.40": the two processes' share of one response. */
const cpuNote = (l: Load) => (Number.isFinite(l.apiCpuMs) ? `, API CPU ${fmt(l.apiCpuMs!, 2)} ms/req, PostgreSQL ${fmt(l.pgCpuMs!, 2)}` : '');

/** pgbench at `clients` connections for SECONDS, as the bench city; latencies from its per-transaction log. */
function pgbench(url: string, script: string, clients: number, seconds = SECONDS, protocol: 'simple' | 'prepared' = 'simple'): Raw {
  const dir = mkdtempSync(join(tmpdir(), 'mynapoint-pgbench-'));
  try {
    const file = join(dir, 'script.sql');
    writeFileSync(file, script);
    const r = spawnSync('pgbench', ['-n', '-M', protocol, '-c', String(clients), '-j', '2', '-T', String(seconds), '-f', file, '-l', `--log-prefix=${join(dir, 'log')}`, url], {
      encoding: 'utf8',
      env: { ...process.env, PGOPTIONS: `-c mynapoint.municipality_code=${BENCH_CITY} -c timezone=UTC` },
    });
    if (r.status !== 0) throw new Error(`pgbench failed: ${r.stderr}`);
    const tps = Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(r.stdout)?.[1]);
    const latencies: number[] = [];
    for (const f of readdirSync(dir).filter((x) => x.startsWith('log'))) {
      for (const line of readFileSync(join(dir, f), 'utf8').split('\n')) {
        const cols = line.split(' ');
        if (cols.length >= 3) latencies.push(Number(cols[2]) / 1000);
      }
    }
    return { perSecond: tps, ...percentiles(latencies) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The same SQL the list endpoint runs (page and total), with its values inlined. */
function listSql(spec: ListSpec, query: Record<string, unknown>): string[] {
  const q = parseListQuery(spec, query);
  const p = new SqlParams();
  const where = whereClause(spec, q.filter, p);
  const limit = q.range.end - q.range.start + 1;
  return [
    inlineParams(`SELECT ${selectList(spec)} FROM ${spec.from} ${where} ${orderBy(spec, q.sort)} LIMIT ${limit} OFFSET ${q.range.start}`, p.values),
    inlineParams(`SELECT count(*)::bigint AS total FROM ${spec.from} ${where}`, p.values),
  ];
}

const oneLine = (sql: string) => sql.replace(/\s+/g, ' ').trim() + ';\n';

describe(`app bench (${QUICK ? 'quick: a tenth of the prefecture' : 'prefecture scale'})`, () => {
  let ds: Dataset;
  let app: ReturnType<typeof spawn>;
  let base: string;
  /** The tables' owner (no row-level security): the bench's own set-up and clean-up. */
  let db: Pool;
  /** The API's role as the bench city: the raw baselines. */
  let rawDb: Pool;
  let rawUrl: string;
  const tokens: Record<string, string> = {};
  const rows: ResultRow[] = [];
  const push = (r: Omit<ResultRow, 'load'>) => {
    const row = { ...r, load: loadAverage() };
    rows.push(row);
    log(`${r.pass === null ? '·' : r.pass ? '✓' : '✗'} ${r.bench}: ${r.measured} | raw ${r.raw} | ${r.ratio}`);
    writeFileSync(join(OUT, 'app.json'), JSON.stringify(rows, null, 2)); // kept after every row: a crash loses nothing
  };

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    ds = await ensureDataset(process.env.DATABASE_URL!, QUICK, log);
    log(`dataset ${ds.database}: ${ds.reused ? 'reused' : 'generated'} in ${ds.seconds.toFixed(1)} s`);
    await ensureCardUptakeFigures(ds.url, ds.config, log);
    db = new Pool({ connectionString: ds.url, options: connectionOptions(ds.config), max: 4 });
    rawUrl = ds.config.appDatabaseUrl;
    rawDb = new Pool({ connectionString: rawUrl, options: connectionOptions({ municipalityCode: BENCH_CITY }), max: 4 });
    writeFileSync(
      join(OUT, 'dataset.json'),
      JSON.stringify({ database: ds.database, scale: ds.scale, municipalities: ds.towns.length, reused: ds.reused, seconds: ds.seconds, steps: ds.steps }, null, 2),
    );

    if (!existsSync(API_MAIN)) throw new Error(`${API_MAIN} is missing: the runner builds it (npm run bench)`);
    ({ child: app, base } = await startApp(ds));
    meter.api = app.pid;
    meter.postgres = await postmasterPid(db);
    // The bench city's users (the installation's default municipality: no code), and the prefecture's.
    for (const username of ['admin', 'policy', 'manager', 'prefecture']) {
      const r = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
      if (!r.ok) throw new Error(`login ${username}: ${r.status}`);
      tokens[username] = ((await r.json()) as { accessToken: string }).accessToken;
    }
    // Warm the app's code paths before anything is timed, with cheap requests only: an
    // unfiltered list would leave multi-second count(*) queries running into the first
    // measurement after the load generator stops.
    await load({ url: `${base}/api/point-awards/1`, token: tokens.admin, connections: 4, seconds: 2 });
  }, 60 * 60_000);

  afterAll(async () => {
    if (app) await stopApp(app);
    await db?.end();
    await rawDb?.end();
  });

  const lists: Array<[string, ListSpec, () => Record<string, string>]> = [
    // The participant page's award ledger: one person's awards, newest first.
    ['point-awards', pointAwardsListSpec, () => ({ filter: JSON.stringify({ participantId: Math.round(ds.scale.applications / 2) }) })],
    // Everyone who chose one (smaller) payment service.
    ['participants', participantsListSpec, () => ({ filter: JSON.stringify({ paymentServiceId: 40 }) })],
    // One clerk's visits, newest first.
    ['assistance-records', assistanceRecordsListSpec, () => ({ filter: JSON.stringify({ staffId: 7 }) })],
  ];

  for (const [resource, spec, query] of lists) {
    it(`list ${resource}`, async () => {
      const q: Record<string, string> = { range: '[0,24]', ...query() };
      const url = `${base}/api/${resource}?${new URLSearchParams(q)}`;
      const app = await load({ url, token: tokens.admin, connections: 10, seconds: SECONDS });
      const raw = pgbench(rawUrl, listSql(spec, q).map(oneLine).join(''), 10);
      // The app keeps a list page's statement prepared: the same SQL prepared raw, for reference (the ratio stays to the first).
      const prepared = pgbench(rawUrl, listSql(spec, q).map(oneLine).join(''), 10, SECONDS, 'prepared');
      const ratio = app.okPerSecond / raw.perSecond;
      push({
        section: 'list',
        bench: `GET /api/${resource} (25 rows, default sort, filter ${q.filter}) at 10 clients`,
        target: '≥ 40% of raw, API CPU ≤ 0.35 ms/req, p95 < 10 ms',
        measured: `${fmt(app.okPerSecond)} req/s, ${lat(app)}${cpuNote(app)}`,
        raw: `${fmt(raw.perSecond)} pages/s (page + count), ${lat(raw)}; prepared ${fmt(prepared.perSecond)} pages/s`,
        ratio: `${fmt(ratio * 100, 1)}% (${fmt((app.okPerSecond / prepared.perSecond) * 100, 1)}% of prepared)`,
        pass: ratio >= 0.4 && app.apiCpuMs! <= 0.35 && app.p95 < 10 && app.ok === app.requests,
        detail: { app, raw, prepared, sql: listSql(spec, q) },
      });
    });
  }

  it('get a point award by id', async () => {
    const max = ds.scale.pointAwards;
    const ids = Array.from({ length: 2000 }, (_, i) => 1 + ((i * 2654435761) % max));
    const app = await load({ url: `${base}/api/point-awards/1`, kind: 'get-by-id', path: '/api/point-awards', ids, token: tokens.admin, connections: 10, seconds: SECONDS });
    const sql = `SELECT ${selectList(pointAwardsListSpec)} FROM ${pointAwardsListSpec.from} WHERE pa.id = :id`;
    const raw = pgbench(rawUrl, `\\set id random(1, ${max})\n${oneLine(sql)}`, 10);
    const prepared = pgbench(rawUrl, `\\set id random(1, ${max})\n${oneLine(sql)}`, 10, SECONDS, 'prepared');
    push({
      section: 'get',
      bench: 'GET /api/point-awards/:id at 10 clients',
      target: '≥ 40% of raw, API CPU ≤ 0.35 ms/req, ≥ 3,000 req/s',
      measured: `${fmt(app.okPerSecond)} req/s, ${lat(app)}${cpuNote(app)}`,
      raw: `${fmt(raw.perSecond)} queries/s, ${lat(raw)}; prepared ${fmt(prepared.perSecond)} queries/s`,
      ratio: `${fmt((app.okPerSecond / raw.perSecond) * 100, 1)}% (${fmt((app.okPerSecond / prepared.perSecond) * 100, 1)}% of prepared)`,
      pass: app.okPerSecond / raw.perSecond >= 0.4 && app.apiCpuMs! <= 0.35 && app.okPerSecond >= 3000 && app.ok === app.requests,
      detail: { app, raw, prepared },
    });
  });

  // Issue #24: the same reads served by API_PROCESSES=2 (Node's cluster: two workers on
  // one port), beside the one-process figures above (same data, same run).
  it('get by id and a list page with 2 API processes', async () => {
    const cluster = await startApp(ds, { API_PROCESSES: '2' });
    const single = meter.api;
    meter.api = cluster.child.pid;
    try {
      const r = await fetch(`${cluster.base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: DEMO_PASSWORD }) });
      const token = ((await r.json()) as { accessToken: string }).accessToken;
      const max = ds.scale.pointAwards;
      const ids = Array.from({ length: 2000 }, (_, i) => 1 + ((i * 2654435761) % max));
      await load({ url: `${cluster.base}/api/point-awards/1`, token, connections: 4, seconds: 2 }); // warm both workers
      const [resource, , query] = lists[0];
      const cases: Array<[string, string, Record<string, unknown>]> = [
        ['get', 'GET /api/point-awards/:id at 10 clients', { url: `${cluster.base}/api/point-awards/1`, kind: 'get-by-id', path: '/api/point-awards', ids }],
        ['list', `GET /api/${resource} (25 rows, default sort, filter ${query().filter}) at 10 clients`, { url: `${cluster.base}/api/${resource}?${new URLSearchParams({ range: '[0,24]', ...query() })}` }],
      ];
      for (const [section, bench, cfg] of cases) {
        const two = await load({ ...cfg, token, connections: 10, seconds: SECONDS });
        const one = rows.find((x) => x.section === section && x.bench === bench)?.detail?.app as Load | undefined;
        push({
          section: 'processes',
          bench: `${bench}, 2 API processes (API_PROCESSES=2)`,
          target: 'beside 1 process',
          measured: `${fmt(two.okPerSecond)} req/s, ${lat(two)}${cpuNote(two)}`,
          raw: one ? `1 process: ${fmt(one.okPerSecond)} req/s, ${lat(one)}` : '1 process: not run (BENCH_ONLY)',
          ratio: one ? `${fmt(two.okPerSecond / one.okPerSecond, 2)}× 1 process` : '—',
          pass: two.ok === two.requests ? null : false,
          detail: { app: two },
        });
      }
    } finally {
      meter.api = single;
      await stopApp(cluster.child);
    }
  });

  it('create a point award (with its audit row)', async () => {
    const { rows: targets } = await db.query<{ p: number; s: number }>(
      `SELECT participant_id AS p, payment_service_id AS s FROM applications TABLESAMPLE SYSTEM (5) WHERE municipality_code = $1 LIMIT 5000`,
      [BENCH_CITY],
    );
    const prefix = `BENCH-${Date.now().toString(36)}-`;
    const audit0 = (await db.query<{ n: string }>(`SELECT max(id) AS n FROM audit_logs`)).rows[0].n ?? 0;
    const app = await load({
      url: `${base}/api/point-awards`,
      method: 'POST',
      kind: 'point-award',
      prefix,
      targets: targets.map((t) => [t.p, t.s]),
      token: tokens.policy,
      connections: 10,
      seconds: SECONDS,
    });
    const [{ created, audited }] = (
      await db.query<{ created: number; audited: number }>(
        `SELECT (SELECT count(*)::int FROM point_awards WHERE external_id LIKE $1 || '%') AS created,
                (SELECT count(*)::int FROM audit_logs WHERE id > $2 AND resource = 'point-awards' AND action = 'create') AS audited`,
        [prefix, audit0],
      )
    ).rows;
    // The raw two-row transaction: the award (its service looked up like the app does) and an audit row.
    const raw = pgbench(
      rawUrl,
      `\\set p random(1, ${ds.scale.applications})\n\\set r random(1, 999999999999)\nBEGIN;\n` +
        oneLine(`INSERT INTO point_awards (participant_id, campaign_id, payment_service_id, external_id, transaction_date, kind, amount_yen, points)
                 SELECT participant_id, 1, payment_service_id, 'RAW-' || :r, '2021-06-01', 'purchase', 1000, 0 FROM applications WHERE participant_id = :p
                 ON CONFLICT DO NOTHING`) +
        oneLine(`INSERT INTO audit_logs (user_id, username, action, resource, resource_id, changes) VALUES (2, 'policy', 'create', 'point-awards', 'RAW-' || :r, '{"amountYen":1000}')`) +
        'COMMIT;\n',
      10,
    );
    // Put the dataset back as it was (the awards and their points; audit rows stay: append-only).
    await db.query(
      `WITH gone AS (DELETE FROM point_awards WHERE external_id LIKE 'BENCH-%' OR external_id LIKE 'RAW-%' RETURNING participant_id, points)
       UPDATE participants p SET points_total = p.points_total - g.s FROM (SELECT participant_id, sum(points)::int AS s FROM gone GROUP BY 1) g WHERE p.id = g.participant_id`,
    );
    const ratio = app.okPerSecond / raw.perSecond;
    push({
      section: 'create',
      bench: 'POST /api/point-awards (award + audit row, cap engine) at 10 clients',
      target: '≥ 2× the rate before issue #24 (then 26% of raw): ≥ 52% of raw',
      measured: `${fmt(app.okPerSecond)} req/s, ${lat(app)}${cpuNote(app)}`,
      raw: `${fmt(raw.perSecond)} tx/s (2-row insert transaction), ${lat(raw)}`,
      ratio: `${fmt(ratio * 100, 1)}%`,
      // Requests still in flight when the load generator stops (at most one per
      // connection) complete on the server without being counted: every award the app
      // created must have its audit row, and none may be missing from the answers.
      pass: ratio >= 0.52 && app.ok === app.requests && created >= app.ok && created <= app.ok + 10 && audited === created,
      detail: { app, raw, created, audited },
    });
  });

  const PERIOD = 'from=2020-07-01&to=2021-12-31&interval=month';
  // What each stats endpoint would otherwise compute from the big tables, per request.
  const SCANS: Record<string, string> = {
    summary: `SELECT (SELECT count(*) FROM reservations), (SELECT count(*) FROM applications),
                     (SELECT count(*) FILTER (WHERE points_total > 0) FROM participants), (SELECT sum(points) FROM point_awards),
                     (SELECT avg((points_total >= cap_yen)::int) FROM participants), (SELECT sum(capacity - used) FROM reservation_quotas),
                     (SELECT count(*) FROM assistance_records WHERE visited_at >= '2021-12-01'), (SELECT count(*) FROM fraud_alerts WHERE status IN ('new','investigating'))`,
    uptake: `SELECT d, channel, count(*) FROM (
               SELECT date_trunc('day', reserved_at AT TIME ZONE 'Asia/Tokyo') d, channel FROM reservations
               UNION ALL SELECT date_trunc('day', applied_at AT TIME ZONE 'Asia/Tokyo'), channel FROM applications) x GROUP BY 1, 2`,
    points: `SELECT date_trunc('month', transaction_date), payment_service_id, sum(points), count(*) FROM point_awards GROUP BY 1, 2`,
    counter: `SELECT extract(isodow FROM visited_at AT TIME ZONE 'Asia/Tokyo'), extract(hour FROM visited_at AT TIME ZONE 'Asia/Tokyo'), outcome, unable_reason, count(*)
              FROM assistance_records GROUP BY 1, 2, 3, 4`,
    fraud: `SELECT date_trunc('week', reported_at), channel, impersonated, count(*), sum(damage_yen) FROM fraud_alerts GROUP BY 1, 2, 3`,
    // Ten years of monthly figures of the bench's municipality, summed by month (of 30 municipalities' in the table).
    'card-uptake': `SELECT date_trunc('month', as_of), sum(population), sum(card_applications), sum(cards_issued) FROM population_figures
                    WHERE municipality_code = '${BENCH_CITY}' GROUP BY 1`,
    // Every measure's applications, participants with points and at the cap, points and awards.
    measures: `WITH per AS (SELECT p.measure_id, count(a.id) AS applications, count(*) FILTER (WHERE p.points_total > 0) AS with_points,
                                count(*) FILTER (WHERE p.points_total >= p.cap_yen) AS at_cap, sum(p.points_total) AS points
                           FROM participants p LEFT JOIN applications a ON a.participant_id = p.id GROUP BY p.measure_id),
                    awards AS (SELECT p.measure_id, count(*) AS n FROM point_awards pa JOIN participants p ON p.id = pa.participant_id GROUP BY p.measure_id)
               SELECT * FROM per LEFT JOIN awards USING (measure_id)`,
    // The comparison of the prefecture's municipalities side by side: uptake per municipality.
    municipalities: `SELECT municipality_code, count(*) FROM (SELECT municipality_code FROM reservations UNION ALL SELECT municipality_code FROM applications) x GROUP BY 1`,
  };

  /** The scan's time, 3 runs on one connection of `pool`. */
  async function scan(pool: Pool, sql: string): Promise<Raw> {
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = process.hrtime.bigint();
      await pool.query(sql);
      times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    return { perSecond: 1000 / (times.reduce((a, b) => a + b, 0) / times.length), ...percentiles(times) };
  }

  it('stats endpoints', async () => {
    for (const name of ['summary', 'uptake', 'points', 'counter', 'fraud', 'card-uptake', 'measures']) {
      // The measures' figures are standing totals: no period.
      const url = `${base}/api/stats/${name}${name === 'measures' ? '' : `?${PERIOD}`}`;
      const probe = await fetch(url, { headers: { authorization: `Bearer ${tokens.admin}` } });
      const app = probe.ok ? await load({ url, token: tokens.admin, connections: 4, seconds: SECONDS }) : null;
      const raw = await scan(rawDb, SCANS[name]);
      push({
        section: 'stats',
        bench: `GET /api/stats/${name} at 4 clients`,
        target: 'p95 < 50 ms',
        measured: app ? `${fmt(app.okPerSecond)} req/s, ${lat(app)}` : `not served (${probe.status})`,
        raw: `aggregate scan ${ms(raw.p50)} each (1 client, 3 runs)`,
        ratio: app ? `${fmt(app.okPerSecond / raw.perSecond, 0)}×` : 'n/a',
        pass: app ? app.p95 < 50 && app.ok === app.requests : false,
        detail: { app, raw, status: probe.status },
      });
    }
  });

  // The prefecture's dashboard: its user reads the rollups of every municipality of the
  // prefecture (summed). PREFECTURE_COMPARISON is the endpoint comparing them side by
  // side; until it is served, its row says so and counts as neither pass nor fail.
  const PREFECTURE_DASHBOARD = ['summary', 'uptake'];
  const PREFECTURE_COMPARISON = 'municipalities';

  it('prefecture dashboard across the municipalities', async () => {
    for (const name of [...PREFECTURE_DASHBOARD, PREFECTURE_COMPARISON]) {
      const url = `${base}/api/stats/${name}?${PERIOD}`;
      const probe = await fetch(url, { headers: { authorization: `Bearer ${tokens.prefecture}` } });
      const served = probe.ok;
      const app = served ? await load({ url, token: tokens.prefecture, connections: 4, seconds: SECONDS }) : null;
      // Raw: the same aggregate over every municipality's rows (the owner's connection).
      const raw = await scan(db, SCANS[name]);
      push({
        section: 'prefecture',
        bench: `GET /api/stats/${name} as the prefecture (${ds.towns.length} municipalities, summed) at 4 clients`,
        target: 'p95 < 100 ms',
        measured: app ? `${fmt(app.okPerSecond)} req/s, ${lat(app)}` : `not served yet (${probe.status})`,
        raw: `aggregate scan over every municipality ${ms(raw.p50)} each (1 client, 3 runs)`,
        ratio: app ? `${fmt(app.okPerSecond / raw.perSecond, 0)}×` : 'n/a',
        pass: app ? app.p95 < 100 && app.ok === app.requests : name === PREFECTURE_COMPARISON ? null : false,
        detail: { app, raw, status: probe.status },
      });
    }
  });

  it('quota reservations (and no oversell)', async () => {
    // A campaign and quotas of the bench's own, emptied before each run, so the city's data stays as generated.
    const c = await db.connect();
    let quotaId: number;
    let rawQuotaId: number;
    let raceQuotaId: number;
    try {
      await c.query(`INSERT INTO campaigns (name, reservation_opens_on, reservation_closes_on, application_opens_on, application_closes_on, earning_starts_on, earning_ends_on, award_rate_percent, cap_per_person_yen)
                     VALUES ('ベンチ予約（計測用）', '2020-01-01', '2030-12-31', '2020-01-01', '2030-12-31', '2020-01-01', '2030-12-31', 25, 5000)
                     ON CONFLICT DO NOTHING`);
      const campaign = (await c.query<{ id: number }>(`SELECT id FROM campaigns WHERE name = 'ベンチ予約（計測用）'`)).rows[0].id;
      await c.query(`DELETE FROM reservations WHERE quota_id IN (SELECT id FROM reservation_quotas WHERE campaign_id = $1)`, [campaign]);
      await c.query(`DELETE FROM participants WHERE campaign_id = $1`, [campaign]);
      const quota = async (name: string, capacity: number) => {
        await c.query(`DELETE FROM reservation_quotas WHERE campaign_id = $1 AND name = $2`, [campaign, name]);
        return (
          await c.query<{ id: number }>(
            `INSERT INTO reservation_quotas (campaign_id, name, capacity, opens_at, closes_at) VALUES ($1, $2, $3, '2020-01-01', '2030-12-31') RETURNING id`,
            [campaign, name, capacity],
          )
        ).rows[0].id;
      };
      quotaId = await quota('app', 5_000_000);
      rawQuotaId = await quota('raw', 5_000_000);
      raceQuotaId = await quota('race', RACE_CAPACITY);
    } finally {
      c.release();
    }
    const run = Date.now().toString(36).slice(-1).toUpperCase();
    // Each run starts from a vacuumed quota table: the versions a 50-client run leaves
    // on the hot row (earlier runs, the other side's run) would otherwise slow whichever
    // side is measured after them (measured: the same raw script 196 → 118 tx/s in two
    // consecutive runs, back after VACUUM).
    const vacuumed = () => db.query('VACUUM reservation_quotas');
    await vacuumed();
    const app = await load({ url: `${base}/api/reservations`, method: 'POST', kind: 'reservation', quotaId, prefix: `Q${run}`, token: tokens.policy, connections: 50, seconds: SECONDS });
    await vacuumed();
    const raw = pgbench(rawUrl, oneLine(`UPDATE reservation_quotas SET used = used + 1 WHERE id = ${rawQuotaId} AND used < capacity AND now() >= opens_at AND now() < closes_at`), 50);
    // And the app's own transaction, replayed raw (what the API does, in its order): the
    // participant in the quota's campaign, then one statement taking the unit, inserting
    // the reservation and reading it back, the audit row, commit.
    await vacuumed();
    const shape = pgbench(
      rawUrl,
      `BEGIN;\n` +
        oneLine(`INSERT INTO participants (campaign_id, mykey_hash, mykey_last4, cap_yen, reserved_at)
                 SELECT c.id, sha256((random()::text || clock_timestamp()::text)::bytea), 'RAW0', c.cap_per_person_yen, now()
                 FROM reservation_quotas q JOIN campaigns c ON c.id = q.campaign_id WHERE q.id = ${rawQuotaId} FOR SHARE OF c
                 ON CONFLICT DO NOTHING RETURNING id AS participant_id`).replace(/;\n$/, ' \\gset\n') +
        oneLine(`WITH unit AS (UPDATE reservation_quotas SET used = used + 1 WHERE id = ${rawQuotaId} AND used < capacity AND now() >= opens_at AND now() < closes_at RETURNING id),
                 r AS (INSERT INTO reservations (quota_id, participant_id, channel, reserved_at) SELECT unit.id, :participant_id, 'counter', now() FROM unit RETURNING *)
                 SELECT r.id, r.quota_id, p.campaign_id, '****' || p.mykey_last4, r.channel, r.reserved_at, r.created_at,
                        EXISTS (SELECT 1 FROM applications a WHERE a.participant_id = r.participant_id)
                 FROM r JOIN participants p ON p.id = r.participant_id`) +
        oneLine(`INSERT INTO audit_logs (user_id, username, action, resource, resource_id, changes) VALUES (2, 'policy', 'create', 'reservations', NULL, '{"channel":"counter"}')`) +
        'COMMIT;\n',
      50,
    );
    await vacuumed();
    // A race to the last units: 50 clients against RACE_CAPACITY places, long enough to fill them.
    const race = await load({ url: `${base}/api/reservations`, method: 'POST', kind: 'reservation', quotaId: raceQuotaId, prefix: `R${run}`, token: tokens.policy, connections: 50, seconds: 6 });
    const { rows: check } = await db.query<{ id: number; used: number; capacity: number; reservations: number }>(
      `SELECT q.id, q.used, q.capacity, (SELECT count(*)::int FROM reservations r WHERE r.quota_id = q.id) AS reservations FROM reservation_quotas q WHERE q.id = ANY($1)`,
      [[quotaId, raceQuotaId]],
    );
    const oversold = check.filter((q) => q.used > q.capacity || q.used !== q.reservations);
    const raced = check.find((q) => q.id === raceQuotaId)!;
    const ratio = app.okPerSecond / raw.perSecond;
    push({
      section: 'quota',
      bench: 'POST /api/reservations (participant + reservation + quota unit) at 50 clients',
      target: '≥ 50% of raw, 0 oversold',
      measured: `${fmt(app.okPerSecond)} req/s, ${lat(app)}; race: ${raced.used}/${raced.capacity} taken, ${race.statuses['409'] ?? 0} refused, ${oversold.length} oversold`,
      raw: `${fmt(raw.perSecond)} single-row UPDATEs/s, ${lat(raw)}; the app's transaction replayed raw: ${fmt(shape.perSecond)} tx/s (app = ${fmt((app.okPerSecond / shape.perSecond) * 100)}% of it)`,
      ratio: `${fmt(ratio * 100, 1)}%`,
      pass: ratio >= 0.5 && oversold.length === 0 && raced.used === raced.capacity && app.ok === app.requests,
      detail: { app, raw, shape, race, check },
    });
  });

  it('appointment bookings (and no overbooking)', async () => {
    // A desk of the bench's own with slots tomorrow, emptied before each run: the app's and the
    // raw side's slots apart, and one slot of 100 seats for the race.
    const SLOTS = 2000;
    const c = await db.connect();
    const slots = async (desk: number, count: number, offsetMinutes: number) =>
      (
        await c.query<{ id: number }>(
          `INSERT INTO appointment_slots (desk_id, starts_at, ends_at, capacity)
           SELECT $1, date_trunc('day', now()) + interval '2 days' + make_interval(mins => $3 + i), date_trunc('day', now()) + interval '2 days' + make_interval(mins => $3 + i + 30), 100
             FROM generate_series(0, $2 - 1) AS i RETURNING id`,
          [desk, count, offsetMinutes],
        )
      ).rows.map((r) => r.id);
    let appSlots: number[];
    let rawSlots: number[];
    let raceSlot: number;
    let deskId: number;
    let policyId: number;
    try {
      policyId = (await c.query<{ id: number }>(`SELECT id FROM users WHERE username = 'policy' AND municipality_code = $1`, [BENCH_CITY])).rows[0].id;
      await c.query(`INSERT INTO desks (name, office) VALUES ('ベンチ窓口（計測用）', 'main_office') ON CONFLICT DO NOTHING`);
      deskId = (await c.query<{ id: number }>(`SELECT id FROM desks WHERE name = 'ベンチ窓口（計測用）'`)).rows[0].id;
      await c.query(`DELETE FROM appointments WHERE slot_id IN (SELECT id FROM appointment_slots WHERE desk_id = $1)`, [deskId]);
      await c.query(`DELETE FROM appointment_slots WHERE desk_id = $1`, [deskId]);
      appSlots = await slots(deskId, SLOTS, 0);
      rawSlots = await slots(deskId, SLOTS, SLOTS);
      [raceSlot] = await slots(deskId, 1, 2 * SLOTS);
    } finally {
      c.release();
    }
    const vacuumed = () => db.query('VACUUM appointment_slots');
    await vacuumed();
    const app = await load({ url: `${base}/api/appointments`, method: 'POST', kind: 'appointment', slotIds: appSlots, token: tokens.policy, connections: 50, seconds: SECONDS });
    await vacuumed();
    // The same statement raw: the seat (take_slot_seats, the slot's guarded UPDATE) and the row in one CTE, and its audit row, per transaction.
    const raw = pgbench(
      rawUrl,
      `\\set s random(${rawSlots[0]}, ${rawSlots[rawSlots.length - 1]})\nBEGIN;\n` +
        oneLine(`WITH seat AS (SELECT take_slot_seats(:s, 1) AS id)
                 INSERT INTO appointments (slot_id, party_size, resident_name, phone, purpose, notes, walk_in, booked_by)
                 SELECT seat.id, 1, 'ベンチ 予約', NULL, ARRAY['point_application'], NULL, false, ${policyId} FROM seat WHERE seat.id IS NOT NULL RETURNING id`) +
        oneLine(`INSERT INTO audit_logs (user_id, username, action, resource, resource_id, changes) VALUES (${policyId}, 'policy', 'create', 'appointments', NULL, '{"partySize":1}')`) +
        'COMMIT;\n',
      50,
    );
    await vacuumed();
    // A race to the last seats: 50 clients against one slot of 100.
    const race = await load({ url: `${base}/api/appointments`, method: 'POST', kind: 'appointment', slotIds: [raceSlot], token: tokens.policy, connections: 50, seconds: 4 });
    const { rows: check } = await db.query<{ id: number; booked: number; capacity: number; held: number }>(
      `SELECT s.id, s.booked, s.capacity, coalesce((SELECT sum(a.party_size) FROM appointments a WHERE a.slot_id = s.id AND a.status <> 'cancelled'), 0)::int AS held
         FROM appointment_slots s WHERE s.desk_id = $1`,
      [deskId],
    );
    const overbooked = check.filter((s) => s.booked > s.capacity || s.booked !== s.held);
    const raced = check.find((s) => s.id === raceSlot)!;
    const ratio = app.okPerSecond / raw.perSecond;
    push({
      section: 'desks',
      bench: 'POST /api/appointments (seats + appointment, one statement) at 50 clients',
      target: '≥ 50% of raw, 0 overbooked',
      measured: `${fmt(app.okPerSecond)} req/s, ${lat(app)}; race: ${raced.booked}/${raced.capacity} seats, ${race.statuses['409'] ?? 0} refused, ${overbooked.length} overbooked`,
      raw: `${fmt(raw.perSecond)} tx/s (the same seat-and-row statement + audit row), ${lat(raw)}`,
      ratio: `${fmt(ratio * 100, 1)}%`,
      pass: ratio >= 0.5 && overbooked.length === 0 && raced.booked === raced.capacity && app.ok === app.requests,
      detail: { app, raw, race, overbooked: overbooked.length },
    });
  });

  it('CSV export of every point award', async () => {
    const plan = new ExportsService(undefined as never, undefined as never, {} as never).plan('point-awards', { format: 'csv' }, { role: 'manager' } as AuthUser);
    // Raw: the same SELECT through COPY TO STDOUT, read to the end.
    const client = new Client({ connectionString: rawUrl, options: connectionOptions({ municipalityCode: BENCH_CITY }) });
    await client.connect();
    let rawRows = 0;
    const r0 = process.hrtime.bigint();
    try {
      await new Promise<void>((resolve, reject) => {
        const s = client.query(copyTo(`COPY (${exportStatement(plan)}) TO STDOUT WITH (FORMAT csv)`));
        s.on('data', (chunk: Buffer) => {
          for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) rawRows++;
        });
        s.on('end', resolve);
        s.on('error', reject);
      });
    } finally {
      await client.end();
    }
    const rawSeconds = Number(process.hrtime.bigint() - r0) / 1e9;

    const rss = () => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${app.pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;
    const rss0 = rss();
    let peak = rss0;
    const sampler = setInterval(() => (peak = Math.max(peak, rss())), 50);
    const t0 = process.hrtime.bigint();
    let lines = 0;
    let bytes = 0;
    const status = await new Promise<number>((resolve, reject) => {
      httpGet(`${base}/api/exports/point-awards?format=csv`, { headers: { authorization: `Bearer ${tokens.manager}` } }, (res) => {
        res.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
        });
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      }).on('error', reject);
    });
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    clearInterval(sampler);
    const rows_ = lines - 1; // the header
    const rate = rows_ / seconds;
    const rawRate = rawRows / rawSeconds;
    const growth = peak - rss0;
    push({
      section: 'export',
      bench: `GET /api/exports/point-awards?format=csv (${fmt(rows_)} rows, ${fmt(bytes / 1048576)} MB)`,
      target: '≥ 50% of raw, RSS growth < 100 MB',
      measured: `${fmt(rate)} rows/s in ${fmt(seconds, 1)} s, RSS ${fmt(rss0)} → peak ${fmt(peak)} MB (+${fmt(growth)} MB)`,
      raw: `COPY (same SELECT) TO STDOUT: ${fmt(rawRate)} rows/s in ${fmt(rawSeconds, 1)} s`,
      ratio: `${fmt((rate / rawRate) * 100, 1)}%`,
      pass: status === 200 && rows_ === rawRows && rate / rawRate >= 0.5 && growth < 100,
      detail: { status, rows: rows_, rawRows, seconds, rawSeconds, rss0, peak },
    });
  });

  it('dashboard fully drawn, and the first-load bundle', async () => {
    const browser = await launchBrowser();
    const times: number[] = [];
    let failure = '';
    try {
      const page = await newPage(browser, base);
      await login(page, 'policy');
      for (let i = 0; i < 5; i++) {
        await page.goto('about:blank');
        const t0 = Date.now();
        try {
          await page.goto(`${base}/#/`);
          await page.waitForSelector('[data-dashboard-ready="true"]', { timeout: 15_000 });
          times.push(Date.now() - t0);
        } catch (e) {
          failure = `no [data-dashboard-ready="true"] within 15 s (${(e as Error).message.split('\n')[0]})`;
          break;
        }
      }
    } finally {
      await browser.close();
    }
    const drawn = percentiles(times);
    push({
      section: 'ui',
      bench: 'dashboard fully drawn (policy; navigation → [data-dashboard-ready="true"]; median of 5)',
      target: '< 1,000 ms',
      measured: times.length ? `${ms(drawn.p50)} (runs: ${times.join(', ')} ms)` : failure,
      raw: '—',
      ratio: '—',
      pass: times.length ? drawn.p50 < 1000 : false,
      detail: { times, failure },
    });

    // The first load: index.html's entry chunk, every chunk it imports statically (transitively), and its CSS.
    const html = readFileSync(join(ADMIN_DIST, 'index.html'), 'utf8');
    const files = new Set<string>();
    const visit = (rel: string) => {
      const clean = rel.replace(/^\.?\//, '');
      if (files.has(clean) || !existsSync(join(ADMIN_DIST, clean))) return;
      files.add(clean);
      if (!clean.endsWith('.js')) return;
      const code = readFileSync(join(ADMIN_DIST, clean), 'utf8');
      const dir = clean.includes('/') ? clean.slice(0, clean.lastIndexOf('/') + 1) : '';
      for (const m of code.matchAll(/(?:^|[;\s})])import\s*(?:[^"'`()]*?from\s*)?["']([^"']+\.js)["']/g)) {
        const target = m[1].startsWith('./') ? dir + m[1].slice(2) : m[1].replace(/^\//, '');
        visit(target);
      }
    };
    for (const m of html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*\bhref)="([^"]+\.(?:js|css))"/g)) visit(m[1]);
    let gz = 0;
    let plain = 0;
    for (const f of files) {
      const buf = readFileSync(join(ADMIN_DIST, f));
      plain += buf.length;
      gz += gzipSync(buf, { level: 9 }).length;
    }
    push({
      section: 'ui',
      bench: `admin first-load bundle (${files.size} files: entry + static imports + CSS), gzipped`,
      target: '< 400 KB',
      measured: `${fmt(gz / 1024)} KB gzipped (${fmt(plain / 1024)} KB raw)`,
      raw: '—',
      ratio: '—',
      pass: gz < 400 * 1024,
      detail: { files: [...files], gz, plain },
    });
  });
});
