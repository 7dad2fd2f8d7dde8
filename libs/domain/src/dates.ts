// The city works in Japan Standard Time (no daylight saving): "today", "same day"
// and calendar dates are JST whatever the server's own time zone is.
export const JST_OFFSET_MINUTES = 9 * 60;
const JST_OFFSET_MS = JST_OFFSET_MINUTES * 60_000;
const DAY_MS = 86_400_000;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

/** The JST calendar date (YYYY-MM-DD) of an instant. */
export function toJstDate(instant: Date): string {
  return new Date(instant.getTime() + JST_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a JST calendar date begins. */
export function jstStartOfDay(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - JST_OFFSET_MS);
}

/** [start, end) of a JST calendar day. */
export function jstDayRange(date: string): { start: Date; end: Date } {
  const start = jstStartOfDay(date);
  return { start, end: new Date(start.getTime() + DAY_MS) };
}

export function sameJstDay(a: Date, b: Date): boolean {
  return toJstDate(a) === toJstDate(b);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** An instant as ISO 8601 with the JST offset, e.g. 2020-09-01T10:00:00+09:00. */
export function toJstIso(instant: Date): string {
  return new Date(instant.getTime() + JST_OFFSET_MS).toISOString().replace(/\.\d{3}Z$/, '+09:00');
}

const ERA_FORMAT = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
  era: 'long',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  timeZone: 'Asia/Tokyo',
});
const ERA_MONTH_FORMAT = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
  era: 'long',
  year: 'numeric',
  month: 'long',
  timeZone: 'Asia/Tokyo',
});

function toInstant(value: Date | string): Date {
  return typeof value === 'string' && isIsoDate(value) ? jstStartOfDay(value) : new Date(value);
}

// Offices write the first year of an era as 元年 (令和元年), not 1年.
function gannen(text: string): string {
  return text.replace(/^(\D+?)1年/, '$1元年');
}

/** 令和2年9月1日 for 2020-09-01. */
export function formatJapaneseEraDate(value: Date | string): string {
  return gannen(ERA_FORMAT.format(toInstant(value)));
}

/** 令和2年9月 for 2020-09. */
export function formatJapaneseEraMonth(value: Date | string): string {
  return gannen(ERA_MONTH_FORMAT.format(toInstant(value)));
}

/** 2020年9月1日 (Gregorian, the way forms print it next to the era). */
export function formatJapaneseDate(value: Date | string): string {
  const d = toJstDate(toInstant(value));
  return `${+d.slice(0, 4)}年${+d.slice(5, 7)}月${+d.slice(8, 10)}日`;
}
