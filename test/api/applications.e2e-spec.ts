import { createPaymentService } from '../support/fixtures';
import { applicationBody, createApplication, createCampaign, createQuota, createReservation, newMyKeyId } from '../support/uptake-fixtures';
import { Client_, listQuery, TestApp, totalOf } from '../support/test-app';

describe('applications', () => {
  let t: TestApp;
  let counter: Client_;
  let policy: Client_;
  let admin: Client_;
  let service: { id: number };

  beforeAll(async () => {
    t = await TestApp.start();
    counter = await t.as('counter');
    policy = await t.as('policy');
    admin = await t.as('admin');
    service = await createPaymentService(t, { applicationsOpenOn: '2020-07-01' });
  });
  afterAll(() => t.close());

  const applicationsOf = async (participantId: unknown) =>
    (await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM applications WHERE participant_id = $1', [participantId]))[0].n;

  describe('create', () => {
    it('records the chosen service for the reserved MyKey ID', async () => {
      const r = await createReservation(t);
      const res = await counter.post('/api/applications').send(applicationBody(r.myKeyId.toLowerCase(), service.id)).expect(201);
      expect(res.body).toMatchObject({
        participantId: r.participantId,
        campaignId: r.campaignId,
        participantRef: r.participantRef,
        paymentServiceId: service.id,
        channel: 'counter',
        preRegistered: false,
        certRenewedAt: null,
      });
      expect(res.body).not.toHaveProperty('myKeyId');
      const participant = await policy.get(`/api/participants/${r.participantId}`).expect(200);
      expect(participant.body).toMatchObject({ paymentServiceId: service.id, applicationId: res.body.id });
      expect(new Date(participant.body.appliedAt).toISOString()).toBe('2020-09-10T01:00:00.000Z');
      expect((await policy.get(`/api/reservations/${r.id}`)).body.applied).toBe(true);
    });

    it('needs a prior reservation (400)', async () => {
      const res = await counter.post('/api/applications').send(applicationBody(newMyKeyId(), service.id)).expect(400);
      expect(res.body).toMatchObject({ code: 'application_no_reservation', errors: { myKeyId: expect.any(String) } });
      const r = await createReservation(t, { reservedAt: '2020-09-15T10:00:00+09:00' });
      const early = await counter.post('/api/applications').send(applicationBody(r.myKeyId, service.id, { appliedAt: '2020-09-14T10:00:00+09:00' })).expect(400);
      expect(early.body).toMatchObject({ code: 'application_before_reservation', errors: { appliedAt: expect.any(String) } });
      expect(await applicationsOf(r.participantId)).toBe(0);
    });

    it('allows one application per participant per campaign (409), even for another service', async () => {
      const r = await createReservation(t);
      await counter.post('/api/applications').send(applicationBody(r.myKeyId, service.id)).expect(201);
      const other = await createPaymentService(t);
      const res = await counter.post('/api/applications').send(applicationBody(r.myKeyId, other.id)).expect(409);
      expect(res.body.code).toBe('application_already_applied');
      expect(res.body.message).toContain(r.participantRef as string);
      expect(await applicationsOf(r.participantId)).toBe(1);
    });

    it('is decided once under parallel double submissions: one 201, the rest 409', async () => {
      const r = await createReservation(t);
      const results = await Promise.all(Array.from({ length: 8 }, () => counter.post('/api/applications').send(applicationBody(r.myKeyId, service.id))));
      expect(results.map((x) => x.status).sort()).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
      expect(await applicationsOf(r.participantId)).toBe(1);
    });

    it.each([
      ['suspended', { status: 'suspended' }, 'application_service_not_active', '一時停止中'],
      ['withdrawn', { status: 'withdrawn' }, 'application_service_not_active', '撤退済み'],
      ['not yet open for applications', { applicationsOpenOn: '2020-10-01' }, 'application_service_not_open_yet', '2020年10月1日から'],
    ])('refuses a service that is %s (400)', async (_name, serviceOverrides, code, text) => {
      const s = await createPaymentService(t, serviceOverrides);
      const r = await createReservation(t);
      const res = await counter.post('/api/applications').send(applicationBody(r.myKeyId, s.id)).expect(400);
      expect(res.body).toMatchObject({ code, errors: { paymentServiceId: expect.any(String) } });
      expect(res.body.message).toContain(text);
      expect(await applicationsOf(r.participantId)).toBe(0);
    });

    it('opens a service by the JST date of appliedAt', async () => {
      const s = await createPaymentService(t, { applicationsOpenOn: '2020-09-11' });
      const r = await createReservation(t);
      await counter.post('/api/applications').send(applicationBody(r.myKeyId, s.id, { appliedAt: '2020-09-10T23:59:00+09:00' })).expect(400);
      await counter.post('/api/applications').send(applicationBody(r.myKeyId, s.id, { appliedAt: '2020-09-10T15:00:00Z' })).expect(201);
    });

    it('needs confirmed pre-registration where the service requires it (400)', async () => {
      const s = await createPaymentService(t, { preRegistrationRequired: true });
      const r = await createReservation(t);
      const res = await counter.post('/api/applications').send(applicationBody(r.myKeyId, s.id)).expect(400);
      expect(res.body).toMatchObject({ code: 'application_pre_registration_required', errors: { preRegistered: expect.any(String) } });
      await counter.post('/api/applications').send(applicationBody(r.myKeyId, s.id, { preRegistered: true })).expect(201);
    });

    it('stays within the campaign’s application period (400)', async () => {
      const campaign = await createCampaign(t, { applicationOpensOn: '2020-09-01', applicationClosesOn: '2020-09-30' });
      const quota = await createQuota(t, { campaignId: campaign.id });
      const r = await createReservation(t, { quotaId: quota.id, reservedAt: '2020-08-01T10:00:00+09:00' });
      for (const appliedAt of ['2020-08-31T23:59:00+09:00', '2020-10-01T00:00:00+09:00']) {
        const res = await counter.post('/api/applications').send(applicationBody(r.myKeyId, service.id, { appliedAt })).expect(400);
        expect(res.body.code).toBe('application_outside_period');
        expect(res.body.message).toContain('2020年9月1日〜2020年9月30日');
      }
      await counter.post('/api/applications').send(applicationBody(r.myKeyId, service.id, { appliedAt: '2020-09-30T23:59:00+09:00' })).expect(201);
    });

    it('applies the 24-hour rule after a certificate renewal (400)', async () => {
      const r = await createReservation(t);
      const res = await counter
        .post('/api/applications')
        .send(applicationBody(r.myKeyId, service.id, { certRenewedAt: '2020-09-10T09:00:00+09:00', appliedAt: '2020-09-10T10:00:00+09:00' }))
        .expect(400);
      expect(res.body.code).toBe('application_cert_renewal_wait');
      expect(res.body.message).toBe('電子証明書の更新から24時間経過後（2020年9月11日 09:00 以降）に申し込みできます。');
    });

    it('applies the 24-hour rule after a certificate is first issued too (400 next to certIssuedAt; kept, and checked again on edit)', async () => {
      const r = await createReservation(t);
      const early = await counter
        .post('/api/applications')
        .send(applicationBody(r.myKeyId, service.id, { certIssuedAt: '2020-09-10T09:00:00+09:00', appliedAt: '2020-09-11T08:59:00+09:00' }))
        .expect(400);
      expect(early.body.code).toBe('application_cert_renewal_wait');
      expect(early.body.errors).toEqual({ certIssuedAt: early.body.message });
      const ok = await counter
        .post('/api/applications')
        .send(applicationBody(r.myKeyId, service.id, { certIssuedAt: '2020-09-10T09:00:00+09:00', appliedAt: '2020-09-11T09:00:00+09:00' }))
        .expect(201);
      expect(Date.parse(ok.body.certIssuedAt)).toBe(Date.parse('2020-09-10T09:00:00+09:00'));
      const edit = await policy.put(`/api/applications/${ok.body.id}`).send({ certIssuedAt: '2020-09-10T12:00:00+09:00' }).expect(400);
      expect(edit.body.errors).toHaveProperty('certIssuedAt');
    });

    it('reports every problem at once, each next to its field', async () => {
      const s = await createPaymentService(t, { status: 'suspended', preRegistrationRequired: true });
      const r = await createReservation(t);
      const res = await counter.post('/api/applications').send(applicationBody(r.myKeyId, s.id, { appliedAt: '2021-04-02T10:00:00+09:00' })).expect(400);
      expect(res.body.code).toBe('application_service_not_active');
      expect(Object.keys(res.body.errors).sort()).toEqual(['appliedAt', 'paymentServiceId', 'preRegistered']);
    });

    it('answers 400 for an unknown service or campaign, a future appliedAt, and a bad body', async () => {
      const r = await createReservation(t);
      expect((await counter.post('/api/applications').send(applicationBody(r.myKeyId, 987654)).expect(400)).body.code).toBe('application_service_not_found');
      expect((await counter.post('/api/applications').send(applicationBody(r.myKeyId, service.id, { campaignId: 987654 })).expect(400)).body.code).toBe(
        'application_campaign_not_found',
      );
      const future = new Date(Date.now() + 3_600_000).toISOString();
      expect((await counter.post('/api/applications').send(applicationBody(r.myKeyId, service.id, { appliedAt: future })).expect(400)).body.code).toBe(
        'application_in_future',
      );
      const bad = await counter.post('/api/applications').send({ myKeyId: 'x', paymentServiceId: 'one', channel: 'post', preRegistered: 'yes' }).expect(400);
      expect(Object.keys(bad.body.errors).sort()).toEqual(['channel', 'myKeyId', 'paymentServiceId', 'preRegistered']);
    });

    it('identifies the participant by MyKey ID and campaign; asks for the campaign when the ID reserved in several', async () => {
      const myKeyId = newMyKeyId();
      const first = await createReservation(t, { myKeyId });
      const second = await createReservation(t, { myKeyId });
      expect(first.campaignId).not.toBe(second.campaignId);
      const ambiguous = await counter.post('/api/applications').send(applicationBody(myKeyId, service.id)).expect(400);
      expect(ambiguous.body).toMatchObject({ code: 'application_campaign_required', errors: { campaignId: expect.any(String) } });
      const res = await counter.post('/api/applications').send(applicationBody(myKeyId, service.id, { campaignId: second.campaignId })).expect(201);
      expect(res.body.participantId).toBe(second.participantId);
      // No reservation in a campaign that exists → 400.
      const campaign = await createCampaign(t);
      expect((await counter.post('/api/applications').send(applicationBody(myKeyId, service.id, { campaignId: campaign.id })).expect(400)).body.code).toBe(
        'application_no_reservation',
      );
    });
  });

  describe('update', () => {
    it('never changes the chosen service (409); the same id sent back is fine', async () => {
      const a = await createApplication(t, { paymentServiceId: service.id });
      const other = await createPaymentService(t);
      const res = await policy.put(`/api/applications/${a.id}`).send({ paymentServiceId: other.id }).expect(409);
      expect(res.body).toMatchObject({ code: 'application_service_fixed', errors: { paymentServiceId: expect.any(String) } });
      const [row] = await t.sql<{ payment_service_id: number }>('SELECT payment_service_id FROM applications WHERE id = $1', [a.id]);
      expect(row.payment_service_id).toBe(service.id);

      const ok = await policy.put(`/api/applications/${a.id}`).send({ ...a, channel: 'self_smartphone', participantRef: '****ZZZZ' }).expect(200);
      expect(ok.body).toMatchObject({ paymentServiceId: service.id, channel: 'self_smartphone', participantRef: a.participantRef });
      expect((await policy.put(`/api/applications/${a.id}`).send({ myKeyId: newMyKeyId() }).expect(409)).body.code).toBe('application_mykey_fixed');
    });

    it('applies the same rules to the changed record (400)', async () => {
      const s = await createPaymentService(t, { preRegistrationRequired: true });
      const a = await createApplication(t, { paymentServiceId: s.id, preRegistered: true });
      expect((await policy.put(`/api/applications/${a.id}`).send({ preRegistered: false }).expect(400)).body.code).toBe('application_pre_registration_required');
      expect((await policy.put(`/api/applications/${a.id}`).send({ appliedAt: '2021-04-05T10:00:00+09:00' }).expect(400)).body.code).toBe('application_outside_period');
    });

    it('refuses to erase appliedAt (400)', async () => {
      const a = await createApplication(t);
      expect((await policy.put(`/api/applications/${a.id}`).send({ appliedAt: null }).expect(400)).body.errors).toHaveProperty('appliedAt');
    });

    it('answers 404 for unknown ids', async () => {
      expect((await policy.get('/api/applications/987654').expect(404)).body.code).toBe('application_not_found');
      await policy.put('/api/applications/987654').send({ channel: 'self_pc' }).expect(404);
      await admin.delete('/api/applications/987654').expect(404);
    });

    it('is not for counter staff (403)', async () => {
      const a = await createApplication(t);
      await counter.put(`/api/applications/${a.id}`).send({ channel: 'self_pc' }).expect(403);
      await counter.delete(`/api/applications/${a.id}`).expect(403);
    });
  });

  describe('delete', () => {
    it('lets an admin withdraw an application without awards; the reservation can then be deleted', async () => {
      const r = await createReservation(t);
      const a = await createApplication(t, { myKeyId: r.myKeyId });
      await admin.delete(`/api/applications/${a.id}`).send({ reason: '本人の申し出により取り下げ' }).expect(200);
      await admin.delete(`/api/reservations/${r.id}`).expect(200);
    });

    it('refuses while point awards exist (409)', async () => {
      const a = await createApplication(t, { paymentServiceId: service.id });
      // Point awards are the points feature's; one row as its award statement writes it.
      await t.sql(
        `INSERT INTO point_awards (participant_id, campaign_id, payment_service_id, external_id, transaction_date, kind, amount_yen, points)
         VALUES ($1, $2, $3, 'tx-1', '2020-09-15', 'charge', 1000, 250)`,
        [a.participantId, a.campaignId, service.id],
      );
      const res = await admin.delete(`/api/applications/${a.id}`).send({ reason: '入力誤り' }).expect(409);
      expect(res.body.code).toBe('application_has_point_awards');
      await admin.get(`/api/applications/${a.id}`).expect(200);
    });
  });

  describe('deletion with a reason, and re-application', () => {
    const reasonOf = async (applicationId: number) =>
      t.sql<{ reason: string; username: string; payment_service_id: number }>(
        'SELECT d.reason, u.username, d.payment_service_id FROM application_deletions d JOIN users u ON u.id = d.deleted_by WHERE d.application_id = $1',
        [applicationId],
      );

    it('refuses a deletion without a reason (400) and deletes nothing', async () => {
      const a = await createApplication(t);
      for (const req of [admin.delete(`/api/applications/${a.id}`), admin.delete(`/api/applications/${a.id}`).send({ reason: '   ' }), admin.delete(`/api/applications/${a.id}?reason=`)]) {
        const res = await req.expect(400);
        expect(res.body).toMatchObject({ code: 'application_deletion_reason_required', errors: { reason: expect.any(String) } });
        expect(res.body.message).toContain('理由');
      }
      await admin.get(`/api/applications/${a.id}`).expect(200);
      expect(await reasonOf(a.id)).toEqual([]);
    });

    it('keeps who deleted it, why and which service (reason in the body or ?reason=), never a My Number', async () => {
      const a = await createApplication(t);
      await admin.delete(`/api/applications/${a.id}`).send({ reason: 'マイナンバー 1234 5678 9018 の方' }).expect(400);
      await admin.delete(`/api/applications/${a.id}?reason=${encodeURIComponent('123456789018')}`).expect(400);
      expect(await t.sql(`SELECT 1 FROM application_deletions WHERE reason LIKE '%9018%'`)).toEqual([]);
      await admin.delete(`/api/applications/${a.id}?reason=${encodeURIComponent('別人のマイキーIDで登録したため')}`).expect(200);
      expect(await reasonOf(a.id)).toEqual([{ reason: '別人のマイキーIDで登録したため', username: 'admin', payment_service_id: a.paymentServiceId }]);
      const b = await createApplication(t);
      await admin.delete(`/api/applications/${b.id}`).send({ reason: '本人の取り下げ' }).expect(200);
      expect((await reasonOf(b.id))[0].reason).toBe('本人の取り下げ');
    });

    it('marks a re-application after a deletion, holds it to the deleted service (409 otherwise), and shows both in the participant’s history', async () => {
      const other = await createPaymentService(t, { applicationsOpenOn: '2020-07-01' });
      const r = await createReservation(t);
      const first = await createApplication(t, { myKeyId: r.myKeyId, paymentServiceId: service.id });
      expect(first.reapplication).toBe(false);
      await admin.delete(`/api/applications/${first.id}`).send({ reason: '申込日時の入力誤り' }).expect(200);

      const refused = await counter.post('/api/applications').send(applicationBody(r.myKeyId, other.id)).expect(409);
      expect(refused.body).toMatchObject({ code: 'application_service_differs_from_deleted', errors: { paymentServiceId: expect.any(String) } });
      expect(refused.body.message).toContain('同じ決済サービス');
      expect(await applicationsOf(r.participantId)).toBe(0);

      const again = await counter.post('/api/applications').send(applicationBody(r.myKeyId, service.id)).expect(201);
      expect(again.body).toMatchObject({ reapplication: true, paymentServiceId: service.id });
      expect((await policy.get(`/api/applications/${again.body.id}`).expect(200)).body.reapplication).toBe(true);
      expect(totalOf(await policy.get(`/api/applications?${listQuery({ filter: { reapplication: true, paymentServiceId: service.id } })}`).expect(200))).toBeGreaterThanOrEqual(1);
      // Sent back by react-admin's edit form, the read-only mark is ignored.
      await policy.put(`/api/applications/${again.body.id}`).send({ ...again.body, reapplication: false, channel: 'self_pc' }).expect(200);
      expect((await policy.get(`/api/applications/${again.body.id}`)).body.reapplication).toBe(true);

      const history = await policy.get(`/api/participants/${r.participantId}/history`).expect(200);
      expect(history.body.map((e: { kind: string }) => e.kind)).toEqual(['reserved', 'applied', 'application_deleted', 'reapplied']);
      expect(history.body[2]).toMatchObject({ reason: '申込日時の入力誤り', byName: 'システム管理者', paymentServiceId: service.id, applicationId: first.id });
      await t.as('manager').then((m) => m.get(`/api/participants/${r.participantId}/history`).expect(200));
      await counter.get(`/api/participants/${r.participantId}/history`).expect(403);
      await policy.get('/api/participants/987654/history').expect(404);
    });

    it('remembers the deletion when the reservation is deleted and made again', async () => {
      const other = await createPaymentService(t, { applicationsOpenOn: '2020-07-01' });
      const r = await createReservation(t);
      const a = await createApplication(t, { myKeyId: r.myKeyId, paymentServiceId: service.id });
      await admin.delete(`/api/applications/${a.id}`).send({ reason: '取り下げ' }).expect(200);
      await admin.delete(`/api/reservations/${r.id}`).expect(200);
      const again = await createReservation(t, { myKeyId: r.myKeyId, quotaId: r.quotaId });
      await counter.post('/api/applications').send(applicationBody(r.myKeyId, other.id)).expect(409);
      const res = await counter.post('/api/applications').send(applicationBody(r.myKeyId, service.id)).expect(201);
      expect(res.body).toMatchObject({ reapplication: true, participantId: again.participantId });
    });
  });

  it('lists and filters by service, channel, campaign and MyKey ID', async () => {
    const campaign = await createCampaign(t);
    const quota = await createQuota(t, { campaignId: campaign.id });
    const s = await createPaymentService(t);
    const r1 = await createReservation(t, { quotaId: quota.id });
    const r2 = await createReservation(t, { quotaId: quota.id });
    await createApplication(t, { myKeyId: r1.myKeyId, paymentServiceId: s.id, channel: 'self_pc' });
    await createApplication(t, { myKeyId: r2.myKeyId, paymentServiceId: service.id, channel: 'counter' });
    const q = async (filter: object) => totalOf(await policy.get(`/api/applications?${listQuery({ filter: { campaignId: campaign.id, ...filter } })}`).expect(200));
    expect(await q({})).toBe(2);
    expect(await q({ paymentServiceId: s.id })).toBe(1);
    expect(await q({ channel: 'counter' })).toBe(1);
    expect(await q({ myKeyId: r1.myKeyId })).toBe(1);
    expect(await q({ preRegistered: true })).toBe(0);
  });
});
