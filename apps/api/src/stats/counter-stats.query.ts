import { addDays, periodStart } from '@mynapoint/domain';
import { StatsQuery, parseStatsQuery } from './stats-query';

export { DEFAULT_RANGE_DAYS, MAX_PERIODS } from './stats-query';

export interface CounterStatsPeriods extends StatsQuery {
  /** Monday … Sunday of the ISO week holding today (offices work Monday to Friday). */
  weekFrom: string;
  weekTo: string;
}

/**
 * The query of GET /api/stats/counter: the stats parser's `from`, `to` and
 * `interval` (defaults: the 30 days up to today, by day), plus this week in JST.
 */
export function parseCounterStatsQuery(query: Record<string, unknown>, now: Date): CounterStatsPeriods {
  const p = parseStatsQuery(query, now);
  const weekFrom = periodStart(p.today, 'week');
  return { ...p, weekFrom, weekTo: addDays(weekFrom, 6) };
}
