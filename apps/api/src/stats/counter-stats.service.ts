import { Injectable } from '@nestjs/common';
import { ASSISTANCE_OUTCOME, CounterStats, CounterTotals, UNABLE_REASON, scopeOf } from '@mynapoint/domain';
import type { AuthUser } from '../common/auth/permission.decorator';
import { CounterBucketRow, CounterStatsRepository } from './counter-stats.repository';
import { CounterStatsQuery } from './stats-query';

function emptyTotals(): CounterTotals {
  return {
    visits: 0,
    minutes: 0,
    outcomes: Object.fromEntries(ASSISTANCE_OUTCOME.values.map((v) => [v, 0])) as CounterTotals['outcomes'],
    unableReasons: Object.fromEntries(UNABLE_REASON.values.map((v) => [v, 0])) as CounterTotals['unableReasons'],
  };
}

function add(t: CounterTotals, row: CounterBucketRow, visits: number, minutes: number): void {
  t.visits += visits;
  t.minutes += minutes;
  if (ASSISTANCE_OUTCOME.has(row.outcome)) t.outcomes[row.outcome] += visits;
  if (row.unable_reason && UNABLE_REASON.has(row.unable_reason)) t.unableReasons[row.unable_reason] += visits;
}

@Injectable()
export class CounterStatsService {
  constructor(private readonly repo: CounterStatsRepository) {}

  async counter(p: CounterStatsQuery, user: AuthUser): Promise<CounterStats> {
    // Counter staff see their own records only; every other role the whole city's.
    const own = scopeOf(user.role, 'stats/counter') === 'own';
    const staffId = own ? user.id : null;
    const buckets = await this.repo.totals(p, staffId);
    const [series, byWeekdayHour] = await Promise.all([
      this.repo.series(p.from, p.to, p.interval, staffId),
      this.repo.byWeekdayHour(p.from, p.to, staffId),
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
      byWeekdayHour,
    };
  }
}
