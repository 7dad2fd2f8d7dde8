import { addDays, isIsoDate, toJstDate } from '@mynapoint/domain';
import { badQuery } from '../common/list/list-query';

export const STATS_INTERVALS = ['day', 'week', 'month'] as const;
export type StatsInterval = (typeof STATS_INTERVALS)[number];

export interface CounterStatsPeriods {
  from: string;
  to: string;
  interval: StatsInterval;
  today: string;
  /** Monday … Sunday of the ISO week holding today (offices work Monday to Friday). */
  weekFrom: string;
  weekTo: string;
}

export const DEFAULT_RANGE_DAYS = 30;
// Ten years of days is already more than any chart shows.
export const MAX_RANGE_DAYS = 3660;

const DAY_MS = 86_400_000;
const daysBetween = (a: string, b: string) => (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS;

/** ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  return ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
}

/**
 * `from`, `to` and `interval` of GET /api/stats/counter, checked, with defaults
 * (the 30 days up to today, by day), plus today and this week in JST. Parameters
 * other than these are ignored, as on every other endpoint.
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
  if (daysBetween(from, to) >= MAX_RANGE_DAYS) throw badQuery(`集計期間は${MAX_RANGE_DAYS}日以内で指定してください。`);

  const rawInterval = query.interval;
  if (rawInterval !== undefined && rawInterval !== '' && !(STATS_INTERVALS as readonly unknown[]).includes(rawInterval)) {
    throw badQuery(`interval は ${STATS_INTERVALS.join(' / ')} のいずれかを指定してください。`);
  }
  const interval = (rawInterval || 'day') as StatsInterval;

  const weekFrom = addDays(today, 1 - isoWeekday(today));
  return { from, to, interval, today, weekFrom, weekTo: addDays(weekFrom, 6) };
}

/** First day of every period of the interval that touches [from, to]. */
export function periodStarts(from: string, to: string, interval: StatsInterval): string[] {
  const first = interval === 'day' ? from : interval === 'week' ? addDays(from, 1 - isoWeekday(from)) : `${from.slice(0, 7)}-01`;
  const out: string[] = [];
  for (let d = first; d <= to; ) {
    out.push(d);
    if (interval === 'day') d = addDays(d, 1);
    else if (interval === 'week') d = addDays(d, 7);
    else {
      const [y, m] = d.split('-').map(Number);
      d = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
    }
  }
  return out;
}
