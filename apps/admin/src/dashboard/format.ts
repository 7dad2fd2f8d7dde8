import { formatJapaneseEraDate, formatJapaneseEraMonth, type Lang, type StatInterval } from '@mynapoint/domain';

// Numbers and periods as staff read them: thousands separators, the Japanese era in
// Japanese (令和2年9月), ISO dates in English.

const NUMBER = new Intl.NumberFormat('ja-JP');

export function formatCount(n: number): string {
  return NUMBER.format(n);
}

export function formatPercent(ratio: number, digits = 1): string {
  return `${(ratio * 100).toFixed(digits)}%`;
}

/** Short label on an axis: 令和2年9月 for months, 9/1 for days and weeks. */
export function periodTick(period: string, interval: StatInterval, lang: Lang): string {
  if (interval === 'month') return lang === 'ja' ? formatJapaneseEraMonth(period) : period.slice(0, 7);
  return lang === 'ja' ? `${+period.slice(5, 7)}/${+period.slice(8, 10)}` : period.slice(5);
}

/** Full label in a tooltip: 令和2年9月1日, 令和2年8月31日の週, 令和2年9月. */
export function periodLabel(period: string, interval: StatInterval, lang: Lang): string {
  if (lang === 'en') return interval === 'week' ? `week of ${period}` : interval === 'month' ? period.slice(0, 7) : period;
  if (interval === 'month') return formatJapaneseEraMonth(period);
  return interval === 'week' ? `${formatJapaneseEraDate(period)}の週` : formatJapaneseEraDate(period);
}

/** A date range in the UI language: 令和2年7月1日〜令和3年3月31日. */
export function rangeLabel(from: string, to: string, lang: Lang): string {
  return lang === 'ja' ? `${formatJapaneseEraDate(from)}〜${formatJapaneseEraDate(to)}` : `${from} – ${to}`;
}

/** A bucket of per-person totals (both ends included): 「1〜499」, 「上限 5,000」. */
export function bucketLabel(fromYen: number, toYen: number, atCap: boolean, capText: string): string {
  if (atCap) return `${capText} ${formatCount(toYen)}`;
  return `${formatCount(fromYen)}〜${formatCount(toYen)}`;
}
