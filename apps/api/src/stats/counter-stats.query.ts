import { STAT_INTERVAL, StatInterval, addDays, isIsoDate, periodStart, periodStarts, toJstDate } from '@mynapoint/domain';
import { badQuery } from '../common/list/list-query';

export interface CounterStatsPeriods {
  from: string;
  to: string;
  interval: StatInterval;
  /** First day of every `interval` bucket touching [from, to]. */
  periods: string[];
  today: string;
  /** Monday … Sunday of the ISO week holding today (offices work Monday to Friday). */
  weekFrom: string;
  weekTo: string;
}

export const DEFAULT_RANGE_DAYS = 30;
// The same bound as the other stats series: a chart has no use for more points.
export const MAX_PERIODS = 1000;

/**
 * `from`, `to` and `interval` of GET /api/stats/counter, checked, with defaults
 * (the 30 days up to today, by day), plus today and this week in JST. Parameters
 * other than these are ignored, as on the list endpoints.
 */
export function parseCounterStatsQuery(query: Record<string, unknown>, now: Date): CounterStatsPeriods {
  const today = toJstDate(now);
  const date = (name: 'from' | 'to'): string | undefined => {
    const v = query[name];
    if (v === undefined || v === '') return undefined;
    if (!isIsoDate(v)) throw badQuery(`${name} は日付（YYYY-MM-DD）で指定してください。`);
    return v;
  };
  const to = date('to') ?? today;
  const from = date('from') ?? addDays(to, -(DEFAULT_RANGE_DAYS - 1));
  if (from > to) throw badQuery('from は to 以前の日付を指定してください。');

  const rawInterval = query.interval;
  if (rawInterval !== undefined && rawInterval !== '' && !STAT_INTERVAL.has(rawInterval)) {
    throw badQuery(`interval は ${STAT_INTERVAL.values.join(' / ')} のいずれかを指定してください。`);
  }
  const interval: StatInterval = STAT_INTERVAL.has(rawInterval) ? rawInterval : 'day';
  const periods = periodStarts(from, to, interval, MAX_PERIODS);
  if (!periods) throw badQuery(`期間が長すぎます（${MAX_PERIODS}区間まで）。期間を狭めるか、interval を week / month にしてください。`);

  const weekFrom = periodStart(today, 'week');
  return { from, to, interval, periods, today, weekFrom, weekTo: addDays(weekFrom, 6) };
}
