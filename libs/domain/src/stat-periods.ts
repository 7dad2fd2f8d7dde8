import { addDays, isIsoDate } from './dates';
import { defineEnum, EnumValue } from './enum';

// The buckets of a stats series: JST calendar days, ISO weeks (starting Monday, as
// PostgreSQL's date_trunc('week') does), or calendar months.
export const STAT_INTERVAL = defineEnum({
  day: { ja: '日', en: 'Day' },
  week: { ja: '週', en: 'Week' },
  month: { ja: '月', en: 'Month' },
});
export type StatInterval = EnumValue<typeof STAT_INTERVAL>;

/** The first day (YYYY-MM-DD) of the bucket holding the date. */
export function periodStart(date: string, interval: StatInterval): string {
  if (!isIsoDate(date)) throw new Error(`not a date: ${date}`);
  if (interval === 'month') return `${date.slice(0, 7)}-01`;
  if (interval === 'week') {
    const dow = new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 = Sunday
    return addDays(date, -((dow + 6) % 7));
  }
  return date;
}

export function nextPeriod(start: string, interval: StatInterval): string {
  if (interval === 'day') return addDays(start, 1);
  if (interval === 'week') return addDays(start, 7);
  const y = Number(start.slice(0, 4));
  const m = Number(start.slice(5, 7));
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/** Every bucket start from the one holding `from` to the one holding `to`, at most `max` (null when more). */
export function periodStarts(from: string, to: string, interval: StatInterval, max = 1000): string[] | null {
  const out: string[] = [];
  const last = periodStart(to, interval);
  for (let p = periodStart(from, interval); p <= last; p = nextPeriod(p, interval)) {
    if (out.length >= max) return null;
    out.push(p);
  }
  return out;
}

/**
 * The whole calendar months inside [from, to] (both included): [wholeFrom,
 * wholeUntil), wholeUntil exclusive. The stats read those months from the month
 * rollups and the days before (from ≤ day < wholeFrom) and after (wholeUntil ≤ day
 * ≤ to) from the daily ones. With no whole month, both are the day after `to`, so
 * every day of the range is "before".
 */
export function wholeMonths(from: string, to: string): { wholeFrom: string; wholeUntil: string } {
  const first = periodStart(from, 'month');
  const wholeFrom = from === first ? from : nextPeriod(first, 'month');
  const wholeUntil = periodStart(addDays(to, 1), 'month');
  if (wholeFrom >= wholeUntil) return { wholeFrom: addDays(to, 1), wholeUntil: addDays(to, 1) };
  return { wholeFrom, wholeUntil };
}
