import { IMPORT_ROW_ERROR, ImportRowError } from '@mynapoint/domain';
import * as iconv from 'iconv-lite';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { connectionOptions } from '../../apps/api/src/database/data-source';
import { createStageTable } from '../../apps/api/src/imports/handlers/import-handler';
import { pointAwardsImport } from '../../apps/api/src/imports/handlers/point-awards.import';
import { ImportQueue } from '../../apps/api/src/imports/import-queue';
import { stageFile } from '../../apps/api/src/imports/import-stager';
import { UPLOAD_DIR } from '../../apps/api/src/imports/imports.module';
import { Client_, listQuery, TestApp, totalOf } from '../support/test-app';
import { TEST_HMAC_SECRET } from '../support/test-env';
import {
  ImportStatusBody,
  apiStyleReservation,
  importCsv,
  newMyKeyId,
  sqlCampaign,
  sqlParticipant,
  sqlPaymentService,
  sqlQuota,
  uploadCsv,
  waitForImport,
} from '../support/uptake-sql-fixtures';

const msg = (code: ImportRowError) => IMPORT_ROW_ERROR.labels[code].ja;
const err = (line: number, code: ImportRowError) => ({ line, message: msg(code) });
const csv = (...lines: string[]) => lines.join('\r\n') + '\r\n';
// 123456789018 has a valid check digit: a My Number.
const MY_NUMBER = '1234 5678 9018';

async function counts(t: TestApp, quotaId: number) {
  const [row] = await t.sql<{ participants: number; reservations: number; applications: number; used: number }>(
    `SELECT (SELECT count(*)::int FROM participants) AS participants, (SELECT count(*)::int FROM reservations) AS reservations,
            (SELECT count(*)::int FROM applications) AS applications, (SELECT used FROM reservation_quotas WHERE id = $1) AS used`,
    [quotaId],
  );
  return row;
}

describe('imports', () => {
  let t: TestApp;
  let policy: Client_;
  let campaignId: number;
  let quotaId: number;

  beforeAll(async () => {
    t = await TestApp.start();
    policy = await t.as('policy');
    // One campaign only: rows fall back to it whatever their date.
    campaignId = await sqlCampaign(t);
    quotaId = await sqlQuota(t, campaignId);
  });
  afterAll(() => t.close());

  describe('reservations', () => {
    const A = newMyKeyId();
    const B = newMyKeyId();
    const C = newMyKeyId();
    const TAKEN = newMyKeyId();
    let file: string;
    let first: ImportStatusBody;

    beforeAll(async () => {
      await sqlParticipant(t, { campaignId, quotaId, myKeyId: TAKEN, reservedAt: '2020-08-01T10:00:00+09:00' });
      file = csv(
        'マイキーID,予約日時,予約方法,年代,地区,電子証明書更新日時,備考',
        `${A},2020-09-01 10:00,スマートフォン,40代,水原,,`,
        `${B.toLowerCase()},2020/09/02 11:00,counter,70_plus,安田,2020-08-30 09:00,`,
        `ABC-1234,2020-09-01 10:00,counter,,,,`,
        `${newMyKeyId()},2020-13-01 10:00,counter,,,,`,
        `${newMyKeyId()},2020-09-01 10:00,fax,,,,`,
        `${C},2020-09-01 10:00,counter,,,2020-09-01 08:00,`,
        `${A},2020-09-01 10:00,スマートフォン,40代,水原,,`,
        `${B},2020-09-03 09:00,self_pc,70_plus,安田,,`,
        `${newMyKeyId()},2020-09-01 10:00,counter,,${MY_NUMBER},,`,
        `${TAKEN},2020-09-05 10:00,counter,,,,`,
        `${newMyKeyId()},2099-01-01 10:00,counter,,,,`,
        `${newMyKeyId()},2020-06-15 10:00,counter,,,,`,
        `${newMyKeyId()},2020-09-01 10:00,counter,,,,"申請者 ${MY_NUMBER} 様"`,
      );
    });

    it('takes the good rows, reports every bad one by line, and stops for none', async () => {
      const before = await counts(t, quotaId);
      first = await importCsv(policy, 'reservations', file, { filename: '予約データ.csv' });
      expect(first).toMatchObject({ type: 'reservations', status: 'done', rowsTotal: 13, rowsDone: 13, accepted: 2, duplicates: 1, rejected: 10, encoding: 'utf-8' });
      expect(first.errors).toEqual([
        err(4, 'mykey_id_invalid'),
        err(5, 'reserved_at_invalid'),
        err(6, 'channel_invalid'),
        err(7, 'within_24h_of_renewal'),
        err(9, 'mykey_repeated_in_file'),
        err(10, 'my_number'),
        err(11, 'already_reserved'),
        err(12, 'reserved_at_in_future'),
        err(13, 'quota_closed'),
        err(14, 'my_number'),
      ]);
      const after = await counts(t, quotaId);
      expect(after.participants - before.participants).toBe(2);
      expect(after.reservations - before.reservations).toBe(2);
      expect(after.used - before.used).toBe(2);
    });

    it('stores what the API would: hashed MyKey IDs, the campaign cap, the import, the values as read', async () => {
      const rows = await t.sql<Record<string, unknown>>(
        `SELECT p.mykey_last4, p.cap_yen, p.points_total, r.quota_id, r.channel, r.reserved_at, r.age_band, r.district, r.cert_renewed_at, r.import_id, r.created_by
         FROM reservations r JOIN participants p ON p.id = r.participant_id WHERE r.import_id = $1 ORDER BY r.reserved_at`,
        [first.id],
      );
      expect(rows).toEqual([
        { mykey_last4: A.slice(-4), cap_yen: 5000, points_total: 0, quota_id: quotaId, channel: 'self_smartphone', reserved_at: new Date('2020-09-01T01:00:00Z'), age_band: '40s', district: '水原', cert_renewed_at: null, import_id: first.id, created_by: null },
        { mykey_last4: B.slice(-4), cap_yen: 5000, points_total: 0, quota_id: quotaId, channel: 'counter', reserved_at: new Date('2020-09-02T02:00:00Z'), age_band: '70_plus', district: '安田', cert_renewed_at: new Date('2020-08-30T00:00:00Z'), import_id: first.id, created_by: null },
      ]);
    });

    it('keeps no MyKey ID and no My Number anywhere: not in the errors, the job or the audit log', async () => {
      const dump = JSON.stringify(
        await t.sql(
          `SELECT (SELECT json_agg(e) FROM import_errors e) AS errors, (SELECT json_agg(i) FROM imports i) AS jobs,
                  (SELECT json_agg(a) FROM audit_logs a) AS audit, (SELECT json_agg(p.mykey_last4) FROM participants p) AS last4`,
        ),
      );
      for (const id of [A, B, C, TAKEN]) expect(dump).not.toContain(id);
      expect(dump).not.toMatch(/1234\s?5678\s?9018/);
    });

    it('records the import in the audit log with file name, type and counts, never the content', async () => {
      const rows = await t.sql<{ action: string; username: string; changes: Record<string, unknown> }>(
        `SELECT action, username, changes FROM audit_logs WHERE resource = 'imports' AND resource_id = $1 ORDER BY id`,
        [String(first.id)],
      );
      expect(rows).toEqual([
        { action: 'import', username: 'policy', changes: expect.objectContaining({ filename: '予約データ.csv', type: 'reservations', status: 'queued' }) },
        {
          action: 'import',
          username: 'policy',
          changes: { filename: '予約データ.csv', type: 'reservations', status: 'done', rowsTotal: 13, accepted: 2, rejected: 10, duplicates: 1 },
        },
      ]);
    });

    it('changes nothing when the same file is imported again: the rows taken count as duplicates', async () => {
      const before = await counts(t, quotaId);
      const again = await importCsv(policy, 'reservations', file);
      expect(again).toMatchObject({ status: 'done', rowsTotal: 13, accepted: 0, duplicates: 3, rejected: 10 });
      // The same lines are refused (line 9 now meets line 3's reservation in the database).
      expect(again.errors.map((e) => e.line)).toEqual(first.errors.map((e) => e.line));
      expect(again.errors.find((e) => e.line === 9)).toEqual(err(9, 'already_reserved'));
      expect(await counts(t, quotaId)).toEqual(before);
    });

    it('reads Shift_JIS (Windows-31J) files from Excel, and UTF-8 with a BOM', async () => {
      const sjisId = newMyKeyId();
      const bomId = newMyKeyId();
      const text = (id: string) => csv('マイキーＩＤ,予約日時,予約方法,年代,地区', `${id},2020-09-10 09:30,窓口支援,60代,髙橋①`);
      const sjis = await importCsv(policy, 'reservations', iconv.encode(text(sjisId), 'cp932'));
      expect(sjis).toMatchObject({ status: 'done', encoding: 'shift_jis', accepted: 1, rejected: 0 });
      const bom = await importCsv(policy, 'reservations', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text(bomId))]));
      expect(bom).toMatchObject({ status: 'done', encoding: 'utf-8-bom', accepted: 1, rejected: 0 });
      const stored = await t.sql<{ district: string; channel: string; age_band: string }>(
        `SELECT district, channel, age_band FROM reservations WHERE import_id IN ($1, $2)`,
        [sjis.id, bom.id],
      );
      expect(stored).toEqual([
        { district: '髙橋①', channel: 'counter', age_band: '60s' },
        { district: '髙橋①', channel: 'counter', age_band: '60s' },
      ]);
    });

  });

  describe('enum cells', () => {
    it('names the Japanese labels that a wrong channel or age band could have been, and says the codes work too', async () => {
      const job = await importCsv(
        policy,
        'reservations',
        csv('myKeyId,reservedAt,channel,ageBand', `${newMyKeyId()},2020-09-01 10:00,FAX,`, `${newMyKeyId()},2020-09-01 10:00,窓口支援,高齢者`, `${newMyKeyId()},2020-09-01 10:00,パソコン,70歳以上`),
      );
      expect(job).toMatchObject({ status: 'done', accepted: 1, rejected: 2 });
      const [channel, ageBand] = job.errors.map((e) => e.message);
      expect(channel).toBe('予約・申込方法は スマートフォン / パソコン / 窓口支援 のいずれかで指定してください（英字のコード self_smartphone / self_pc / counter も使えます）。');
      expect(ageBand).toContain('20歳未満 / 20代 / 30代 / 40代 / 50代 / 60代 / 70歳以上 のいずれか');
      expect(ageBand).toContain('under_20');
    });

    it('does the same for the kind of a point award', () => {
      expect(msg('kind_invalid')).toBe('取引種別は チャージ / 購入 のいずれかで指定してください（英字のコード charge / purchase も使えます）。');
    });
  });

  describe('quota units across chunks (two rows per transaction)', () => {
    let t2: TestApp;
    let policy2: Client_;
    let campaignId2: number;

    beforeAll(async () => {
      t2 = await TestApp.start({ config: { importChunkRows: 2 } });
      policy2 = await t2.as('policy');
      campaignId2 = await sqlCampaign(t2);
    });
    afterAll(() => t2.close());

    it('serves first come, first served when the quota fills, and leaves no participant without a reservation', async () => {
      const small = await sqlQuota(t2, campaignId2, { capacity: 3, opensAt: '2020-10-01T00:00:00+09:00', closesAt: '2020-10-02T00:00:00+09:00' });
      const ids = [newMyKeyId(), newMyKeyId(), newMyKeyId(), newMyKeyId(), newMyKeyId()];
      const job = await importCsv(
        policy2,
        'reservations',
        csv(
          'myKeyId,reservedAt,channel,quotaId',
          `${ids[0]},2020-10-01 15:00,counter,${small}`,
          `${ids[1]},2020-10-01 09:00,counter,${small}`,
          `${ids[2]},2020-10-01 12:00,counter,${small}`,
          `${ids[3]},2020-10-01 10:00,counter,${small}`,
          `${ids[4]},2020-10-01 18:00,counter,${small}`,
        ),
      );
      expect(job).toMatchObject({ accepted: 3, rejected: 2 });
      // By reservedAt, not file order: 15:00 (line 2) and 18:00 (line 6) came last.
      expect(job.errors).toEqual([err(2, 'quota_full'), err(6, 'quota_full')]);
      const [q] = await t2.sql<{ used: number; n: number; orphans: number }>(
        `SELECT used, (SELECT count(*)::int FROM reservations WHERE quota_id = $1) AS n,
                (SELECT count(*)::int FROM participants p WHERE NOT EXISTS (SELECT 1 FROM reservations r WHERE r.participant_id = p.id)) AS orphans
         FROM reservation_quotas WHERE id = $1`,
        [small],
      );
      expect(q).toEqual({ used: 3, n: 3, orphans: 0 });
    });

    it('never oversells a quota while API requests take units at the same time', async () => {
      const CAPACITY = 60;
      const race = await sqlQuota(t2, campaignId2, { capacity: CAPACITY, opensAt: '2020-11-01T00:00:00+09:00', closesAt: '2020-11-02T00:00:00+09:00' });
      const fileIds = Array.from({ length: 50 }, () => newMyKeyId());
      const apiIds = Array.from({ length: 40 }, () => newMyKeyId());
      // Ten of the API requests are for people who are in the file too.
      const both = fileIds.slice(0, 10);
      const lines = fileIds.map((id, i) => `${id},2020-11-01 10:${String(i).padStart(2, '0')},counter,${race}`);
      const upload = uploadCsv(policy2, 'reservations', csv('myKeyId,reservedAt,channel,quotaId', ...lines));
      const api = Promise.all([...apiIds, ...both].map((id) => apiStyleReservation(t2, race, id, '2020-11-01T12:00:00+09:00')));
      const [res, apiResults] = await Promise.all([upload, api]);
      expect(res.status).toBe(202);
      const job = await waitForImport(policy2, res.body.id);
      const apiTaken = apiResults.filter(Boolean).length;
      const [q] = await t2.sql<{ used: number; n: number }>(
        `SELECT used, (SELECT count(*)::int FROM reservations WHERE quota_id = $1) AS n FROM reservation_quotas WHERE id = $1`,
        [race],
      );
      // Demand (90 people) exceeds the 60 units: every unit is taken, none twice.
      expect(q).toEqual({ used: CAPACITY, n: CAPACITY });
      expect(job.accepted + apiTaken).toBe(CAPACITY);
      expect(job.accepted + job.rejected + job.duplicates).toBe(50);
      const [dupes] = await t2.sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM (SELECT mykey_hash FROM participants GROUP BY campaign_id, mykey_hash HAVING count(*) > 1) x`,
      );
      expect(dupes.n).toBe(0);
    });
  });

  describe('applications', () => {
    let active: number;
    let suspended: number;
    let lateOpening: number;
    let needsPreRegistration: number;
    const P = Array.from({ length: 12 }, () => newMyKeyId());
    let file: Buffer;
    let first: ImportStatusBody;

    beforeAll(async () => {
      active = await sqlPaymentService(t, { name: 'インポートPay' });
      suspended = await sqlPaymentService(t, { status: 'suspended' });
      lateOpening = await sqlPaymentService(t, { applicationsOpenOn: '2020-10-01' });
      needsPreRegistration = await sqlPaymentService(t, { name: 'インポートIC', preRegistrationRequired: true });
      for (const id of P.slice(0, 11)) await sqlParticipant(t, { campaignId, quotaId, myKeyId: id, reservedAt: '2020-08-01T10:00:00+09:00' });
      // P[10] applied already, through the API.
      await t.sql(
        `INSERT INTO applications (participant_id, payment_service_id, applied_at, channel)
         SELECT p.id, $1, '2020-08-05T10:00:00+09:00', 'counter' FROM participants p WHERE p.mykey_last4 = $2`,
        [active, P[10].slice(-4)],
      );
      // Shift_JIS, Japanese headers, the service by name or by id.
      file = iconv.encode(
        csv(
          'マイキーID,決済サービス,決済サービスID,申込日時,申込方法,事前登録済み',
          `${P[0]},インポートpay,,2020-09-02 14:30,スマートフォン,`,
          `${P[1]},,${needsPreRegistration},2020-09-03 10:00,窓口支援,済`,
          `${P[2]},,${needsPreRegistration},2020-09-03 10:00,counter,未`,
          `${P[3]},,${suspended},2020-09-03 10:00,counter,`,
          `${P[4]},,${lateOpening},2020-09-15 10:00,counter,`,
          `${P[5]},,${active},2021-04-05 10:00,counter,`,
          `${P[6]},,${active},2020-07-15 10:00,counter,`,
          `${P[11]},,${active},2020-09-03 10:00,counter,`,
          `${P[10]},,${lateOpening},2020-10-05 10:00,counter,`,
          `${P[0]},インポートPay,,2020-09-02 14:30,self_smartphone,false`,
          `${P[1]},,${active},2020-09-04 10:00,counter,`,
          `${P[7]},存在しないPay,,2020-09-03 10:00,counter,`,
          `${P[8]},,${active},2020-09-03 10:00,counter,maybe`,
          `${P[9]},,${active},2020-09-03 10:00,counter,`,
        ),
        'cp932',
      );
    });

    it('applies the API rules to every row, set-based, and takes the good ones', async () => {
      const before = await counts(t, quotaId);
      first = await importCsv(policy, 'applications', file, { filename: '申し込み.csv' });
      expect(first).toMatchObject({ type: 'applications', status: 'done', encoding: 'shift_jis', rowsTotal: 14, accepted: 3, duplicates: 1, rejected: 10 });
      expect(first.errors).toEqual([
        err(4, 'pre_registration_required'),
        err(5, 'payment_service_not_active'),
        err(6, 'payment_service_not_open'),
        err(7, 'outside_application_period'),
        err(8, 'applied_before_reservation'),
        err(9, 'no_reservation'),
        err(10, 'already_applied'),
        err(12, 'mykey_repeated_in_file'),
        err(13, 'payment_service_unknown'),
        err(14, 'pre_registered_invalid'),
      ]);
      expect((await counts(t, quotaId)).applications - before.applications).toBe(3);
      const stored = await t.sql<{ last4: string; service: number; pre: boolean; channel: string; import_id: number }>(
        `SELECT p.mykey_last4 AS last4, a.payment_service_id AS service, a.pre_registered AS pre, a.channel, a.import_id
         FROM applications a JOIN participants p ON p.id = a.participant_id WHERE a.import_id = $1 ORDER BY a.applied_at, p.mykey_last4`,
        [first.id],
      );
      expect(stored).toEqual([
        { last4: P[0].slice(-4), service: active, pre: false, channel: 'self_smartphone', import_id: first.id },
        { last4: P[1].slice(-4), service: needsPreRegistration, pre: true, channel: 'counter', import_id: first.id },
        { last4: P[9].slice(-4), service: active, pre: false, channel: 'counter', import_id: first.id },
      ]);
    });

    it('changes nothing when the same file is imported again', async () => {
      const before = await counts(t, quotaId);
      const again = await importCsv(policy, 'applications', file);
      expect(again).toMatchObject({ status: 'done', rowsTotal: 14, accepted: 0, duplicates: 4, rejected: 10 });
      expect(again.errors.map((e) => e.line)).toEqual(first.errors.map((e) => e.line));
      expect(await counts(t, quotaId)).toEqual(before);
    });
  });

  describe('uploads', () => {
    it('answers 202 with the job, and shows it in the react-admin list', async () => {
      const res = await uploadCsv(policy, 'reservations', csv('myKeyId,reservedAt,channel', `${newMyKeyId()},2020-09-01 10:00,counter`)).expect(202);
      expect(res.body).toEqual({ id: expect.any(Number), status: 'queued' });
      await waitForImport(policy, res.body.id);
      const list = await policy.get(`/api/imports?${listQuery({ filter: { type: 'reservations', status: 'done' }, sort: ['id', 'DESC'], range: [0, 4] })}`).expect(200);
      expect(list.body[0]).toMatchObject({ id: res.body.id, type: 'reservations', status: 'done', createdByName: '政策推進係 佐藤' });
      expect(totalOf(list)).toBeGreaterThan(1);
      await policy.get('/api/imports/987654').expect(404);
    });

    it.each([
      ['no file', (as: Client_) => as.post('/api/imports').field('type', 'reservations'), 'import_file_missing', 'file'],
      ['an unknown type', (as: Client_) => uploadCsv(as, 'visits', csv('a', 'b')), 'validation_failed', 'type'],
      ['a point-award report without its payment service', (as: Client_) => uploadCsv(as, 'point-awards', csv('externalId,myKeyId,transactionDate,kind,amountYen', 'T,AB12CD7Q,2020-09-01,charge,1')), 'import_payment_service_required', 'paymentServiceId'],
      ['an unknown payment service', (as: Client_) => uploadCsv(as, 'point-awards', csv('externalId', 'T'), { paymentServiceId: 987654 }), 'import_payment_service_unknown', 'paymentServiceId'],
      ['an unknown campaign', (as: Client_) => uploadCsv(as, 'reservations', csv('a', 'b'), { campaignId: 987654 }), 'import_campaign_unknown', 'campaignId'],
      ['an empty file', (as: Client_) => uploadCsv(as, 'reservations', ''), 'import_bad_file', 'file'],
      ['a header without data', (as: Client_) => uploadCsv(as, 'reservations', csv('myKeyId,reservedAt,channel')), 'import_bad_file', 'file'],
      ['a My Number in the file name', (as: Client_) => uploadCsv(as, 'reservations', csv('a', 'b'), { filename: `${MY_NUMBER}.csv` }), 'my_number_refused', 'file'],
    ])('answers 400 for %s, and queues nothing', async (_name, send, code, field) => {
      const [before] = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM imports');
      const res = await send(policy);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, code, errors: { [field]: expect.any(String) } });
      const [after] = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM imports');
      expect(after.n).toBe(before.n);
    });

    it('names the columns a file lacks, in Japanese, before queuing anything', async () => {
      const res = await uploadCsv(policy, 'reservations', csv('マイキーID,地区', 'AB12CD7Q,水原')).expect(400);
      expect(res.body.message).toContain('予約日時（reservedAt）');
      expect(res.body.message).toContain('予約方法（channel）');
    });

    it('deletes the uploaded file once the job has ended', async () => {
      const job = await importCsv(policy, 'reservations', csv('myKeyId,reservedAt,channel', `${newMyKeyId()},2020-09-01 10:00,counter`));
      const [row] = await t.sql<{ upload_path: string | null }>('SELECT upload_path FROM imports WHERE id = $1', [job.id]);
      expect(row.upload_path).toBeNull();
      await t.app.get(ImportQueue).idle();
      const [{ n }] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM imports WHERE status IN ('queued', 'running')`);
      expect(n).toBe(0);
    });

    it('reports progress while it runs and ends with rowsDone = rowsTotal', async () => {
      const ROWS = 120_000;
      const lines = ['myKeyId,reservedAt,channel'];
      for (let i = 0; i < ROWS; i++) lines.push(`Q${i.toString(36).toUpperCase().padStart(7, '0')},2020-09-01 10:00,counter`);
      const res = await uploadCsv(policy, 'reservations', lines.join('\n')).expect(202);
      const seen: ImportStatusBody[] = [];
      const job = await waitForImport(policy, res.body.id, seen);
      expect(job).toMatchObject({ status: 'done', rowsTotal: ROWS, rowsDone: ROWS, accepted: ROWS });
      const done = seen.map((s) => s.rowsDone);
      expect(done).toEqual([...done].sort((a, b) => a - b));
      for (const s of seen) expect(s.rowsDone).toBeLessThanOrEqual(s.rowsTotal);
      expect(seen.some((s) => s.status === 'running')).toBe(true);
    });

    it('streams the rows into staging with progress every 50,000 rows, hashing MyKey IDs in Node', async () => {
      const dir = join(UPLOAD_DIR, 'spec');
      mkdirSync(dir, { recursive: true });
      const path = join(dir, `progress-${process.pid}.csv`);
      const lines = ['externalId,myKeyId,transactionDate,kind,amountYen'];
      for (let i = 0; i < 120_000; i++) lines.push(`T${i},CLEAR${String(i % 1000).padStart(3, '0')},2020-09-01,charge,100`);
      writeFileSync(path, lines.join('\n'));
      const client = await t.db.connect();
      try {
        const sql = async (text: string, params?: unknown[]) => (await client.query(text, params)).rows;
        await createStageTable(pointAwardsImport, sql as never);
        const progress: number[] = [];
        const rows = await stageFile({
          path,
          encoding: 'utf-8',
          client,
          handler: pointAwardsImport,
          options: { importId: 0, userId: null, paymentServiceId: 1, campaignId: null },
          hmacSecret: TEST_HMAC_SECRET,
          onProgress: (n) => progress.push(n),
        });
        expect(rows).toBe(120_000);
        // Reported as the file streams in, once 50,000 more rows have been sent each time.
        expect(progress).toHaveLength(2);
        expect(progress[0]).toBeGreaterThanOrEqual(50_000);
        expect(progress[1] - progress[0]).toBeGreaterThanOrEqual(50_000);
        expect(progress[1]).toBeLessThan(120_000);
        const {
          rows: [staged],
        } = await client.query(`SELECT count(*)::int AS n, count(DISTINCT mykey_hash)::int AS keys, bool_or(encode(mykey_hash, 'escape') LIKE '%CLEAR%') AS clear FROM pa_stage`);
        expect(staged).toEqual({ n: 120_000, keys: 1000, clear: false });
      } finally {
        client.release(true);
        rmSync(path, { force: true });
      }
    });

    it('serves the full error report as CSV (UTF-8 with BOM, CRLF)', async () => {
      const job = await importCsv(policy, 'reservations', csv('myKeyId,reservedAt,channel', 'bad,2020-09-01 10:00,counter', `${newMyKeyId()},2020-09-01 10:00,counter`, 'x,y,z'));
      const res = await policy.get(`/api/imports/${job.id}/errors.csv`).buffer(true).parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toContain('text/csv');
      expect(res.headers['content-disposition']).toContain(`import-${job.id}-errors.csv`);
      const body = (res.body as Buffer).toString('utf8');
      expect(body).toBe(`\ufeff行,エラー内容\r\n2,${msg('mykey_id_invalid')}\r\n4,${msg('mykey_id_invalid')}\r\n`);
    });
  });

  describe('records', () => {
    it('keeps every import job: the database refuses DELETE and TRUNCATE', async () => {
      await expect(t.sql('DELETE FROM imports')).rejects.toThrow(/never deleted/);
      await expect(t.sql('TRUNCATE imports CASCADE')).rejects.toThrow(/never deleted/);
    });
  });

  describe('shutdown', () => {
    it('lets the running job finish, fails the ones still waiting and deletes their files', async () => {
      const t3 = await TestApp.start({ config: { importConcurrency: 1 } });
      try {
        const as = await t3.as('policy');
        const c = await sqlCampaign(t3);
        await sqlQuota(t3, c);
        const lines = ['myKeyId,reservedAt,channel'];
        for (let i = 0; i < 100_000; i++) lines.push(`S${i.toString(36).toUpperCase().padStart(7, '0')},2020-09-01 10:00,counter`);
        const running = await uploadCsv(as, 'reservations', lines.join('\n')).expect(202);
        const waiting = await uploadCsv(as, 'reservations', csv('myKeyId,reservedAt,channel', `${newMyKeyId()},2020-09-01 10:00,counter`)).expect(202);
        const [{ upload_path: file }] = await t3.sql<{ upload_path: string }>('SELECT upload_path FROM imports WHERE id = $1', [waiting.body.id]);
        expect(existsSync(file)).toBe(true);
        // The big file is still being read: the second job waits in the queue.
        const [{ status }] = await t3.sql<{ status: string }>('SELECT status FROM imports WHERE id = $1', [waiting.body.id]);
        expect(status).toBe('queued');
        await t3.app.get(ImportQueue).onModuleDestroy();
        const rows = await t3.sql<{ id: number; status: string }>('SELECT id, status FROM imports ORDER BY id');
        expect(rows).toEqual([
          { id: running.body.id, status: 'done' },
          { id: waiting.body.id, status: 'failed' },
        ]);
        expect(existsSync(file)).toBe(false);
      } finally {
        await t3.close();
      }
    });
  });

  describe('restart', () => {
    it('fails the jobs of a process that is gone, deletes their files, and leaves a live process alone', async () => {
      const queue = t.app.get(ImportQueue);
      mkdirSync(UPLOAD_DIR, { recursive: true });
      const orphanFile = join(UPLOAD_DIR, `orphan-${process.pid}`);
      writeFileSync(orphanFile, 'myKeyId\n');
      const live = new Client({ connectionString: t.config.databaseUrl, options: connectionOptions(t.config) });
      await live.connect();
      try {
        // Another API process, alive: it holds its worker lock.
        await live.query('SELECT pg_advisory_lock(730001, 424242)');
        const [dead] = await t.sql<{ id: number }>(
          `INSERT INTO imports (type, status, worker, upload_path, filename) VALUES ('reservations', 'running', 1, $1, 'dead.csv') RETURNING id`,
          [orphanFile],
        );
        const [alive] = await t.sql<{ id: number }>(`INSERT INTO imports (type, status, worker, filename) VALUES ('reservations', 'queued', 424242, 'alive.csv') RETURNING id`);
        expect(await queue.failOrphans()).toBe(1);
        const rows = await t.sql<{ id: number; status: string; message: string | null; upload_path: string | null }>(
          'SELECT id, status, message, upload_path FROM imports WHERE id IN ($1, $2) ORDER BY id',
          [dead.id, alive.id],
        );
        expect(rows).toEqual([
          { id: dead.id, status: 'failed', message: expect.stringContaining('もう一度取り込んでください'), upload_path: null },
          { id: alive.id, status: 'queued', message: null, upload_path: null },
        ]);
        expect(existsSync(orphanFile)).toBe(false);
        await t.sql(`UPDATE imports SET status = 'failed' WHERE id = $1`, [alive.id]);
      } finally {
        await live.end();
      }
    });
  });
});
