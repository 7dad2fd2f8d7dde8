import { Inject, Injectable } from '@nestjs/common';
import { AGE_BAND, CHANNEL, nextPeriod, wholeMonths } from '@mynapoint/domain';
import { Db } from '../common/db/db.service';
import { badQuery } from '../common/list/list-query';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { PointsStatsDto, SummaryStatsDto, UptakeByDistrictDto, UptakeStatsDto } from './dto/dashboard-stats.dto';
import { StatsQuery } from './stats-query';

// Summary, uptake and points of the dashboard. Every figure comes from the rollups of
// migration 1764000700000 (kept by triggers in the writers' transactions) or from
// small tables (campaigns, quotas, payment services): no request reads the
// reservations, applications, participants or point awards themselves.
//
// Each endpoint is one statement whose parts are scalar subqueries or json
// aggregates, so the pool's latency is paid once (twice with a campaignId, which is
// checked first so that an unknown one is a 400, not a page of zeros).
//
// Figures by payment service (points, applications) read the whole months of the
// range from the month rollups (migration 1764001600000) and only the days at its
// edges from the daily ones: on the benchmark's 18 months that is about 1,100 rows
// instead of 58,320.

const BUCKET_STEP = 500;

/** [wholeFrom, wholeUntil) of the query's range, as two statement parameters. */
const months = (q: StatsQuery): [string, string] => {
  const { wholeFrom, wholeUntil } = wholeMonths(q.from, q.to);
  return [wholeFrom, wholeUntil];
};

// `campaign_id = $1` unless the request is for every campaign ($1 NULL).
const CAMPAIGN = `($1::int IS NULL OR campaign_id = $1::int)`;
// uptake_daily_stats counts each write once per dimension: totals read one of them.
const CHANNELS = `dimension = 'channel'`;

/**
 * Rows (day, payment_service_id, values…) of [from $2, to $3] of a rollup kept both
 * by day and by month: the whole months [$w, $u) as one row each (day = the 1st),
 * the days before and after them by day (see wholeMonths). `w`, `u`: the numbers of
 * the parameters holding wholeFrom and wholeUntil.
 */
function byMonthAndEdgeDays(rollup: 'point_award' | 'application_service', values: string, w: number, u: number): string {
  const daily = `SELECT day, payment_service_id, ${values} FROM ${rollup}_daily_stats WHERE ${CAMPAIGN} AND day`;
  return `SELECT month AS day, payment_service_id, ${values} FROM ${rollup}_monthly_stats WHERE ${CAMPAIGN} AND month >= $${w} AND month < $${u}
          UNION ALL ${daily} >= $2 AND day < $${w}
          UNION ALL ${daily} >= $${u} AND day <= $3`;
}

@Injectable()
export class DashboardStatsService {
  constructor(
    private readonly db: Db,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async summary(q: StatsQuery): Promise<SummaryStatsDto> {
    await this.assertCampaign(q.campaignId);
    const monthFrom = `${q.today.slice(0, 7)}-01`;
    const row = await this.db.one<{
      reservations: number;
      applications: number;
      points: string;
      awarded: number;
      at_cap: number;
      capacity: number;
      used: number;
      visits: number;
      fraud: number;
    }>(
      `SELECT
         u.reservations, u.applications,
         (SELECT coalesce(sum(points), 0)::bigint FROM (${byMonthAndEdgeDays('point_award', 'points', 6, 7)}) p) AS points,
         (SELECT coalesce(sum(participants), 0)::int FROM participant_point_stats WHERE ${CAMPAIGN}) AS awarded,
         (SELECT coalesce(sum(participants) FILTER (WHERE bucket_yen = cap_yen), 0)::int FROM participant_point_stats WHERE ${CAMPAIGN}) AS at_cap,
         (SELECT coalesce(sum(capacity), 0)::int FROM reservation_quotas WHERE ${CAMPAIGN}) AS capacity,
         (SELECT coalesce(sum(used), 0)::int FROM reservation_quotas WHERE ${CAMPAIGN}) AS used,
         (SELECT coalesce(sum(visits), 0)::int FROM assistance_city_daily_stats WHERE day >= $4 AND day < $5) AS visits,
         (SELECT count(*)::int FROM fraud_alerts WHERE status IN ('new', 'investigating')) AS fraud
       FROM (SELECT coalesce(sum(reservations), 0)::int AS reservations, coalesce(sum(applications), 0)::int AS applications
               FROM uptake_daily_stats WHERE ${CHANNELS} AND day BETWEEN $2 AND $3 AND ${CAMPAIGN}) u`,
      [q.campaignId, q.from, q.to, monthFrom, nextPeriod(monthFrom, 'month'), ...months(q)],
    );
    const r = row!;
    return {
      from: q.from,
      to: q.to,
      campaignId: q.campaignId,
      reservations: r.reservations,
      applications: r.applications,
      awardedParticipants: r.awarded,
      pointsAwarded: Number(r.points),
      capReachedParticipants: r.at_cap,
      capReachedShare: r.awarded ? r.at_cap / r.awarded : 0,
      quotaCapacity: r.capacity,
      quotaUsed: r.used,
      quotaRemaining: r.capacity - r.used,
      assistedVisitsThisMonth: r.visits,
      openFraudAlerts: r.fraud,
    };
  }

  async uptake(q: StatsQuery): Promise<UptakeStatsDto> {
    await this.assertCampaign(q.campaignId);
    type Cell = { period: string | null; dimension: string | null; value: string | null; r: number; a: number };
    const row = await this.db.one<{
      before: { r: number; a: number };
      cells: Cell[] | null;
      services: Array<{ id: number; name: string; kind: string; a: number }>;
      capacity: number;
      awarded: number;
    }>(
      `SELECT
         (SELECT json_build_object('r', coalesce(sum(reservations), 0), 'a', coalesce(sum(applications), 0))
            FROM uptake_daily_stats WHERE ${CHANNELS} AND day < $2 AND ${CAMPAIGN}) AS before,
         -- One pass over the range: the series (from the channel rows, which count
         -- every write once) and the three breakdowns.
         (SELECT json_agg(c) FROM (
            SELECT to_char(date_trunc($4, day::timestamp), 'YYYY-MM-DD') AS period, NULL AS dimension, NULL AS value,
                   sum(reservations)::int AS r, sum(applications)::int AS a
              FROM uptake_daily_stats WHERE ${CHANNELS} AND day BETWEEN $2 AND $3 AND ${CAMPAIGN}
             GROUP BY date_trunc($4, day::timestamp)
            UNION ALL
            SELECT NULL, dimension, value, sum(reservations)::int, sum(applications)::int
              FROM uptake_daily_stats WHERE day BETWEEN $2 AND $3 AND ${CAMPAIGN}
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
    );
    const r = row!;
    const cells = r.cells ?? [];
    const byPeriod = new Map(cells.filter((c) => c.period !== null).map((c) => [c.period, c]));
    let cumR = Number(r.before.r);
    let cumA = Number(r.before.a);
    const series = q.periods.map((period) => {
      const c = byPeriod.get(period);
      cumR += c?.r ?? 0;
      cumA += c?.a ?? 0;
      return { period, reservations: c?.r ?? 0, applications: c?.a ?? 0, cumulativeReservations: cumR, cumulativeApplications: cumA };
    });
    const of = (dimension: string) => new Map(cells.filter((c) => c.dimension === dimension).map((c) => [c.value, c]));

    const channels = of('channel');
    const byChannel = [...CHANNEL.values, ...[...channels.keys()].filter((k): k is string => !!k && !CHANNEL.has(k))].map((channel) => ({
      channel,
      reservations: channels.get(channel)?.r ?? 0,
      applications: channels.get(channel)?.a ?? 0,
    }));

    const ages = of('age_band');
    const byAgeBand = [...AGE_BAND.values, ...(ages.has(null) ? [null] : [])].map((ageBand) => ({
      ageBand,
      reservations: ages.get(ageBand)?.r ?? 0,
      applications: ages.get(ageBand)?.a ?? 0,
    }));

    const districts = of('district');
    const population = this.config.districtPopulation;
    const named = [...new Set([...this.config.districts, ...Object.keys(population), ...[...districts.keys()].filter((d): d is string => d !== null)])];
    const byDistrict: UptakeByDistrictDto[] = [...named, ...(districts.has(null) ? [null] : [])].map((district) => {
      const reservations = districts.get(district)?.r ?? 0;
      const pop = district !== null ? (population[district] ?? null) : null;
      return { district, reservations, applications: districts.get(district)?.a ?? 0, population: pop, share: pop ? reservations / pop : null };
    });

    const byService = r.services.map((s) => ({ paymentServiceId: s.id, name: s.name, kind: s.kind, applications: s.a }));
    const kinds = new Map<string, number>();
    for (const s of byService) kinds.set(s.kind, (kinds.get(s.kind) ?? 0) + s.applications);
    const byServiceKind = [...kinds].map(([kind, applications]) => ({ kind, applications })).sort((a, b) => b.applications - a.applications || a.kind.localeCompare(b.kind));

    const last = series[series.length - 1];
    return {
      from: q.from,
      to: q.to,
      interval: q.interval,
      campaignId: q.campaignId,
      quotaCapacity: r.capacity,
      series,
      funnel: { reserved: last.cumulativeReservations, applied: last.cumulativeApplications, awarded: r.awarded },
      byChannel,
      byService,
      byServiceKind,
      byAgeBand,
      byDistrict,
    };
  }

  async points(q: StatsQuery): Promise<PointsStatsDto> {
    await this.assertCampaign(q.campaignId);
    type Cell = { period: string | null; service: number | null; points: string; awards: number };
    const row = await this.db.one<{
      cells: Cell[] | null;
      services: Array<{ id: number; name: string }>;
      buckets: Array<{ cap_yen: number; bucket_yen: number; n: number }> | null;
      cap: number | null;
    }>(
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
    );
    const r = row!;
    const cells = r.cells ?? [];
    const perPeriod = new Map(cells.filter((c) => c.period !== null).map((c) => [c.period, c]));
    const perService = cells.filter((c) => c.service !== null);
    const names = new Map(r.services.map((s) => [s.id, s.name]));

    // Participants hold the cap of their campaign; with every campaign, the last
    // bucket is "at their cap" and is labelled with the highest cap.
    const capYen = r.cap ?? 0;
    const buckets = r.buckets ?? [];
    const distribution: PointsStatsDto['distribution'] = [];
    for (let from = 0; from < capYen; from += BUCKET_STEP) {
      const fromYen = Math.max(from, 1);
      const participants = buckets.filter((b) => b.bucket_yen !== b.cap_yen && b.bucket_yen === fromYen).reduce((n, b) => n + b.n, 0);
      distribution.push({ fromYen, toYen: Math.min(from + BUCKET_STEP, capYen) - 1, participants });
    }
    const atCap = buckets.filter((b) => b.bucket_yen === b.cap_yen).reduce((n, b) => n + b.n, 0);
    if (capYen > 0) distribution.push({ fromYen: capYen, toYen: capYen, participants: atCap });

    const series = q.periods.map((period) => ({ period, points: Number(perPeriod.get(period)?.points ?? 0), awards: perPeriod.get(period)?.awards ?? 0 }));
    return {
      from: q.from,
      to: q.to,
      interval: q.interval,
      campaignId: q.campaignId,
      capYen,
      totalPoints: series.reduce((n, s) => n + s.points, 0),
      awards: series.reduce((n, s) => n + s.awards, 0),
      awardedParticipants: buckets.reduce((n, b) => n + b.n, 0),
      capReachedParticipants: atCap,
      series,
      byService: perService
        .map((c) => ({ paymentServiceId: c.service!, name: names.get(c.service!) ?? '', points: Number(c.points), awards: c.awards }))
        .sort((a, b) => b.points - a.points || b.awards - a.awards || a.paymentServiceId - b.paymentServiceId),
      distribution,
    };
  }

  private async assertCampaign(id: number | null): Promise<void> {
    if (id === null) return;
    const found = await this.db.one('SELECT 1 FROM campaigns WHERE id = $1', [id]);
    if (!found) throw badQuery(`campaignId のキャンペーン（ID: ${id}）はありません。`);
  }
}
