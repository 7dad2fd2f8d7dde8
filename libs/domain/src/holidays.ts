// Japanese public holidays (国民の祝日に関する法律) as a pure function of the year, and the
// days a city hall's counters are closed: weekends, public holidays, the year-end closure
// 12/29–1/3 (行政機関の休日に関する法律, which municipalities follow by ordinance) and the
// municipality's own closed days (kept in its settings). Slot generation skips them.
//
// Rules as in force from 2000 on: Happy Monday days (成人の日, 海の日, 敬老の日, スポーツの日),
// the equinoxes by the usual astronomical approximation (valid 1980–2099), substitute
// holidays (振替休日: a holiday on a Sunday moves to the next day that is not a holiday)
// and citizens' holidays (国民の休日: a plain day between two holidays). The one-off
// days of 2019–2021 (the enthronement; the Olympic moves) are listed by date.

export interface Holiday {
  /** YYYY-MM-DD */
  date: string;
  name: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

/** Day of the week of a calendar date, 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

function nextDay(date: string, days = 1): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The n-th Monday of a month. */
function nthMonday(y: number, m: number, n: number): string {
  const first = weekdayOf(iso(y, m, 1));
  const offset = (8 - first) % 7; // days from the 1st to the first Monday
  return iso(y, m, 1 + offset + (n - 1) * 7);
}

/** 春分日 (day of March), 1980–2099. */
export function vernalEquinoxDay(y: number): number {
  return Math.floor(20.8431 + 0.242194 * (y - 1980) - Math.floor((y - 1980) / 4));
}

/** 秋分日 (day of September), 1980–2099. */
export function autumnalEquinoxDay(y: number): number {
  return Math.floor(23.2488 + 0.242194 * (y - 1980) - Math.floor((y - 1980) / 4));
}

// Days moved or added by special laws (the 2020 and 2021 Olympic moves, the 2019 enthronement).
const MOVED: Record<number, Partial<Record<'marine' | 'sports' | 'mountain', string>>> = {
  2020: { marine: '2020-07-23', sports: '2020-07-24', mountain: '2020-08-10' },
  2021: { marine: '2021-07-22', sports: '2021-07-23', mountain: '2021-08-08' },
};
const EXTRA: Record<number, Holiday[]> = {
  2019: [
    { date: '2019-05-01', name: '天皇の即位の日' },
    { date: '2019-10-22', name: '即位礼正殿の儀の行われる日' },
  ],
};

/** The holidays named by the law for year y (without substitutes and citizens' holidays). */
function namedHolidays(y: number): Holiday[] {
  const moved = MOVED[y] ?? {};
  const out: Holiday[] = [
    { date: iso(y, 1, 1), name: '元日' },
    { date: nthMonday(y, 1, 2), name: '成人の日' },
    { date: iso(y, 2, 11), name: '建国記念の日' },
    { date: iso(y, 3, vernalEquinoxDay(y)), name: '春分の日' },
    { date: iso(y, 4, 29), name: '昭和の日' },
    { date: iso(y, 5, 3), name: '憲法記念日' },
    { date: iso(y, 5, 4), name: 'みどりの日' },
    { date: iso(y, 5, 5), name: 'こどもの日' },
    { date: moved.marine ?? nthMonday(y, 7, 3), name: '海の日' },
    { date: nthMonday(y, 9, 3), name: '敬老の日' },
    { date: iso(y, 9, autumnalEquinoxDay(y)), name: '秋分の日' },
    { date: moved.sports ?? nthMonday(y, 10, 2), name: y >= 2020 ? 'スポーツの日' : '体育の日' },
    { date: iso(y, 11, 3), name: '文化の日' },
    { date: iso(y, 11, 23), name: '勤労感謝の日' },
    ...(EXTRA[y] ?? []),
  ];
  if (y >= 2016) out.push({ date: moved.mountain ?? iso(y, 8, 11), name: '山の日' });
  // The Emperor's birthday: 12/23 until 2018, none in 2019, 2/23 from 2020.
  if (y <= 2018) out.push({ date: iso(y, 12, 23), name: '天皇誕生日' });
  if (y >= 2020) out.push({ date: iso(y, 2, 23), name: '天皇誕生日' });
  return out;
}

const cache = new Map<number, Holiday[]>();

/** Every public holiday of year y, substitute and citizens' holidays included, in date order. */
export function japaneseHolidays(y: number): readonly Holiday[] {
  const hit = cache.get(y);
  if (hit) return hit;
  const byDate = new Map<string, string>();
  for (const h of namedHolidays(y)) byDate.set(h.date, h.name);

  // 国民の休日: a day that is not a holiday (nor a Sunday) between two holidays.
  for (const date of [...byDate.keys()]) {
    const between = nextDay(date);
    if (!byDate.has(between) && byDate.has(nextDay(date, 2)) && weekdayOf(between) !== 0) byDate.set(between, '国民の休日');
  }
  // 振替休日: a holiday on a Sunday makes the next non-holiday day a holiday.
  for (const date of [...byDate.keys()].sort()) {
    if (weekdayOf(date) !== 0) continue;
    let d = nextDay(date);
    while (byDate.has(d)) d = nextDay(d);
    byDate.set(d, '振替休日');
  }
  const list = [...byDate.entries()]
    .filter(([date]) => date.startsWith(`${y}-`))
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([date, name]) => ({ date, name }));
  cache.set(y, list);
  return list;
}

/** The holiday's name, or null on a day that is not a public holiday. */
export function publicHolidayName(date: string): string | null {
  return japaneseHolidays(Number(date.slice(0, 4))).find((h) => h.date === date)?.name ?? null;
}

/** 年末年始の閉庁日 (12/29 – 1/3). */
export function isYearEndClosure(date: string): boolean {
  const md = date.slice(5);
  return md >= '12-29' || md <= '01-03';
}

export type ClosedReason = 'weekend' | 'holiday' | 'year_end' | 'municipality';

/**
 * Why a city hall's counters are closed on `date`, or null when they are open. Weekends
 * count only when `weekends` is true (a pop-up desk may open on a Saturday: the slot
 * pattern's weekdays decide that).
 */
export function cityHallClosure(date: string, opts: { closedDays?: readonly string[]; weekends?: boolean } = {}): { reason: ClosedReason; name: string } | null {
  if (opts.closedDays?.includes(date)) return { reason: 'municipality', name: '市の休業日' };
  if (isYearEndClosure(date)) return { reason: 'year_end', name: '年末年始の閉庁日' };
  const holiday = publicHolidayName(date);
  if (holiday) return { reason: 'holiday', name: holiday };
  if (opts.weekends && [0, 6].includes(weekdayOf(date))) return { reason: 'weekend', name: weekdayOf(date) === 0 ? '日曜日' : '土曜日' };
  return null;
}
