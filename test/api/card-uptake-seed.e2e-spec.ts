import type { CardUptakeStats } from '@mynapoint/domain';
import { CARD_UPTAKE_TARGETS, cardUptakeSeed, monthEnds } from '../../apps/api/src/database/seed/card-uptake.seed';
import { usersSeed } from '../../apps/api/src/database/seed/users.seed';
import { TestApp } from '../support/test-app';

// The card-uptake demo data: every month end since April 2020, every cell valid, the
// national curve as the issue describes it, and a city whose districts differ.
describe('card-uptake demo seed', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await TestApp.start({ seed: [usersSeed, cardUptakeSeed] });
  });
  afterAll(() => t.close());

  it('has a snapshot of 4 districts × 7 age bands at every month end from 2020-04 to the last before today', async () => {
    const rows = await t.sql<{ as_of: string; cells: number; bad: number }>(
      `SELECT to_char(as_of, 'YYYY-MM-DD') AS as_of, count(*)::int AS cells,
              count(*) FILTER (WHERE card_applications > population OR cards_issued > card_applications OR population <= 0)::int AS bad
         FROM population_figures GROUP BY as_of ORDER BY as_of`,
    );
    const today = new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10);
    expect(rows.map((r) => r.as_of)).toEqual(monthEnds(today));
    expect(rows[0].as_of).toBe('2020-04-30');
    expect(rows.every((r) => r.cells === 28 && r.bad === 0)).toBe(true);
  });

  it('follows the national curve: about 16 % in mid-2020, about 78 % by early 2023', async () => {
    const rate = async (asOf: string) =>
      (await t.sql<{ r: number }>(`SELECT application_rate_percent::float8 AS r FROM benchmark_rates WHERE scope = 'national' AND as_of = $1`, [asOf]))[0].r;
    expect(await rate('2020-06-30')).toBeGreaterThanOrEqual(15);
    expect(await rate('2020-06-30')).toBeLessThanOrEqual(18);
    expect(await rate('2023-03-31')).toBeGreaterThanOrEqual(76);
    expect(await rate('2023-03-31')).toBeLessThanOrEqual(79);
    const [{ behind }] = await t.sql<{ behind: number }>(
      `SELECT count(*)::int AS behind FROM benchmark_rates n JOIN benchmark_rates p ON p.as_of = n.as_of AND p.scope = 'prefecture'
        WHERE n.scope = 'national' AND p.application_rate_percent < n.application_rate_percent`,
    );
    expect(behind).toBeGreaterThan(60);
  });

  it('gives the dashboard a city near the nation, 京ヶ瀬 behind 水原, and targets ahead', async () => {
    const policy = await t.as('policy');
    const s = (await policy.get('/api/stats/card-uptake?asOf=2022-09-30').expect(200)).body as CardUptakeStats;
    expect(s.figuresAsOf).toBe('2022-09-30');
    expect(Math.abs(s.overall.applicationRatePercent! - s.national!.applicationRatePercent)).toBeLessThan(5);
    const [mizuhara, kyogase] = ['水原', '京ヶ瀬'].map((d) => s.byDistrict.find((x) => x.district === d)!);
    expect(kyogase.applicationRatePercent!).toBeLessThan(mizuhara.applicationRatePercent!);
    // In September 2022 京ヶ瀬 was still short of the grant's 53.9 %.
    expect(kyogase.gaps[0]).toMatchObject({ reached: false });
    expect(kyogase.gaps[0].people).toBeGreaterThan(0);
    const now = (await policy.get('/api/stats/card-uptake').expect(200)).body as CardUptakeStats;
    expect(now.targets.map((x) => x.name)).toEqual(CARD_UPTAKE_TARGETS.map((x) => x.name));
    expect(now.targets[0].reached).toBe(true);
    expect(now.targets.slice(1).some((x) => !x.reached)).toBe(true);
  });
});
