import type { QueryRunner } from 'typeorm';
import { MeasureStats1764002620000 } from '../../apps/api/src/database/migrations/1764002620000-measure-stats';
import { createPaymentService } from '../support/fixtures';
import { unique } from '../support/route-cases';
import { Client_, TestApp } from '../support/test-app';
import { createCampaign, createMeasure, createQuota, newMyKeyId, reservationBody } from '../support/uptake-fixtures';

// Migration 1764002620000 on a database that already holds participants, applications and
// awards: it comes off (down), records are written without it, and it goes on again (up).
// GET /api/stats/measures then gives what the statement it replaced computed from the
// base tables (kept here verbatim), before and after later writes, and the operator's
// removal function lists the table only while it exists.

// The endpoint's statement before the rollup (it aggregated the base tables on every call).
const FROM_BASE_TABLES = `WITH per AS (
     SELECT p.measure_id,
            count(a.id)::int AS applications,
            count(*) FILTER (WHERE p.points_total > 0)::int AS with_points,
            count(*) FILTER (WHERE p.points_total >= p.cap_yen)::int AS at_cap,
            coalesce(sum(p.points_total), 0)::bigint AS points
       FROM participants p LEFT JOIN applications a ON a.participant_id = p.id
      GROUP BY p.measure_id
   ), awards AS (
     SELECT p.measure_id, count(*)::int AS n FROM point_awards pa JOIN participants p ON p.id = pa.participant_id GROUP BY p.measure_id
   )
   SELECT m.id AS "measureId", m.campaign_id AS "campaignId", c.name AS "campaignName", m.name, m.kind, m.funded_by AS "fundedBy",
          coalesce(per.applications, 0) AS applications, coalesce(per.with_points, 0) AS "participantsWithPoints",
          coalesce(per.at_cap, 0) AS "participantsAtCap", coalesce(aw.n, 0) AS awards,
          coalesce(per.points, 0) AS "pointsYen",
          m.budget_yen AS "budgetYen", m.budget_yen - m.awarded_yen AS "remainingBudgetYen",
          round(100.0 * m.awarded_yen / m.budget_yen, 1)::float8 AS "budgetUsedPercent",
          (m.budget_yen IS NOT NULL AND m.awarded_yen * 100 >= m.budget_yen * 90) AS "budgetWarning"
     FROM measures m JOIN campaigns c ON c.id = m.campaign_id
     LEFT JOIN per ON per.measure_id = m.id
     LEFT JOIN awards aw ON aw.measure_id = m.id
    ORDER BY c.earning_starts_on, c.id, m.application_opens_on, m.id`;

describe('migration 1764002620000 (measure stats) on existing data', () => {
  let t: TestApp;
  let admin: Client_;
  let policy: Client_;
  const migration = new MeasureStats1764002620000();

  beforeAll(async () => {
    t = await TestApp.start();
    [admin, policy] = await Promise.all([t.as('admin'), t.as('policy')]);
  });
  afterAll(() => t.close());

  // The migration only runs statements: the owner's connection stands in for TypeORM's runner.
  const runner = () => ({ query: (sql: string) => t.sql(sql) }) as unknown as QueryRunner;
  const listed = async () => (await t.sql<{ src: string }>(`SELECT prosrc AS src FROM pg_proc WHERE proname = 'remove_municipality_data'`))[0].src;
  const endpoint = async () => (await policy.get('/api/stats/measures').expect(200)).body.measures;
  const charge = (myKeyId: string, paymentServiceId: number, transactionDate: string, amountYen: number) =>
    policy.post('/api/point-awards').send({ myKeyId, paymentServiceId, externalId: unique('MSM'), transactionDate, kind: 'charge', amountYen });

  it('fills the rollup from the records already there, and the endpoint answers as the base tables did', async () => {
    const service = (await createPaymentService(t)).id;
    await migration.down(runner());
    expect(await t.sql(`SELECT to_regclass('measure_stats') AS t`)).toEqual([{ t: null }]);
    expect(await listed()).not.toContain("'measure_stats'");

    // Round 1 (reservations, applications, charges: one person to the cap and past it, one
    // application deleted) and a fixed measure with a registration, written without the rollup.
    const campaignId = (await createCampaign(t)).id;
    const quotaId = (await createQuota(t, { campaignId })).id;
    const people: string[] = [];
    for (let i = 0; i < 5; i++) {
      const body = reservationBody(quotaId as number);
      await admin.post('/api/reservations').send(body).expect(201);
      people.push(body.myKeyId);
    }
    const applied = [];
    for (const k of people.slice(0, 4)) {
      applied.push((await admin.post('/api/applications').send({ myKeyId: k, paymentServiceId: service, channel: 'counter', appliedAt: '2020-09-10T10:00:00+09:00' }).expect(201)).body.id);
    }
    await charge(people[0], service, '2020-10-01', 40_000).expect(201);
    await charge(people[0], service, '2020-10-02', 4000).expect(201);
    await charge(people[1], service, '2020-10-01', 4000).expect(201);
    await admin.delete(`/api/applications/${applied[3]}`).send({ reason: '入力誤り' }).expect(200);
    // A fixed measure under a campaign without reservations: the application makes the participant.
    const fixed = (await createMeasure(t)).id;
    const newcomer = newMyKeyId();
    await admin.post('/api/applications').send({ myKeyId: newcomer, measureId: fixed, paymentServiceId: service, channel: 'counter', appliedAt: '2020-09-10T10:00:00+09:00' }).expect(201);
    await policy.post('/api/point-awards').send({ myKeyId: newcomer, measureId: fixed, kind: 'registration', occurredOn: '2020-09-11' }).expect(201);
    const before = await t.sql<Record<string, unknown>>(FROM_BASE_TABLES);
    const figures = (rows: Record<string, unknown>[], key: 'campaignId' | 'measureId', id: unknown) => {
      const m = rows.find((r) => r[key] === id)!;
      return [m.applications, m.participantsWithPoints, m.participantsAtCap, m.awards, m.pointsYen];
    };
    // 4 applied, 1 deleted; 5,000 (the cap, then an award of 0 points) and 1,000. The registration: 7,500, its cap.
    expect(figures(before, 'campaignId', campaignId)).toEqual([3, 2, 1, 3, 6000]);
    expect(figures(before, 'measureId', fixed)).toEqual([1, 1, 1, 1, 7500]);

    await migration.up(runner());
    expect(await endpoint()).toEqual(before);
    expect(await listed()).toContain("'measure_stats'");
    expect(await t.sql(`SELECT relrowsecurity AS rls FROM pg_class WHERE relname = 'measure_stats'`)).toEqual([{ rls: true }]);
    // stats_rebuild() computes the same rows as the backfill.
    const rows = async () => (await t.sql('SELECT * FROM measure_stats')).map((r) => JSON.stringify(r)).sort();
    const filled = await rows();
    await t.sql('SELECT stats_rebuild()');
    expect(await rows()).toEqual(filled);

    // Kept from then on by the triggers.
    await charge(people[1], service, '2020-10-03', 8000).expect(201);
    await admin.post('/api/applications').send({ myKeyId: people[4], paymentServiceId: service, channel: 'counter', appliedAt: '2020-09-12T10:00:00+09:00' }).expect(201);
    const after = await t.sql<Record<string, unknown>>(FROM_BASE_TABLES);
    expect(figures(after, 'campaignId', campaignId)).toEqual([4, 2, 1, 4, 8000]);
    expect(await endpoint()).toEqual(after);
  });
});
