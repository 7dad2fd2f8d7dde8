import { createPaymentService } from '../support/fixtures';
import { applicationBody, campaignBody, createCampaign, createQuota, createReservation, newMyKeyId, quotaBody, reservationBody } from '../support/uptake-fixtures';
import { Client_, listQuery, TestApp, totalOf } from '../support/test-app';

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

describe('reservations', () => {
  let t: TestApp;
  let counter: Client_;
  let policy: Client_;
  let admin: Client_;

  beforeAll(async () => {
    t = await TestApp.start();
    counter = await t.as('counter');
    policy = await t.as('policy');
    admin = await t.as('admin');
  });
  afterAll(() => t.close());

  const used = async (quotaId: number) => (await t.sql<{ used: number }>('SELECT used FROM reservation_quotas WHERE id = $1', [quotaId]))[0].used;
  const participants = async () => (await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM participants'))[0].n;

  describe('create', () => {
    it('takes one unit, enrols the participant, and keeps only a keyed hash and the last 4 of the MyKey ID', async () => {
      const quota = await createQuota(t);
      const myKeyId = 'ab12cd7q';
      const res = await counter.post('/api/reservations').send(reservationBody(quota.id, { myKeyId })).expect(201);
      expect(res.body).toMatchObject({ quotaId: quota.id, campaignId: quota.campaignId, participantRef: '****CD7Q', channel: 'counter', ageBand: '40s', district: '水原', applied: false });
      expect(new Date(res.body.reservedAt).toISOString()).toBe('2020-09-01T01:00:00.000Z');
      expect(res.body).not.toHaveProperty('myKeyId');
      expect(JSON.stringify(res.body)).not.toMatch(/AB12|ab12/);
      expect(await used(quota.id)).toBe(1);
      // The answer is read back in the statement that inserts the row: it is the record as stored.
      expect((await counter.get(`/api/reservations/${res.body.id}`).expect(200)).body).toEqual(res.body);

      const [p] = await t.sql<{ mykey_last4: string; len: number; cap_yen: number; campaign_id: number }>(
        'SELECT mykey_last4, length(mykey_hash) AS len, cap_yen, campaign_id FROM participants WHERE id = $1',
        [res.body.participantId],
      );
      expect(p).toEqual({ mykey_last4: 'CD7Q', len: 32, cap_yen: 5000, campaign_id: quota.campaignId });
      const [me] = await t.sql<{ id: number }>(`SELECT id FROM users WHERE username = 'counter'`);
      expect(res.body.createdBy).toBe(me.id);
      // The clear ID is nowhere: not in the tables, not in the audit log.
      const dump = await t.sql<{ text: string }>(
        `SELECT (SELECT coalesce(string_agg(row_to_json(x)::text, ''), '') FROM participants x) || (SELECT coalesce(string_agg(changes::text, ''), '') FROM audit_logs) AS text`,
      );
      expect(dump[0].text.toUpperCase()).not.toContain('AB12CD7Q');
    });

    it('takes reservedAt as now when it is left out', async () => {
      const quota = await createQuota(t, { opensAt: iso(Date.now() - HOUR), closesAt: iso(Date.now() + HOUR) });
      const before = Date.now();
      const res = await counter.post('/api/reservations').send(reservationBody(quota.id, { reservedAt: undefined })).expect(201);
      const at = new Date(res.body.reservedAt).getTime();
      expect(at).toBeGreaterThanOrEqual(before - 1000);
      expect(at).toBeLessThanOrEqual(Date.now() + 1000);
    });

    it('treats a null reservedAt as now on create, and refuses to erase it on update (400)', async () => {
      const quota = await createQuota(t, { opensAt: iso(Date.now() - HOUR), closesAt: iso(Date.now() + HOUR) });
      const res = await counter.post('/api/reservations').send(reservationBody(quota.id, { reservedAt: null })).expect(201);
      expect(Math.abs(new Date(res.body.reservedAt).getTime() - Date.now())).toBeLessThan(60_000);
      const bad = await policy.put(`/api/reservations/${res.body.id}`).send({ reservedAt: null }).expect(400);
      expect(bad.body.errors).toHaveProperty('reservedAt');
      expect((await policy.put(`/api/reservations/${res.body.id}`).send({ channel: null }).expect(400)).body.errors).toHaveProperty('channel');
    });

    it('refuses a reservedAt in the future (400)', async () => {
      const quota = await createQuota(t, { opensAt: iso(Date.now() - HOUR), closesAt: iso(Date.now() + 48 * HOUR) });
      const res = await counter.post('/api/reservations').send(reservationBody(quota.id, { reservedAt: iso(Date.now() + 2 * HOUR) })).expect(400);
      expect(res.body).toMatchObject({ code: 'reservation_in_future', errors: { reservedAt: expect.any(String) } });
      expect(await used(quota.id)).toBe(0);
    });

    it('allows one reservation per MyKey ID per campaign, whatever its case or width (409)', async () => {
      const quota = await createQuota(t);
      const myKeyId = newMyKeyId();
      await counter.post('/api/reservations').send(reservationBody(quota.id, { myKeyId })).expect(201);
      const before = await participants();
      for (const variant of [myKeyId.toLowerCase(), myKeyId.replace(/[0-9A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))]) {
        const res = await counter.post('/api/reservations').send(reservationBody(quota.id, { myKeyId: variant })).expect(409);
        expect(res.body).toMatchObject({ code: 'reservation_already_reserved', errors: { myKeyId: expect.any(String) } });
        expect(res.body.message).toContain(`****${myKeyId.slice(-4)}`);
      }
      // Another quota of the same campaign: still the same participant.
      const sibling = await createQuota(t, { campaignId: quota.campaignId });
      await counter.post('/api/reservations').send(reservationBody(sibling.id, { myKeyId })).expect(409);
      expect(await used(quota.id)).toBe(1);
      expect(await used(sibling.id)).toBe(0);
      expect(await participants()).toBe(before);
      // Another campaign: a participant of its own.
      const other = await createQuota(t);
      await counter.post('/api/reservations').send(reservationBody(other.id, { myKeyId })).expect(201);
    });

    it('refuses malformed MyKey IDs with a field error (400)', async () => {
      const quota = await createQuota(t);
      for (const myKeyId of ['AB12CD7', 'AB12CD7Q9', 'AB12-D7Q', 'あいうえおかきく', 12345678]) {
        const res = await counter.post('/api/reservations').send(reservationBody(quota.id, { myKeyId })).expect(400);
        expect(res.body.errors).toHaveProperty('myKeyId');
      }
      const missing = await counter.post('/api/reservations').send({ quotaId: quota.id, channel: 'counter' }).expect(400);
      expect(missing.body.errors).toHaveProperty('myKeyId');
      expect(await used(quota.id)).toBe(0);
    });

    it('applies the 24-hour rule after a certificate renewal, saying from when it becomes possible (400)', async () => {
      const quota = await createQuota(t);
      const res = await counter
        .post('/api/reservations')
        .send(reservationBody(quota.id, { certRenewedAt: '2020-09-01T10:00:00+09:00', reservedAt: '2020-09-02T09:59:00+09:00' }))
        .expect(400);
      expect(res.body.code).toBe('reservation_cert_renewal_wait');
      expect(res.body.message).toBe('電子証明書の更新から24時間経過後（2020年9月2日 10:00 以降）に予約できます。');
      expect(res.body.errors.certRenewedAt).toBe(res.body.message);
      expect(await used(quota.id)).toBe(0);

      await counter
        .post('/api/reservations')
        .send(reservationBody(quota.id, { certRenewedAt: '2020-09-01T10:00:00+09:00', reservedAt: '2020-09-02T10:00:00+09:00' }))
        .expect(201);
    });

    it('applies the same 24-hour rule after the certificate is first issued (Round 2), in the API and the database', async () => {
      const quota = await createQuota(t);
      const res = await counter
        .post('/api/reservations')
        .send(reservationBody(quota.id, { certIssuedAt: '2020-09-01T10:00:00+09:00', reservedAt: '2020-09-02T09:59:00+09:00' }))
        .expect(400);
      expect(res.body.code).toBe('reservation_cert_renewal_wait');
      expect(res.body.message).toBe('電子証明書の発行から24時間経過後（2020年9月2日 10:00 以降）に予約できます。');
      expect(res.body.errors).toEqual({ certIssuedAt: res.body.message });
      expect(await used(quota.id)).toBe(0);

      const body = reservationBody(quota.id, { certIssuedAt: '2020-09-01T10:00:00+09:00', reservedAt: '2020-09-02T10:00:00+09:00' });
      const ok = await counter.post('/api/reservations').send(body).expect(201);
      expect(Date.parse(ok.body.certIssuedAt)).toBe(Date.parse('2020-09-01T10:00:00+09:00'));
      const edit = await policy.put(`/api/reservations/${ok.body.id}`).send({ certIssuedAt: '2020-09-01T12:00:00+09:00' }).expect(400);
      expect(edit.body.errors).toHaveProperty('certIssuedAt');
      await expect(t.sql(`UPDATE reservations SET cert_issued_at = reserved_at - interval '1 hour' WHERE id = $1`, [ok.body.id])).rejects.toThrow(/reservations_24h_after_issue/);
      // Applications hold it in the database too (cert_issued_at, the same CHECK as after a renewal).
      const service = await createPaymentService(t);
      const app = (await admin.post('/api/applications').send(applicationBody(body.myKeyId, service.id)).expect(201)).body;
      await expect(t.sql(`UPDATE applications SET cert_issued_at = applied_at - interval '23 hours' WHERE id = $1`, [app.id])).rejects.toThrow(/applications_24h_after_issue/);
      await t.sql(`UPDATE applications SET cert_issued_at = applied_at - interval '24 hours' WHERE id = $1`, [app.id]);
    });

    it('answers 409 with an actionable message when the quota is full, and leaves nothing behind', async () => {
      const quota = await createQuota(t, { capacity: 2, name: '安田支所 出張受付' });
      await counter.post('/api/reservations').send(reservationBody(quota.id)).expect(201);
      await counter.post('/api/reservations').send(reservationBody(quota.id)).expect(201);
      const before = await participants();
      const res = await counter.post('/api/reservations').send(reservationBody(quota.id)).expect(409);
      expect(res.body).toMatchObject({ statusCode: 409, code: 'quota_full', errors: { quotaId: expect.any(String) } });
      expect(res.body.message).toContain('安田支所 出張受付');
      expect(res.body.message).toContain('上限（2件）に達した');
      expect(await used(quota.id)).toBe(2);
      expect(await participants()).toBe(before);
    });

    it('checks the window against the reservation’s own instant: 409 outside it, 201 for a past entry inside it', async () => {
      const quota = await createQuota(t, { opensAt: '2020-07-01T00:00:00+09:00', closesAt: '2020-10-01T00:00:00+09:00' });
      for (const reservedAt of ['2020-06-30T23:59:59+09:00', '2020-10-01T00:00:00+09:00']) {
        const res = await counter.post('/api/reservations').send(reservationBody(quota.id, { reservedAt })).expect(409);
        expect(res.body.code).toBe('quota_closed');
        expect(res.body.message).toContain('受付期間（2020年7月1日 00:00 〜 2020年10月1日 00:00）外');
      }
      // Closed today, but a historical reservation made within the window is recorded.
      await counter.post('/api/reservations').send(reservationBody(quota.id, { reservedAt: '2020-09-30T23:59:59+09:00' })).expect(201);
      // Left out, reservedAt is now: outside this 2020 window.
      const now = await counter.post('/api/reservations').send(reservationBody(quota.id, { reservedAt: undefined })).expect(409);
      expect(now.body.code).toBe('quota_closed');
      expect(await used(quota.id)).toBe(1);
    });

    it('answers 400 for an unknown quota, and for bad enums and lengths', async () => {
      const res = await counter.post('/api/reservations').send(reservationBody(987654)).expect(400);
      expect(res.body).toMatchObject({ code: 'quota_unknown', errors: { quotaId: expect.any(String) } });
      const quota = await createQuota(t);
      const bad = await counter
        .post('/api/reservations')
        .send(reservationBody(quota.id, { channel: 'fax', ageBand: '80s', district: 'あ'.repeat(41), reservedAt: 'yesterday', participantRef: 'x' }))
        .expect(400);
      expect(Object.keys(bad.body.errors).sort()).toEqual(['ageBand', 'channel', 'district', 'participantRef', 'reservedAt']);
    });

    it('refuses a My Number in any text field, taking no unit', async () => {
      const quota = await createQuota(t);
      const res = await counter.post('/api/reservations').send(reservationBody(quota.id, { district: '水原 1234-5678-9018' })).expect(400);
      expect(res.body).toMatchObject({ code: 'my_number_refused', errors: { district: expect.any(String) } });
      expect(await used(quota.id)).toBe(0);
    });

    it('creates once for a double-clicked save (Idempotency-Key)', async () => {
      const quota = await createQuota(t);
      const body = reservationBody(quota.id);
      const key = `res-${Date.now()}-double`;
      const [a, b] = await Promise.all([
        counter.post('/api/reservations').set('Idempotency-Key', key).send(body),
        counter.post('/api/reservations').set('Idempotency-Key', key).send(body),
      ]);
      expect([a.status, b.status]).toEqual([201, 201]);
      expect(a.body.id).toBe(b.body.id);
      expect(await used(quota.id)).toBe(1);
    });
  });

  describe("in a national campaign (the operator's row, the municipalities' participants)", () => {
    it('reserves in it, and a cap change by the operator follows to every municipality, refused below points awarded', async () => {
      const operator = await t.asOperator();
      await t.addMunicipality('152064', '新発田市');
      const national = (await operator.post('/api/campaigns').send(campaignBody({ capPerPersonYen: 5000 })).expect(201)).body;
      expect(national.national).toBe(true);
      const reserveIn = async (code?: string) => {
        const quota = (await (await t.as('policy', code)).post('/api/reservation-quotas').send(quotaBody(national.id)).expect(201)).body;
        const res = await (await t.as('counter', code)).post('/api/reservations').send(reservationBody(quota.id, { myKeyId: newMyKeyId() }));
        expect([res.status, res.body.message]).toEqual([201, undefined]);
        return res.body.participantId as number;
      };
      const here = await reserveIn();
      const there = await reserveIn('152064');
      const caps = async () => (await t.sql<{ cap_yen: number }>('SELECT cap_yen FROM participants WHERE id = ANY($1) ORDER BY id', [[here, there]])).map((r) => r.cap_yen);
      expect(await caps()).toEqual([5000, 5000]);

      await operator.put(`/api/campaigns/${national.id}`).send({ ...national, capPerPersonYen: 7000 }).expect(200);
      expect(await caps()).toEqual([7000, 7000]);
      // Another municipality's participant already holds more than the new cap: refused, nothing changed.
      await t.sql('UPDATE participants SET points_total = 6000 WHERE id = $1', [there]);
      await operator.put(`/api/campaigns/${national.id}`).send({ ...national, capPerPersonYen: 5500 }).expect(409);
      expect(await caps()).toEqual([7000, 7000]);
    });
  });

  describe('update', () => {
    it('changes the details and ignores the read-only fields react-admin sends back', async () => {
      const r = await createReservation(t);
      const res = await policy
        .put(`/api/reservations/${r.id}`)
        .send({ ...r, myKeyId: r.myKeyId.toLowerCase(), district: '笹神', ageBand: '70_plus', participantRef: '****XXXX', applied: true, campaignId: 1 })
        .expect(200);
      expect(res.body).toMatchObject({ id: r.id, district: '笹神', ageBand: '70_plus', participantRef: r.participantRef, applied: false, campaignId: r.campaignId });
    });

    it('refuses another quota or another MyKey ID (409)', async () => {
      const r = await createReservation(t);
      const other = await createQuota(t, { campaignId: r.campaignId });
      expect((await policy.put(`/api/reservations/${r.id}`).send({ quotaId: other.id }).expect(409)).body.code).toBe('reservation_quota_fixed');
      expect((await policy.put(`/api/reservations/${r.id}`).send({ myKeyId: newMyKeyId() }).expect(409)).body.code).toBe('reservation_mykey_fixed');
      expect(await used(other.id)).toBe(0);
    });

    it('keeps reservedAt inside the quota window, before the application, and 24 h after a renewal (400)', async () => {
      const r = await createReservation(t);
      expect((await policy.put(`/api/reservations/${r.id}`).send({ reservedAt: '2021-05-01T00:00:00+09:00' }).expect(400)).body.code).toBe(
        'reservation_outside_quota_window',
      );
      expect((await policy.put(`/api/reservations/${r.id}`).send({ certRenewedAt: '2020-08-31T12:00:00+09:00' }).expect(400)).body.code).toBe(
        'reservation_cert_renewal_wait',
      );
      const service = await createPaymentService(t);
      await admin.post('/api/applications').send(applicationBody(r.myKeyId, service.id, { appliedAt: '2020-09-05T10:00:00+09:00' })).expect(201);
      expect((await policy.put(`/api/reservations/${r.id}`).send({ reservedAt: '2020-09-06T10:00:00+09:00' }).expect(400)).body.code).toBe(
        'reservation_after_application',
      );
      await policy.put(`/api/reservations/${r.id}`).send({ reservedAt: '2020-09-04T10:00:00+09:00' }).expect(200);
    });

    it('is not for counter staff (403) and answers 404 for unknown ids', async () => {
      const r = await createReservation(t);
      await counter.put(`/api/reservations/${r.id}`).send({ district: '安田' }).expect(403);
      await policy.put('/api/reservations/987654').send({ district: '安田' }).expect(404);
      expect((await policy.get('/api/reservations/987654').expect(404)).body.code).toBe('reservation_not_found');
    });
  });

  describe('delete', () => {
    it('gives the unit back and ends the participant, so the MyKey ID can reserve again', async () => {
      const quota = await createQuota(t, { capacity: 1 });
      const r = await createReservation(t, { quotaId: quota.id });
      expect(await used(quota.id)).toBe(1);
      const res = await admin.delete(`/api/reservations/${r.id}`).expect(200);
      expect(res.body.id).toBe(r.id);
      expect(await used(quota.id)).toBe(0);
      expect(await t.sql('SELECT 1 FROM participants WHERE id = $1', [r.participantId])).toHaveLength(0);
      await counter.post('/api/reservations').send(reservationBody(quota.id, { myKeyId: r.myKeyId })).expect(201);
      expect(await used(quota.id)).toBe(1);
    });

    it('refuses to delete a reservation that has an application (409), changing nothing', async () => {
      const r = await createReservation(t);
      const service = await createPaymentService(t);
      await admin.post('/api/applications').send(applicationBody(r.myKeyId, service.id)).expect(201);
      const res = await admin.delete(`/api/reservations/${r.id}`).expect(409);
      expect(res.body.code).toBe('reservation_has_application');
      expect(await used(r.quotaId as number)).toBe(1);
      await admin.get(`/api/reservations/${r.id}`).expect(200);
    });

    it('is for admins only', async () => {
      const r = await createReservation(t);
      await policy.delete(`/api/reservations/${r.id}`).expect(403);
      await counter.delete(`/api/reservations/${r.id}`).expect(403);
      await admin.delete('/api/reservations/987654').expect(404);
    });
  });

  it('suggests the city’s districts to any signed-in user', async () => {
    const res = await counter.get('/api/settings').expect(200);
    expect(res.body).toEqual({
      cityName: '阿賀野市',
      municipalityCode: t.config.municipalityCode,
      prefectureCode: '15',
      districts: ['水原', '京ヶ瀬', '安田', '笹神'],
      districtPopulation: {},
      contactPhone: null,
      contactEmail: null,
    });
    await t.anon.get('/api/settings').expect(401);
  });

  describe('list', () => {
    it('finds a reservation by the MyKey ID staff hold (matched by hash), and filters by the usual fields', async () => {
      const campaign = await createCampaign(t);
      const quota = await createQuota(t, { campaignId: campaign.id });
      const a = await createReservation(t, { quotaId: quota.id, channel: 'self_smartphone', ageBand: '20s', district: '京ヶ瀬' });
      await createReservation(t, { quotaId: quota.id, channel: 'counter', ageBand: '70_plus', district: '安田' });
      const q = (filter: object) => counter.get(`/api/reservations?${listQuery({ filter: { campaignId: campaign.id, ...filter } })}`).expect(200);

      const byKey = await q({ myKeyId: a.myKeyId.toLowerCase() });
      expect(byKey.body.map((r: { id: number }) => r.id)).toEqual([a.id]);
      expect(totalOf(await q({ myKeyId: 'ZZZZ9999' }))).toBe(0);
      await counter.get(`/api/reservations?${listQuery({ filter: { myKeyId: 'short' } })}`).expect(400);

      expect(totalOf(await q({}))).toBe(2);
      expect(totalOf(await q({ channel: 'counter' }))).toBe(1);
      expect(totalOf(await q({ ageBand: ['20s', '70_plus'] }))).toBe(2);
      expect(totalOf(await q({ district: '京ヶ瀬' }))).toBe(1);
      expect(totalOf(await q({ q: a.myKeyId.slice(-4) }))).toBe(1);
      expect(totalOf(await q({ reservedAt_gte: '2020-09-01', reservedAt_lte: '2020-09-01' }))).toBe(2);
      expect(totalOf(await q({ applied: false }))).toBe(2);
    });
  });
});
