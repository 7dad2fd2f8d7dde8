import { FRAUD_CHANNEL, FRAUD_STATUS, IMPERSONATED, REQUESTED_ITEM, SEVERITY } from '@mynapoint/domain';
import { createFraudAlert, moveFraudAlert } from '../support/fraud-fixtures';
import { Client_, TestApp } from '../support/test-app';

describe('GET /api/stats/fraud', () => {
  let t: TestApp;
  let policy: Client_;

  beforeAll(async () => {
    t = await TestApp.start();
    policy = await t.as('policy');
    // Week of Monday 2021-03-01 (JST): two phone calls and an SMS; nothing the week after;
    // week of 2021-03-15: a visit with damage. 2021-02-28 23:30 JST is Sunday: the week before.
    await createFraudAlert(t, { reportedAt: '2021-03-01T09:00:00+09:00', channel: 'phone', impersonated: 'mic_staff', requestedItems: ['my_number', 'family'] });
    await createFraudAlert(t, { reportedAt: '2021-03-07T23:59:00+09:00', channel: 'phone', impersonated: 'city_staff', requestedItems: ['pin'] });
    await createFraudAlert(t, { reportedAt: '2021-03-03T12:00:00+09:00', channel: 'sms', impersonated: 'payment_operator', requestedItems: ['my_number'] });
    await createFraudAlert(t, { reportedAt: '2021-03-16T10:00:00+09:00', channel: 'visit', impersonated: 'city_staff', requestedItems: ['passbook_or_cash_card'], damageYen: 200000 });
    await createFraudAlert(t, { reportedAt: '2021-02-28T23:30:00+09:00', channel: 'email', impersonated: 'unknown', requestedItems: [] });
    await createFraudAlert(t, { reportedAt: '2021-04-01T10:00:00+09:00', channel: 'letter', impersonated: 'other', requestedItems: ['money_or_fee'], damageYen: 5000 });
  });
  afterAll(() => t.close());

  it('counts reports per JST week by channel and impersonated party, with empty weeks kept', async () => {
    const res = await policy.get('/api/stats/fraud?from=2021-03-01&to=2021-03-21&interval=week').expect(200);
    expect(res.body).toMatchObject({ from: '2021-03-01', to: '2021-03-21', interval: 'week', total: 4, totalDamageYen: 200000, withDamage: 1 });
    expect(res.body.series.map((p: { period: string; total: number }) => [p.period, p.total])).toEqual([
      ['2021-03-01', 3],
      ['2021-03-08', 0],
      ['2021-03-15', 1],
    ]);
    expect(res.body.series[0].byChannel).toEqual({ phone: 2, visit: 0, email: 0, sms: 1, letter: 0, website: 0, other: 0 });
    expect(res.body.series[0].byImpersonated).toMatchObject({ mic_staff: 1, city_staff: 1, payment_operator: 1, police: 0 });
    expect(res.body.series[2]).toMatchObject({ damageYen: 200000, byChannel: expect.objectContaining({ visit: 1 }) });
    expect(res.body.byImpersonated.city_staff).toBe(2);
    expect(res.body.requestedItems).toEqual({ my_number: 2, bank_account: 0, pin: 1, assets: 0, family: 1, passbook_or_cash_card: 1, money_or_fee: 0, other: 0 });
    expect(res.body.bySeverity).toEqual({ low: 0, medium: 2, high: 2 });
    expect(res.body.byStatus).toMatchObject({ new: 4, closed: 0 });
  });

  it('buckets by day and month', async () => {
    const month = await policy.get('/api/stats/fraud?from=2021-02-01&to=2021-04-30&interval=month').expect(200);
    expect(month.body.series.map((p: { period: string; total: number }) => [p.period, p.total])).toEqual([
      ['2021-02-01', 1],
      ['2021-03-01', 4],
      ['2021-04-01', 1],
    ]);
    expect(month.body.totalDamageYen).toBe(205000);
    const day = await policy.get('/api/stats/fraud?from=2021-02-28&to=2021-03-01&interval=day').expect(200);
    expect(day.body.series).toEqual([
      expect.objectContaining({ period: '2021-02-28', total: 1 }),
      expect.objectContaining({ period: '2021-03-01', total: 1 }),
    ]);
  });

  it('defaults to weekly buckets from the first report to today', async () => {
    const res = await policy.get('/api/stats/fraud').expect(200);
    expect(res.body).toMatchObject({ from: '2021-02-28', interval: 'week', total: 6 });
    expect(res.body.series[0].period).toBe('2021-02-22');
  });

  it.each([
    ['from after to', '?from=2021-03-02&to=2021-03-01'],
    ['a bad date', '?from=2021-02-30'],
    ['an unknown interval', '?interval=year'],
    ['too many buckets', '?from=2000-01-01&to=2021-12-31&interval=day'],
  ])('answers 400 for %s', async (_name, qs) => {
    const res = await policy.get(`/api/stats/fraud${qs}`).expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'bad_query', message: expect.any(String) });
  });

  // One query parser for every stats endpoint (stats/stats-query.ts): like the lists,
  // it ignores parameters it does not know (a cache-busting `_`, say).
  it('ignores an unknown parameter', async () => {
    await policy.get('/api/stats/fraud?foo=1').expect(200);
  });

  // The endpoint reads the rollup fraud_daily_stats, which triggers keep in the same
  // transaction as each write. Its rows must equal, after creates, edits, status moves
  // and deletes, a plain aggregation of fraud_alerts written here on its own, and
  // stats_rebuild() must leave them as they are.
  it('keeps its rollup equal to the alerts after every kind of write, and stats_rebuild() agrees', async () => {
    const dims = [['channel', FRAUD_CHANNEL.values, (v: string) => `channel = '${v}'`], ['impersonated', IMPERSONATED.values, (v: string) => `impersonated = '${v}'`],
      ['item', REQUESTED_ITEM.values, (v: string) => `'${v}' = ANY(requested_items)`], ['severity', SEVERITY.values, (v: string) => `severity = '${v}'`],
      ['status', FRAUD_STATUS.values, (v: string) => `status = '${v}'`]] as const;
    const cols = dims.flatMap(([d, values]) => values.map((v) => `${d}_${v}`));
    const expected = () =>
      t.sql(
        `SELECT (reported_at AT TIME ZONE 'Asia/Tokyo')::date::text AS day, count(*)::int AS reports, sum(damage_yen)::text AS damage_yen,
                count(*) FILTER (WHERE damage_yen > 0)::int AS damaged,
                ${dims.flatMap(([d, values, cond]) => values.map((v) => `count(*) FILTER (WHERE ${cond(v)})::int AS ${d}_${v}`)).join(', ')}
           FROM fraud_alerts GROUP BY 1 ORDER BY 1`,
      );
    const rollup = () => t.sql(`SELECT day::text, reports, damage_yen::text, damaged, ${cols.join(', ')} FROM fraud_daily_stats ORDER BY day`);
    const admin = await t.as('admin');

    const a = await createFraudAlert(t, { reportedAt: '2021-05-10T00:10:00+09:00', channel: 'website', impersonated: 'police', requestedItems: ['assets', 'bank_account'] });
    const b = await createFraudAlert(t, { reportedAt: '2021-05-10T23:50:00+09:00', channel: 'sms', requestedItems: ['pin'], damageYen: 3000 });
    expect(await rollup()).toEqual(await expected());
    expect((await rollup()).find((r) => r.day === '2021-05-10')).toMatchObject({ reports: 2, damaged: 1, channel_website: 1, channel_sms: 1, item_pin: 1, status_new: 2 });

    await moveFraudAlert(t, a.id, 'investigating', 'closed'); // nets to 0 reports, moves the status counts
    await admin.put(`/api/fraud-alerts/${b.id}`).send({ channel: 'phone', reportedAt: '2021-05-11T09:00:00+09:00', damageYen: 0, requestedItems: ['my_number'] }).expect(200);
    expect(await rollup()).toEqual(await expected());
    expect((await rollup()).find((r) => r.day === '2021-05-10')).toMatchObject({ reports: 1, status_closed: 1, status_new: 0, channel_sms: 0 });

    await admin.delete(`/api/fraud-alerts/${a.id}`).expect(200);
    expect(await rollup()).toEqual(await expected());
    expect((await rollup()).some((r) => r.day === '2021-05-10')).toBe(false); // a day brought to zero reports is removed

    const month = (await policy.get('/api/stats/fraud?from=2021-05-01&to=2021-05-31&interval=month').expect(200)).body;
    expect(month).toMatchObject({ total: 1, byChannel: expect.objectContaining({ phone: 1, sms: 0 }), requestedItems: expect.objectContaining({ my_number: 1, pin: 0 }) });

    const before = await rollup();
    await t.sql('SELECT stats_rebuild()');
    expect(await rollup()).toEqual(before);
  });

  it('has a rollup column for every value of the domain enums it counts', async () => {
    const have = new Set((await t.sql<{ c: string }>(`SELECT column_name AS c FROM information_schema.columns WHERE table_name = 'fraud_daily_stats'`)).map((r) => r.c));
    const want = [
      ...FRAUD_CHANNEL.values.map((v) => `channel_${v}`),
      ...IMPERSONATED.values.map((v) => `impersonated_${v}`),
      ...REQUESTED_ITEM.values.map((v) => `item_${v}`),
      ...SEVERITY.values.map((v) => `severity_${v}`),
      ...FRAUD_STATUS.values.map((v) => `status_${v}`),
    ];
    expect(want.filter((c) => !have.has(c))).toEqual([]);
  });

  it('is documented in OpenAPI', async () => {
    const doc = await t.anon.get('/api/docs-json').expect(200);
    const op = doc.body.paths['/api/stats/fraud'].get;
    expect(op.parameters.map((p: { name: string }) => p.name).sort()).toEqual(['from', 'interval', 'municipalityCode', 'to']);
    expect(doc.body.components.schemas.FraudStatsDto.properties).toHaveProperty('series');
    expect(doc.body.paths['/api/fraud-alerts/{id}/history']).toBeDefined();
    expect(doc.body.paths['/api/fraud-alerts/{id}/publish']).toBeDefined();
  });
});
