import type { QueryRunner } from 'typeorm';
import { Measures1764002300000 } from '../../apps/api/src/database/migrations/1764002300000-measures';
import { MeasureStats1764002620000 } from '../../apps/api/src/database/migrations/1764002620000-measure-stats';
import { Client_, TestApp } from '../support/test-app';
import { myKeyHash, newMyKeyId, sqlPaymentService } from '../support/uptake-sql-fixtures';

// Migration 1764002300000 on a database holding data from before measures: each
// campaign gets one rate measure with its rate, cap and windows; every participant (so
// its applications and awards) gets its campaign's measure; nothing is lost. Its own
// database: the test takes the schema back to before the migration (the measure rollup,
// 1764002620000, reads participants.measure_id: it comes off first and goes on last).
describe('measures migration on existing data', () => {
  let t: TestApp;
  let admin: Client_;
  const migration = new Measures1764002300000();
  const measureStats = new MeasureStats1764002620000();

  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.as('admin');
  });
  afterAll(() => t.close());

  it('gives each campaign one rate measure and every participant, application and award its measure, losing nothing', async () => {
    const runner = { query: (text: string) => t.sql(text) } as unknown as QueryRunner;
    await measureStats.down(runner);
    await migration.down(runner);
    const service = await sqlPaymentService(t);
    // Data written before measures existed: two campaigns, participants in both, applications and awards.
    const campaigns: number[] = [];
    for (const [name, rate, cap, ends] of [['第1弾（移行前）', 25, 5000, '2021-12-31'], ['市の独自ポイント（移行前）', 10, 3000, '2021-03-31']] as const) {
      const [c] = await t.sql<{ id: number }>(
        `INSERT INTO campaigns (name, reservation_opens_on, reservation_closes_on, application_opens_on, application_closes_on, earning_starts_on, earning_ends_on, award_rate_percent, cap_per_person_yen)
         VALUES ($1, '2020-07-01', $4, '2020-07-01', $4, '2020-09-01', $4, $2, $3) RETURNING id`,
        [name, rate, cap, ends],
      );
      campaigns.push(c.id);
    }
    const people: Array<{ myKeyId: string; participantId: number; campaignId: number }> = [];
    for (let i = 0; i < 6; i++) {
      const campaignId = campaigns[i % 2];
      const myKeyId = newMyKeyId();
      const [p] = await t.sql<{ id: number }>(
        `INSERT INTO participants (campaign_id, mykey_hash, mykey_last4, cap_yen) SELECT id, $2, $3, cap_per_person_yen FROM campaigns WHERE id = $1 RETURNING id`,
        [campaignId, myKeyHash(myKeyId), myKeyId.slice(-4)],
      );
      await t.sql(`INSERT INTO applications (participant_id, payment_service_id, applied_at, channel) VALUES ($1, $2, '2020-09-10T10:00:00+09:00', 'counter')`, [p.id, service]);
      await t.sql(
        `WITH ins AS (INSERT INTO point_awards (participant_id, campaign_id, payment_service_id, external_id, transaction_date, kind, amount_yen, points)
                      VALUES ($1, $2, $3, $4, '2020-10-01', 'charge', 4000, 400 + $5) RETURNING participant_id, points)
         UPDATE participants p SET points_total = p.points_total + ins.points FROM ins WHERE p.id = ins.participant_id`,
        [p.id, campaignId, service, `MIG-${process.pid}-${i}`, i],
      );
      people.push({ myKeyId, participantId: p.id, campaignId });
    }
    const snapshot = () =>
      t.sql(
        `SELECT (SELECT count(*)::int FROM participants) AS participants, (SELECT count(*)::int FROM applications) AS applications,
                (SELECT count(*)::int FROM point_awards) AS awards, (SELECT sum(points_total)::int FROM participants) AS points,
                (SELECT count(*)::int FROM campaigns) AS campaigns`,
      );
    const before = await snapshot();

    const started = Date.now();
    await migration.up(runner);
    const took = Date.now() - started;
    await measureStats.up(runner);

    expect(await snapshot()).toEqual(before);
    const measures = await t.sql<{ campaign_id: number; kind: string; rate_percent: number; cap_per_person_yen: number; earning_ends_on: string; n: number }>(
      `SELECT m.campaign_id, m.kind, m.rate_percent, m.cap_per_person_yen, to_char(m.earning_ends_on, 'YYYY-MM-DD') AS earning_ends_on,
              (SELECT count(*)::int FROM measures x WHERE x.campaign_id = m.campaign_id) AS n
         FROM measures m WHERE m.campaign_id = ANY($1) ORDER BY m.campaign_id`,
      [campaigns],
    );
    expect(measures).toEqual([
      { campaign_id: campaigns[0], kind: 'rate_with_cap', rate_percent: 25, cap_per_person_yen: 5000, earning_ends_on: '2021-12-31', n: 1 },
      { campaign_id: campaigns[1], kind: 'rate_with_cap', rate_percent: 10, cap_per_person_yen: 3000, earning_ends_on: '2021-03-31', n: 1 },
    ]);
    const [{ unmeasured }] = await t.sql<{ unmeasured: number }>(
      'SELECT count(*)::int AS unmeasured FROM participants p LEFT JOIN measures m ON m.id = p.measure_id WHERE m.campaign_id IS DISTINCT FROM p.campaign_id',
    );
    expect(unmeasured).toBe(0);

    // Through the API: each application and award carries its campaign's measure.
    const measureOf = new Map((await t.sql<{ id: number; campaign_id: number }>('SELECT id, campaign_id FROM measures')).map((m) => [m.campaign_id, m.id]));
    for (const person of people) {
      const [app] = (await admin.get(`/api/applications?filter=${encodeURIComponent(JSON.stringify({ myKeyId: person.myKeyId }))}`).expect(200)).body;
      expect(app.measureId).toBe(measureOf.get(person.campaignId));
      const [award] = (await admin.get(`/api/point-awards?filter=${encodeURIComponent(JSON.stringify({ participantId: person.participantId }))}`).expect(200)).body;
      expect(award.measureId).toBe(measureOf.get(person.campaignId));
    }
    // And the data keeps working: a new award on a migrated participant counts against its measure's cap.
    const first = people[0];
    const res = await (await t.as('policy'))
      .post('/api/point-awards')
      .send({ myKeyId: first.myKeyId, paymentServiceId: service, externalId: `MIG-${process.pid}-after`, transactionDate: '2020-11-01', kind: 'charge', amountYen: 100_000 })
      .expect(201);
    expect(res.body).toMatchObject({ measureId: measureOf.get(first.campaignId), participantPointsTotal: 5000 });
    // eslint-disable-next-line no-console
    console.log(`measures migration: ${took} ms on ${before[0].participants} participants`);
  });
});
