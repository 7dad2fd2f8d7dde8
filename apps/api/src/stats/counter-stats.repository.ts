import { Injectable } from '@nestjs/common';
import { Db } from '../common/db/db.service';
import { GenerateSql } from '../common/db/generate-sql';
import { SqlParams } from '../common/db/sql-params';
import type { StatInterval } from '@mynapoint/domain';

// Every statement of GET /api/stats/counter. Each stats module (counter, dashboard,
// fraud) has its own repository, as every other feature does: the three read different
// rollups and have nothing to share but the query parser.
//
// Reads only rollups (assistance_hourly_stats per clerk; assistance_city_daily_stats and
// assistance_city_hour_stats for the whole city), which triggers keep exact in the same
// transaction as every write: the cost does not grow with the records. `staffId` null
// means the whole city.

export interface CounterBucketRow {
  outcome: string;
  unable_reason: string | null;
  today_visits: number;
  today_minutes: number;
  week_visits: number;
  week_minutes: number;
  range_visits: number;
  range_minutes: number;
}

export interface CounterDays {
  today: string;
  weekFrom: string;
  weekTo: string;
  from: string;
  to: string;
}

// A clerk's own figures come from the per-clerk rollup (an index on staff_id, day);
// the city's from the ones without clerk and office, a few thousand rows.
const dailyTable = (staffId: number | null) => (staffId !== null ? 'assistance_hourly_stats' : 'assistance_city_daily_stats');
const hourlyTable = (staffId: number | null) => (staffId !== null ? 'assistance_hourly_stats' : 'assistance_city_hour_stats');
const staff = (staffId: number | null, p: SqlParams) => (staffId !== null ? ` AND staff_id = ${p.add(staffId)}` : '');
const inRange = (from: string, to: string, staffId: number | null, p: SqlParams) =>
  `day BETWEEN ${p.add(from)}::date AND ${p.add(to)}::date${staff(staffId, p)}`;

const DAYS = { today: '2020-09-02', weekFrom: '2020-08-31', weekTo: '2020-09-06', from: '2020-09-01', to: '2020-09-30' };

@Injectable()
export class CounterStatsRepository {
  constructor(private readonly db: Db) {}

  /** Visits and minutes by outcome and reason, today, this week and in [from, to]. */
  @GenerateSql({ name: 'city', params: [DAYS, null] }, { name: 'clerk', params: [DAYS, 3] })
  totals(d: CounterDays, staffId: number | null): Promise<CounterBucketRow[]> {
    const p = new SqlParams();
    const [today, weekFrom, weekTo, from, to] = [d.today, d.weekFrom, d.weekTo, d.from, d.to].map((day) => `${p.add(day)}::date`);
    return this.db.query<CounterBucketRow>(
      `SELECT outcome, unable_reason,
              coalesce(sum(visits) FILTER (WHERE day = ${today}), 0)::int AS today_visits,
              coalesce(sum(minutes) FILTER (WHERE day = ${today}), 0)::int AS today_minutes,
              coalesce(sum(visits) FILTER (WHERE day BETWEEN ${weekFrom} AND ${weekTo}), 0)::int AS week_visits,
              coalesce(sum(minutes) FILTER (WHERE day BETWEEN ${weekFrom} AND ${weekTo}), 0)::int AS week_minutes,
              coalesce(sum(visits) FILTER (WHERE day BETWEEN ${from} AND ${to}), 0)::int AS range_visits,
              coalesce(sum(minutes) FILTER (WHERE day BETWEEN ${from} AND ${to}), 0)::int AS range_minutes
         FROM ${dailyTable(staffId)}
        WHERE (day = ${today} OR day BETWEEN ${weekFrom} AND ${weekTo} OR day BETWEEN ${from} AND ${to})${staff(staffId, p)}
        GROUP BY outcome, unable_reason`,
      p.values,
    );
  }

  /** Visits and minutes per `interval` bucket of [from, to] (buckets without visits absent). */
  @GenerateSql({ name: 'city', params: ['2020-09-01', '2020-09-30', 'week', null] }, { name: 'clerk', params: ['2020-09-01', '2020-09-30', 'day', 3] })
  series(from: string, to: string, interval: StatInterval, staffId: number | null) {
    const p = new SqlParams();
    return this.db.query<{ period: string; visits: number; minutes: number }>(
      `SELECT date_trunc(${p.add(interval)}, day::timestamp)::date AS period, sum(visits)::int AS visits, sum(minutes)::int AS minutes
         FROM ${dailyTable(staffId)} WHERE ${inRange(from, to, staffId, p)} GROUP BY 1`,
      p.values,
    );
  }

  /** Visits by ISO weekday and JST hour in [from, to], cells with visits only. */
  @GenerateSql({ name: 'city', params: ['2020-09-01', '2020-09-30', null] }, { name: 'clerk', params: ['2020-09-01', '2020-09-30', 3] })
  byWeekdayHour(from: string, to: string, staffId: number | null) {
    const p = new SqlParams();
    return this.db.query<{ weekday: number; hour: number; visits: number }>(
      `SELECT extract(isodow FROM day)::int AS weekday, hour::int AS hour, sum(visits)::int AS visits
         FROM ${hourlyTable(staffId)} WHERE ${inRange(from, to, staffId, p)} GROUP BY 1, 2 HAVING sum(visits) > 0 ORDER BY 1, 2`,
      p.values,
    );
  }
}
