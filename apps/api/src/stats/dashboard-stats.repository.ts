import { Injectable } from '@nestjs/common';
import { StatInterval, wholeMonths } from '@mynapoint/domain';
import { Db, STATS_STATEMENT } from '../common/db/db.service';
import { GenerateSql } from '../common/db/generate-sql';

// Every statement of the dashboard's summary, uptake and points. Every figure comes
// from the rollups of migration 1764000700000 (kept by triggers in the writers'
// transactions) or from small tables (campaigns, quotas, payment services): no
// request reads the reservations, applications, participants or point awards
// themselves.
//
// Each endpoint is one statement whose parts are scalar subqueries or json
// aggregates, so the pool's latency is paid once (twice with a campaignId, which the
// service checks first so that an unknown one is a 400, not a page of zeros).
//
// Figures by payment service (points, applications) and the uptake's totals and
// breakdowns read the whole months of the range from the month rollups (migrations
// 1764001600000, 1764002250000) and only the days at its edges from the daily ones: on
// the benchmark's 18 months that is about 1,100 rows instead of 58,320 by service, and
// for a prefecture's 30 municipalities about 8,000 uptake rows instead of 250,000.

/** The range and campaign a dashboard statement reads (campaignId null: every campaign). */
export interface DashboardRange {
  campaignId: number | null;
  from: string;
  to: string;
}

export interface SummaryRow {
  reservations: number;
  applications: number;
  points: string;
  awarded: number;
  at_cap: number;
  capacity: number;
  used: number;
  visits: number;
  fraud: number;
}

export interface UptakeCell {
  period: string | null;
  dimension: string | null;
  value: string | null;
  r: number;
  a: number;
}

export interface UptakeRow {
  before: { r: number; a: number };
  cells: UptakeCell[] | null;
  services: Array<{ id: number; name: string; kind: string; a: number }>;
  capacity: number;
  awarded: number;
}

export interface PointsCell {
  period: string | null;
  service: number | null;
  points: string;
  awards: number;
}

export interface MunicipalityRow {
  code: string;
  name: string;
  population: string | null;
  reservations: number;
  applications: number;
  points: string;
  visits: number;
  minutes: number;
  reports: number;
}

export interface PointsRow {
  cells: PointsCell[] | null;
  services: Array<{ id: number; name: string }>;
  buckets: Array<{ cap_yen: number; bucket_yen: number; n: number }> | null;
  cap: number | null;
}

/** [wholeFrom, wholeUntil) of the range, as two statement parameters. */
const months = (q: DashboardRange): [string, string] => {
  const { wholeFrom, wholeUntil } = wholeMonths(q.from, q.to);
  return [wholeFrom, wholeUntil];
};

// `campaign_id = $1` unless the request is for every campaign ($1 NULL).
const CAMPAIGN = `($1::int IS NULL OR campaign_id = $1::int)`;
// uptake_daily_stats counts each write once per dimension: totals read one of them.
const CHANNELS = `dimension = 'channel'`;

/** The key columns, besides the day, of the rollups kept both by day and by month. */
const ROLLUP_KEYS = { point_award: 'payment_service_id', application_service: 'payment_service_id', uptake: 'dimension, value' } as const;

/**
 * Rows (day, the rollup's key columns, values…) of [from $2, to $3] of a rollup kept
 * both by day and by month: the whole months [$w, $u) as one row each (day = the 1st),
 * the days before and after them by day (see wholeMonths). `w`, `u`: the numbers of
 * the parameters holding wholeFrom and wholeUntil.
 */
function byMonthAndEdgeDays(rollup: keyof typeof ROLLUP_KEYS, values: string, w: number, u: number): string {
  const columns = `${ROLLUP_KEYS[rollup]}, ${values}`;
  const daily = `SELECT day, ${columns} FROM ${rollup}_daily_stats WHERE ${CAMPAIGN} AND day`;
  return `SELECT month AS day, ${columns} FROM ${rollup}_monthly_stats WHERE ${CAMPAIGN} AND month >= $${w} AND month < $${u}
          UNION ALL ${daily} >= $2 AND day < $${w}
          UNION ALL ${daily} >= $${u} AND day <= $3`;
}

// The uptake counted before the range's first day $2: the months before its month, and its month's days before it.
const UPTAKE_BEFORE = `SELECT reservations, applications FROM uptake_monthly_stats WHERE ${CHANNELS} AND ${CAMPAIGN} AND month < date_trunc('month', $2::date)
          UNION ALL SELECT reservations, applications FROM uptake_daily_stats WHERE ${CHANNELS} AND ${CAMPAIGN} AND day >= date_trunc('month', $2::date) AND day < $2`;

const SEASON = { campaignId: 1, from: '2020-07-15', to: '2021-03-31' };

@Injectable()
export class DashboardStatsRepository {
  constructor(private readonly db: Db) {}


  @GenerateSql({ params: [1] })
  async campaignExists(id: number): Promise<boolean> {
    return !!(await this.db.one('SELECT 1 FROM campaigns WHERE id = $1', [id]));
  }

  /** The day the first campaign (or the given one) opens for reservations; null when there is none. */
  @GenerateSql({ name: 'every campaign', params: [null] }, { name: 'one campaign', params: [1] })
  async firstCampaignDay(campaignId: number | null): Promise<string | null> {
    const row = await this.db.one<{ d: string | null }>(
      `SELECT to_char(min(reservation_opens_on), 'YYYY-MM-DD') AS d FROM campaigns WHERE ($1::int IS NULL OR id = $1::int)`,
      [campaignId],
    );
    return row?.d ?? null;
  }

  /** `month`: [first day, first day of the next) of the month counted as "this month". */
  @GenerateSql({ params: [SEASON, ['2020-09-01', '2020-10-01']] })
  async summary(q: DashboardRange, month: [string, string]): Promise<SummaryRow> {
    const row = await this.db.one<SummaryRow>(
      `SELECT
         u.reservations, u.applications,
         (SELECT coalesce(sum(points), 0)::bigint FROM (${byMonthAndEdgeDays('point_award', 'points', 6, 7)}) p) AS points,
         (SELECT coalesce(sum(participants), 0)::int FROM participant_point_stats WHERE ${CAMPAIGN}) AS awarded,
         (SELECT coalesce(sum(participants) FILTER (WHERE bucket_yen = cap_yen), 0)::int FROM participant_point_stats WHERE ${CAMPAIGN}) AS at_cap,
         (SELECT coalesce(sum(capacity), 0)::int FROM reservation_quotas WHERE ${CAMPAIGN}) AS capacity,
         (SELECT coalesce(sum(used), 0)::int FROM reservation_quotas WHERE ${CAMPAIGN}) AS used,
         (SELECT coalesce(sum(visits), 0)::int FROM assistance_city_daily_stats WHERE day >= $4 AND day < $5) AS visits,
         -- From the rollup, as every other figure: a prefecture user reads no fraud_alerts.
         (SELECT coalesce(sum(status_new + status_investigating), 0)::int FROM fraud_daily_stats) AS fraud
       FROM (SELECT coalesce(sum(reservations), 0)::int AS reservations, coalesce(sum(applications), 0)::int AS applications
               FROM (${byMonthAndEdgeDays('uptake', 'reservations, applications', 6, 7)}) x WHERE ${CHANNELS}) u`,
      [q.campaignId, q.from, q.to, ...month, ...months(q)],
      STATS_STATEMENT,
    );
    return row!;
  }

  @GenerateSql({ params: [{ ...SEASON, interval: 'week' }] })
  async uptake(q: DashboardRange & { interval: StatInterval }): Promise<UptakeRow> {
    // The series by month and the breakdowns read the month rows; a series by week or day needs the days.
    const series =
      q.interval === 'month' ? `SELECT day, reservations, applications FROM src WHERE ${CHANNELS}` : `SELECT day, reservations, applications FROM uptake_daily_stats WHERE ${CHANNELS} AND day BETWEEN $2 AND $3 AND ${CAMPAIGN}`;
    const row = await this.db.one<UptakeRow>(
      `WITH src AS (${byMonthAndEdgeDays('uptake', 'reservations, applications', 5, 6)})
       SELECT
         (SELECT json_build_object('r', coalesce(sum(reservations), 0), 'a', coalesce(sum(applications), 0)) FROM (${UPTAKE_BEFORE}) b) AS before,
         -- The series (from the channel rows, which count every write once) and the three breakdowns.
         (SELECT json_agg(c) FROM (
            SELECT to_char(date_trunc($4, day::timestamp), 'YYYY-MM-DD') AS period, NULL AS dimension, NULL AS value,
                   sum(reservations)::int AS r, sum(applications)::int AS a
              FROM (${series}) d
             GROUP BY date_trunc($4, day::timestamp)
            UNION ALL
            SELECT NULL, dimension, value, sum(reservations)::int, sum(applications)::int
              FROM src
             GROUP BY dimension, value
          ) c) AS cells,
         (SELECT coalesce(json_agg(s ORDER BY s.a DESC, s.id), '[]') FROM (
            SELECT ps.id, ps.name, ps.kind, coalesce(x.a, 0)::int AS a
              FROM payment_services ps
              LEFT JOIN (SELECT payment_service_id, sum(applications) AS a FROM (${byMonthAndEdgeDays('application_service', 'applications', 5, 6)}) m
                          GROUP BY 1) x ON x.payment_service_id = ps.id
          ) s) AS services,
         (SELECT coalesce(sum(capacity), 0)::int FROM reservation_quotas WHERE ${CAMPAIGN}) AS capacity,
         (SELECT coalesce(sum(participants), 0)::int FROM participant_point_stats WHERE ${CAMPAIGN}) AS awarded`,
      [q.campaignId, q.from, q.to, q.interval, ...months(q)],
      STATS_STATEMENT,
    );
    return row!;
  }

  @GenerateSql({ name: 'by month', params: [{ ...SEASON, interval: 'month' }] }, { name: 'by week', params: [{ ...SEASON, campaignId: null, interval: 'week' }] })
  async points(q: DashboardRange & { interval: StatInterval }): Promise<PointsRow> {
    const row = await this.db.one<PointsRow>(
      `WITH src AS (${byMonthAndEdgeDays('point_award', 'points, awards', 5, 6)})
       SELECT
         (SELECT json_agg(c) FROM (
            -- The series by month can use the month rows; by week or day it needs the days.
            SELECT to_char(date_trunc($4, day::timestamp), 'YYYY-MM-DD') AS period, NULL::int AS service,
                   sum(points)::bigint AS points, sum(awards)::int AS awards
              FROM (${q.interval === 'month' ? 'SELECT day, points, awards FROM src' : `SELECT day, points, awards FROM point_award_daily_stats WHERE day BETWEEN $2 AND $3 AND ${CAMPAIGN}`}) d
             GROUP BY 1
            UNION ALL
            SELECT NULL, payment_service_id, sum(points)::bigint, sum(awards)::int FROM src GROUP BY 2
          ) c) AS cells,
         (SELECT coalesce(json_agg(json_build_object('id', id, 'name', name)), '[]') FROM payment_services) AS services,
         (SELECT json_agg(b) FROM (
            SELECT cap_yen, bucket_yen, sum(participants)::int AS n FROM participant_point_stats WHERE ${CAMPAIGN} GROUP BY 1, 2
          ) b) AS buckets,
         (SELECT max(cap_per_person_yen) FROM campaigns WHERE ($1::int IS NULL OR id = $1::int)) AS cap`,
      [q.campaignId, q.from, q.to, q.interval, ...months(q)],
      STATS_STATEMENT,
    );
    return row!;
  }

  /**
   * One row per municipality of the caller's scope (a prefecture user's municipalities,
   * or a municipality's own): its figures in [from, to], each rollup grouped by
   * municipality_code. The figures come through the rollups' row-level security; the
   * list of rows is the same scope read from the same settings, because the
   * municipalities table shows every row to the installation's accounts (tenant 000000,
   * the prefecture's too).
   */
  @GenerateSql({ params: [SEASON] })
  async municipalities(q: DashboardRange): Promise<MunicipalityRow[]> {
    return this.db.query<MunicipalityRow>(
      `SELECT m.code, m.name,
              (SELECT sum(value::numeric)::bigint FROM jsonb_each(m.district_population) WHERE jsonb_typeof(value) = 'number') AS population,
              coalesce(u.reservations, 0)::int AS reservations, coalesce(u.applications, 0)::int AS applications,
              coalesce(p.points, 0)::bigint AS points,
              coalesce(a.visits, 0)::int AS visits, coalesce(a.minutes, 0)::int AS minutes,
              coalesce(f.reports, 0)::int AS reports
         FROM municipalities m
         LEFT JOIN (SELECT municipality_code, sum(reservations) AS reservations, sum(applications) AS applications
                      FROM (${byMonthAndEdgeDays('uptake', 'municipality_code, reservations, applications', 4, 5)}) x WHERE ${CHANNELS} GROUP BY 1) u ON u.municipality_code = m.code
         LEFT JOIN (SELECT municipality_code, sum(points) AS points
                      FROM (${byMonthAndEdgeDays('point_award', 'municipality_code, points', 4, 5)}) x GROUP BY 1) p ON p.municipality_code = m.code
         LEFT JOIN (SELECT municipality_code, sum(visits) AS visits, sum(minutes) AS minutes
                      FROM assistance_city_daily_stats WHERE day BETWEEN $2 AND $3 GROUP BY 1) a ON a.municipality_code = m.code
         LEFT JOIN (SELECT municipality_code, sum(reports) AS reports
                      FROM fraud_daily_stats WHERE day BETWEEN $2 AND $3 GROUP BY 1) f ON f.municipality_code = m.code
        WHERE m.code = ANY (coalesce((SELECT stats_municipalities()), ARRAY[(SELECT current_municipality())]))
        ORDER BY m.code`,
      [q.campaignId, q.from, q.to, ...months(q)],
      STATS_STATEMENT,
    );
  }
}
