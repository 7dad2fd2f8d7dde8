import { Injectable } from '@nestjs/common';
import { ASSISTANCE_OUTCOME, UNABLE_REASON, scopeOf } from '@mynapoint/domain';
import type { AuthUser } from '../common/auth/permission.decorator';
import { Db } from '../common/db/db.service';
import { SqlParams } from '../common/db/sql-params';
import { CounterStatsPeriods } from './counter-stats.query';
import { CounterStatsResponseDto, CounterTotalsDto } from './dto/counter-stats.response.dto';

interface BucketRow {
  outcome: string;
  unable_reason: string | null;
  today_visits: number;
  today_minutes: number;
  week_visits: number;
  week_minutes: number;
  range_visits: number;
  range_minutes: number;
}

function emptyTotals(): CounterTotalsDto {
  return {
    visits: 0,
    minutes: 0,
    outcomes: Object.fromEntries(ASSISTANCE_OUTCOME.values.map((v) => [v, 0])) as CounterTotalsDto['outcomes'],
    unableReasons: Object.fromEntries(UNABLE_REASON.values.map((v) => [v, 0])) as CounterTotalsDto['unableReasons'],
  };
}

function add(t: CounterTotalsDto, row: BucketRow, visits: number, minutes: number): void {
  t.visits += visits;
  t.minutes += minutes;
  if (ASSISTANCE_OUTCOME.has(row.outcome)) t.outcomes[row.outcome] += visits;
  if (row.unable_reason && UNABLE_REASON.has(row.unable_reason)) t.unableReasons[row.unable_reason] += visits;
}

// Reads only rollups (assistance_hourly_stats per clerk; assistance_city_daily_stats and
// assistance_city_hour_stats for the whole city), which triggers keep exact
// in the same transaction as every write: the cost does not grow with the records.
@Injectable()
export class CounterStatsService {
  constructor(private readonly db: Db) {}

  async counter(p: CounterStatsPeriods, user: AuthUser): Promise<CounterStatsResponseDto> {
    const own = scopeOf(user.role, 'stats/counter') === 'own';
    const staff = (params: SqlParams) => (own ? ` AND staff_id = ${params.add(user.id)}` : '');
    // A clerk's own figures come from the per-clerk rollup (an index on staff_id, day);
    // the city's from the one without clerk and office, a few thousand rows.
    const daily = own ? 'assistance_hourly_stats' : 'assistance_city_daily_stats';
    const hourly = own ? 'assistance_hourly_stats' : 'assistance_city_hour_stats';

    const b = new SqlParams();
    const [today, weekFrom, weekTo, from, to] = [p.today, p.weekFrom, p.weekTo, p.from, p.to].map((d) => `${b.add(d)}::date`);
    const buckets = await this.db.query<BucketRow>(
      `SELECT outcome, unable_reason,
              coalesce(sum(visits) FILTER (WHERE day = ${today}), 0)::int AS today_visits,
              coalesce(sum(minutes) FILTER (WHERE day = ${today}), 0)::int AS today_minutes,
              coalesce(sum(visits) FILTER (WHERE day BETWEEN ${weekFrom} AND ${weekTo}), 0)::int AS week_visits,
              coalesce(sum(minutes) FILTER (WHERE day BETWEEN ${weekFrom} AND ${weekTo}), 0)::int AS week_minutes,
              coalesce(sum(visits) FILTER (WHERE day BETWEEN ${from} AND ${to}), 0)::int AS range_visits,
              coalesce(sum(minutes) FILTER (WHERE day BETWEEN ${from} AND ${to}), 0)::int AS range_minutes
         FROM ${daily}
        WHERE (day = ${today} OR day BETWEEN ${weekFrom} AND ${weekTo} OR day BETWEEN ${from} AND ${to})${staff(b)}
        GROUP BY outcome, unable_reason`,
      b.values,
    );

    // Each statement gets its own parameters: the range and, for counter staff, the clerk.
    const inRange = (params: SqlParams) => `day BETWEEN ${params.add(p.from)}::date AND ${params.add(p.to)}::date${staff(params)}`;
    const sp = new SqlParams();
    const seriesSql = `SELECT date_trunc(${sp.add(p.interval)}, day::timestamp)::date AS period, sum(visits)::int AS visits, sum(minutes)::int AS minutes
           FROM ${daily} WHERE ${inRange(sp)} GROUP BY 1`;
    const hp = new SqlParams();
    const heatmapSql = `SELECT extract(isodow FROM day)::int AS weekday, hour::int AS hour, sum(visits)::int AS visits
           FROM ${hourly} WHERE ${inRange(hp)} GROUP BY 1, 2 HAVING sum(visits) > 0 ORDER BY 1, 2`;
    const [series, heatmap] = await Promise.all([
      this.db.query<{ period: string; visits: number; minutes: number }>(seriesSql, sp.values),
      this.db.query<{ weekday: number; hour: number; visits: number }>(heatmapSql, hp.values),
    ]);

    const totals = { today: emptyTotals(), week: emptyTotals(), range: emptyTotals() };
    for (const row of buckets) {
      add(totals.today, row, row.today_visits, row.today_minutes);
      add(totals.week, row, row.week_visits, row.week_minutes);
      add(totals.range, row, row.range_visits, row.range_minutes);
    }
    const byPeriod = new Map(series.map((r) => [r.period, r]));

    return {
      scope: own ? 'own' : 'all',
      from: p.from,
      to: p.to,
      interval: p.interval,
      today: { date: p.today, ...totals.today },
      week: { from: p.weekFrom, to: p.weekTo, ...totals.week },
      range: { from: p.from, to: p.to, ...totals.range },
      series: p.periods.map((period) => ({
        period,
        visits: byPeriod.get(period)?.visits ?? 0,
        minutes: byPeriod.get(period)?.minutes ?? 0,
      })),
      byWeekdayHour: heatmap,
    };
  }
}
