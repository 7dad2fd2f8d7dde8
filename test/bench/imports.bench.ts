import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { once } from 'node:events';
import { from as copyFrom } from 'pg-copy-streams';
import { digestMyKeyId } from '../../apps/api/src/common/mykey/mykey-hasher';
import { seededRandom } from '../../apps/api/src/database/seed/seed-context';
import { Client_, TestApp } from '../support/test-app';
import { TEST_HMAC_SECRET } from '../support/test-env';
import { sqlCampaign, sqlPaymentService, sqlQuota, waitForImport } from '../support/uptake-sql-fixtures';
import { BenchRow, report, timed } from './bench-report';
import { cpuMeter, loadAverage } from './machine';

// Imports at scale: 1,000,000 reservation rows and 1,000,000 point-award rows (an
// operator report for 250,000 participants, the cap applied), each against a raw
// PostgreSQL baseline: a plain COPY of the same file into an unlogged table.
const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const PARTICIPANTS = Math.max(1, Math.round(ROWS / 4));

describe('import bench', () => {
  let t: TestApp;
  let policy: Client_;
  const dir = mkdtempSync(join(tmpdir(), 'mynapoint-bench-'));
  const rows: BenchRow[] = [];

  beforeAll(async () => {
    t = await TestApp.start();
    policy = await t.as('policy');
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
    report('imports', rows);
  });

  const myKey = (prefix: string, i: number) => `${prefix}${i.toString(36).toUpperCase().padStart(7, '0')}`;

  async function writeFile(name: string, header: string, line: (i: number) => string): Promise<string> {
    const path = join(dir, name);
    const out = createWriteStream(path);
    out.write(header + '\n');
    let buf = '';
    for (let i = 0; i < ROWS; i++) {
      buf += line(i) + '\n';
      if (buf.length > 1 << 20) {
        if (!out.write(buf)) await once(out, 'drain');
        buf = '';
      }
    }
    out.end(buf);
    await once(out, 'finish');
    return path;
  }

  /** The baseline: the file into an unlogged table of text columns, nothing else. */
  async function rawCopy(path: string, columns: string[]): Promise<number> {
    const client = await t.db.connect();
    try {
      await client.query(`CREATE UNLOGGED TABLE IF NOT EXISTS raw_copy (${columns.map((c) => `${c} text`).join(', ')})`);
      await client.query('TRUNCATE raw_copy');
      const [, seconds] = await timed(() => pipeline(createReadStream(path), client.query(copyFrom('COPY raw_copy FROM STDIN WITH (FORMAT csv, HEADER true)'))));
      await client.query('DROP TABLE raw_copy');
      return seconds;
    } finally {
      client.release();
    }
  }

  /**
   * The floor: the file's rows written with one INSERT … SELECT each into bare
   * tables with the same columns and indexes as the real ones (no triggers, no
   * checks, no rules), logged like them. What any import keeping those indexes pays.
   */
  async function bareInsert(path: string, columns: string[], inserts: Array<[like: string, select: string]>): Promise<number> {
    const client = await t.db.connect();
    try {
      await client.query(`CREATE UNLOGGED TABLE raw_rows (${columns.map((c) => `${c} text`).join(', ')})`);
      await pipeline(createReadStream(path), client.query(copyFrom('COPY raw_rows FROM STDIN WITH (FORMAT csv, HEADER true)')));
      await client.query('ANALYZE raw_rows');
      for (const [like] of inserts) await client.query(`CREATE TABLE bare_${like} (LIKE ${like} INCLUDING INDEXES)`);
      const [, seconds] = await timed(async () => {
        for (const [like, select] of inserts) await client.query(`INSERT INTO bare_${like} ${select}`);
      });
      for (const [like] of inserts) await client.query(`DROP TABLE bare_${like}`);
      await client.query('DROP TABLE raw_rows');
      return seconds;
    } finally {
      client.release();
    }
  }

  async function runImport(type: string, path: string, fields: Record<string, number> = {}) {
    const cpu = await cpuMeter(t.db);
    const load = loadAverage();
    const [job, seconds] = await timed(async () => {
      let req = policy.post('/api/imports').field('type', type);
      for (const [k, v] of Object.entries(fields)) req = req.field(k, String(v));
      const res = await req.attach('file', path, { filename: `${type}.csv`, contentType: 'text/csv' });
      if (res.status !== 202) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
      return waitForImport(policy, res.body.id, [], 30 * 60_000);
    });
    const used = cpu();
    return [job, seconds, `CPU: PostgreSQL ${used.pg.toFixed(1)} s, Node ${used.node.toFixed(1)} s; load average at start ${load}`] as const;
  }

  it('imports 1,000,000 reservations', async () => {
    const campaignId = await sqlCampaign(t);
    const quotaId = await sqlQuota(t, campaignId, { capacity: 2 * ROWS });
    const random = seededRandom(1);
    const channels = ['self_smartphone', 'self_pc', 'counter'];
    const ages = ['under_20', '20s', '30s', '40s', '50s', '60s', '70_plus'];
    const districts = ['水原', '京ヶ瀬', '安田', '笹神'];
    const path = await writeFile('reservations.csv', 'myKeyId,reservedAt,channel,ageBand,district', (i) => {
      const minute = Math.floor(random() * 200 * 24 * 60);
      const at = new Date(Date.UTC(2020, 6, 1) + minute * 60_000).toISOString().replace('.000Z', 'Z');
      return `${myKey('R', i)},${at},${channels[i % 3]},${ages[i % 7]},${districts[i % 4]}`;
    });
    const baseline = await rawCopy(path, ['mykey_id', 'reserved_at', 'channel', 'age_band', 'district']);
    const [job, seconds, cpu] = await runImport('reservations', path);
    expect(job).toMatchObject({ status: 'done', rowsTotal: ROWS, accepted: ROWS, rejected: 0 });
    const [q] = await t.sql<{ used: number }>('SELECT used FROM reservation_quotas WHERE id = $1', [quotaId]);
    expect(q.used).toBe(ROWS);
    const floor = await bareInsert(path, ['mykey_id', 'reserved_at', 'channel', 'age_band', 'district'], [
      // reserved_at and payment_service_id are the participant list's copies; measure_id the campaign's first measure.
      ['participants', `SELECT row_number() OVER (), '000000', ${campaignId}, sha256(mykey_id::bytea), right(mykey_id, 4), 0, 5000, now(), NULL, NULL, (SELECT min(id) FROM measures WHERE campaign_id = ${campaignId}) FROM raw_rows`],
      ['reservations', `SELECT row_number() OVER (ORDER BY reserved_at::timestamptz), '000000', ${quotaId}, row_number() OVER (ORDER BY reserved_at::timestamptz), channel, reserved_at::timestamptz, age_band, district, NULL, NULL, 1, now() FROM raw_rows`],
    ]);
    rows.push({ name: 'raw COPY of the reservations file (unlogged, no rules)', rows: ROWS, seconds: baseline, note: 'PostgreSQL baseline' });
    rows.push({ name: 'floor: INSERT … SELECT into bare participants + reservations (same indexes, no triggers)', rows: ROWS, seconds: floor, note: 'PostgreSQL floor' });
    rows.push({ name: 'reservations import (HTTP upload → done)', rows: ROWS, seconds, note: cpu });
  });

  it('imports 1,000,000 point awards with the cap applied', async () => {
    const campaignId = await sqlCampaign(t);
    const quotaId = await sqlQuota(t, campaignId, { capacity: PARTICIPANTS });
    const serviceId = await sqlPaymentService(t);
    // The participants (with reservation and application), loaded directly.
    const client = await t.db.connect();
    try {
      await pipeline(
        (async function* () {
          let buf = '';
          for (let i = 0; i < PARTICIPANTS; i++) {
            const id = myKey('P', i);
            buf += `${campaignId}\t\\\\x${digestMyKeyId(TEST_HMAC_SECRET, id).hash.toString('hex')}\t${id.slice(-4)}\t5000\n`;
            if (buf.length > 1 << 20) {
              yield buf;
              buf = '';
            }
          }
          yield buf;
        })(),
        client.query(copyFrom('COPY participants (campaign_id, mykey_hash, mykey_last4, cap_yen) FROM STDIN')),
      );
    } finally {
      client.release();
    }
    await t.sql(
      `INSERT INTO reservations (quota_id, participant_id, channel, reserved_at) SELECT $1, id, 'self_pc', '2020-08-01T10:00:00+09:00' FROM participants WHERE campaign_id = $2`,
      [quotaId, campaignId],
    );
    await t.sql(`UPDATE reservation_quotas SET used = capacity WHERE id = $1`, [quotaId]);
    await t.sql(
      `INSERT INTO applications (participant_id, payment_service_id, applied_at, channel) SELECT id, $1, '2020-08-02T10:00:00+09:00', 'self_pc' FROM participants WHERE campaign_id = $2`,
      [serviceId, campaignId],
    );
    await t.sql('ANALYZE');

    const random = seededRandom(2);
    const path = await writeFile('points.csv', 'externalId,myKeyId,transactionDate,kind,amountYen', (i) => {
      const p = Math.floor(random() * PARTICIPANTS);
      const day = new Date(Date.UTC(2020, 8, 1) + Math.floor(random() * 200) * 86_400_000).toISOString().slice(0, 10);
      return `TX${i.toString().padStart(9, '0')},${myKey('P', p)},${day},${i % 2 ? 'charge' : 'purchase'},${1000 + Math.floor(random() * 19_000)}`;
    });
    const baseline = await rawCopy(path, ['external_id', 'mykey_id', 'transaction_date', 'kind', 'amount_yen']);
    const [job, seconds, cpu] = await runImport('point-awards', path, { paymentServiceId: serviceId });
    expect(job).toMatchObject({ status: 'done', rowsTotal: ROWS, accepted: ROWS, rejected: 0 });

    // The law, over every participant: total = min(Σ floor(25%), cap), and the ledger adds up.
    const [check] = await t.sql<{ wrong: number; capped: number }>(
      `SELECT count(*) FILTER (WHERE p.points_total <> LEAST(x.base, p.cap_yen) OR p.points_total <> x.awarded)::int AS wrong,
              count(*) FILTER (WHERE p.points_total = p.cap_yen)::int AS capped
       FROM participants p JOIN (SELECT participant_id, sum(amount_yen::bigint * 25 / 100) AS base, sum(points) AS awarded FROM point_awards GROUP BY 1) x
         ON x.participant_id = p.id`,
    );
    expect(check.wrong).toBe(0);
    const [{ first }] = await t.sql<{ first: number }>('SELECT min(id) AS first FROM participants WHERE campaign_id = $1', [campaignId]);
    const floor = await bareInsert(path, ['external_id', 'mykey_id', 'transaction_date', 'kind', 'amount_yen'], [
      [
        'point_awards',
        `SELECT row_number() OVER (), '000000', x.participant_id, ${campaignId}, ${serviceId}, external_id, transaction_date::date, kind, amount_yen::int, amount_yen::int / 4, NULL, NULL, now()
         FROM (SELECT r.*, ${first} + (hashtext(mykey_id) & 2147483647) % ${PARTICIPANTS} AS participant_id FROM raw_rows r) x
         ORDER BY x.participant_id, transaction_date, external_id`,
      ],
    ]);
    rows.push({ name: 'raw COPY of the operator report (unlogged, no rules)', rows: ROWS, seconds: baseline, note: 'PostgreSQL baseline' });
    rows.push({ name: 'floor: INSERT … SELECT into a bare point_awards (same indexes, no triggers)', rows: ROWS, seconds: floor, note: 'PostgreSQL floor' });
    rows.push({ name: 'point-award import (HTTP upload → done)', rows: ROWS, seconds, note: `${check.capped} of ${PARTICIPANTS} at the cap; ${cpu}` });
  });
});
