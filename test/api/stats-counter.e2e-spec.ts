import fc from 'fast-check';
import { assistanceSeed } from '../../apps/api/src/database/seed/assistance.seed';
import { paymentServicesSeed } from '../../apps/api/src/database/seed/payment-services.seed';
import { usersSeed } from '../../apps/api/src/database/seed/users.seed';
import { backdateAssistanceRecord, createAssistanceRecord } from '../support/assistance-fixtures';
import { Client_, TestApp } from '../support/test-app';

// GET /api/stats/counter: counter staff see their own figures, everyone else all of
// them; the figures come from the trigger-kept hourly rollup, which must always equal
// a plain aggregation of the records.
describe('GET /api/stats/counter', () => {
  let t: TestApp;
  let counter: Client_;
  let counter2: Client_;
  let policy: Client_;
  let admin: Client_;

  const SEPTEMBER = 'from=2020-09-01&to=2020-09-30';

  beforeAll(async () => {
    t = await TestApp.start({ seed: [usersSeed, paymentServicesSeed] });
    [counter, counter2, policy, admin] = await Promise.all(['counter', 'counter2', 'policy', 'admin'].map((u) => t.as(u)));

    // Today: counter logs three visits (one unable), counter2 two.
    await createAssistanceRecord(t, counter, { durationMinutes: 10 });
    await createAssistanceRecord(t, counter, { durationMinutes: 20, outcome: 'follow_up' });
    await createAssistanceRecord(t, counter, { durationMinutes: 5, outcome: 'unable', unableReason: 'pin_locked' });
    await createAssistanceRecord(t, counter2, { durationMinutes: 30 });
    await createAssistanceRecord(t, counter2, { durationMinutes: 15, outcome: 'unable', unableReason: 'no_card' });

    // September 2020 (Tue 1st, Tue 8th 10:xx JST; Fri 4th 14:xx JST)
    await createAssistanceRecord(t, counter, { visitedAt: '2020-09-01T10:05:00+09:00', durationMinutes: 12 });
    await createAssistanceRecord(t, counter, { visitedAt: '2020-09-01T10:55:00+09:00', durationMinutes: 18, outcome: 'unable', unableReason: 'cert_expired' });
    await createAssistanceRecord(t, counter, { visitedAt: '2020-09-08T10:30:00+09:00', durationMinutes: 25 });
    await createAssistanceRecord(t, counter2, { visitedAt: '2020-09-04T14:20:00+09:00', durationMinutes: 40 });
    // 2020-09-30 23:50 JST is still September in Japan (14:50 UTC)
    await createAssistanceRecord(t, counter2, { visitedAt: '2020-09-30T23:50:00+09:00', durationMinutes: 7 });
    await createAssistanceRecord(t, counter2, { visitedAt: '2020-10-01T00:10:00+09:00', durationMinutes: 9 });
  });
  afterAll(() => t.close());

  it('gives counter staff today’s own visits, minutes, outcomes and unable reasons', async () => {
    const res = await counter.get('/api/stats/counter').expect(200);
    expect(res.body.scope).toBe('own');
    expect(res.body.today).toMatchObject({
      visits: 3,
      minutes: 35,
      outcomes: { completed: 1, follow_up: 1, unable: 1 },
      unableReasons: { pin_locked: 1, cert_expired: 0, cert_renewed_within_24h: 0, no_card: 0, unsupported_device: 0, quota_closed: 0, national_site_maintenance: 0, service_closed: 0, other: 0 },
    });
    expect(res.body.week.visits).toBeGreaterThanOrEqual(3);
    expect(res.body.week.from <= res.body.today.date && res.body.today.date <= res.body.week.to).toBe(true);
  });

  it('gives policy staff and admins every clerk’s figures', async () => {
    for (const client of [policy, admin]) {
      const res = await client.get('/api/stats/counter').expect(200);
      expect(res.body.scope).toBe('all');
      expect(res.body.today).toMatchObject({ visits: 5, minutes: 80, outcomes: { completed: 2, follow_up: 1, unable: 2 }, unableReasons: { pin_locked: 1, no_card: 1 } });
    }
    const other = await counter2.get('/api/stats/counter').expect(200);
    expect(other.body.today).toMatchObject({ visits: 2, minutes: 45 });
  });

  it('sums a date range, by JST day, with a series per interval and a weekday × hour grid', async () => {
    const own = await counter.get(`/api/stats/counter?${SEPTEMBER}&interval=week`).expect(200);
    expect(own.body).toMatchObject({ from: '2020-09-01', to: '2020-09-30', interval: 'week' });
    expect(own.body.range).toMatchObject({ from: '2020-09-01', to: '2020-09-30', visits: 3, minutes: 55, outcomes: { unable: 1 }, unableReasons: { cert_expired: 1 } });
    expect(own.body.series).toEqual([
      { period: '2020-08-31', visits: 2, minutes: 30 },
      { period: '2020-09-07', visits: 1, minutes: 25 },
      { period: '2020-09-14', visits: 0, minutes: 0 },
      { period: '2020-09-21', visits: 0, minutes: 0 },
      { period: '2020-09-28', visits: 0, minutes: 0 },
    ]);
    expect(own.body.byWeekdayHour).toEqual([{ weekday: 2, hour: 10, visits: 3 }]);

    const all = await policy.get(`/api/stats/counter?${SEPTEMBER}&interval=month`).expect(200);
    expect(all.body.range).toMatchObject({ visits: 5, minutes: 102 });
    expect(all.body.series).toEqual([{ period: '2020-09-01', visits: 5, minutes: 102 }]);
    expect(all.body.byWeekdayHour).toEqual([
      { weekday: 2, hour: 10, visits: 3 },
      { weekday: 3, hour: 23, visits: 1 },
      { weekday: 5, hour: 14, visits: 1 },
    ]);
    const days = await policy.get(`/api/stats/counter?${SEPTEMBER}`).expect(200);
    expect(days.body.interval).toBe('day');
    expect(days.body.series).toHaveLength(30);
    expect(days.body.series[0]).toEqual({ period: '2020-09-01', visits: 2, minutes: 30 });
  });

  it('refuses bad parameters with 400 and ignores unknown ones', async () => {
    for (const q of ['from=2020-09-31', 'to=yesterday', 'from=2020-10-01&to=2020-09-01', 'interval=hour', 'from=1990-01-01&to=2020-01-01']) {
      const res = await policy.get(`/api/stats/counter?${q}`).expect(400);
      expect(res.body.code).toBe('bad_query');
    }
    await policy.get(`/api/stats/counter?${SEPTEMBER}&_=123`).expect(200);
  });

  it('keeps the rollup equal to the records through creates, edits, backdating and deletes (property)', async () => {
    const staff = ['counter', 'counter2'] as const;
    const op = fc.oneof(
      fc.record({
        kind: fc.constant('create' as const),
        who: fc.constantFrom(...staff),
        hoursAgo: fc.integer({ min: 0, max: 24 * 60 }),
        minutes: fc.integer({ min: 1, max: 240 }),
        unable: fc.boolean(),
      }),
      fc.record({ kind: fc.constant('edit' as const), minutes: fc.integer({ min: 1, max: 240 }), unable: fc.boolean(), hoursAgo: fc.integer({ min: 0, max: 500 }) }),
      fc.record({ kind: fc.constant('backdate' as const), days: fc.integer({ min: 1, max: 40 }) }),
      fc.record({ kind: fc.constant('delete' as const) }),
    );
    const outcome = (unable: boolean) => (unable ? { outcome: 'unable', unableReason: 'unsupported_device' } : { outcome: 'completed', unableReason: null });

    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 8 }), async (ops) => {
        for (const o of ops) {
          const [last] = await t.sql<{ id: number }>('SELECT max(id)::int AS id FROM assistance_records');
          if (o.kind === 'create') {
            await createAssistanceRecord(t, o.who, { visitedAt: new Date(Date.now() - o.hoursAgo * 3600_000).toISOString(), durationMinutes: o.minutes, ...outcome(o.unable) });
          } else if (o.kind === 'edit' && last.id) {
            await admin
              .put(`/api/assistance-records/${last.id}`)
              .send({ durationMinutes: o.minutes, visitedAt: new Date(Date.now() - o.hoursAgo * 3600_000).toISOString(), ...outcome(o.unable) })
              .expect(200);
          } else if (o.kind === 'backdate' && last.id) {
            await backdateAssistanceRecord(t, last.id, o.days);
          } else if (o.kind === 'delete' && last.id) {
            await admin.delete(`/api/assistance-records/${last.id}`).expect(200);
          }
        }
        const diff = await t.sql(`
          WITH raw AS (
            SELECT (visited_at AT TIME ZONE 'Asia/Tokyo')::date AS day, extract(hour FROM visited_at AT TIME ZONE 'Asia/Tokyo')::int AS hour,
                   staff_id, office, outcome, unable_reason, count(*)::int AS visits, sum(duration_minutes)::int AS minutes
              FROM assistance_records GROUP BY 1, 2, 3, 4, 5, 6),
          rolled AS (
            SELECT day, hour::int, staff_id, office, outcome, unable_reason, visits, minutes FROM assistance_hourly_stats WHERE visits <> 0 OR minutes <> 0)
          (SELECT * FROM raw EXCEPT SELECT * FROM rolled) UNION ALL (SELECT * FROM rolled EXCEPT SELECT * FROM raw)`);
        expect(diff).toEqual([]);
        // The city-wide rollups (no clerk, no office) hold exactly the same figures, zero rows removed.
        const cityDiff = await t.sql(`
          WITH raw AS (
            SELECT (visited_at AT TIME ZONE 'Asia/Tokyo')::date AS day, outcome, unable_reason, count(*)::int AS visits, sum(duration_minutes)::int AS minutes
              FROM assistance_records GROUP BY 1, 2, 3),
          rolled AS (SELECT day, outcome, unable_reason, visits, minutes FROM assistance_city_daily_stats)
          (SELECT * FROM raw EXCEPT SELECT * FROM rolled) UNION ALL (SELECT * FROM rolled EXCEPT SELECT * FROM raw)`);
        expect(cityDiff).toEqual([]);
        const hourDiff = await t.sql(`
          WITH raw AS (
            SELECT (visited_at AT TIME ZONE 'Asia/Tokyo')::date AS day, extract(hour FROM visited_at AT TIME ZONE 'Asia/Tokyo')::int AS hour, count(*)::int AS visits
              FROM assistance_records GROUP BY 1, 2),
          rolled AS (SELECT day, hour::int, visits FROM assistance_city_hour_stats)
          (SELECT * FROM raw EXCEPT SELECT * FROM rolled) UNION ALL (SELECT * FROM rolled EXCEPT SELECT * FROM raw)`);
        expect(hourDiff).toEqual([]);
      }),
      { numRuns: 15 },
    );
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await t.anon.get('/api/docs-json').expect(200)).body;
    const op = doc.paths['/api/stats/counter'].get;
    expect(op.parameters.map((p: { name: string }) => p.name).sort()).toEqual(['from', 'interval', 'municipalityCode', 'to']);
    const ref: string = op.responses['200'].content['application/json'].schema.$ref;
    const schema = doc.components.schemas[ref.split('/').pop()!];
    expect(Object.keys(schema.properties).sort()).toEqual(['byWeekdayHour', 'from', 'interval', 'range', 'scope', 'series', 'to', 'today', 'week']);
    const totals = doc.components.schemas.CounterTotalsDto ?? doc.components.schemas.CounterDayTotalsDto;
    expect(Object.keys(totals.properties)).toEqual(expect.arrayContaining(['visits', 'minutes', 'outcomes', 'unableReasons']));
    expect(Object.keys(doc.components.schemas.UnableReasonCountsDto.properties)).toContain('pin_locked');
  });
});

describe('the demo seed of counter visits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start({ seed: [usersSeed, paymentServicesSeed, assistanceSeed] });
  });
  afterAll(() => t.close());

  it('loads a few thousand visits that pass every constraint, and a day in progress for `counter`', async () => {
    const [{ n }] = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM assistance_records');
    expect(n).toBeGreaterThan(2500);
    const counter = await t.as('counter');
    const today = await counter.get('/api/stats/counter').expect(200);
    expect(today.body.today.visits).toBe(5);
    const season = await (await t.as('manager')).get('/api/stats/counter?from=2020-07-01&to=2021-03-31&interval=month').expect(200);
    expect(season.body.range.visits).toBe(n - 5);
    const byMonth = Object.fromEntries(season.body.series.map((p: { period: string; visits: number }) => [p.period, p.visits]));
    expect(byMonth['2020-09-01']).toBeGreaterThan(byMonth['2020-07-01']);
    // the counter user's own figures are a part of everyone's
    const own = await counter.get('/api/stats/counter?from=2020-07-01&to=2021-03-31').expect(200);
    expect(own.body.range.visits).toBeLessThan(season.body.range.visits);
    expect(own.body.range.visits).toBeGreaterThan(0);
  });
});
