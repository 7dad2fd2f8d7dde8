import fc from 'fast-check';
import { Client as PgClient } from 'pg';
import { IMPORT_ROW_ERROR, ImportRowError, basePoints } from '@mynapoint/domain';
import { seededRandom } from '../../apps/api/src/database/seed/seed-context';
import { Client_, listQuery, TestApp, totalOf } from '../support/test-app';
import { importCsv, newMyKeyId, sqlCampaign, sqlParticipant, sqlPaymentService, sqlQuota, uploadCsv, waitForImport } from '../support/uptake-sql-fixtures';

const err = (line: number, code: ImportRowError) => ({ line, message: IMPORT_ROW_ERROR.labels[code].ja });
const csv = (...lines: string[]) => lines.join('\r\n') + '\r\n';
const HEADER = 'externalId,myKeyId,transactionDate,kind,amountYen';
let txSeq = 0;
const txId = (prefix = 'TX') => `${prefix}-${process.pid}-${++txSeq}`;

interface Tx {
  externalId: string;
  myKeyId: string;
  transactionDate: string;
  kind: 'charge' | 'purchase';
  amountYen: number;
}
const row = (t: Tx) => `${t.externalId},${t.myKeyId},${t.transactionDate},${t.kind},${t.amountYen}`;

describe('point-awards', () => {
  let t: TestApp;
  let policy: Client_;
  let campaignId: number;
  let quotaId: number;
  let service: number;
  let otherService: number;

  /** A participant who reserved and applied to `service` (or the one given). */
  const applicant = async (serviceId = service) => (await sqlParticipant(t, { campaignId, quotaId, paymentServiceId: serviceId })).myKeyId;
  const create = (body: Partial<Tx> & { myKeyId: string; paymentServiceId?: number }) =>
    policy.post('/api/point-awards').send({
      paymentServiceId: service,
      externalId: txId(),
      transactionDate: '2020-10-01',
      kind: 'charge',
      amountYen: 1000,
      ...body,
    });

  /** The law, for each participant: points_total = Σ awarded points = min(Σ floor(amount × 25%), cap). */
  async function ledgerOf(myKeyIds: string[]) {
    return t.sql<{ last4: string; total: number; awarded: number; base: number; cap: number; awards: number }>(
      `SELECT p.mykey_last4 AS last4, p.points_total AS total, p.cap_yen AS cap,
              COALESCE(sum(pa.points), 0)::int AS awarded, COALESCE(sum(pa.amount_yen::bigint * 25 / 100), 0)::int AS base, count(pa.id)::int AS awards
       FROM participants p LEFT JOIN point_awards pa ON pa.participant_id = p.id
       WHERE p.campaign_id = $1 AND p.mykey_last4 = ANY($2)
       GROUP BY p.municipality_code, p.id ORDER BY p.mykey_last4`,
      [campaignId, myKeyIds.map((k) => k.slice(-4))],
    );
  }
  function expectLaw(rows: Awaited<ReturnType<typeof ledgerOf>>) {
    for (const r of rows) {
      expect(r.total).toBeLessThanOrEqual(r.cap);
      expect(r.awarded).toBe(r.total);
      expect(r.total).toBe(Math.min(r.base, r.cap));
    }
  }

  beforeAll(async () => {
    // Small chunks: every import runs several transactions, two at a time.
    // The property test starts dozens of imports a minute as one user: lift the per-user limit.
    t = await TestApp.start({ config: { importChunkRows: 7, importApplyWorkers: 2, rateLimitImportsPerMinute: 100_000 } });
    policy = await t.as('policy');
    campaignId = await sqlCampaign(t);
    quotaId = await sqlQuota(t, campaignId);
    service = await sqlPaymentService(t);
    otherService = await sqlPaymentService(t);
  });
  afterAll(() => t.close());

  describe('single create (corrections)', () => {
    it('holds the city page examples', async () => {
      const [a, b, c, d] = [await applicant(), await applicant(), await applicant(), await applicant()];
      const charge = await create({ myKeyId: a, kind: 'charge', amountYen: 20_000 }).expect(201);
      expect(charge.body).toMatchObject({ points: 5000, participantPointsTotal: 5000, capYen: 5000, capReached: true, participantRef: `****${a.slice(-4)}` });
      expect((await create({ myKeyId: b, kind: 'purchase', amountYen: 30_000 }).expect(201)).body.points).toBe(5000);
      expect((await create({ myKeyId: c, amountYen: 4000, transactionDate: '2020-09-05' }).expect(201)).body.points).toBe(1000);
      expect((await create({ myKeyId: c, amountYen: 16_000, transactionDate: '2020-09-20' }).expect(201)).body.points).toBe(4000);
      expect((await create({ myKeyId: d, amountYen: 19_999 }).expect(201)).body.points).toBe(4999);
      // Past the cap a transaction is recorded with 0 points, never negative.
      expect((await create({ myKeyId: a, amountYen: 8000 }).expect(201)).body.points).toBe(0);
      expectLaw(await ledgerOf([a, b, c, d]));
    });

    it('answers with the record, never the MyKey ID, and audits without it', async () => {
      const key = await applicant();
      const externalId = txId();
      const res = await create({ myKeyId: key, externalId, amountYen: 4000, kind: 'purchase', transactionDate: '2020-12-24' }).expect(201);
      expect(res.body).toEqual({
        id: expect.any(Number),
        participantId: expect.any(Number),
        participantRef: `****${key.slice(-4)}`,
        paymentServiceId: service,
        campaignId,
        // Issue #19: the participant's measure (the campaign's one, here).
        measureId: expect.any(Number),
        externalId,
        transactionDate: '2020-12-24',
        kind: 'purchase',
        amountYen: 4000,
        points: 1000,
        importId: null,
        createdBy: expect.any(Number),
        createdAt: expect.any(String),
        participantPointsTotal: 1000,
        capYen: 5000,
        capReached: false,
      });
      expect(JSON.stringify(res.body)).not.toContain(key);
      await policy.get(`/api/point-awards/${res.body.id}`).expect(200, res.body);
      const [log] = await t.sql<{ action: string; changes: Record<string, unknown> }>(
        `SELECT action, changes FROM audit_logs WHERE resource = 'point-awards' AND resource_id = $1`,
        [String(res.body.id)],
      );
      expect(log.action).toBe('create');
      expect(log.changes).toMatchObject({ externalId, amountYen: 4000 });
      expect(JSON.stringify(log.changes)).not.toContain(key);
    });

    it.each([
      ['a date outside the earning period', { transactionDate: '2020-08-31' }, 400, 'point_award_outside_earning_period', 'transactionDate'],
      ['a service the participant did not apply to', { paymentServiceId: -1 }, 400, 'point_award_not_applied_to_service', 'paymentServiceId'],
      ['a MyKey ID with no participant', { myKeyId: 'NOBODY00' }, 400, 'point_award_participant_unknown', 'myKeyId'],
      ['a malformed MyKey ID', { myKeyId: 'AB-12' }, 400, 'validation_failed', 'myKeyId'],
      ['a negative amount', { amountYen: -500 }, 400, 'validation_failed', 'amountYen'],
      ['a zero amount', { amountYen: 0 }, 400, 'validation_failed', 'amountYen'],
      ['a malformed date', { transactionDate: '2020-02-30' }, 400, 'validation_failed', 'transactionDate'],
      ['an unknown payment service', { paymentServiceId: 987654 }, 400, 'point_award_payment_service_unknown', 'paymentServiceId'],
      ['a My Number in the transaction id', { externalId: 'TX 1234 5678 9018' }, 400, 'my_number_refused', 'externalId'],
    ])('refuses %s, and writes nothing', async (_name, override: Partial<Tx> & { paymentServiceId?: number }, status, code, field) => {
      const key = await applicant();
      const body = { ...override, ...(override.paymentServiceId === -1 ? { paymentServiceId: otherService } : {}) };
      const [before] = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM point_awards');
      const res = await create({ myKeyId: key, ...body });
      expect(res.status).toBe(status);
      expect(res.body).toMatchObject({ code, errors: { [field]: expect.any(String) } });
      const [after] = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM point_awards');
      expect(after.n).toBe(before.n);
    });

    it('refuses a transaction id recorded before: 409 whether it says the same or not', async () => {
      const key = await applicant();
      const externalId = txId();
      await create({ myKeyId: key, externalId, amountYen: 2000 }).expect(201);
      expect((await create({ myKeyId: key, externalId, amountYen: 2000 }).expect(409)).body.code).toBe('point_award_duplicate');
      expect((await create({ myKeyId: key, externalId, amountYen: 3000 }).expect(409)).body.code).toBe('point_award_external_id_conflict');
      expectLaw(await ledgerOf([key]));
    });
  });

  describe('single create: the one-row path', () => {
    it("runs two statements in the request's transaction, and creates no table", async () => {
      const key = await applicant();
      const sent = jest.spyOn(PgClient.prototype, 'query');
      let texts: string[];
      let names: Array<string | undefined>;
      try {
        await create({ myKeyId: key, amountYen: 2000 }).expect(201);
        texts = sent.mock.calls.map(([q]) => String(typeof q === 'string' ? q : (q as { text: string }).text));
        names = sent.mock.calls.map(([q]) => (typeof q === 'string' ? undefined : (q as { name?: string }).name));
      } finally {
        sent.mockRestore();
      }
      expect(texts.some((x) => /\bCREATE\b/i.test(x))).toBe(false);
      // BEGIN with the municipality's setting (row-level security) in one round trip,
      // classify and lock, award and read back, the audit row, COMMIT.
      const begin = texts.findIndex((x) => /^BEGIN; SELECT set_config\('mynapoint\.municipality_code'/.test(x));
      const audit = texts.findIndex((x) => x.startsWith('INSERT INTO audit_logs '));
      expect(begin).toBeGreaterThanOrEqual(0);
      expect(audit - begin - 1).toBe(2);
      // Both prepared once per connection, so a pooled connection plans them once.
      const [classifyName, awardName] = names.slice(begin + 1, audit);
      expect(classifyName).toMatch(/^s_[0-9a-f]{20}$/);
      expect(awardName).toMatch(/^s_[0-9a-f]{20}$/);
      expect(classifyName).not.toBe(awardName);
      // The audit row is one prepared statement too (every write request sends it).
      expect(names[audit]).toMatch(/^s_[0-9a-f]{20}$/);
      expect(texts[audit + 1]).toBe('COMMIT');
    });

    it('fills the cap exactly when creates for one participant race, each answering with the total it made', async () => {
      const key = await applicant();
      // 18 × floor(1,300 × 25%) = 18 × 325: fifteen whole, one of 125 (the room left), two of 0.
      const res = await Promise.all(Array.from({ length: 18 }, () => create({ myKeyId: key, amountYen: 1300 })));
      expect(res.map((r) => r.status)).toEqual(res.map(() => 201));
      const points = res.map((r) => r.body.points as number).sort((x, y) => y - x);
      expect(points).toEqual([...Array(15).fill(325), 125, 0, 0]);
      // Each answer shows the total after its own award: the running sums, then the cap.
      const totals = res.filter((r) => r.body.points > 0).map((r) => r.body.participantPointsTotal as number).sort((x, y) => x - y);
      expect(totals).toEqual([...Array.from({ length: 15 }, (_, i) => 325 * (i + 1)), 5000]);
      for (const r of res) expect(r.body.capReached).toBe(r.body.participantPointsTotal === 5000);
      const [ledger] = await ledgerOf([key]);
      expect(ledger).toMatchObject({ total: 5000, awarded: 5000, awards: 18 });
      expectLaw([ledger]);
    });

    it('answers a transaction id sent twice at once with one 201 and one 409, for one participant or two', async () => {
      for (const keys of [[await applicant(), null], [await applicant(), await applicant()]]) {
        const externalId = txId('TWICE');
        const res = await Promise.all(keys.map((k, i) => create({ myKeyId: k ?? keys[0]!, externalId, amountYen: 2000 + i })));
        expect(res.map((r) => r.status).sort()).toEqual([201, 409]);
        expect(res.find((r) => r.status === 409)!.body).toMatchObject({ statusCode: 409, code: expect.any(String), message: expect.any(String) });
        const [n] = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM point_awards WHERE external_id = $1', [externalId]);
        expect(n.n).toBe(1);
        expectLaw(await ledgerOf(keys.filter((k): k is string => k !== null)));
      }
    });

  });

  describe('list', () => {
    it('filters by service, kind, period, participant and "cap reached"', async () => {
      const capped = await applicant();
      const open = await applicant();
      await create({ myKeyId: capped, amountYen: 24_000, kind: 'purchase', transactionDate: '2021-01-10' }).expect(201);
      const small = await create({ myKeyId: open, amountYen: 400, kind: 'charge', transactionDate: '2021-01-11' }).expect(201);
      const count = async (filter: unknown) => totalOf(await policy.get(`/api/point-awards?${listQuery({ filter })}`).expect(200));
      const all = await count({});
      const [db] = await t.sql<{ total: number; charge: number; jan: number; capped: number }>(
        `SELECT count(*)::int AS total, count(*) FILTER (WHERE kind = 'charge')::int AS charge,
                count(*) FILTER (WHERE transaction_date BETWEEN '2021-01-01' AND '2021-01-31')::int AS jan,
                count(*) FILTER (WHERE p.points_total >= p.cap_yen)::int AS capped
         FROM point_awards pa JOIN participants p ON p.id = pa.participant_id`,
      );
      expect(all).toBe(db.total);
      expect(await count({ paymentServiceId: service })).toBe(db.total);
      expect(await count({ paymentServiceId: otherService })).toBe(0);
      expect(await count({ kind: 'charge' })).toBe(db.charge);
      expect(await count({ transactionDate_gte: '2021-01-01', transactionDate_lte: '2021-01-31' })).toBe(db.jan);
      expect(await count({ capReached: true })).toBe(db.capped);
      expect(await count({ capReached: false })).toBe(db.total - db.capped);
      expect(await count({ participantId: small.body.participantId })).toBe(1);
      await policy.get(`/api/point-awards?${listQuery({ filter: { kind: 'cash' } })}`).expect(400);
      await policy.get('/api/point-awards/987654321').expect(404);
    });
  });

  describe('operator report import', () => {
    it('keeps the good rows and reports each bad one by line', async () => {
      const [a, b] = [await applicant(), await applicant()];
      const elsewhere = await applicant(otherService);
      const report = csv(
        '取引ID,マイキーID,取引日,取引種別,金額（円）',
        `${txId()},${a},2020-09-05,チャージ,4000`,
        `${txId()},${a},2020/9/20,購入,"16,000"`,
        `${txId()},NOBODY99,2020-09-20,charge,1000`,
        `${txId()},${elsewhere},2020-09-20,charge,1000`,
        `${txId()},${b},2020-08-31,charge,1000`,
        `${txId()},${b},2020-09-21,charge,-500`,
        `${txId()},${b},2020-09-31,charge,500`,
        `${txId()},${b},2020-09-22,cash,500`,
        `${txId()},${b},2020-09-22,charge,"1234 5678 9018"`,
        `,${b},2020-09-22,charge,500`,
        `${txId()},${b.toLowerCase()},令和2年10月1日,charge,19999`,
      );
      const job = await importCsv(policy, 'point-awards', report, { paymentServiceId: service });
      expect(job).toMatchObject({ type: 'point-awards', status: 'done', rowsTotal: 11, accepted: 3, duplicates: 0, rejected: 8 });
      expect(job.errors).toEqual([
        err(4, 'participant_unknown'),
        err(5, 'not_applied_to_service'),
        err(6, 'outside_earning_period'),
        err(7, 'amount_not_positive'),
        err(8, 'transaction_date_invalid'),
        err(9, 'kind_invalid'),
        err(10, 'my_number'),
        err(11, 'external_id_invalid'),
      ]);
      const points = await t.sql<{ last4: string; points: number; import_id: number; created_by: number | null }>(
        `SELECT p.mykey_last4 AS last4, pa.points, pa.import_id, pa.created_by FROM point_awards pa JOIN participants p ON p.id = pa.participant_id
         WHERE pa.import_id = $1 ORDER BY pa.transaction_date`,
        [job.id],
      );
      expect(points).toEqual([
        { last4: a.slice(-4), points: 1000, import_id: job.id, created_by: null },
        { last4: a.slice(-4), points: 4000, import_id: job.id, created_by: null },
        { last4: b.slice(-4), points: 4999, import_id: job.id, created_by: null },
      ]);
      expectLaw(await ledgerOf([a, b, elsewhere]));
    });

    it('awards in transaction-date order whatever the order of the file, and a re-import changes nothing', async () => {
      // The same transactions for two people, one file in date order, one shuffled.
      const [inOrder, shuffled] = [await applicant(), await applicant()];
      const plan = [
        ['2020-09-03', 6000],
        ['2020-09-01', 4000],
        ['2020-09-02', 8000],
        ['2020-09-02', 3000],
        ['2020-10-15', 9000],
      ] as const;
      const txs = (key: string, tag: string) =>
        plan.map(([date, amount], i): Tx => ({ externalId: `${tag}-${i}`, myKeyId: key, transactionDate: date, kind: 'purchase', amountYen: amount }));
      const first = txs(inOrder, txId('ORD'));
      const second = txs(shuffled, txId('SHF'));
      await importCsv(policy, 'point-awards', csv(HEADER, ...first.map(row)), { paymentServiceId: service });
      const job = await importCsv(policy, 'point-awards', csv(HEADER, ...[4, 2, 0, 3, 1].map((i) => row(second[i]))), { paymentServiceId: service });
      const pointsOf = async (externalIds: string[]) =>
        (await t.sql<{ points: number }>('SELECT points FROM point_awards WHERE external_id = ANY($1) ORDER BY external_id', [externalIds])).map((r) => r.points);
      // In (date, id) order: 4000→1000; on 09-02 by id 8000→2000 then 3000→750; 6000→1250 (the cap); 9000→0.
      expect(await pointsOf(first.map((x) => x.externalId))).toEqual([1250, 1000, 2000, 750, 0]);
      expect(await pointsOf(second.map((x) => x.externalId))).toEqual([1250, 1000, 2000, 750, 0]);

      const [before] = await t.sql('SELECT count(*)::int AS n, sum(points)::int AS points FROM point_awards');
      const again = await importCsv(policy, 'point-awards', csv(HEADER, ...[4, 2, 0, 3, 1].map((i) => row(second[i]))), { paymentServiceId: service });
      expect(again).toMatchObject({ accepted: 0, duplicates: 5, rejected: 0 });
      expect(await t.sql('SELECT count(*)::int AS n, sum(points)::int AS points FROM point_awards')).toEqual([before]);
      expect(job.accepted).toBe(5);
    });

    it('counts a row repeated in the file once, and refuses one that contradicts it', async () => {
      const key = await applicant();
      const id = txId();
      const job = await importCsv(policy, 'point-awards', csv(HEADER, `${id},${key},2020-09-05,charge,4000`, `${id},${key},2020-09-05,charge,4000`, `${id},${key},2020-09-05,charge,5000`), {
        paymentServiceId: service,
      });
      expect(job).toMatchObject({ accepted: 1, duplicates: 1, rejected: 1 });
      expect(job.errors).toEqual([err(4, 'external_id_repeated_in_file')]);
    });
  });

  // The ledger's references are checked once per statement (migration
  // AwardLedgerChecks1764001000000) rather than by per-row foreign keys: the same
  // refusals, with the same SQLSTATE, from both sides and under races.
  describe('references held by the database', () => {
    const award = (participantId: number, campaign: number, serviceId: number, externalId = txId('REF')): [string, unknown[]] => [
      `INSERT INTO point_awards (participant_id, campaign_id, payment_service_id, external_id, transaction_date, kind, amount_yen, points)
       VALUES ($1, $2, $3, $4, '2020-10-01', 'charge', 1000, 0)`,
      [participantId, campaign, serviceId, externalId],
    ];
    const code = (p: Promise<unknown>) => p.then(() => 'ok', (e: { code?: string; detail?: string }) => `${e.code} ${e.detail}`);

    it('refuses an award for a service not applied to, or in another campaign, and keeps what awards reference', async () => {
      const p = await sqlParticipant(t, { campaignId, quotaId, paymentServiceId: service });
      // Periods no other test's dates fall in: rows without a chosen campaign resolve by date.
      const otherCampaign = await sqlCampaign(t, {
        reservationOpensOn: '2030-07-01', reservationClosesOn: '2031-03-31', applicationOpensOn: '2030-07-01',
        applicationClosesOn: '2031-03-31', earningStartsOn: '2030-09-01', earningEndsOn: '2031-03-31',
      });
      expect(await code(t.sql(...award(p.id, campaignId, otherService)))).toMatch(/^23503 .*not present in table "applications"/);
      expect(await code(t.sql(...award(p.id, otherCampaign, service)))).toMatch(/^23503 .*not present in table "participants"/);
      expect(await code(t.sql(...award(999_999_999, campaignId, service)))).toMatch(/^23503 /);
      // One bad row fails the whole statement, however many good rows come with it.
      const many = `INSERT INTO point_awards (participant_id, campaign_id, payment_service_id, external_id, transaction_date, kind, amount_yen, points)
                    SELECT $1, $2, CASE WHEN i = 50 THEN $4::int ELSE $3::int END, $5 || i, '2020-10-01', 'charge', 1000, 0 FROM generate_series(1, 100) i`;
      expect(await code(t.sql(many, [p.id, campaignId, service, otherService, txId('MANY')]))).toMatch(/^23503 /);
      expect(await code(t.sql(...award(p.id, campaignId, service)))).toBe('ok');

      expect(await code(t.sql(`DELETE FROM applications WHERE participant_id = $1`, [p.id]))).toMatch(/^23503 .*still referenced from table "point_awards"/);
      expect(await code(t.sql(`UPDATE applications SET payment_service_id = $2 WHERE participant_id = $1`, [p.id, otherService]))).toMatch(/^23503 .*still referenced/);
      expect(await code(t.sql(`UPDATE participants SET campaign_id = $2 WHERE id = $1`, [p.id, otherCampaign]))).toMatch(/^23503 .*still referenced/);
      expect(await code(t.sql(`DELETE FROM reservations WHERE participant_id = $1`, [p.id]))).toBe('ok');
      expect(await code(t.sql(`DELETE FROM participants WHERE id = $1`, [p.id]))).toMatch(/^23503 /);
      // Changing what no award references is not refused.
      expect(await code(t.sql(`UPDATE applications SET applied_at = applied_at WHERE participant_id = $1`, [p.id]))).toBe('ok');
    });

    it('under races: a delete waits for the awards being written and is then refused, or comes first and the awards are', async () => {
      const [a, b] = await Promise.all([t.db.connect(), t.db.connect()]);
      try {
        // Awards first: the application's delete waits for their transaction, then sees them.
        const p1 = await sqlParticipant(t, { campaignId, quotaId, paymentServiceId: service });
        await a.query('BEGIN');
        await a.query(...award(p1.id, campaignId, service));
        const deleting = code(b.query(`DELETE FROM applications WHERE participant_id = $1`, [p1.id]));
        await new Promise((r) => setTimeout(r, 300));
        await a.query('COMMIT');
        expect(await deleting).toMatch(/^23503 .*still referenced/);

        // The delete first: the awards wait for it, then find no application.
        const p2 = await sqlParticipant(t, { campaignId, quotaId, paymentServiceId: service });
        await b.query('BEGIN');
        await b.query(`DELETE FROM applications WHERE participant_id = $1`, [p2.id]);
        const awarding = code(a.query(...award(p2.id, campaignId, service)));
        await new Promise((r) => setTimeout(r, 300));
        await b.query('COMMIT');
        expect(await awarding).toMatch(/^23503 /);
        const [left] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM point_awards WHERE participant_id = $1`, [p2.id]);
        expect(left.n).toBe(0);
      } finally {
        a.release();
        b.release();
      }
    });
  });

  describe('concurrency', () => {
    // Random transactions for a few participants, amounts such that most pass the cap.
    function transactions(keys: string[], count: number, seed: number, prefix: string): Tx[] {
      const random = seededRandom(seed);
      return Array.from({ length: count }, (_, i) => ({
        externalId: `${prefix}-${i}`,
        myKeyId: keys[Math.floor(random() * keys.length)],
        transactionDate: new Date(Date.UTC(2020, 8, 1) + Math.floor(random() * 180) * 86_400_000).toISOString().slice(0, 10),
        kind: random() < 0.5 ? 'charge' : 'purchase',
        amountYen: 500 + Math.floor(random() * 6000),
      }));
    }

    it('holds the cap exactly while single creates race an import for the same participants', async () => {
      const keys = await Promise.all(Array.from({ length: 6 }, () => applicant()));
      const all = transactions(keys, 120, 7, txId('RACE'));
      const viaImport = all.slice(0, 80);
      const viaApi = all.slice(80);
      const [upload, ...created] = await Promise.all([
        uploadCsv(policy, 'point-awards', csv(HEADER, ...viaImport.map(row)), { paymentServiceId: service }),
        ...viaApi.map((tx) => create(tx)),
      ]);
      expect(upload.status).toBe(202);
      expect(created.map((r) => r.status)).toEqual(viaApi.map(() => 201));
      const job = await waitForImport(policy, upload.body.id);
      expect(job).toMatchObject({ status: 'done', accepted: 80 });
      const ledger = await ledgerOf(keys);
      expect(ledger.reduce((n, r) => n + r.awards, 0)).toBe(120);
      expectLaw(ledger);
      // The law by the domain's rule too, from the transactions themselves.
      for (const key of keys) {
        const expected = Math.min(5000, all.filter((x) => x.myKeyId === key).reduce((s, x) => s + basePoints(x.amountYen, 25), 0));
        expect(ledger.find((r) => r.last4 === key.slice(-4))!.total).toBe(expected);
      }
    });

    it('holds the cap with two imports at once, and awards a file uploaded twice at once only once', async () => {
      const keys = await Promise.all(Array.from({ length: 5 }, () => applicant()));
      const one = transactions(keys, 60, 11, txId('ONE'));
      const two = transactions(keys, 60, 12, txId('TWO'));
      // The twins first: the queue runs two jobs at a time, so they run together.
      const uploads = await Promise.all([
        uploadCsv(policy, 'point-awards', csv(HEADER, ...two.map(row)), { paymentServiceId: service }),
        uploadCsv(policy, 'point-awards', csv(HEADER, ...two.map(row)), { paymentServiceId: service }),
        uploadCsv(policy, 'point-awards', csv(HEADER, ...one.map(row)), { paymentServiceId: service }),
      ]);
      const jobs = await Promise.all(uploads.map((u) => waitForImport(policy, u.body.id)));
      expect(jobs.map((j) => j.status)).toEqual(['done', 'done', 'done']);
      // The twin uploads: together each row once, the other time a duplicate.
      expect(jobs[0].accepted + jobs[1].accepted).toBe(60);
      expect(jobs[0].duplicates + jobs[1].duplicates).toBe(60);
      expect(jobs[2]).toMatchObject({ accepted: 60, duplicates: 0 });
      const ledger = await ledgerOf(keys);
      expect(ledger.reduce((n, r) => n + r.awards, 0)).toBe(120);
      expectLaw(ledger);
    });

    it('gives min(Σ floor(25%), cap) for any transactions, split between an import and single creates in any order', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.record({ amountYen: fc.integer({ min: 1, max: 12_000 }), day: fc.integer({ min: 0, max: 200 }), viaImport: fc.boolean() }), { minLength: 1, maxLength: 12 }),
          fc.boolean(),
          async (plan, importFirst) => {
            const key = await applicant();
            const prefix = txId('PROP');
            const txs = plan.map((p, i) => ({
              tx: { externalId: `${prefix}-${i}`, myKeyId: key, transactionDate: new Date(Date.UTC(2020, 8, 1) + p.day * 86_400_000).toISOString().slice(0, 10), kind: 'charge' as const, amountYen: p.amountYen },
              viaImport: p.viaImport,
            }));
            const imported = txs.filter((x) => x.viaImport).map((x) => row(x.tx));
            const runImport = async () => {
              if (imported.length) await importCsv(policy, 'point-awards', csv(HEADER, ...imported), { paymentServiceId: service });
            };
            const runCreates = async () => {
              for (const x of txs.filter((y) => !y.viaImport)) await create(x.tx).expect(201);
            };
            if (importFirst) {
              await runImport();
              await runCreates();
            } else {
              await runCreates();
              await runImport();
            }
            const [ledger] = await ledgerOf([key]);
            expect(ledger.awards).toBe(plan.length);
            expect(ledger.total).toBe(Math.min(5000, plan.reduce((s, p) => s + Math.floor(p.amountYen / 4), 0)));
          },
        ),
        { numRuns: 12 },
      );
    });
  });

  // Last: a second campaign ends "the only campaign there is" for rows with no campaign
  // chosen (the tests above count on it for dates outside the earning period).
  describe('single create across campaigns', () => {
    it('refuses a participant of another campaign, and a date no campaign earns in', async () => {
      // Periods no other test's dates fall in: rows resolve their campaign by date.
      const later = await sqlCampaign(t, {
        reservationOpensOn: '2032-07-01', reservationClosesOn: '2033-03-31', applicationOpensOn: '2032-07-01',
        applicationClosesOn: '2033-03-31', earningStartsOn: '2032-09-01', earningEndsOn: '2033-03-31',
      });
      const laterQuota = await sqlQuota(t, later);
      const onlyLater = (await sqlParticipant(t, { campaignId: later, quotaId: laterQuota, paymentServiceId: service })).myKeyId;
      const [before] = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM point_awards');
      const other = await create({ myKeyId: onlyLater, transactionDate: '2020-10-01' }).expect(400);
      expect(other.body).toMatchObject({ code: 'point_award_participant_unknown', errors: { myKeyId: IMPORT_ROW_ERROR.labels.participant_unknown.ja } });
      const none = await create({ myKeyId: onlyLater, transactionDate: '2035-01-01' }).expect(400);
      expect(none.body).toMatchObject({ code: 'point_award_campaign_unknown', errors: { transactionDate: IMPORT_ROW_ERROR.labels.campaign_unknown.ja } });
      const [after] = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM point_awards');
      expect(after.n).toBe(before.n);
      // In its own campaign's period the same person is awarded, in that campaign.
      const own = await create({ myKeyId: onlyLater, transactionDate: '2032-10-01', amountYen: 4000 }).expect(201);
      expect(own.body).toMatchObject({ campaignId: later, points: 1000, participantPointsTotal: 1000 });
    });
  });
});
