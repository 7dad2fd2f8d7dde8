import fc from 'fast-check';
import { paymentServicesSeed } from '../../apps/api/src/database/seed/payment-services.seed';
import { usersSeed } from '../../apps/api/src/database/seed/users.seed';
import { createPaymentService } from '../support/fixtures';
import { unique } from '../support/route-cases';
import { Client_, TestApp } from '../support/test-app';
import { createCampaign, createMeasure, createQuota, newMyKeyId } from '../support/uptake-fixtures';
import { importCsv, myKeyHash, uploadCsv, waitForImport } from '../support/uptake-sql-fixtures';

// The rollups behind GET /api/stats/summary, /uptake, /points and /measures must equal, after
// any write, a plain aggregation of the base tables. The expected figures are
// computed here with their own SQL (and the point buckets in TypeScript), not with
// the migration's code; stats_rebuild() must then leave the tables as they were.

type Row = Record<string, unknown>;
const csv = (...lines: string[]) => lines.join('\r\n') + '\r\n';

/** Rows as sorted JSON strings: order-free comparison with readable diffs. */
const canon = (rows: Row[]) => rows.map((r) => JSON.stringify(r)).sort();

// The writes an uptake rollup counts: reservations and applications, with the reservation's age band and district.
const UPTAKE_WRITES = `WITH w AS (
       SELECT q.campaign_id, (r.reserved_at AT TIME ZONE 'Asia/Tokyo')::date AS day, r.channel, r.age_band, r.district, 1 AS res, 0 AS app
         FROM reservations r JOIN reservation_quotas q ON q.id = r.quota_id
       UNION ALL
       SELECT p.campaign_id, (a.applied_at AT TIME ZONE 'Asia/Tokyo')::date, a.channel, r.age_band, r.district, 0, 1
         FROM applications a JOIN participants p ON p.id = a.participant_id LEFT JOIN reservations r ON r.participant_id = a.participant_id)`;

async function expectedRollups(t: TestApp) {
  const UPTAKE_DAILY = `${UPTAKE_WRITES}
     SELECT campaign_id, day::text, 'channel' AS dimension, channel AS value, sum(res)::int AS reservations, sum(app)::int AS applications FROM w GROUP BY 1, 2, 4
     UNION ALL SELECT campaign_id, day::text, 'age_band', age_band, sum(res)::int, sum(app)::int FROM w GROUP BY 1, 2, 4
     UNION ALL SELECT campaign_id, day::text, 'district', district, sum(res)::int, sum(app)::int FROM w GROUP BY 1, 2, 4`;
  const uptake = await t.sql(UPTAKE_DAILY);
  const uptakeMonthly = await t.sql(
    `SELECT campaign_id, to_char(date_trunc('month', day::date), 'YYYY-MM-DD') AS month, dimension, value, sum(reservations)::int AS reservations, sum(applications)::int AS applications
       FROM (${UPTAKE_DAILY}) d GROUP BY 1, 2, 3, 4`,
  );
  const services = await t.sql(
    `SELECT p.campaign_id, (a.applied_at AT TIME ZONE 'Asia/Tokyo')::date::text AS day, a.payment_service_id, count(*)::int AS applications
       FROM applications a JOIN participants p ON p.id = a.participant_id GROUP BY 1, 2, 3`,
  );
  const points = await t.sql(
    `SELECT campaign_id, transaction_date::text AS day, payment_service_id, kind, sum(points)::text AS points, count(*)::int AS awards
       FROM point_awards GROUP BY 1, 2, 3, 4`,
  );
  // The month rollups, from the base tables too (not from the daily rollups they are kept from).
  const servicesMonthly = await t.sql(
    `SELECT p.campaign_id, to_char(date_trunc('month', a.applied_at AT TIME ZONE 'Asia/Tokyo'), 'YYYY-MM-DD') AS month, a.payment_service_id, count(*)::int AS applications
       FROM applications a JOIN participants p ON p.id = a.participant_id GROUP BY 1, 2, 3`,
  );
  const pointsMonthly = await t.sql(
    `SELECT campaign_id, to_char(date_trunc('month', transaction_date), 'YYYY-MM-DD') AS month, payment_service_id, sum(points)::text AS points, count(*)::int AS awards
       FROM point_awards GROUP BY 1, 2, 3`,
  );
  // Per measure and slot (participant id mod 16): its participants (applied, with points, at the cap, their points) and the awards of its participants.
  const measures = await t.sql(
    `WITH per AS (
       SELECT p.measure_id, p.id % 16 AS slot, count(a.id)::int AS applications, count(*) FILTER (WHERE p.points_total > 0)::int AS with_points,
              count(*) FILTER (WHERE p.points_total >= p.cap_yen)::int AS at_cap, sum(p.points_total) AS points
         FROM participants p LEFT JOIN applications a ON a.participant_id = p.id GROUP BY 1, 2
     ), aw AS (
       SELECT p.measure_id, p.id % 16 AS slot, count(*)::int AS awards FROM point_awards pa JOIN participants p ON p.id = pa.participant_id GROUP BY 1, 2
     )
     SELECT coalesce(per.measure_id, aw.measure_id) AS measure_id, coalesce(per.slot, aw.slot) AS slot, coalesce(per.applications, 0) AS applications,
            coalesce(per.with_points, 0) AS participants_with_points, coalesce(per.at_cap, 0) AS participants_at_cap,
            coalesce(per.points, 0)::text AS points_yen, coalesce(aw.awards, 0) AS awards
       FROM per FULL JOIN aw ON aw.measure_id = per.measure_id AND aw.slot = per.slot
      WHERE coalesce(per.applications, 0) > 0 OR coalesce(per.points, 0) > 0 OR coalesce(aw.awards, 0) > 0`,
  );
  const people = await t.sql<{ campaign_id: number; cap_yen: number; points_total: number }>('SELECT campaign_id, cap_yen, points_total FROM participants');
  const buckets = new Map<string, Row>();
  for (const p of people) {
    if (p.points_total === 0) continue;
    const bucket = p.points_total >= p.cap_yen ? p.cap_yen : Math.max(1, Math.floor(p.points_total / 500) * 500);
    const key = `${p.campaign_id}/${p.cap_yen}/${bucket}`;
    const row = buckets.get(key) ?? { campaign_id: p.campaign_id, cap_yen: p.cap_yen, bucket_yen: bucket, participants: 0 };
    row.participants = (row.participants as number) + 1;
    buckets.set(key, row);
  }
  return {
    uptake: canon(uptake),
    uptakeMonthly: canon(uptakeMonthly),
    services: canon(services),
    points: canon(points),
    servicesMonthly: canon(servicesMonthly),
    pointsMonthly: canon(pointsMonthly),
    buckets: canon([...buckets.values()]),
    measures: canon(measures),
  };
}

/** The rollups' rows, whole (a row brought to zero is removed by the trigger that did it). */
async function rollups(t: TestApp) {
  return {
    uptake: canon(await t.sql(`SELECT campaign_id, day::text, dimension, value, reservations, applications FROM uptake_daily_stats`)),
    uptakeMonthly: canon(await t.sql(`SELECT campaign_id, month::text, dimension, value, reservations, applications FROM uptake_monthly_stats`)),
    services: canon(await t.sql(`SELECT campaign_id, day::text, payment_service_id, applications FROM application_service_daily_stats`)),
    points: canon(await t.sql(`SELECT campaign_id, day::text, payment_service_id, kind, points::text, awards FROM point_award_daily_stats`)),
    servicesMonthly: canon(await t.sql(`SELECT campaign_id, month::text, payment_service_id, applications FROM application_service_monthly_stats`)),
    pointsMonthly: canon(await t.sql(`SELECT campaign_id, month::text, payment_service_id, points::text, awards FROM point_award_monthly_stats`)),
    buckets: canon(await t.sql(`SELECT campaign_id, cap_yen, bucket_yen, participants FROM participant_point_stats`)),
    measures: canon(await t.sql(`SELECT measure_id, slot, applications, participants_with_points, participants_at_cap, points_yen::text, awards FROM measure_stats`)),
  };
}

async function expectExact(t: TestApp): Promise<void> {
  const incremental = await rollups(t);
  expect(incremental).toEqual(await expectedRollups(t));
  // stats_rebuild() recomputes the same figures, and the hourly counter rollup it also rebuilds stays put.
  const hourly = async () => ({
    clerk: canon(await t.sql('SELECT day::text, hour, staff_id, office, outcome, unable_reason, visits, minutes FROM assistance_hourly_stats')),
    cityDaily: canon(await t.sql('SELECT day::text, outcome, unable_reason, visits, minutes FROM assistance_city_daily_stats')),
    cityHour: canon(await t.sql('SELECT day::text, hour, visits FROM assistance_city_hour_stats')),
  });
  const hourlyBefore = await hourly();
  await t.sql('SELECT stats_rebuild()');
  expect(await rollups(t)).toEqual(incremental);
  expect(await hourly()).toEqual(hourlyBefore);
}

describe('stats rollups', () => {
  let t: TestApp;
  let admin: Client_;
  let policy: Client_;
  let campaignId: number;
  let quotaId: number;
  let services: number[];

  const summary = async () => (await policy.get(`/api/stats/summary?from=2020-07-01&to=2021-03-31&campaignId=${campaignId}`).expect(200)).body;

  beforeAll(async () => {
    // Small import chunks: an import runs several transactions, two at a time.
    t = await TestApp.start({ seed: [usersSeed, paymentServicesSeed], config: { importChunkRows: 7, importApplyWorkers: 2 } });
    [admin, policy] = await Promise.all([t.as('admin'), t.as('policy')]);
    campaignId = (await createCampaign(t)).id;
    quotaId = (await createQuota(t, { campaignId, capacity: 5000 })).id;
    services = [(await createPaymentService(t, { kind: 'ic_emoney' })).id, (await createPaymentService(t, { kind: 'credit_card' })).id];
  });
  afterAll(() => t.close());

  const reserve = (body: Row = {}) =>
    admin.post('/api/reservations').send({ quotaId, myKeyId: newMyKeyId(), channel: 'counter', reservedAt: '2020-09-01T10:00:00+09:00', ageBand: '40s', district: '水原', ...body });
  const apply = (myKeyId: string, body: Row = {}) =>
    admin.post('/api/applications').send({ myKeyId, paymentServiceId: services[0], channel: 'self_smartphone', appliedAt: '2020-09-10T10:00:00+09:00', preRegistered: false, ...body });

  it('counts a reservation on its JST day, and a delete gives the unit back and takes the count away', async () => {
    const before = await summary();
    // 00:30 JST on 1 September is still 31 August in UTC.
    const myKeyId = newMyKeyId();
    const res = await reserve({ myKeyId, reservedAt: '2020-09-01T00:30:00+09:00', channel: 'self_pc', ageBand: '70_plus', district: '安田' }).expect(201);
    const after = await summary();
    expect(after).toMatchObject({ reservations: before.reservations + 1, quotaUsed: before.quotaUsed + 1, quotaRemaining: before.quotaRemaining - 1 });
    const day = (await policy.get(`/api/stats/uptake?from=2020-08-31&to=2020-09-01&campaignId=${campaignId}`).expect(200)).body;
    expect(day.series.map((s: Row) => [s.period, s.reservations])).toEqual([
      ['2020-08-31', 0],
      ['2020-09-01', 1],
    ]);
    expect(day.byChannel).toContainEqual({ channel: 'self_pc', reservations: 1, applications: 0 });
    expect(day.byAgeBand).toContainEqual({ ageBand: '70_plus', reservations: 1, applications: 0 });
    expect(day.byDistrict).toContainEqual(expect.objectContaining({ district: '安田', reservations: 1 }));
    await expectExact(t);

    await admin.delete(`/api/reservations/${res.body.id}`).expect(200);
    expect(await summary()).toMatchObject({ reservations: before.reservations, quotaUsed: before.quotaUsed, quotaRemaining: before.quotaRemaining });
    await expectExact(t);
  });

  it('moves an application with its reservation’s age band and district, and counts points and buckets', async () => {
    const myKeyId = newMyKeyId();
    const r = await reserve({ myKeyId, ageBand: '20s', district: '笹神' }).expect(201);
    await apply(myKeyId, { paymentServiceId: services[1] }).expect(201);
    await admin.put(`/api/reservations/${r.body.id}`).send({ ageBand: '30s', district: '京ヶ瀬' }).expect(200);
    const u = (await policy.get(`/api/stats/uptake?from=2020-09-10&to=2020-09-10&campaignId=${campaignId}`).expect(200)).body;
    expect(u.byAgeBand).toContainEqual({ ageBand: '30s', reservations: 0, applications: 1 });
    expect(u.byAgeBand).toContainEqual({ ageBand: '20s', reservations: 0, applications: 0 });
    expect(u.byService.find((s: Row) => s.paymentServiceId === services[1])).toMatchObject({ applications: 1, kind: 'credit_card' });

    for (const [amountYen, date] of [[4000, '2020-10-01'], [30000, '2020-10-02']] as const) {
      await policy
        .post('/api/point-awards')
        .send({ myKeyId, paymentServiceId: services[1], externalId: unique('TX'), transactionDate: date, kind: 'charge', amountYen })
        .expect(201);
    }
    const p = (await policy.get(`/api/stats/points?from=2020-10-01&to=2020-10-31&interval=month&campaignId=${campaignId}`).expect(200)).body;
    // 25%: 1000, then min(7500, 4000 left) = 4000: at the 5,000-yen cap.
    expect(p.series).toEqual([{ period: '2020-10-01', points: 5000, awards: 2 }]);
    expect(p.byService).toEqual([expect.objectContaining({ paymentServiceId: services[1], points: 5000, awards: 2 })]);
    expect(p.distribution[p.distribution.length - 1]).toEqual({ fromYen: 5000, toYen: 5000, participants: 1 });
    await expectExact(t);
  });

  it('keeps every rollup exact through a random mix of creates, edits and deletes (property)', async () => {
    const days = fc.integer({ min: 0, max: 60 });
    const at = (base: string, d: number, hour: number) => new Date(Date.parse(`${base}T00:00:00+09:00`) + d * 86_400_000 + hour * 3_600_000).toISOString();
    const op = fc.oneof(
      fc.record({
        kind: fc.constant('reserve' as const),
        day: days,
        hour: fc.integer({ min: 0, max: 23 }),
        channel: fc.constantFrom('self_smartphone', 'self_pc', 'counter'),
        ageBand: fc.constantFrom('under_20', '60s', null),
        district: fc.constantFrom('水原', '安田', null),
      }),
      fc.record({ kind: fc.constant('apply' as const), day: days, service: fc.integer({ min: 0, max: 1 }), channel: fc.constantFrom('self_smartphone', 'counter') }),
      fc.record({ kind: fc.constant('editReservation' as const), ageBand: fc.constantFrom('20s', null), district: fc.constantFrom('笹神', null), day: days }),
      fc.record({ kind: fc.constant('editApplication' as const), day: days, channel: fc.constantFrom('self_pc', 'counter') }),
      fc.record({ kind: fc.constant('deleteReservation' as const) }),
      fc.record({ kind: fc.constant('deleteApplication' as const) }),
      fc.record({ kind: fc.constant('award' as const), amount: fc.integer({ min: 1, max: 30000 }), day: days }),
    );
    const keys = new Map<number, string>(); // participant id → MyKey ID

    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 8 }), async (ops) => {
        for (const o of ops) {
          // Reservations made in July–August; applications from 10 September; awards from October.
          const [open] = await t.sql<{ id: number; participant_id: number; applied: boolean; awarded: boolean }>(
            `SELECT r.id, r.participant_id, a.id IS NOT NULL AS applied, EXISTS (SELECT 1 FROM point_awards pa WHERE pa.participant_id = r.participant_id) AS awarded
               FROM reservations r JOIN reservation_quotas q ON q.id = r.quota_id LEFT JOIN applications a ON a.participant_id = r.participant_id
              WHERE q.id = $1 AND r.participant_id = ANY($2) ORDER BY random() LIMIT 1`,
            [quotaId, [...keys.keys()]],
          );
          if (o.kind === 'reserve') {
            const myKeyId = newMyKeyId();
            const res = await reserve({ myKeyId, reservedAt: at('2020-07-01', o.day, o.hour), channel: o.channel, ageBand: o.ageBand, district: o.district }).expect(201);
            keys.set(res.body.participantId, myKeyId);
          } else if (!open) {
            continue;
          } else if (o.kind === 'apply' && !open.applied) {
            // A re-application after a deletion must name the deleted one's service (docs/api-notes.md).
            const [deleted] = await t.sql<{ payment_service_id: number }>(
              'SELECT payment_service_id FROM application_deletions WHERE participant_id = $1 ORDER BY id DESC LIMIT 1',
              [open.participant_id],
            );
            const paymentServiceId = deleted?.payment_service_id ?? services[o.service];
            await apply(keys.get(open.participant_id)!, { appliedAt: at('2020-09-10', o.day, 12), paymentServiceId, channel: o.channel }).expect(201);
          } else if (o.kind === 'editReservation') {
            await admin.put(`/api/reservations/${open.id}`).send({ ageBand: o.ageBand, district: o.district, reservedAt: at('2020-07-01', o.day, 9) }).expect(200);
          } else if (o.kind === 'editApplication' && open.applied) {
            const [a] = await t.sql<{ id: number }>('SELECT id FROM applications WHERE participant_id = $1', [open.participant_id]);
            await admin.put(`/api/applications/${a.id}`).send({ appliedAt: at('2020-09-10', o.day, 15), channel: o.channel }).expect(200);
          } else if (o.kind === 'deleteReservation' && !open.applied) {
            await admin.delete(`/api/reservations/${open.id}`).expect(200);
            keys.delete(open.participant_id);
          } else if (o.kind === 'deleteApplication' && open.applied && !open.awarded) {
            const [a] = await t.sql<{ id: number }>('SELECT id FROM applications WHERE participant_id = $1', [open.participant_id]);
            await admin.delete(`/api/applications/${a.id}`).send({ reason: '入力誤り' }).expect(200);
          } else if (o.kind === 'award' && open.applied) {
            const [a] = await t.sql<{ payment_service_id: number }>('SELECT payment_service_id FROM applications WHERE participant_id = $1', [open.participant_id]);
            await policy
              .post('/api/point-awards')
              .send({
                myKeyId: keys.get(open.participant_id),
                paymentServiceId: a.payment_service_id,
                externalId: unique('TX'),
                transactionDate: at('2020-10-01', o.day, 12).slice(0, 10),
                kind: 'purchase',
                amountYen: o.amount,
              })
              .expect(201);
          }
        }
        await expectExact(t);
        // And the endpoints read them: the summary equals direct counts.
        const [direct] = await t.sql<{ reservations: number; applications: number; points: number }>(
          `SELECT (SELECT count(*)::int FROM reservations r JOIN reservation_quotas q ON q.id = r.quota_id WHERE q.campaign_id = $1) AS reservations,
                  (SELECT count(*)::int FROM applications a JOIN participants p ON p.id = a.participant_id WHERE p.campaign_id = $1) AS applications,
                  (SELECT coalesce(sum(points), 0)::int FROM point_awards WHERE campaign_id = $1) AS points`,
          [campaignId],
        );
        expect(await summary()).toMatchObject({ reservations: direct.reservations, applications: direct.applications, pointsAwarded: direct.points });
      }),
      { numRuns: 12 },
    );
  });

  it('keeps every rollup exact through imports (several chunks, two at a time)', async () => {
    const people = Array.from({ length: 30 }, () => newMyKeyId());
    const ages = ['20代', '30代', '70歳以上', ''];
    const reservations = await importCsv(
      policy,
      'reservations',
      csv(
        'myKeyId,reservedAt,channel,ageBand,district',
        ...people.map((k, i) => `${k},2020-08-${String(1 + (i % 28)).padStart(2, '0')} ${String(i % 24).padStart(2, '0')}:10,${i % 2 ? 'counter' : 'self_smartphone'},${ages[i % 4]},${i % 3 ? '水原' : ''}`),
      ),
      { campaignId },
    );
    expect(reservations).toMatchObject({ status: 'done', accepted: 30, rejected: 0 });
    await expectExact(t);

    const applied = people.slice(0, 24);
    const applications = await importCsv(
      policy,
      'applications',
      csv('myKeyId,paymentServiceId,appliedAt,channel', ...applied.map((k, i) => `${k},${services[i % 2]},2020-09-${String(10 + (i % 20)).padStart(2, '0')} 11:00,self_pc`)),
      { campaignId },
    );
    expect(applications).toMatchObject({ status: 'done', accepted: 24, rejected: 0 });
    await expectExact(t);

    const awards = await importCsv(
      policy,
      'point-awards',
      csv(
        'externalId,myKeyId,transactionDate,kind,amountYen',
        ...applied.filter((_, i) => i % 2 === 0).flatMap((k, i) => [1, 2, 3].map((n) => `${unique('IMP')},${k},2020-10-${String(n + i).padStart(2, '0')},charge,${(i + 1) * 1500 * n}`)),
      ),
      { paymentServiceId: services[0], campaignId },
    );
    expect(awards).toMatchObject({ status: 'done', accepted: 36, rejected: 0 });
    await expectExact(t);

    const [direct] = await t.sql<{ points: number; awarded: number; capped: number }>(
      `SELECT (SELECT coalesce(sum(points), 0)::int FROM point_awards WHERE campaign_id = $1 AND transaction_date BETWEEN '2020-10-01' AND '2020-10-31') AS points,
              (SELECT count(*)::int FROM participants WHERE campaign_id = $1 AND points_total > 0) AS awarded,
              (SELECT count(*)::int FROM participants WHERE campaign_id = $1 AND points_total >= cap_yen) AS capped`,
      [campaignId],
    );
    const p = (await policy.get(`/api/stats/points?from=2020-10-01&to=2020-10-31&campaignId=${campaignId}`).expect(200)).body;
    expect(p).toMatchObject({ totalPoints: direct.points, awardedParticipants: direct.awarded, capReachedParticipants: direct.capped });
    expect(p.distribution.reduce((n: number, b: Row) => n + (b.participants as number), 0)).toBe(direct.awarded);
  });

  it('survives concurrent reservation creates and deletes on one quota, and two imports at once, without deadlock or drift', async () => {
    const made = await Promise.all(Array.from({ length: 12 }, () => reserve({ reservedAt: '2020-08-15T09:00:00+09:00' })));
    expect(made.map((r) => r.status)).toEqual(Array(12).fill(201));
    // Deletes (quota first, then the rollup) race creates (rollup after the quota too).
    const mixed = await Promise.all([
      ...made.slice(0, 6).map((r) => admin.delete(`/api/reservations/${r.body.id}`)),
      ...Array.from({ length: 12 }, () => reserve({ reservedAt: '2020-08-15T09:30:00+09:00' })),
    ]);
    expect(mixed.map((r) => r.status).sort()).toEqual([...Array(6).fill(200), ...Array(12).fill(201)]);

    const file = (n: number) =>
      csv('myKeyId,reservedAt,channel,ageBand,district', ...Array.from({ length: n }, (_, i) => `${newMyKeyId()},2020-08-20 1${i % 10}:00,counter,60代,安田`));
    const [a, b] = await Promise.all([importCsv(policy, 'reservations', file(20), { campaignId }), importCsv(policy, 'reservations', file(20), { campaignId })]);
    expect([a.accepted, b.accepted]).toEqual([20, 20]);
    const [q] = await t.sql<{ used: number; n: number }>('SELECT used, (SELECT count(*)::int FROM reservations WHERE quota_id = $1) AS n FROM reservation_quotas WHERE id = $1', [quotaId]);
    expect(q.used).toBe(q.n);
    await expectExact(t);
  });

  it('survives applications, reservation edits and point awards racing on the same rollup rows', async () => {
    // Everyone on the same JST day, channel, age band and district: the same rollup rows.
    const people = await Promise.all(
      Array.from({ length: 10 }, async () => {
        const myKeyId = newMyKeyId();
        const r = await reserve({ myKeyId, reservedAt: '2020-08-25T09:00:00+09:00' }).expect(201);
        return { myKeyId, id: r.body.id as number };
      }),
    );
    const applied = await Promise.all(people.map((p) => apply(p.myKeyId, { appliedAt: '2020-09-12T10:00:00+09:00' })));
    expect(applied.map((r) => r.status)).toEqual(Array(10).fill(201));
    const mixed = await Promise.all([
      ...people.map((p, i) => admin.put(`/api/reservations/${p.id}`).send({ ageBand: i % 2 ? '50s' : null, district: i % 3 ? '笹神' : '水原' })),
      ...people.map((p, i) =>
        policy
          .post('/api/point-awards')
          .send({ myKeyId: p.myKeyId, paymentServiceId: services[0], externalId: unique('RACE'), transactionDate: '2020-10-05', kind: 'charge', amountYen: 2000 * (i + 1) }),
      ),
      ...Array.from({ length: 5 }, () => reserve({ reservedAt: '2020-08-25T09:00:00+09:00' })),
    ]);
    expect(mixed.map((r) => r.status).sort()).toEqual([...Array(10).fill(200), ...Array(15).fill(201)]);
    await expectExact(t);
  });

  it('keeps the measure rollup exact through spend and registration awards, deletes, a measure move, an import and races across measures', async () => {
    // Round 2's shape (no reservations): the campaign's own rate measure and two fixed ones.
    const dates = { applicationOpensOn: '2022-01-01', applicationClosesOn: '2023-09-30', earningStartsOn: '2022-01-01', earningEndsOn: '2023-09-30' };
    const round2 = (await createCampaign(t, { ...dates, reservationOpensOn: '2022-01-01', reservationClosesOn: '2023-09-30' })).id;
    const [{ id: rate }] = await t.sql<{ id: number }>('SELECT id FROM measures WHERE campaign_id = $1', [round2]);
    const health = (await createMeasure(t, { campaignId: round2, ...dates })).id as number;
    const bank = (await createMeasure(t, { campaignId: round2, ...dates })).id as number;
    const applyTo = (myKeyId: string, measureId: number) =>
      admin.post('/api/applications').send({ myKeyId, measureId, paymentServiceId: services[0], channel: 'counter', appliedAt: '2022-07-01T10:00:00+09:00' });
    const spend = (myKeyId: string, amountYen: number, transactionDate = '2022-07-10') =>
      policy.post('/api/point-awards').send({ myKeyId, paymentServiceId: services[0], externalId: unique('MS'), transactionDate, kind: 'charge', amountYen });
    const register = (myKeyId: string, measureId: number) => policy.post('/api/point-awards').send({ myKeyId, measureId, kind: 'registration', occurredOn: '2022-07-02' });
    const applicationOf = async (myKeyId: string, measureId: number) =>
      (await t.sql<{ id: number }>('SELECT a.id FROM applications a JOIN participants p ON p.id = a.participant_id WHERE p.mykey_hash = $1 AND p.measure_id = $2', [myKeyHash(myKeyId), measureId]))[0].id;

    const people = Array.from({ length: 6 }, () => newMyKeyId());
    for (const k of people) await applyTo(k, rate).expect(201);
    for (const k of people.slice(0, 4)) await applyTo(k, health).expect(201);
    await expectExact(t);

    // 25 %: one to the cap and an award of 0 points past it, one below; two registrations (at the fixed measure's cap).
    expect((await spend(people[0], 30_000).expect(201)).body.points).toBe(5000);
    expect((await spend(people[0], 4000).expect(201)).body.points).toBe(0);
    expect((await spend(people[1], 4000).expect(201)).body.points).toBe(1000);
    await register(people[0], health).expect(201);
    await register(people[1], health).expect(201);
    await expectExact(t);

    // An application deleted and made again; a participant's measure moved with its award (only a migration does that).
    await admin.delete(`/api/applications/${await applicationOf(people[3], health)}`).send({ reason: '入力誤り' }).expect(200);
    await expectExact(t);
    await applyTo(people[3], health).expect(201);
    await t.sql('UPDATE participants SET measure_id = $2 WHERE mykey_hash = $3 AND measure_id = $1', [health, bank, myKeyHash(people[0])]);
    await expectExact(t);
    // A participant removed with its awards and application, one table at a time as the operator's removal goes.
    const [gone] = await t.sql<{ id: number }>('SELECT id FROM participants WHERE mykey_hash = $1 AND measure_id = $2', [myKeyHash(people[1]), rate]);
    await t.sql('DELETE FROM point_awards WHERE participant_id = $1', [gone.id]);
    await expectExact(t);
    await t.sql('DELETE FROM applications WHERE participant_id = $1', [gone.id]);
    await t.sql('DELETE FROM participants WHERE id = $1', [gone.id]);
    await expectExact(t);

    // Races on the same measure rows: an import and single spends on the rate measure, registrations,
    // applications made to one fixed measure and deleted from the other.
    const more = Array.from({ length: 8 }, () => newMyKeyId());
    for (const k of more) await applyTo(k, rate).expect(201);
    for (const k of more.slice(0, 4)) await applyTo(k, health).expect(201);
    const deleting = await Promise.all(more.slice(2, 4).map((k) => applicationOf(k, health)));
    const file = csv(
      'externalId,myKeyId,transactionDate,kind,amountYen',
      ...more.slice(0, 4).flatMap((k, i) => [1, 2].map((n) => `${unique('MSIMP')},${k},2022-08-0${n},charge,${(i + 1) * 3000}`)),
    );
    const [upload, ...raced] = await Promise.all([
      uploadCsv(policy, 'point-awards', file, { paymentServiceId: services[0] }),
      ...more.slice(4).map((k, i) => spend(k, 2000 * (i + 1))),
      ...more.slice(0, 2).map((k) => register(k, health)),
      ...more.slice(4).map((k) => applyTo(k, bank)),
      ...deleting.map((id) => admin.delete(`/api/applications/${id}`).send({ reason: '入力誤り' })),
    ]);
    expect(raced.map((r) => r.status)).toEqual([...Array(4).fill(201), ...Array(2).fill(201), ...Array(4).fill(201), ...Array(2).fill(200)]);
    expect(await waitForImport(policy, upload.body.id)).toMatchObject({ status: 'done', accepted: 8, rejected: 0 });
    await expectExact(t);
  });

  it('recomputes everything after a TRUNCATE of a base table', async () => {
    const before = await rollups(t);
    expect(before.points.length).toBeGreaterThan(0);
    await t.sql('TRUNCATE point_awards');
    expect((await rollups(t)).points).toEqual([]);
    await expectExact(t);
  });
});
