import { DomainEnum, isIsoDate } from '@mynapoint/domain';

// Cell readers for the CSV imports: the formats Japanese offices and operators
// actually export (full-width digits, slashes, 令和 dates, 20,000 with a comma,
// labels instead of codes). Each returns the value to stage, or null when the
// cell is not readable; an empty cell is `undefined`.

const ASCII = /^[\x20-\x7e]*$/;

/** Trimmed, with full-width letters and digits made half-width (cheap for ASCII cells). */
export function clean(raw: string | undefined): string {
  if (raw === undefined) return '';
  const t = raw.trim();
  return ASCII.test(t) ? t : t.normalize('NFKC').trim();
}

const pad = (n: string | number) => String(n).padStart(2, '0');

const ERAS: Record<string, number> = { 令和: 2018, 平成: 1988, 昭和: 1925 };
const DATE_PATTERNS: Array<[RegExp, (m: RegExpExecArray) => [number, string, string]]> = [
  [/^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/, (m) => [+m[1], m[2], m[3]]],
  [/^(\d{4})(\d{2})(\d{2})$/, (m) => [+m[1], m[2], m[3]]],
  [/^(\d{4})年(\d{1,2})月(\d{1,2})日$/, (m) => [+m[1], m[2], m[3]]],
  [/^(令和|平成|昭和)(\d{1,2}|元)年(\d{1,2})月(\d{1,2})日$/, (m) => [ERAS[m[1]] + (m[2] === '元' ? 1 : +m[2]), m[3], m[4]]],
];

// Files repeat the same few hundred dates: each is checked once.
const seenDates = new Map<string, string | null>();

/** A calendar date → YYYY-MM-DD. */
export function readDate(raw: string | undefined): string | null | undefined {
  if (raw === undefined) return undefined;
  const known = seenDates.get(raw);
  if (known !== undefined) return known;
  const date = parseDate(raw);
  if (date === undefined) return undefined;
  if (seenDates.size > 10_000) seenDates.clear();
  seenDates.set(raw, date);
  return date;
}

function parseDate(raw: string): string | null | undefined {
  const t = clean(raw);
  if (!t) return undefined;
  for (const [re, parts] of DATE_PATTERNS) {
    const m = re.exec(t);
    if (!m) continue;
    const [y, mo, d] = parts(m);
    const iso = `${y}-${pad(mo)}-${pad(d)}`;
    return isIsoDate(iso) ? iso : null;
  }
  return null;
}

const INSTANT = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(\.\d{1,6})?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

const DIGIT_AT = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15];
const OFFSET = /^[+-]\d{2}:?\d{2}$/;
const daysIn = (y: number, m: number) => (m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31);
const num = (t: string, at: number) => (t.charCodeAt(at) - 48) * 10 + t.charCodeAt(at + 1) - 48;

// The two forms nearly every file uses (2020-09-01T10:00:00+09:00 and 2020-09-01 10:00),
// read without regular expressions: a million rows must not wait on this.
// Anything else (undefined) takes the general path.
function fastInstant(t: string): string | null | undefined {
  if (t.length < 16 || t.charCodeAt(4) !== 45 || t.charCodeAt(7) !== 45 || t.charCodeAt(13) !== 58) return undefined;
  const sep = t.charCodeAt(10);
  if (sep !== 84 && sep !== 32) return undefined;
  for (const i of DIGIT_AT) {
    const c = t.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
  }
  let end = 16;
  let seconds = '00';
  if (t.charCodeAt(16) === 58) {
    const a = t.charCodeAt(17);
    const b = t.charCodeAt(18);
    if (!(a >= 48 && a <= 57 && b >= 48 && b <= 57)) return undefined;
    seconds = t.slice(17, 19);
    end = 19;
  }
  const rest = t.slice(end);
  let offset: string;
  if (rest === '') offset = '+09:00';
  else if (rest === 'Z' || rest === 'z') offset = 'Z';
  else if (OFFSET.test(rest)) offset = rest.length === 5 ? `${rest.slice(0, 3)}:${rest.slice(3)}` : rest;
  else return undefined;
  const y = +t.slice(0, 4);
  const mo = num(t, 5);
  const d = num(t, 8);
  if (mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) || num(t, 11) > 23 || num(t, 14) > 59 || +seconds > 59) return null;
  return `${t.slice(0, 10)}T${t.slice(11, 16)}:${seconds}${offset}`;
}

/** An instant → ISO 8601 with its offset. Without an offset the time is Japan time, as offices write it. */
export function readInstant(raw: string | undefined): string | null | undefined {
  const t = clean(raw);
  if (!t) return undefined;
  const fast = fastInstant(t);
  return fast !== undefined ? fast : generalInstant(t);
}

/** The general reader of instants (every accepted form), exported for the fast path's spec. */
export function generalInstant(t: string): string | null {
  const m = INSTANT.exec(t);
  if (!m) return null;
  const date = `${m[1]}-${pad(m[2])}-${pad(m[3])}`;
  if (!isIsoDate(date)) return null;
  const [h, mi, s] = [m[4] ?? '0', m[5] ?? '0', m[6] ?? '0'].map(Number);
  if (h > 23 || mi > 59 || s > 59) return null;
  let offset = m[8] ? m[8].toUpperCase() : '+09:00';
  if (/^[+-]\d{4}$/.test(offset)) offset = `${offset.slice(0, 3)}:${offset.slice(3)}`;
  return `${date}T${pad(h)}:${pad(mi)}:${pad(s)}${m[7] ?? ''}${offset}`;
}

/** A code, or its Japanese or English label, of a domain enum. */
export function readEnum<V extends string>(raw: string | undefined, e: DomainEnum<V>): V | null | undefined {
  if (e.has(raw)) return raw;
  const t = clean(raw);
  if (!t) return undefined;
  if (e.has(t)) return t;
  const lower = t.toLowerCase();
  for (const v of e.values) {
    const l = e.labels[v];
    if (v.toLowerCase() === lower || l.ja === t || l.en.toLowerCase() === lower) return v;
  }
  return null;
}

const TRUE = new Set(['true', '1', 'yes', 'y', 'はい', '済', '済み', '有', 'あり', '○', '〇', '◯']);
const FALSE = new Set(['false', '0', 'no', 'n', 'いいえ', '未', '無', 'なし', '×']);

export function readBool(raw: string | undefined): boolean | null | undefined {
  const t = clean(raw).toLowerCase();
  if (!t) return undefined;
  if (TRUE.has(t)) return true;
  if (FALSE.has(t)) return false;
  return null;
}

const INT = /^[-+]?\d+$/;
const INT_MAX = 2_147_483_647;

/** Whole yen: `20000`, `20,000`, `¥20,000`, `20,000円`. */
const PLAIN_YEN = /^[1-9]\d{0,8}$/;

export function readYen(raw: string | undefined): number | 'invalid' | 'not_positive' {
  if (raw !== undefined && PLAIN_YEN.test(raw)) return Number(raw);
  const t = clean(raw).replace(/[,\s円¥\\]/g, '');
  if (!INT.test(t)) return 'invalid';
  const n = Number(t);
  if (n <= 0) return 'not_positive';
  return n > INT_MAX ? 'invalid' : n;
}

/** A positive database id. */
export function readId(raw: string | undefined): number | null | undefined {
  const t = clean(raw);
  if (!t) return undefined;
  if (!/^\d{1,10}$/.test(t)) return null;
  const n = Number(t);
  return n >= 1 && n <= INT_MAX ? n : null;
}

/** A count of people: `21000`, `21,000`, `21,000人`; 'negative' below 0. */
export function readCount(raw: string | undefined): number | 'invalid' | 'negative' {
  const t = clean(raw).replace(/[,\s人件枚]/g, '');
  if (!INT.test(t)) return 'invalid';
  const n = Number(t);
  if (n < 0) return 'negative';
  return n > INT_MAX ? 'invalid' : n;
}

const PERCENT = /^\d{1,3}(\.\d{1,2})?$/;

/** A published rate in percent, 0–100 with at most two decimals: `76.9`, `76.9%`, `７６．９％`. */
export function readPercent(raw: string | undefined): number | null {
  const t = clean(raw).replace(/[%\s]/g, '');
  if (!PERCENT.test(t)) return null;
  const n = Number(t);
  return n <= 100 ? n : null;
}
