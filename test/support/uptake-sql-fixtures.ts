import { normalizeMyKeyId } from '@mynapoint/domain';
import type request from 'supertest';
import { digestMyKeyId } from '../../apps/api/src/common/mykey/mykey-hasher';
import type { Client_, TestApp } from './test-app';
import { TEST_HMAC_SECRET } from './test-env';

// Prerequisites the imports and point awards build on (campaigns, quotas,
// participants with reservations and applications), written with direct SQL: the
// uptake API is another feature. Each helper returns the ids it made.

export const ROUND1 = {
  name: 'マイナポイント第1弾',
  reservationOpensOn: '2020-07-01',
  reservationClosesOn: '2021-03-31',
  applicationOpensOn: '2020-07-01',
  applicationClosesOn: '2021-03-31',
  earningStartsOn: '2020-09-01',
  earningEndsOn: '2021-03-31',
  awardRatePercent: 25,
  capPerPersonYen: 5000,
};

let seq = 0;
const PREFIX = Math.random().toString(36).slice(2, 5).toUpperCase().padEnd(3, 'X');

/** A MyKey ID not used before in this test process (8 alphanumerics). */
export function newMyKeyId(): string {
  return `${PREFIX}${(++seq).toString(36).toUpperCase().padStart(5, '0')}`;
}

export function myKeyHash(myKeyId: string): Buffer {
  return digestMyKeyId(TEST_HMAC_SECRET, normalizeMyKeyId(myKeyId)!).hash;
}

export async function sqlCampaign(t: TestApp, overrides: Partial<typeof ROUND1> = {}): Promise<number> {
  const c = { ...ROUND1, name: `${ROUND1.name} ${++seq}`, ...overrides };
  const [row] = await t.sql<{ id: number }>(
    `INSERT INTO campaigns (name, reservation_opens_on, reservation_closes_on, application_opens_on, application_closes_on,
                            earning_starts_on, earning_ends_on, award_rate_percent, cap_per_person_yen)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [c.name, c.reservationOpensOn, c.reservationClosesOn, c.applicationOpensOn, c.applicationClosesOn, c.earningStartsOn, c.earningEndsOn, c.awardRatePercent, c.capPerPersonYen],
  );
  return row.id;
}

export async function sqlQuota(
  t: TestApp,
  campaignId: number,
  overrides: { capacity?: number; opensAt?: string; closesAt?: string; used?: number; name?: string } = {},
): Promise<number> {
  const [row] = await t.sql<{ id: number }>(
    `INSERT INTO reservation_quotas (campaign_id, name, capacity, opens_at, closes_at, used) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [
      campaignId,
      overrides.name ?? `予約枠 ${++seq}`,
      overrides.capacity ?? 1_000_000,
      overrides.opensAt ?? '2020-07-01T00:00:00+09:00',
      overrides.closesAt ?? '2021-04-01T00:00:00+09:00',
      overrides.used ?? 0,
    ],
  );
  return row.id;
}

export async function sqlPaymentService(t: TestApp, overrides: { name?: string; status?: string; preRegistrationRequired?: boolean; applicationsOpenOn?: string } = {}): Promise<number> {
  const [row] = await t.sql<{ id: number }>(
    `INSERT INTO payment_services (name, operator, kind, pre_registration_required, applications_open_on, status)
     VALUES ($1, 'テスト決済株式会社', 'qr_code', $2, $3, $4) RETURNING id`,
    [overrides.name ?? `テストPay ${PREFIX}${++seq}`, overrides.preRegistrationRequired ?? false, overrides.applicationsOpenOn ?? '2020-07-01', overrides.status ?? 'active'],
  );
  return row.id;
}

export interface ParticipantSpec {
  campaignId: number;
  quotaId: number;
  myKeyId?: string;
  reservedAt?: string;
  channel?: string;
  /** Applies to this payment service too. */
  paymentServiceId?: number;
  appliedAt?: string;
}

/** A participant with its reservation (one unit of the quota taken) and, optionally, its application. */
export async function sqlParticipant(t: TestApp, spec: ParticipantSpec): Promise<{ id: number; myKeyId: string }> {
  const myKeyId = spec.myKeyId ?? newMyKeyId();
  const hash = myKeyHash(myKeyId);
  const [p] = await t.sql<{ id: number }>(
    `INSERT INTO participants (campaign_id, mykey_hash, mykey_last4, cap_yen)
     SELECT id, $2, $3, cap_per_person_yen FROM campaigns WHERE id = $1 RETURNING id`,
    [spec.campaignId, hash, normalizeMyKeyId(myKeyId)!.slice(-4)],
  );
  await t.sql(
    `WITH taken AS (UPDATE reservation_quotas SET used = used + 1 WHERE id = $1 RETURNING id)
     INSERT INTO reservations (quota_id, participant_id, channel, reserved_at) SELECT id, $2, $3, $4 FROM taken`,
    [spec.quotaId, p.id, spec.channel ?? 'self_smartphone', spec.reservedAt ?? '2020-08-01T10:00:00+09:00'],
  );
  if (spec.paymentServiceId) {
    await t.sql(`INSERT INTO applications (participant_id, payment_service_id, applied_at, channel) VALUES ($1, $2, $3, 'self_smartphone')`, [
      p.id,
      spec.paymentServiceId,
      spec.appliedAt ?? '2020-08-02T10:00:00+09:00',
    ]);
  }
  return { id: p.id, myKeyId };
}

/** A campaign (Round 1), a quota and an active payment service: the ground most tests stand on. */
export async function sqlRound1(t: TestApp): Promise<{ campaignId: number; quotaId: number; serviceId: number }> {
  const campaignId = await sqlCampaign(t);
  return { campaignId, quotaId: await sqlQuota(t, campaignId), serviceId: await sqlPaymentService(t) };
}

export interface ImportStatusBody {
  id: number;
  type: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  phase: string | null;
  rowsTotal: number;
  rowsDone: number;
  accepted: number;
  rejected: number;
  duplicates: number;
  message: string | null;
  encoding: string | null;
  errors: Array<{ line: number; message: string }>;
}

/** Uploads a CSV through the API and returns the 202 response. */
export function uploadCsv(
  as: Client_,
  type: string,
  content: string | Buffer,
  fields: { paymentServiceId?: number; campaignId?: number; filename?: string } = {},
): request.Test {
  let req = as.post('/api/imports').field('type', type);
  if (fields.paymentServiceId !== undefined) req = req.field('paymentServiceId', String(fields.paymentServiceId));
  if (fields.campaignId !== undefined) req = req.field('campaignId', String(fields.campaignId));
  return req.attach('file', Buffer.isBuffer(content) ? content : Buffer.from(content), { filename: fields.filename ?? `${type}.csv`, contentType: 'text/csv' });
}

/** Polls the job until it ends; `seen` collects every state observed on the way. */
export async function waitForImport(as: Client_, id: number, seen: ImportStatusBody[] = [], timeoutMs = 120_000): Promise<ImportStatusBody> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await as.get(`/api/imports/${id}`);
    if (res.status !== 200) throw new Error(`GET /api/imports/${id}: ${res.status} ${JSON.stringify(res.body)}`);
    seen.push(res.body);
    if (res.body.status === 'done' || res.body.status === 'failed') return res.body;
    if (Date.now() > until) throw new Error(`import ${id} still ${res.body.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Uploads and waits: the finished job. */
export async function importCsv(
  as: Client_,
  type: string,
  content: string | Buffer,
  fields: { paymentServiceId?: number; campaignId?: number; filename?: string } = {},
): Promise<ImportStatusBody> {
  const res = await uploadCsv(as, type, content, fields);
  if (res.status !== 202) throw new Error(`POST /api/imports: ${res.status} ${JSON.stringify(res.body)}`);
  return waitForImport(as, res.body.id);
}

/**
 * A reservation the way the uptake API makes one (ReservationsService.create): the
 * participant first, then one unit of the quota with the single atomic UPDATE, then
 * the reservation, in one transaction. Used to race imports against API traffic
 * while that API lives on another branch. Resolves to whether it got a unit.
 */
export async function apiStyleReservation(t: TestApp, quotaId: number, myKeyId: string, reservedAt: string): Promise<boolean> {
  const client = await t.db.connect();
  try {
    await client.query('BEGIN');
    const enrolled = await client.query(
      `INSERT INTO participants (campaign_id, mykey_hash, mykey_last4, cap_yen)
       SELECT c.id, $2, $3, c.cap_per_person_yen FROM campaigns c JOIN reservation_quotas q ON q.campaign_id = c.id WHERE q.id = $1 FOR SHARE OF c
       ON CONFLICT ON CONSTRAINT participants_one_per_mykey DO NOTHING RETURNING id`,
      [quotaId, myKeyHash(myKeyId), normalizeMyKeyId(myKeyId)!.slice(-4)],
    );
    const taken = enrolled.rows.length
      ? await client.query(
          `UPDATE reservation_quotas SET used = used + 1
           WHERE id = $1 AND used < capacity AND $2::timestamptz >= opens_at AND $2::timestamptz < closes_at RETURNING id`,
          [quotaId, reservedAt],
        )
      : { rows: [] };
    if (!taken.rows.length) {
      await client.query('ROLLBACK');
      return false;
    }
    await client.query(`INSERT INTO reservations (quota_id, participant_id, channel, reserved_at) VALUES ($1, $2, 'counter', $3)`, [quotaId, enrolled.rows[0].id, reservedAt]);
    await client.query('COMMIT');
    return true;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}
