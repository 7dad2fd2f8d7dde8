import { addDays, isIsoDate, nextPeriod, periodStart, periodStarts, type StatInterval } from '@mynapoint/domain';

// The dashboard's period: a preset (this week, this month, since the campaign
// began) or custom dates, the series interval and the campaign (null: all).

export const PERIOD_PRESETS = ['week', 'month', 'campaign', 'custom'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

// The API refuses series of more buckets than this (stats/*: MAX_PERIODS).
export const MAX_PERIODS = 1000;

export interface DashboardPeriod {
  preset: PeriodPreset;
  from: string;
  to: string;
  interval: StatInterval;
  campaignId: number | null;
}

/** The dates a campaign (or all of them) spans, as the campaigns list gives them. */
export interface CampaignSpan {
  id: number;
  reservationOpensOn: string;
  reservationClosesOn?: string;
  applicationClosesOn?: string;
  earningEndsOn?: string;
}

/** First and last day of the campaigns in scope; null when there is none. */
export function campaignSpan(campaigns: readonly CampaignSpan[], campaignId: number | null): { start: string; end: string } | null {
  const chosen = campaignId == null ? campaigns : campaigns.filter((c) => c.id === campaignId);
  if (!chosen.length) return null;
  const start = chosen.map((c) => c.reservationOpensOn).sort()[0];
  const ends = chosen.flatMap((c) => [c.reservationClosesOn, c.applicationClosesOn, c.earningEndsOn]).filter((d): d is string => !!d);
  const end = ends.length ? ends.sort()[ends.length - 1] : start;
  return { start, end };
}

/**
 * [from, to] of a preset on `today` (JST). "Since the campaign began" ends today, or
 * on the campaign's last day once it is over: a finished round's chart has no flat tail.
 */
export function presetRange(preset: Exclude<PeriodPreset, 'custom'>, today: string, span: { start: string; end: string } | null): { from: string; to: string } {
  if (preset === 'week') return { from: periodStart(today, 'week'), to: today };
  if (preset === 'month') return { from: periodStart(today, 'month'), to: today };
  if (!span) return { from: periodStart(today, 'month'), to: today };
  const to = span.end < today ? span.end : today;
  return { from: span.start, to: to < span.start ? span.start : to };
}

/** A readable number of points: days up to two months, weeks up to a year, then months. */
export function defaultInterval(from: string, to: string): StatInterval {
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;
  if (days <= 62) return 'day';
  if (days <= 366) return 'week';
  return 'month';
}

/** Why a period cannot be asked for (an i18n key), or null when it can. */
export function periodProblem(p: Pick<DashboardPeriod, 'from' | 'to' | 'interval'>): string | null {
  if (!isIsoDate(p.from) || !isIsoDate(p.to)) return 'resources.dashboard.controls.bad_date';
  if (p.from > p.to) return 'resources.dashboard.controls.from_after_to';
  if (!periodStarts(p.from, p.to, p.interval, MAX_PERIODS)) return 'resources.dashboard.controls.too_many_periods';
  return null;
}

/** The days of one series bucket, clipped to the period: what a click on it lists. */
export function bucketRange(period: string, interval: StatInterval, bounds: { from: string; to: string }): { from: string; to: string } {
  const last = addDays(nextPeriod(period, interval), -1);
  return { from: period < bounds.from ? bounds.from : period, to: last > bounds.to ? bounds.to : last };
}

/** Query parameters of the stats endpoints for a period. */
export function statsQuery(p: DashboardPeriod): Record<string, string | number | undefined> {
  return { from: p.from, to: p.to, interval: p.interval, campaignId: p.campaignId ?? undefined };
}

/** What is remembered between visits (react-admin's store): the preset and choices, not dates that go stale. */
export interface DashboardSettings {
  preset: PeriodPreset;
  from: string | null;
  to: string | null;
  /** null: chosen from the period's length. */
  interval: StatInterval | null;
  campaignId: number | null;
}

export type Campaign = CampaignSpan & { name: string };

/**
 * The period a set of choices means today, given the campaigns. `span`: the campaigns'
 * first and last day when they come from elsewhere (a prefecture user reads no
 * campaigns list: the comparison's default `from` gives the first day).
 */
export function resolvePeriod(s: DashboardSettings, today: string, campaigns: Campaign[], span?: { start: string; end: string } | null): DashboardPeriod {
  // A remembered campaign that is gone (another database) means all campaigns.
  const campaignId = s.campaignId != null && campaigns.some((c) => c.id === s.campaignId) ? s.campaignId : null;
  const range =
    s.preset === 'custom' && s.from && s.to
      ? { from: s.from, to: s.to }
      : presetRange(s.preset === 'custom' ? 'month' : s.preset, today, span !== undefined ? span : campaignSpan(campaigns, campaignId));
  return { preset: s.preset, ...range, interval: s.interval ?? defaultInterval(range.from, range.to), campaignId };
}

export function samePeriod(a: DashboardPeriod, b: DashboardPeriod): boolean {
  return a.preset === b.preset && a.from === b.from && a.to === b.to && a.interval === b.interval && a.campaignId === b.campaignId;
}
