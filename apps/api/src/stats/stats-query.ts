import { applyDecorators } from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';
import { STAT_INTERVAL, StatInterval, addDays, isIsoDate, periodStart, periodStarts, toJstDate } from '@mynapoint/domain';
import { Tenant, currentTenant, requireTenant, withTenant } from '../common/db/tenant';
import { badQuery } from '../common/list/list-query';

// The one parser of the stats endpoints' query (counter, fraud, summary, uptake,
// points; card-uptake takes `asOf` only), called by every stats controller: `from`, `to`
// (YYYY-MM-DD, JST calendar dates, both included), `interval` (day | week | month),
// `municipalityCode` and, where the endpoint has it, `campaignId`. Every refusal is a 400 `bad_query`. Parameters other than these
// are ignored, as on the list endpoints (docs/api-notes.md): browsers and proxies add
// cache-busting ones (`_=…`), and a dashboard must not break on them.

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
  /**
   * A prefecture user's choice of one of its municipalities; null: all of them summed
   * (and always null for a municipality's own staff, whose scope is their municipality).
   */
  municipalityCode: string | null;
}

/**
 * A parsed query whose missing `from` depends on the data (fraud: the first report's
 * day): the service reads that day and completes it with `closeStatsQuery`.
 */
export interface OpenStatsQuery extends Omit<StatsQuery, 'from' | 'periods'> {
  from: string | null;
}

export interface StatsQueryOptions {
  /** Interval when none is given (default: day). */
  defaultInterval?: StatInterval;
  /** `from` when none is given (default: DEFAULT_RANGE_DAYS days up to `to`). */
  defaultFrom?: (to: string) => string;
  /** Whether the endpoint reads `campaignId`. */
  campaign?: boolean;
  /** Whose stats these are (default: the request's tenant), for `municipalityCode`. */
  tenant?: Tenant;
}

export function parseStatsQuery(query: Record<string, unknown>, now: Date, opts: StatsQueryOptions = {}): StatsQuery {
  const q = parseOpenStatsQuery(query, now, opts);
  return closeStatsQuery(q, opts.defaultFrom ? opts.defaultFrom(q.to) : addDays(q.to, -(DEFAULT_RANGE_DAYS - 1)));
}

export function parseOpenStatsQuery(query: Record<string, unknown>, now: Date, opts: Omit<StatsQueryOptions, 'defaultFrom'> = {}): OpenStatsQuery {
  const municipalityCode = parseMunicipalityCode(query.municipalityCode, opts.tenant);
  const today = toJstDate(now);
  const date = (name: 'from' | 'to'): string | null => {
    const v = query[name];
    if (v === undefined || v === '') return null;
    if (!isIsoDate(v)) throw badQuery(`${name} は日付（YYYY-MM-DD）で指定してください。`);
    return v;
  };
  const to = date('to') ?? today;
  const from = date('from');
  checkOrder(from, to);

  const rawInterval = query.interval;
  if (rawInterval !== undefined && rawInterval !== '' && !STAT_INTERVAL.has(rawInterval)) {
    throw badQuery(`interval は ${STAT_INTERVAL.values.join(' / ')} のいずれかを指定してください。`);
  }
  const interval: StatInterval = STAT_INTERVAL.has(rawInterval) ? rawInterval : (opts.defaultInterval ?? 'day');

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
  return { from, to, interval, today, campaignId, municipalityCode };
}

/**
 * `municipalityCode`: a prefecture user may name one of the municipalities it reads
 * (its stats scope); a municipality's staff only their own, which changes nothing.
 */
function parseMunicipalityCode(raw: unknown, given: Tenant | undefined): string | null {
  if (raw === undefined || raw === '') return null;
  if (typeof raw !== 'string' || !/^\d{6}$/.test(raw)) throw badQuery('municipalityCode は市区町村の団体コード（6桁の数字）で指定してください。');
  const tenant = given ?? currentTenant();
  if (!tenant) throw new Error('municipalityCode parsed outside a request');
  const scope = tenant.statsMunicipalities;
  if (scope) {
    if (!scope.includes(raw)) throw badQuery(`municipalityCode（${raw}）は集計できる市区町村ではありません。県内の市区町村の団体コードを指定してください。`);
    return raw;
  }
  if (raw === tenant.municipalityCode) return null;
  throw badQuery(`municipalityCode に指定できるのは自分の自治体の団体コード（${tenant.municipalityCode}）だけです。`);
}

/**
 * Runs fn with the request's stats scope narrowed to the query's municipality: the
 * rollups' row-level security (policy prefecture_read) then shows that one alone, so
 * the statements stay the same and never filter by municipality themselves.
 */
export function inStatsScope<T>(q: { municipalityCode: string | null }, fn: () => Promise<T>): Promise<T> {
  if (q.municipalityCode === null) return fn();
  return withTenant({ ...requireTenant(), statsMunicipalities: [q.municipalityCode] }, fn);
}

/** The query with `from` (the given one, else `defaultFrom`) and its buckets. */
export function closeStatsQuery(q: OpenStatsQuery, defaultFrom: string): StatsQuery {
  const from = q.from ?? defaultFrom;
  checkOrder(from, q.to);
  const periods = periodStarts(from, q.to, q.interval, MAX_PERIODS);
  if (!periods) throw badQuery(`期間が長すぎます（${MAX_PERIODS}区間まで）。期間を狭めるか、interval を week / month にしてください。`);
  return { ...q, from, periods };
}

function checkOrder(from: string | null, to: string): void {
  if (from !== null && from > to) throw badQuery('from は to 以前の日付を指定してください。');
}

export interface CounterStatsQuery extends StatsQuery {
  /** Monday … Sunday of the ISO week holding today (offices work Monday to Friday). */
  weekFrom: string;
  weekTo: string;
}

/** GET /api/stats/counter: the common query (the 30 days up to today, by day) and this week in JST. */
export function parseCounterStatsQuery(query: Record<string, unknown>, now: Date): CounterStatsQuery {
  const p = parseStatsQuery(query, now);
  const weekFrom = periodStart(p.today, 'week');
  return { ...p, weekFrom, weekTo: addDays(weekFrom, 6) };
}

/** GET /api/stats/card-uptake: `asOf` (YYYY-MM-DD, JST; default today), the snapshot date the figures are of. */
export function parseAsOfQuery(query: Record<string, unknown>, now: Date): { asOf: string } {
  const v = query.asOf;
  if (v === undefined || v === '') return { asOf: toJstDate(now) };
  if (!isIsoDate(v)) throw badQuery('asOf は日付（YYYY-MM-DD）で指定してください。');
  return { asOf: v };
}

/** The OpenAPI description of the parameters above, for each stats route. */
export function ApiStatsQuery(opts: { fromDefault?: string; interval?: false | { default: StatInterval }; campaign?: boolean } = {}) {
  const interval = opts.interval === false ? null : (opts.interval?.default ?? 'day');
  return applyDecorators(
    ApiQuery({ name: 'from', required: false, example: '2020-09-01', description: `集計開始日（JST。既定: ${opts.fromDefault ?? `to の${DEFAULT_RANGE_DAYS - 1}日前`}）` }),
    ApiQuery({ name: 'to', required: false, example: '2020-09-30', description: '集計終了日（JST、その日を含む。既定: 今日）' }),
    ...(interval
      ? [ApiQuery({ name: 'interval', required: false, enum: STAT_INTERVAL.values, description: `series の単位（既定: ${interval}。週は月曜始まり）。${MAX_PERIODS}区間まで` })]
      : []),
    ...(opts.campaign ? [ApiQuery({ name: 'campaignId', required: false, type: 'integer', description: 'キャンペーンで絞り込む（既定: 全キャンペーン）' })] : []),
    ApiQuery({
      name: 'municipalityCode',
      required: false,
      example: '152064',
      description:
        '都道府県の利用者（prefecture）: 県内の市区町村の団体コードで1市区町村に絞る（既定: 県内の全市区町村の合計）。それ以外は自分の自治体の団体コードだけ指定でき（指定しないのと同じ）、他は 400',
    }),
  );
}
