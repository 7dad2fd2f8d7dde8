import { campaignBody, createCampaign, createQuota, createReservation } from '../support/uptake-fixtures';
import { Client_, listQuery, TestApp, totalOf } from '../support/test-app';

describe('campaigns', () => {
  let t: TestApp;
  let policy: Client_;

  beforeAll(async () => {
    t = await TestApp.start();
    policy = await t.as('policy');
  });
  afterAll(() => t.close());

  const caps = async (campaignId: number) =>
    (await t.sql<{ cap_yen: number }>('SELECT cap_yen FROM participants WHERE campaign_id = $1 ORDER BY id', [campaignId])).map((r) => r.cap_yen);

  it('creates Round 1 with its periods and the default award rule (25%, 5,000 yen)', async () => {
    const body = campaignBody({ name: 'マイナポイント第1弾', awardRatePercent: undefined, capPerPersonYen: undefined });
    const res = await policy.post('/api/campaigns').send(body).expect(201);
    expect(res.body).toMatchObject({
      name: 'マイナポイント第1弾',
      reservationOpensOn: '2020-07-01',
      reservationClosesOn: '2021-03-31',
      applicationOpensOn: '2020-07-01',
      applicationClosesOn: '2021-03-31',
      earningStartsOn: '2020-09-01',
      earningEndsOn: '2021-03-31',
      awardRatePercent: 25,
      capPerPersonYen: 5000,
    });
    expect((await policy.get(`/api/campaigns/${res.body.id}`).expect(200)).body).toEqual(res.body);
  });

  it('extends the earning period while the campaign runs (dates are data)', async () => {
    const c = await createCampaign(t);
    const res = await policy.put(`/api/campaigns/${c.id}`).send({ ...c, earningEndsOn: '2021-12-31', createdAt: '2000-01-01T00:00:00Z' }).expect(200);
    expect(res.body).toMatchObject({ earningEndsOn: '2021-12-31', createdAt: c.createdAt });
  });

  it('refuses periods that end before they start, next to the field (400)', async () => {
    const res = await policy
      .post('/api/campaigns')
      .send(campaignBody({ reservationClosesOn: '2020-06-30', earningEndsOn: '2020-08-31' }))
      .expect(400);
    expect(res.body.code).toBe('campaign_period_order');
    expect(Object.keys(res.body.errors).sort()).toEqual(['earningEndsOn', 'reservationClosesOn']);
    const c = await createCampaign(t);
    const upd = await policy.put(`/api/campaigns/${c.id}`).send({ applicationOpensOn: '2021-04-01' }).expect(400);
    expect(upd.body.errors).toHaveProperty('applicationClosesOn');
  });

  it('validates rates, caps, dates and unknown fields (400); duplicate names are 409', async () => {
    const res = await policy
      .post('/api/campaigns')
      .send(campaignBody({ awardRatePercent: 0, capPerPersonYen: 1_000_001, earningStartsOn: '2020-02-30', secret: 1 }))
      .expect(400);
    expect(Object.keys(res.body.errors).sort()).toEqual(['awardRatePercent', 'capPerPersonYen', 'earningStartsOn', 'secret']);
    const c = await createCampaign(t);
    const dup = await policy.post('/api/campaigns').send(campaignBody({ name: String(c.name).toUpperCase() })).expect(409);
    expect(dup.body.code).toBe('campaign_duplicate_name');
    expect((await policy.get('/api/campaigns/987654').expect(404)).body.code).toBe('campaign_not_found');
  });

  it('keeps participants’ caps in step with the campaign’s cap', async () => {
    const c = await createCampaign(t);
    const quota = await createQuota(t, { campaignId: c.id });
    await createReservation(t, { quotaId: quota.id });
    await createReservation(t, { quotaId: quota.id });
    expect(await caps(c.id)).toEqual([5000, 5000]);
    await policy.put(`/api/campaigns/${c.id}`).send({ capPerPersonYen: 7500 }).expect(200);
    expect(await caps(c.id)).toEqual([7500, 7500]);
    // A participant enrolled after the change gets the new cap.
    await createReservation(t, { quotaId: quota.id });
    expect(await caps(c.id)).toEqual([7500, 7500, 7500]);
  });

  it('refuses to lower the cap below points already awarded (409) and changes nothing', async () => {
    const c = await createCampaign(t);
    const quota = await createQuota(t, { campaignId: c.id });
    const r = await createReservation(t, { quotaId: quota.id });
    await createReservation(t, { quotaId: quota.id });
    // Points are the points feature's: the total as its award statement keeps it.
    await t.sql('UPDATE participants SET points_total = 4000 WHERE id = $1', [r.participantId]);

    const res = await policy.put(`/api/campaigns/${c.id}`).send({ capPerPersonYen: 3000, name: '名前も変える' }).expect(409);
    expect(res.body).toMatchObject({ code: 'campaign_cap_below_awarded', errors: { capPerPersonYen: expect.any(String) } });
    expect(res.body.message).toContain('1人に最大4,000円分');
    const after = (await policy.get(`/api/campaigns/${c.id}`)).body;
    expect(after).toMatchObject({ capPerPersonYen: 5000, name: c.name });
    expect(await caps(c.id)).toEqual([5000, 5000]);

    // Down to exactly the awarded total is fine.
    await policy.put(`/api/campaigns/${c.id}`).send({ capPerPersonYen: 4000 }).expect(200);
    expect(await caps(c.id)).toEqual([4000, 4000]);
    expect((await policy.get(`/api/participants/${r.participantId}`)).body.capReached).toBe(true);
  });

  it('deletes an unused campaign; one with quotas is refused (409)', async () => {
    const unused = await createCampaign(t);
    await policy.delete(`/api/campaigns/${unused.id}`).expect(200);
    await policy.get(`/api/campaigns/${unused.id}`).expect(404);
    const used = await createCampaign(t);
    await createQuota(t, { campaignId: used.id });
    const res = await policy.delete(`/api/campaigns/${used.id}`).expect(409);
    expect(res.body.code).toBe('campaign_in_use');
  });

  it('lists, searches and sorts; counter staff may read but not write', async () => {
    await createCampaign(t, { name: 'マイナポイント第2弾', reservationOpensOn: '2022-01-01', reservationClosesOn: '2023-09-30', applicationOpensOn: '2022-01-01', applicationClosesOn: '2023-09-30', earningStartsOn: '2022-01-01', earningEndsOn: '2023-09-30' });
    const counter = await t.as('counter');
    const res = await counter.get(`/api/campaigns?${listQuery({ filter: { q: '第2弾' } })}`).expect(200);
    expect(totalOf(res)).toBe(1);
    const sorted = await counter.get(`/api/campaigns?${listQuery({ sort: ['reservationOpensOn', 'DESC'], range: [0, 0] })}`).expect(200);
    expect(sorted.body[0].name).toBe('マイナポイント第2弾');
    await counter.post('/api/campaigns').send(campaignBody()).expect(403);
  });
});
