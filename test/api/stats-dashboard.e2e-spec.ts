import { AGE_BAND, CHANNEL } from '@mynapoint/domain';
import { CITY_SEED_STEPS } from '../../apps/api/src/database/seed';
import { Client_, TestApp } from '../support/test-app';

// GET /api/stats/summary, /uptake, /points on the demo data (seeded set-based, so the
// triggers saw bulk statements): every figure equals a plain aggregation of the base
// tables, written here independently of the rollups.
describe('dashboard stats on the demo data', () => {
  let t: TestApp;
  let policy: Client_;
  let manager: Client_;
  let counter: Client_;
  let round1: number;
  const FROM = '2020-07-01';
  const TO = '2021-03-31';
  const RANGE = `from=${FROM}&to=${TO}`;
  const POPULATION = { 水原: 23000, 安田: 9000, 架空地区: 100 };

  beforeAll(async () => {
    // One municipality's demo: the owner's queries below, which bypass row-level security, then count only its rows.
    t = await TestApp.start({ seed: CITY_SEED_STEPS, config: { districtPopulation: POPULATION } });
    [policy, manager, counter] = await Promise.all([t.as('policy'), t.as('manager'), t.as('counter')]);
    [{ id: round1 }] = await t.sql<{ id: number }>(`SELECT id FROM campaigns WHERE name = 'マイナポイント第1弾'`);
  });
  afterAll(() => t.close());

  // Reservations / applications of the demo in [from, to] (JST days), optionally of one campaign.
  const uptakeRows = (campaignId: number | null) =>
    t.sql<{ kind: string; day: string; channel: string; age_band: string | null; district: string | null; service: number | null }>(
      `SELECT 'r' AS kind, to_char(r.reserved_at AT TIME ZONE 'Asia/Tokyo', 'YYYY-MM-DD') AS day, r.channel, r.age_band, r.district, NULL::int AS service
         FROM reservations r JOIN participants p ON p.id = r.participant_id WHERE ($1::int IS NULL OR p.campaign_id = $1)
       UNION ALL
       SELECT 'a', to_char(a.applied_at AT TIME ZONE 'Asia/Tokyo', 'YYYY-MM-DD'), a.channel, r.age_band, r.district, a.payment_service_id
         FROM applications a JOIN participants p ON p.id = a.participant_id LEFT JOIN reservations r ON r.participant_id = a.participant_id
        WHERE ($1::int IS NULL OR p.campaign_id = $1)`,
      [campaignId],
    );

  it('summary: counts in the range, quotas, people with points and at the cap, this month’s visits, open fraud alerts', async () => {
    for (const campaignId of [null, round1]) {
      const res = await policy.get(`/api/stats/summary?${RANGE}${campaignId ? `&campaignId=${campaignId}` : ''}`).expect(200);
      const [x] = await t.sql<Record<string, number>>(
        `SELECT (SELECT count(*)::int FROM reservations r JOIN participants p ON p.id = r.participant_id
                  WHERE (r.reserved_at AT TIME ZONE 'Asia/Tokyo')::date BETWEEN $2 AND $3 AND ($1::int IS NULL OR p.campaign_id = $1)) AS reservations,
                (SELECT count(*)::int FROM applications a JOIN participants p ON p.id = a.participant_id
                  WHERE (a.applied_at AT TIME ZONE 'Asia/Tokyo')::date BETWEEN $2 AND $3 AND ($1::int IS NULL OR p.campaign_id = $1)) AS applications,
                (SELECT coalesce(sum(points), 0)::int FROM point_awards WHERE transaction_date BETWEEN $2 AND $3 AND ($1::int IS NULL OR campaign_id = $1)) AS "pointsAwarded",
                (SELECT count(*)::int FROM participants WHERE points_total > 0 AND ($1::int IS NULL OR campaign_id = $1)) AS "awardedParticipants",
                (SELECT count(*)::int FROM participants WHERE points_total >= cap_yen AND ($1::int IS NULL OR campaign_id = $1)) AS "capReachedParticipants",
                (SELECT sum(capacity)::int FROM reservation_quotas WHERE ($1::int IS NULL OR campaign_id = $1)) AS "quotaCapacity",
                (SELECT sum(used)::int FROM reservation_quotas WHERE ($1::int IS NULL OR campaign_id = $1)) AS "quotaUsed",
                (SELECT count(*)::int FROM fraud_alerts WHERE status IN ('new', 'investigating')) AS "openFraudAlerts",
                (SELECT count(*)::int FROM assistance_records
                  WHERE date_trunc('month', visited_at AT TIME ZONE 'Asia/Tokyo') = date_trunc('month', now() AT TIME ZONE 'Asia/Tokyo')) AS "assistedVisitsThisMonth"`,
        [campaignId, FROM, TO],
      );
      expect(x.reservations).toBeGreaterThan(1000);
      expect(x.capReachedParticipants).toBeGreaterThan(0);
      expect(x.openFraudAlerts).toBeGreaterThan(0);
      expect(res.body).toEqual({
        ...x,
        from: FROM,
        to: TO,
        campaignId,
        quotaRemaining: x.quotaCapacity - x.quotaUsed,
        capReachedShare: x.capReachedParticipants / x.awardedParticipants,
      });
    }
  });

  it('uptake: series with true cumulative curves, funnel and every breakdown equal direct counts', async () => {
    const rows = await uptakeRows(round1);
    const from = '2020-09-01';
    const res = await manager.get(`/api/stats/uptake?from=${from}&to=${TO}&interval=week&campaignId=${round1}`).expect(200);
    const body = res.body;
    expect(body).toMatchObject({ from, to: TO, interval: 'week', campaignId: round1 });
    const [{ capacity }] = await t.sql<{ capacity: number }>('SELECT sum(capacity)::int AS capacity FROM reservation_quotas WHERE campaign_id = $1', [round1]);
    expect(body.quotaCapacity).toBe(capacity);

    // Weeks start on Monday: 2020-09-01 is a Tuesday, so the first bucket is 2020-08-31 (from 09-01 on).
    expect(body.series[0].period).toBe('2020-08-31');
    expect(body.series[body.series.length - 1].period).toBe('2021-03-29');
    const weekOf = (day: string) => {
      const d = new Date(`${day}T00:00:00Z`);
      d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
      return d.toISOString().slice(0, 10);
    };
    const inRange = rows.filter((r) => r.day >= from && r.day <= TO);
    for (const s of body.series) {
      const end = new Date(Date.parse(`${s.period}T00:00:00Z`) + 6 * 86_400_000).toISOString().slice(0, 10);
      const upto = end < TO ? end : TO;
      expect(s).toEqual({
        period: s.period,
        reservations: inRange.filter((r) => r.kind === 'r' && weekOf(r.day) === s.period).length,
        applications: inRange.filter((r) => r.kind === 'a' && weekOf(r.day) === s.period).length,
        // Everything before `from` too: a true cumulative curve.
        cumulativeReservations: rows.filter((r) => r.kind === 'r' && r.day <= upto).length,
        cumulativeApplications: rows.filter((r) => r.kind === 'a' && r.day <= upto).length,
      });
    }
    expect(body.series[0].cumulativeReservations).toBeGreaterThan(body.series[0].reservations); // the summer before September counts
    const [{ awarded }] = await t.sql<{ awarded: number }>('SELECT count(*)::int AS awarded FROM participants WHERE campaign_id = $1 AND points_total > 0', [round1]);
    expect(body.funnel).toEqual({
      reserved: rows.filter((r) => r.kind === 'r' && r.day <= TO).length,
      applied: rows.filter((r) => r.kind === 'a' && r.day <= TO).length,
      awarded,
    });

    const count = (kind: string, pred: (r: (typeof rows)[number]) => boolean) => inRange.filter((r) => r.kind === kind && pred(r)).length;
    expect(body.byChannel).toEqual(CHANNEL.values.map((channel) => ({ channel, reservations: count('r', (r) => r.channel === channel), applications: count('a', (r) => r.channel === channel) })));
    const ages = [...AGE_BAND.values, ...(inRange.some((r) => r.age_band === null) ? [null] : [])];
    expect(body.byAgeBand).toEqual(ages.map((ageBand) => ({ ageBand, reservations: count('r', (r) => r.age_band === ageBand), applications: count('a', (r) => r.age_band === ageBand) })));

    // Districts: the configured list, those with a population, those in the data; share = reservations / population.
    const districts = new Map<string | null, { reservations: number; applications: number }>();
    for (const d of [...t.config.districts, ...Object.keys(POPULATION)]) districts.set(d, { reservations: 0, applications: 0 });
    for (const r of inRange) {
      const e = districts.get(r.district) ?? { reservations: 0, applications: 0 };
      if (r.kind === 'r') e.reservations++;
      else e.applications++;
      districts.set(r.district, e);
    }
    expect(body.byDistrict).toHaveLength(districts.size);
    for (const [district, e] of districts) {
      const pop = district ? ((POPULATION as Record<string, number>)[district] ?? null) : null;
      expect(body.byDistrict).toContainEqual({ district, ...e, population: pop, share: pop ? e.reservations / pop : null });
    }
    expect(body.byDistrict.find((d: { district: string }) => d.district === '架空地区')).toEqual({ district: '架空地区', reservations: 0, applications: 0, population: 100, share: 0 });

    const services = await t.sql<{ id: number; name: string; kind: string }>('SELECT id, name, kind FROM payment_services');
    const byService = services.map((s) => ({ paymentServiceId: s.id, name: s.name, kind: s.kind, applications: count('a', (r) => r.service === s.id) }));
    expect(body.byService).toEqual(expect.arrayContaining(byService));
    expect(body.byService).toHaveLength(byService.length);
    const sorted = body.byService.map((s: { applications: number }) => s.applications);
    expect(sorted).toEqual([...sorted].sort((a, b) => b - a));
    for (const k of body.byServiceKind) {
      expect(k.applications).toBe(byService.filter((s) => s.kind === k.kind).reduce((n, s) => n + s.applications, 0));
    }
    expect(new Set(body.byServiceKind.map((k: { kind: string }) => k.kind))).toEqual(new Set(services.map((s) => s.kind)));
  });

  it('points: series by transaction date, by service, and the per-person distribution in 500-yen buckets with the cap last', async () => {
    const res = await policy.get(`/api/stats/points?${RANGE}&interval=month&campaignId=${round1}`).expect(200);
    const body = res.body;
    const awards = await t.sql<{ month: string; service: number; points: number; n: number }>(
      `SELECT to_char(date_trunc('month', transaction_date), 'YYYY-MM-DD') AS month, payment_service_id AS service, sum(points)::int AS points, count(*)::int AS n
         FROM point_awards WHERE campaign_id = $1 AND transaction_date BETWEEN $2 AND $3 GROUP BY 1, 2`,
      [round1, FROM, TO],
    );
    const sum = (xs: typeof awards, f: (a: (typeof awards)[number]) => number) => xs.reduce((n, a) => n + f(a), 0);
    expect(body.series.map((s: { period: string }) => s.period)).toEqual(['2020-07-01', '2020-08-01', '2020-09-01', '2020-10-01', '2020-11-01', '2020-12-01', '2021-01-01', '2021-02-01', '2021-03-01']);
    for (const s of body.series) {
      const of = awards.filter((a) => a.month === s.period);
      expect(s).toEqual({ period: s.period, points: sum(of, (a) => a.points), awards: sum(of, (a) => a.n) });
    }
    expect(body.totalPoints).toBe(sum(awards, (a) => a.points));
    expect(body.awards).toBe(sum(awards, (a) => a.n));
    for (const s of body.byService) {
      const of = awards.filter((a) => a.service === s.paymentServiceId);
      expect(s).toMatchObject({ points: sum(of, (a) => a.points), awards: sum(of, (a) => a.n) });
    }
    expect(body.byService).toHaveLength(new Set(awards.map((a) => a.service)).size);

    const people = await t.sql<{ points_total: number; cap_yen: number }>('SELECT points_total, cap_yen FROM participants WHERE campaign_id = $1 AND points_total > 0', [round1]);
    expect(body.capYen).toBe(5000);
    expect(body.distribution.map((b: { fromYen: number; toYen: number }) => [b.fromYen, b.toYen])).toEqual([
      [1, 499], [500, 999], [1000, 1499], [1500, 1999], [2000, 2499], [2500, 2999], [3000, 3499], [3500, 3999], [4000, 4499], [4500, 4999], [5000, 5000],
    ]);
    for (const b of body.distribution) {
      const n = people.filter((p) => (b.fromYen === 5000 ? p.points_total >= p.cap_yen : p.points_total >= b.fromYen && p.points_total <= b.toYen && p.points_total < p.cap_yen)).length;
      expect(b.participants).toBe(n);
    }
    expect(body.awardedParticipants).toBe(people.length);
    expect(body.capReachedParticipants).toBe(people.filter((p) => p.points_total >= p.cap_yen).length);
  });

  it('gives the same figures by service for any range: whole months from the month rollups, the edge days from the daily ones', async () => {
    const ranges = [
      ['2020-09-15', '2020-11-10'], // edges on both sides of a whole month
      ['2020-10-01', '2020-10-31'], // exactly one month
      ['2020-10-02', '2020-10-30'], // inside one month: no whole month
      ['2020-09-30', '2020-10-01'], // across a month boundary
      ['2020-08-01', '2021-01-17'], // whole months, then days
      ['2020-08-20', '2021-02-28'], // days, then whole months to the end of February
    ];
    for (const [from, to] of ranges) {
      const awards = await t.sql<{ service: number; period: string; interval: string; points: number; n: number }>(
        `SELECT payment_service_id AS service, i AS interval, to_char(date_trunc(i, transaction_date), 'YYYY-MM-DD') AS period,
                sum(points)::int AS points, count(*)::int AS n
           FROM point_awards CROSS JOIN (VALUES ('month'), ('week')) v(i)
          WHERE campaign_id = $1 AND transaction_date BETWEEN $2 AND $3 GROUP BY 1, 2, 3`,
        [round1, from, to],
      );
      expect(awards.length).toBeGreaterThan(0);
      const total = (xs: typeof awards, f: (a: (typeof awards)[number]) => number) => xs.reduce((n, a) => n + f(a), 0);
      const months = awards.filter((a) => a.interval === 'month');
      for (const interval of ['month', 'week']) {
        const body = (await policy.get(`/api/stats/points?from=${from}&to=${to}&interval=${interval}&campaignId=${round1}`).expect(200)).body;
        expect(body.totalPoints).toBe(total(months, (a) => a.points));
        const services = [...new Set(months.map((a) => a.service))];
        expect(body.byService.map((s: { paymentServiceId: number; points: number; awards: number }) => [s.paymentServiceId, s.points, s.awards]).sort()).toEqual(
          services.map((id) => [id, total(months.filter((a) => a.service === id), (a) => a.points), total(months.filter((a) => a.service === id), (a) => a.n)]).sort(),
        );
        for (const s of body.series) {
          const of = awards.filter((a) => a.interval === interval && a.period === s.period);
          expect([s.period, s.points, s.awards]).toEqual([s.period, total(of, (a) => a.points), total(of, (a) => a.n)]);
        }
      }
      const summary = (await policy.get(`/api/stats/summary?from=${from}&to=${to}&campaignId=${round1}`).expect(200)).body;
      expect(summary.pointsAwarded).toBe(total(months, (a) => a.points));

      const applications = await t.sql<{ id: number; n: number }>(
        `SELECT s.id, count(a.id)::int AS n FROM payment_services s
           LEFT JOIN (applications a JOIN participants p ON p.id = a.participant_id AND p.campaign_id = $1)
             ON a.payment_service_id = s.id AND (a.applied_at AT TIME ZONE 'Asia/Tokyo')::date BETWEEN $2 AND $3
          GROUP BY 1`,
        [round1, from, to],
      );
      const uptake = (await policy.get(`/api/stats/uptake?from=${from}&to=${to}&interval=week&campaignId=${round1}`).expect(200)).body;
      expect(uptake.byService.map((s: { paymentServiceId: number; applications: number }) => [s.paymentServiceId, s.applications]).sort()).toEqual(
        applications.map((a) => [a.id, a.n]).sort(),
      );
    }
  });

  it('the demo seed leaves the rollups equal to what stats_rebuild() computes', async () => {
    const snapshot = async () =>
      Promise.all(
        ['uptake_daily_stats', 'application_service_daily_stats', 'point_award_daily_stats', 'participant_point_stats', 'assistance_hourly_stats'].map(async (table) =>
          (await t.sql(`SELECT * FROM ${table}`)).map((r) => JSON.stringify(r)).sort(),
        ),
      );
    const before = await snapshot();
    expect(before[0].length).toBeGreaterThan(100);
    await t.sql('SELECT stats_rebuild()');
    expect(await snapshot()).toEqual(before);
  });

  it.each(['summary', 'uptake', 'points'])('%s refuses bad parameters with 400 bad_query and ignores unknown ones', async (name) => {
    for (const q of ['from=2020-09-31', 'to=yesterday', 'from=2020-10-01&to=2020-09-01', 'interval=hour', 'from=1990-01-01&to=2020-01-01', 'campaignId=abc', 'campaignId=0', 'campaignId=1.5', 'campaignId=99999999999', 'campaignId=987654']) {
      const res = await policy.get(`/api/stats/${name}?${q}`);
      expect([q, res.status, res.body.code]).toEqual([q, 400, 'bad_query']);
      expect(res.body).toMatchObject({ statusCode: 400, message: expect.any(String) });
    }
    await policy.get(`/api/stats/${name}?${RANGE}&_=123`).expect(200);
  });

  it('defaults to the 30 days up to today (JST), by day, every campaign', async () => {
    const res = await policy.get('/api/stats/uptake').expect(200);
    expect(res.body).toMatchObject({ interval: 'day', campaignId: null });
    expect(res.body.series).toHaveLength(30);
    expect(res.body.series[29].period).toBe(res.body.to);
  });

  it('refuses counter staff (403) and answers managers', async () => {
    for (const name of ['summary', 'uptake', 'points']) {
      const res = await counter.get(`/api/stats/${name}?${RANGE}`).expect(403);
      expect(res.body.code).toBe('forbidden');
      await manager.get(`/api/stats/${name}?${RANGE}`).expect(200);
      await t.anon.get(`/api/stats/${name}`).expect(401);
    }
  });

  it('is documented in OpenAPI with its parameters and response schemas', async () => {
    const doc = (await t.anon.get('/api/docs-json').expect(200)).body;
    for (const [name, schema, params] of [
      ['summary', 'SummaryStatsDto', ['campaignId', 'from', 'municipalityCode', 'to']],
      ['uptake', 'UptakeStatsDto', ['campaignId', 'from', 'interval', 'municipalityCode', 'to']],
      ['points', 'PointsStatsDto', ['campaignId', 'from', 'interval', 'municipalityCode', 'to']],
      ['municipalities', 'MunicipalityStatsDto', ['campaignId', 'from', 'municipalityCode', 'to']],
    ] as const) {
      const op = doc.paths[`/api/stats/${name}`].get;
      expect(op.parameters.map((p: { name: string }) => p.name).sort()).toEqual(params);
      expect(op.responses['200'].content['application/json'].schema.$ref).toBe(`#/components/schemas/${schema}`);
    }
    expect(Object.keys(doc.components.schemas.UptakeStatsDto.properties)).toEqual(
      expect.arrayContaining(['series', 'funnel', 'byChannel', 'byService', 'byServiceKind', 'byAgeBand', 'byDistrict', 'quotaCapacity']),
    );
    expect(Object.keys(doc.components.schemas.PointsStatsDto.properties)).toEqual(expect.arrayContaining(['capYen', 'distribution', 'byService', 'series']));
  });

  it('gives the district populations in GET /api/settings', async () => {
    const res = await counter.get('/api/settings').expect(200);
    expect(res.body.districtPopulation).toEqual(POPULATION);
  });
});
