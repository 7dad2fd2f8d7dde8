import { pointAwardsSeed } from '../../apps/api/src/database/seed/point-awards.seed';
import { seedContext, seededRandom } from '../../apps/api/src/database/seed/seed-context';
import { TestApp } from '../support/test-app';
import { sqlCampaign, sqlParticipant, sqlPaymentService, sqlQuota } from '../support/uptake-sql-fixtures';

describe('point awards demo seed', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(() => t.close());

  /** Runs the step in one transaction, as seedDemo does. */
  async function runSeed(): Promise<void> {
    const client = await t.db.connect();
    try {
      await client.query('BEGIN');
      await pointAwardsSeed.run(seedContext(t.config, async (sql, params) => (await client.query(sql, params)).rows, { random: seededRandom(1) }));
      await client.query('COMMIT');
    } finally {
      client.release();
    }
  }

  it('awards the applicants it finds by the rule, takes a share to the cap, and adds nothing when run again', async () => {
    const campaignId = await sqlCampaign(t);
    const quotaId = await sqlQuota(t, campaignId);
    const service = await sqlPaymentService(t);
    for (let i = 0; i < 60; i++) await sqlParticipant(t, { campaignId, quotaId, paymentServiceId: i % 5 ? service : undefined });
    await runSeed();
    const check = async () =>
      (
        await t.sql<{ applicants: number; awarded: number; capped: number; wrong: number; awards: number; outside: number }>(
          `SELECT count(*) FILTER (WHERE a.id IS NOT NULL)::int AS applicants,
                  count(*) FILTER (WHERE x.n > 0)::int AS awarded,
                  count(*) FILTER (WHERE p.points_total = p.cap_yen)::int AS capped,
                  count(*) FILTER (WHERE p.points_total <> LEAST(COALESCE(x.base, 0), p.cap_yen) OR p.points_total <> COALESCE(x.points, 0))::int AS wrong,
                  COALESCE(sum(x.n), 0)::int AS awards,
                  (SELECT count(*)::int FROM point_awards pa WHERE pa.transaction_date NOT BETWEEN '2020-09-01' AND '2021-03-31') AS outside
           FROM participants p
           LEFT JOIN applications a ON a.participant_id = p.id
           LEFT JOIN (SELECT participant_id, count(*) AS n, sum(points) AS points, sum(amount_yen / 4) AS base FROM point_awards GROUP BY 1) x ON x.participant_id = p.id`,
        )
      )[0];
    const first = await check();
    expect(first.applicants).toBe(48);
    expect(first.awarded).toBe(48);
    expect(first.wrong).toBe(0);
    expect(first.outside).toBe(0);
    expect(first.capped / first.awarded).toBeGreaterThan(0.2);
    expect(first.capped).toBeLessThan(first.awarded);
    await runSeed();
    expect(await check()).toEqual(first);
  });
});
