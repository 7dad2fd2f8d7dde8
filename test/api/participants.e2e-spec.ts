import { createPaymentService } from '../support/fixtures';
import { createApplication, createCampaign, createQuota, createReservation } from '../support/uptake-fixtures';
import { Client_, listQuery, TestApp, totalOf } from '../support/test-app';

describe('participants', () => {
  let t: TestApp;
  let manager: Client_;
  let campaign: { id: number };
  const people: Array<{ id: number; myKeyId: string } & Record<string, unknown>> = [];
  let qr: { id: number };

  beforeAll(async () => {
    t = await TestApp.start();
    manager = await t.as('manager');
    campaign = await createCampaign(t);
    const quota = await createQuota(t, { campaignId: campaign.id });
    qr = await createPaymentService(t, { kind: 'qr_code' });
    const rows = [
      { channel: 'self_smartphone', ageBand: '30s', district: '水原', apply: true },
      { channel: 'self_pc', ageBand: '50s', district: '京ヶ瀬', apply: true },
      { channel: 'counter', ageBand: '70_plus', district: '安田', apply: false },
      { channel: 'counter', ageBand: '70_plus', district: '笹神', apply: true },
    ];
    for (const row of rows) {
      const r = await createReservation(t, { quotaId: quota.id, channel: row.channel, ageBand: row.ageBand, district: row.district });
      if (row.apply) await createApplication(t, { myKeyId: r.myKeyId, paymentServiceId: qr.id });
      people.push(r);
    }
    // Points are the points feature's: one participant at the cap, as its award statement leaves it.
    await t.sql('UPDATE participants SET points_total = cap_yen WHERE id = $1', [people[0].participantId]);
  });
  afterAll(() => t.close());

  const count = async (filter: object) => totalOf(await manager.get(`/api/participants?${listQuery({ filter: { campaignId: campaign.id, ...filter } })}`).expect(200));

  it('shows one row per MyKey ID and campaign with the reservation, the chosen service and the points', async () => {
    const res = await manager.get(`/api/participants/${people[0].participantId}`).expect(200);
    expect(res.body).toMatchObject({
      id: people[0].participantId,
      participantRef: `****${people[0].myKeyId.slice(-4)}`,
      campaignId: campaign.id,
      reservationId: people[0].id,
      channel: 'self_smartphone',
      ageBand: '30s',
      district: '水原',
      paymentServiceId: qr.id,
      applicationChannel: 'counter',
      pointsTotal: 5000,
      capYen: 5000,
      capReached: true,
    });
    expect(new Date(res.body.reservedAt).toISOString()).toBe('2020-09-01T01:00:00.000Z');
    expect(Object.keys(res.body).join()).not.toMatch(/hash|myKeyId/i);
    const unapplied = await manager.get(`/api/participants/${people[2].participantId}`).expect(200);
    expect(unapplied.body).toMatchObject({ paymentServiceId: null, appliedAt: null, applicationId: null, pointsTotal: 0, capReached: false });
  });

  it('filters by district, age band, service, channel, campaign, cap reached, applied and MyKey ID', async () => {
    expect(await count({})).toBe(4);
    expect(await count({ district: '安田' })).toBe(1);
    expect(await count({ ageBand: '70_plus' })).toBe(2);
    expect(await count({ paymentServiceId: qr.id })).toBe(3);
    expect(await count({ channel: 'counter' })).toBe(2);
    expect(await count({ capReached: true })).toBe(1);
    expect(await count({ applied: false })).toBe(1);
    expect(await count({ myKeyId: people[1].myKeyId })).toBe(1);
    expect(await count({ appliedAt_gte: '2020-09-10' })).toBe(3);
    const other = await createCampaign(t);
    expect(totalOf(await manager.get(`/api/participants?${listQuery({ filter: { campaignId: other.id } })}`))).toBe(0);
    await manager.get(`/api/participants?${listQuery({ filter: { applied: 'maybe' } })}`).expect(400);
    await manager.get(`/api/participants?${listQuery({ filter: { mykeyHash: 'x' } })}`).expect(400);
  });

  it('sorts by points and reservation date', async () => {
    const res = await manager.get(`/api/participants?${listQuery({ filter: { campaignId: campaign.id }, sort: ['pointsTotal', 'DESC'] })}`).expect(200);
    expect(res.body[0].id).toBe(people[0].participantId);

    // Reservation date (the default sort): newest first, a participant without a
    // reservation last (first when ascending), ties by id; also within one service.
    const other = await createCampaign(t);
    const quota = await createQuota(t, { campaignId: other.id });
    const made = [];
    for (const [reservedAt, apply] of [['2020-08-03T10:00:00+09:00', true], ['2020-08-01T10:00:00+09:00', true], ['2020-08-02T10:00:00+09:00', false], ['2020-08-03T10:00:00+09:00', true]] as const) {
      const r = await createReservation(t, { quotaId: quota.id, reservedAt });
      if (apply) await createApplication(t, { myKeyId: r.myKeyId, paymentServiceId: qr.id });
      made.push(r.participantId as number);
    }
    const [bare] = await t.sql<{ id: number }>(
      `INSERT INTO participants (campaign_id, mykey_hash, mykey_last4, cap_yen) VALUES ($1, sha256(random()::text::bytea), 'ABCD', 5000) RETURNING id`,
      [other.id],
    );
    const ids = async (query: Parameters<typeof listQuery>[0]) =>
      (await manager.get(`/api/participants?${listQuery(query)}`).expect(200)).body.map((r: { id: number }) => r.id);
    const newestFirst = [made[3], made[0], made[2], made[1], bare.id];
    expect(await ids({ filter: { campaignId: other.id } })).toEqual(newestFirst);
    expect(await ids({ filter: { campaignId: other.id }, sort: ['reservedAt', 'DESC'] })).toEqual(newestFirst);
    expect(await ids({ filter: { campaignId: other.id }, sort: ['reservedAt', 'ASC'] })).toEqual([...newestFirst].reverse());
    expect(await ids({ filter: { campaignId: other.id, paymentServiceId: qr.id } })).toEqual([made[3], made[0], made[1]]);
    expect(await ids({ filter: { campaignId: other.id, applied: false }, sort: ['reservedAt', 'ASC'] })).toEqual([bare.id, made[2]]);
    expect(await ids({ filter: { campaignId: other.id, reservedAt: null } })).toEqual([bare.id]);
    expect(await ids({ filter: { campaignId: other.id, reservedAt_gte: '2020-08-02' }, range: [0, 1] })).toEqual([made[3], made[0]]);
  });

  it('is read-only and not for counter staff', async () => {
    const counter = await t.as('counter');
    await counter.get('/api/participants').expect(403);
    await (await t.as('admin')).post('/api/participants').send({}).expect(404);
    expect((await manager.get('/api/participants/987654').expect(404)).body.code).toBe('participant_not_found');
  });
});
