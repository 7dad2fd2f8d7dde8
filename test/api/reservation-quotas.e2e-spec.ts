import { createCampaign, createQuota, createReservation, quotaBody, reservationBody } from '../support/uptake-fixtures';
import { Client_, listQuery, TestApp, totalOf } from '../support/test-app';

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

describe('reservation-quotas', () => {
  let t: TestApp;
  let policy: Client_;
  let counter: Client_;

  beforeAll(async () => {
    t = await TestApp.start();
    policy = await t.as('policy');
    counter = await t.as('counter');
  });
  afterAll(() => t.close());

  // A quota whose window contains now, so its status is open or full.
  const openNow = (overrides: Record<string, unknown> = {}) => createQuota(t, { opensAt: iso(Date.now() - 24 * HOUR), closesAt: iso(Date.now() + 24 * HOUR), ...overrides });
  const reserveNow = (quotaId: number) => counter.post('/api/reservations').send(reservationBody(quotaId, { reservedAt: undefined }));

  it('creates a quota with the campaign’s reservation period (whole JST days) and a 90% warning by default', async () => {
    const campaign = await createCampaign(t);
    const res = await policy.post('/api/reservation-quotas').send({ campaignId: campaign.id, name: '市全体', capacity: 8000 }).expect(201);
    expect(res.body).toMatchObject({ campaignId: campaign.id, capacity: 8000, warnAtPercent: 90, used: 0, remaining: 8000, status: 'closed' });
    expect(new Date(res.body.opensAt).toISOString()).toBe('2020-06-30T15:00:00.000Z'); // 2020-07-01 00:00 JST
    expect(new Date(res.body.closesAt).toISOString()).toBe('2021-03-31T15:00:00.000Z'); // 2021-04-01 00:00 JST
  });

  it('derives used, remaining and status (open → full; closed outside the window)', async () => {
    const quota = await openNow({ capacity: 2 });
    expect(quota).toMatchObject({ status: 'open', used: 0, remaining: 2 });
    await reserveNow(quota.id).expect(201);
    expect((await policy.get(`/api/reservation-quotas/${quota.id}`)).body).toMatchObject({ status: 'open', used: 1, remaining: 1 });
    await reserveNow(quota.id).expect(201);
    expect((await policy.get(`/api/reservation-quotas/${quota.id}`)).body).toMatchObject({ status: 'full', used: 2, remaining: 0 });

    const past = await createQuota(t, { opensAt: '2020-07-01T00:00:00+09:00', closesAt: '2020-08-01T00:00:00+09:00' });
    expect(past.status).toBe('closed');
    const future = await createQuota(t, { opensAt: iso(Date.now() + 24 * HOUR), closesAt: iso(Date.now() + 48 * HOUR) });
    expect(future.status).toBe('closed');
  });

  it('sorts by fill rate and filters by status and campaign', async () => {
    const campaign = await createCampaign(t);
    const a = await openNow({ campaignId: campaign.id, capacity: 4 }); // 3/4 = 75%
    const b = await openNow({ campaignId: campaign.id, capacity: 2 }); // 2/2 = 100%
    const c = await openNow({ campaignId: campaign.id, capacity: 10 }); // 1/10 = 10%
    for (let i = 0; i < 3; i++) await reserveNow(a.id).expect(201);
    for (let i = 0; i < 2; i++) await reserveNow(b.id).expect(201);
    await reserveNow(c.id).expect(201);

    const desc = await policy.get(`/api/reservation-quotas?${listQuery({ filter: { campaignId: campaign.id }, sort: ['fillRate', 'DESC'] })}`).expect(200);
    expect(desc.body.map((q: { id: number }) => q.id)).toEqual([b.id, a.id, c.id]);
    const asc = await policy.get(`/api/reservation-quotas?${listQuery({ filter: { campaignId: campaign.id }, sort: ['fillRate', 'ASC'] })}`).expect(200);
    expect(asc.body.map((q: { id: number }) => q.id)).toEqual([c.id, a.id, b.id]);

    const full = await policy.get(`/api/reservation-quotas?${listQuery({ filter: { campaignId: campaign.id, status: 'full' } })}`).expect(200);
    expect(full.body.map((q: { id: number }) => q.id)).toEqual([b.id]);
    expect(totalOf(await policy.get(`/api/reservation-quotas?${listQuery({ filter: { campaignId: campaign.id, status: 'open' } })}`))).toBe(2);
    await policy.get(`/api/reservation-quotas?${listQuery({ filter: { status: 'overflowing' } })}`).expect(400);
    await policy.get(`/api/reservation-quotas?${listQuery({ sort: ['fillRatio', 'DESC'] })}`).expect(400);
  });

  it('refuses a capacity below the units already taken (409), accepts one at or above', async () => {
    const quota = await openNow({ capacity: 5 });
    for (let i = 0; i < 3; i++) await reserveNow(quota.id).expect(201);
    const res = await policy.put(`/api/reservation-quotas/${quota.id}`).send({ capacity: 2 }).expect(409);
    expect(res.body).toMatchObject({ code: 'quota_capacity_below_used', errors: { capacity: expect.any(String) } });
    expect(res.body.message).toContain('3件');
    const [row] = await t.sql<{ capacity: number; used: number }>('SELECT capacity, used FROM reservation_quotas WHERE id = $1', [quota.id]);
    expect(row).toEqual({ capacity: 5, used: 3 });

    const ok = await policy.put(`/api/reservation-quotas/${quota.id}`).send({ ...quota, capacity: 3, used: 999, remaining: 999, status: 'open' }).expect(200);
    expect(ok.body).toMatchObject({ capacity: 3, used: 3, remaining: 0, status: 'full' });
  });

  it('keeps a quota with reservations in its campaign (409) and refuses a window that ends before it starts (400)', async () => {
    const quota = await openNow();
    await reserveNow(quota.id).expect(201);
    const other = await createCampaign(t);
    const res = await policy.put(`/api/reservation-quotas/${quota.id}`).send({ campaignId: other.id }).expect(409);
    expect(res.body.code).toBe('quota_campaign_fixed');

    const bad = await policy.put(`/api/reservation-quotas/${quota.id}`).send({ closesAt: '2019-01-01T00:00:00+09:00' }).expect(400);
    expect(bad.body).toMatchObject({ code: 'quota_window_order', errors: { closesAt: expect.any(String) } });
    const [row] = await t.sql<{ campaign_id: number }>('SELECT campaign_id FROM reservation_quotas WHERE id = $1', [quota.id]);
    expect(row.campaign_id).toBe(quota.campaignId);
  });

  it('validates the body: unknown campaign 400, capacity and percent ranges, bare local times', async () => {
    const unknown = await policy.post('/api/reservation-quotas').send(quotaBody(987654)).expect(400);
    expect(unknown.body).toMatchObject({ code: 'quota_campaign_not_found', errors: { campaignId: expect.any(String) } });
    const campaign = await createCampaign(t);
    const res = await policy
      .post('/api/reservation-quotas')
      .send(quotaBody(campaign.id, { capacity: 0, warnAtPercent: 101, opensAt: '2020-07-01T00:00', used: 5 }))
      .expect(400);
    expect(Object.keys(res.body.errors).sort()).toEqual(['capacity', 'opensAt', 'used', 'warnAtPercent']);
  });

  it('deletes an empty quota; a quota with reservations cannot be deleted (409)', async () => {
    const admin = await t.as('admin');
    const empty = await createQuota(t);
    await admin.delete(`/api/reservation-quotas/${empty.id}`).expect(200);
    expect((await admin.get(`/api/reservation-quotas/${empty.id}`).expect(404)).body.code).toBe('quota_not_found');

    const used = await createQuota(t);
    await createReservation(t, { quotaId: used.id });
    const res = await admin.delete(`/api/reservation-quotas/${used.id}`).expect(409);
    expect(res.body.code).toBe('quota_in_use');
  });

  it('lets counter staff read quotas but not change them', async () => {
    const quota = await createQuota(t);
    await counter.get(`/api/reservation-quotas/${quota.id}`).expect(200);
    await counter.put(`/api/reservation-quotas/${quota.id}`).send({ capacity: 1 }).expect(403);
    await counter.post('/api/reservation-quotas').send(quotaBody((await createCampaign(t)).id)).expect(403);
  });
});
