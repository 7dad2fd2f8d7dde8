import { paymentServicesSeed } from '../../apps/api/src/database/seed/payment-services.seed';
import { usersSeed } from '../../apps/api/src/database/seed/users.seed';
import { createPaymentService } from '../support/fixtures';
import { Client_, listQuery, TestApp } from '../support/test-app';
import { createCampaign, createQuota, newMyKeyId } from '../support/uptake-fixtures';
import { importCsv } from '../support/uptake-sql-fixtures';

// participants.reserved_at and participants.payment_service_id (the list's sort key
// and filter, migration 1764001300000) must equal, after any write, what the joins
// say: the participant's reservation time and the service of its application.
// Compared with direct SQL over every participant, after API writes, SQL the API
// never sends (service changes, rows moved to another participant, several rows per
// statement), imports and TRUNCATE.

const csv = (...lines: string[]) => lines.join('\r\n') + '\r\n';

/** Participants whose copies differ from the joins (none, when exact), and how many copies are set. */
async function drift(t: TestApp) {
  const wrong = await t.sql<{ id: number }>(
    `SELECT p.id, p.reserved_at AS copy_reserved_at, r.reserved_at, p.payment_service_id AS copy_service, a.payment_service_id
       FROM participants p
       LEFT JOIN reservations r ON r.participant_id = p.id
       LEFT JOIN applications a ON a.participant_id = p.id
      WHERE p.reserved_at IS DISTINCT FROM r.reserved_at OR p.payment_service_id IS DISTINCT FROM a.payment_service_id`,
  );
  const [set] = await t.sql<{ reserved: number; applied: number }>(
    `SELECT count(reserved_at)::int AS reserved, count(payment_service_id)::int AS applied FROM participants`,
  );
  return { wrong, set };
}

async function expectExact(t: TestApp, least: { reserved: number; applied: number }): Promise<void> {
  const { wrong, set } = await drift(t);
  expect(wrong).toEqual([]);
  // Copies actually exist (an empty table would be "exact" too).
  expect(set.reserved).toBeGreaterThanOrEqual(least.reserved);
  expect(set.applied).toBeGreaterThanOrEqual(least.applied);
}

describe('participant list copies (reserved_at, payment_service_id)', () => {
  let t: TestApp;
  let admin: Client_;
  let policy: Client_;
  let campaignId: number;
  let quotaId: number;
  let services: number[];

  beforeAll(async () => {
    // Small import chunks: an import runs several transactions.
    t = await TestApp.start({ seed: [usersSeed, paymentServicesSeed], config: { importChunkRows: 7, importApplyWorkers: 2 } });
    [admin, policy] = await Promise.all([t.as('admin'), t.as('policy')]);
    campaignId = (await createCampaign(t)).id;
    quotaId = (await createQuota(t, { campaignId, capacity: 5000 })).id;
    services = [(await createPaymentService(t, { kind: 'ic_emoney' })).id, (await createPaymentService(t, { kind: 'credit_card' })).id];
  });
  afterAll(() => t.close());

  const reserve = (body: Record<string, unknown> = {}) =>
    admin.post('/api/reservations').send({ quotaId, myKeyId: newMyKeyId(), channel: 'counter', reservedAt: '2020-09-01T10:00:00+09:00', ...body });
  const apply = (myKeyId: string, body: Record<string, unknown> = {}) =>
    admin.post('/api/applications').send({ myKeyId, paymentServiceId: services[0], channel: 'self_smartphone', appliedAt: '2020-09-10T10:00:00+09:00', preRegistered: false, ...body });

  it('follows API creates, edits and deletes', async () => {
    const people = [];
    for (let i = 0; i < 4; i++) {
      const myKeyId = newMyKeyId();
      const r = await reserve({ myKeyId, reservedAt: `2020-08-0${i + 1}T09:00:00+09:00` }).expect(201);
      people.push({ myKeyId, reservationId: r.body.id as number, participantId: r.body.participantId as number });
    }
    const [copy] = await t.sql<{ reserved_at: Date; payment_service_id: number | null }>('SELECT reserved_at, payment_service_id FROM participants WHERE id = $1', [
      people[0].participantId,
    ]);
    expect(copy).toEqual({ reserved_at: new Date('2020-08-01T00:00:00Z'), payment_service_id: null });
    await expectExact(t, { reserved: 4, applied: 0 });

    const applied = await apply(people[0].myKeyId, { paymentServiceId: services[1] }).expect(201);
    await apply(people[1].myKeyId).expect(201);
    await expectExact(t, { reserved: 4, applied: 2 });

    await admin.put(`/api/reservations/${people[1].reservationId}`).send({ reservedAt: '2020-08-05T08:00:00+09:00' }).expect(200);
    await admin.put(`/api/reservations/${people[2].reservationId}`).send({ channel: 'self_pc' }).expect(200);
    await expectExact(t, { reserved: 4, applied: 2 });

    await admin.delete(`/api/applications/${applied.body.id}`).send({ reason: '入力誤り' }).expect(200);
    await admin.delete(`/api/reservations/${people[3].reservationId}`).expect(200);
    await expectExact(t, { reserved: 3, applied: 1 });
    const [gone] = await t.sql<{ payment_service_id: number | null }>('SELECT payment_service_id FROM participants WHERE id = $1', [people[0].participantId]);
    expect(gone.payment_service_id).toBeNull();
  });

  it('follows writes the API never makes: service changes, rows moved to another participant, several rows per statement', async () => {
    const made = await Promise.all(Array.from({ length: 6 }, (_, i) => reserve({ reservedAt: `2020-08-1${i}T10:00:00+09:00` }).expect(201)));
    const ids = made.map((r) => r.body.participantId as number);
    await t.sql(
      `INSERT INTO applications (participant_id, payment_service_id, applied_at, channel)
       SELECT id, $2, '2020-09-11T10:00:00+09:00', 'counter' FROM unnest($1::int[]) AS id`,
      [ids.slice(0, 4), services[0]],
    );
    await expectExact(t, { reserved: 9, applied: 5 });

    // The chosen service changed (the API refuses it; an administrator's correction).
    await t.sql('UPDATE applications SET payment_service_id = $2 WHERE participant_id = ANY($1)', [ids.slice(0, 2), services[1]]);
    await expectExact(t, { reserved: 9, applied: 5 });
    // An application and a reservation moved to participants that had none.
    await t.sql('UPDATE applications SET participant_id = $2 WHERE participant_id = $1', [ids[3], ids[4]]);
    const [bare] = await t.sql<{ id: number }>(
      `INSERT INTO participants (campaign_id, mykey_hash, mykey_last4, cap_yen) VALUES ($1, sha256(random()::text::bytea), 'ABCD', 5000) RETURNING id`,
      [campaignId],
    );
    await t.sql('UPDATE reservations SET participant_id = $2 WHERE participant_id = $1', [ids[5], bare.id]);
    await expectExact(t, { reserved: 9, applied: 5 });
    // One statement deleting one application and inserting another for the same participant.
    await t.sql(
      `WITH gone AS (DELETE FROM applications WHERE participant_id = $1 RETURNING participant_id)
       INSERT INTO applications (participant_id, payment_service_id, applied_at, channel)
       SELECT participant_id, $2, '2020-09-12T10:00:00+09:00', 'counter' FROM gone`,
      [ids[0], services[0]],
    );
    await expectExact(t, { reserved: 9, applied: 5 });
    // Several reservations re-timed and several applications deleted at once.
    await t.sql(`UPDATE reservations SET reserved_at = reserved_at - interval '1 day' WHERE participant_id = ANY($1)`, [ids]);
    await t.sql('DELETE FROM applications WHERE participant_id = ANY($1)', [ids.slice(1, 3)]);
    await expectExact(t, { reserved: 9, applied: 3 });
  });

  it('follows reservation and application imports (several chunks, refused rows, participants removed again)', async () => {
    // A quota of 10 units for 16 rows: the last 6 by reservedAt find none, and their
    // participants (written with the copy already set) are deleted again.
    const small = (await createQuota(t, { campaignId, capacity: 10 })).id;
    const people = Array.from({ length: 16 }, () => newMyKeyId());
    const before = (await drift(t)).set;
    const reservations = await importCsv(
      policy,
      'reservations',
      csv('myKeyId,reservedAt,channel,quotaId', ...people.map((k, i) => `${k},2020-08-${String(1 + i).padStart(2, '0')} 10:00,counter,${small}`)),
      { campaignId },
    );
    expect(reservations).toMatchObject({ status: 'done', accepted: 10, rejected: 6 });
    await expectExact(t, { reserved: before.reserved + 10, applied: before.applied });

    const applications = await importCsv(
      policy,
      'applications',
      csv('myKeyId,paymentServiceId,appliedAt,channel', ...people.slice(0, 10).map((k, i) => `${k},${services[i % 2]},2020-09-${String(10 + i).padStart(2, '0')} 11:00,self_pc`)),
      { campaignId },
    );
    expect(applications).toMatchObject({ status: 'done', accepted: 10, rejected: 0 });
    await expectExact(t, { reserved: before.reserved + 10, applied: before.applied + 10 });
    // And the list reads them: the imported people in their service, in reservation order.
    const res = await policy
      .get(`/api/participants?${listQuery({ filter: { campaignId, quotaId: small, paymentServiceId: services[1], reservedAt_gte: '2020-08-01', reservedAt_lte: '2020-08-16' }, sort: ['reservedAt', 'DESC'] })}`)
      .expect(200);
    const expected = await t.sql<{ id: number }>(
      `SELECT p.id FROM participants p JOIN reservations r ON r.participant_id = p.id JOIN applications a ON a.participant_id = p.id
        WHERE p.campaign_id = $1 AND a.payment_service_id = $2 AND r.quota_id = $3 ORDER BY r.reserved_at DESC, p.id DESC`,
      [campaignId, services[1], small],
    );
    expect(expected).toHaveLength(5);
    expect(res.body.map((r: { id: number }) => r.id)).toEqual(expected.map((r) => r.id));
  });

  it('clears the copies after a TRUNCATE of applications', async () => {
    expect((await drift(t)).set.applied).toBeGreaterThan(0);
    await t.sql('TRUNCATE applications');
    await expectExact(t, { reserved: 1, applied: 0 });
    expect((await drift(t)).set.applied).toBe(0);
  });
});
