import { STAT_INTERVAL, StatInterval, addDays, isIsoDate, periodStarts, toJstDate } from '@mynapoint/domain';
import { badQuery } from '../common/list/list-query';

// The one parser of the stats endpoints' query (counter, fraud, summary, uptake,
// points): `from`, `to` (YYYY-MM-DD, JST calendar dates, both included), `interval`
// (day | week | month) and, where the endpoint has it, `campaignId`. Every refusal is
// a 400 `bad_query`; parameters other than these are ignored, as on the list endpoints.

export const DEFAULT_RANGE_DAYS = 30;
// A chart has no use for more points than this.
export const MAX_PERIODS = 1000;

export interface StatsQuery {
  from: string;
  to: string;
  interval: StatInterval;
  /** First day of every `interval` bucket touching [from, to]. */
  periods: string[];
  /** Today in JST (the request's "now"). */
  today: string;
  /** null: every campaign (also when the endpoint takes none). */
  campaignId: number | null;
}

export interface StatsQueryOptions {
  /** Interval when none is given (default: day). */
  defaultInterval?: StatInterval;
  /** `from` when none is given (default: DEFAULT_RANGE_DAYS days up to `to`). */
  defaultFrom?: (to: string) => string;
  /** Whether the endpoint reads `campaignId`. */
  campaign?: boolean;
}

export function parseStatsQuery(query: Record<string, unknown>, now: Date, opts: StatsQueryOptions = {}): StatsQuery {
  const today = toJstDate(now);
  const date = (name: 'from' | 'to'): string | undefined => {
    const v = query[name];
    if (v === undefined || v === '') return undefined;
    if (!isIsoDate(v)) throw badQuery(`${name} は日付（YYYY-MM-DD）で指定してください。`);
    return v;
  };
  const to = date('to') ?? today;
  const from = date('from') ?? (opts.defaultFrom ? opts.defaultFrom(to) : addDays(to, -(DEFAULT_RANGE_DAYS - 1)));
  if (from > to) throw badQuery('from は to 以前の日付を指定してください。');

  const rawInterval = query.interval;
  if (rawInterval !== undefined && rawInterval !== '' && !STAT_INTERVAL.has(rawInterval)) {
    throw badQuery(`interval は ${STAT_INTERVAL.values.join(' / ')} のいずれかを指定してください。`);
  }
  const interval: StatInterval = STAT_INTERVAL.has(rawInterval) ? rawInterval : (opts.defaultInterval ?? 'day');
  const periods = periodStarts(from, to, interval, MAX_PERIODS);
  if (!periods) throw badQuery(`期間が長すぎます（${MAX_PERIODS}区間まで）。期間を狭めるか、interval を week / month にしてください。`);

  let campaignId: number | null = null;
  if (opts.campaign) {
    const raw = query.campaignId;
    if (raw !== undefined && raw !== '') {
      if (typeof raw !== 'string' || !/^[1-9]\d{0,9}$/.test(raw) || Number(raw) > 2_147_483_647) {
        throw badQuery('campaignId はキャンペーンの ID（正の整数）で指定してください。');
      }
      campaignId = Number(raw);
    }
  }
  return { from, to, interval, periods, today, campaignId };
}
