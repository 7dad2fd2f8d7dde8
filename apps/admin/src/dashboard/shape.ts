import { ASSISTANCE_OUTCOME, FRAUD_CHANNEL, type CounterStats, type FraudStats, type MunicipalityStatsRow, type PointsStats, type UptakeStats } from '@mynapoint/domain';

// Pure shaping of the stats responses into chart rows: the chart components only
// draw what these return (tested in shape.spec.ts).

export interface ServiceRow {
  key: string;
  name: string;
  value: number;
  /** The services behind the bar: one, or every service folded into 「その他」. */
  serviceIds: number[];
  other: boolean;
}

/** The `n` services with the highest value, the rest folded into one 「その他」 bar. */
export function topServices<R extends { paymentServiceId: number; name: string }>(rows: readonly R[], n: number, otherName: string, value: (r: R) => number): ServiceRow[] {
  const sorted = rows.filter((r) => value(r) > 0).sort((a, b) => value(b) - value(a) || a.name.localeCompare(b.name, 'ja'));
  // Folding a single service into 「その他」 would only hide its name.
  const shown = sorted.length <= n + 1 ? sorted : sorted.slice(0, n);
  const rest = sorted.slice(shown.length);
  const out: ServiceRow[] = shown.map((r) => ({ key: String(r.paymentServiceId), name: r.name, value: value(r), serviceIds: [r.paymentServiceId], other: false }));
  if (rest.length) {
    out.push({ key: 'other', name: otherName, value: rest.reduce((s, r) => s + value(r), 0), serviceIds: rest.map((r) => r.paymentServiceId), other: true });
  }
  return out;
}

export interface KindRow {
  kind: string;
  applications: number;
  serviceIds: number[];
}

/** Applications by kind of service, with the services of each kind (for the click). */
export function kindRows(byKind: UptakeStats['byServiceKind'], byService: UptakeStats['byService']): KindRow[] {
  return byKind
    .filter((k) => k.applications > 0)
    .sort((a, b) => b.applications - a.applications)
    .map((k) => ({ kind: k.kind, applications: k.applications, serviceIds: byService.filter((s) => s.kind === k.kind).map((s) => s.paymentServiceId) }));
}

export interface FunnelRow {
  stage: 'reserved' | 'applied' | 'awarded';
  value: number;
  /** Share of the stage before (null for the first). */
  rate: number | null;
}

export function funnelRows(f: UptakeStats['funnel']): FunnelRow[] {
  const rate = (a: number, b: number) => (b > 0 ? a / b : 0);
  return [
    { stage: 'reserved', value: f.reserved, rate: null },
    { stage: 'applied', value: f.applied, rate: rate(f.applied, f.reserved) },
    { stage: 'awarded', value: f.awarded, rate: rate(f.awarded, f.applied) },
  ];
}

export interface DistrictRows {
  /** share: percent of the district's population; count: people. */
  mode: 'share' | 'count';
  rows: { district: string | null; reservations: number; applications: number; value: number }[];
}

/** By district: as a share of the population when every district has one, else counts. */
export function districtRows(rows: UptakeStats['byDistrict']): DistrictRows {
  // Reservations without a district have no population to compare with.
  const share = rows.some((r) => r.district !== null) && rows.every((r) => r.district === null || (r.share != null && r.population != null));
  return {
    mode: share ? 'share' : 'count',
    rows: rows
      .filter((r) => !share || r.district !== null)
      .map((r) => ({ district: r.district, reservations: r.reservations, applications: r.applications, value: share ? Math.round(r.share! * 1000) / 10 : r.reservations }))
      .sort((a, b) => b.value - a.value),
  };
}

export interface DistributionRow {
  key: string;
  fromYen: number;
  toYen: number;
  participants: number;
  atCap: boolean;
}

export function distributionRows(points: Pick<PointsStats, 'distribution' | 'capYen'>): DistributionRow[] {
  return points.distribution.map((b) => ({
    key: `${b.fromYen}-${b.toYen}`,
    fromYen: b.fromYen,
    toYen: b.toYen,
    participants: b.participants,
    atCap: b.fromYen === b.toYen && b.fromYen === points.capYen,
  }));
}

export interface HeatmapGrid {
  weekdays: number[];
  hours: number[];
  max: number;
  cells: Map<string, number>;
}

/** Office hours (8–17) and weekdays always, weekends and other hours only when visited. */
export function heatmapGrid(cells: CounterStats['byWeekdayHour']): HeatmapGrid {
  const map = new Map<string, number>();
  let max = 0;
  let minHour = 8;
  let maxHour = 17;
  let weekend = false;
  for (const c of cells) {
    if (c.visits <= 0) continue;
    map.set(`${c.weekday}:${c.hour}`, c.visits);
    max = Math.max(max, c.visits);
    minHour = Math.min(minHour, c.hour);
    maxHour = Math.max(maxHour, c.hour);
    if (c.weekday >= 6) weekend = true;
  }
  const weekdays = weekend ? [1, 2, 3, 4, 5, 6, 7] : [1, 2, 3, 4, 5];
  const hours = Array.from({ length: maxHour - minHour + 1 }, (_, i) => minHour + i);
  return { weekdays, hours, max, cells: map };
}

/** 0 for no visit, then 1–4 by quarter of the busiest cell. */
export function heatLevel(visits: number, max: number): number {
  if (visits <= 0 || max <= 0) return 0;
  return Math.min(4, Math.ceil((visits / max) * 4));
}

export function outcomeRows(outcomes: Record<string, number>): { code: string; visits: number }[] {
  return ASSISTANCE_OUTCOME.values.map((code) => ({ code, visits: outcomes[code] ?? 0 }));
}

export function reasonRows(reasons: Record<string, number>): { code: string; visits: number }[] {
  return Object.entries(reasons)
    .filter(([, n]) => n > 0)
    .map(([code, visits]) => ({ code, visits }))
    .sort((a, b) => b.visits - a.visits);
}

export interface FraudSeries {
  /** Channels with at least one report, in the enum's order. */
  channels: string[];
  rows: ({ period: string; total: number } & Record<string, number | string>)[];
}

export function fraudSeries(stats: Pick<FraudStats, 'series' | 'byChannel'>): FraudSeries {
  const channels = FRAUD_CHANNEL.values.filter((c) => (stats.byChannel[c] ?? 0) > 0);
  return {
    channels,
    rows: stats.series.map((s) => ({ period: s.period, total: s.total, ...Object.fromEntries(channels.map((c) => [c, s.byChannel[c] ?? 0])) })),
  };
}

/** What the prefecture's comparison chart can put side by side. */
export const COMPARISON_METRICS = ['uptakeShare', 'reservations', 'pointsAwarded', 'assistedVisits', 'fraudReports'] as const;
export type ComparisonMetric = (typeof COMPARISON_METRICS)[number];

export interface ComparisonRow {
  code: string;
  name: string;
  /** The metric's value (uptakeShare in percent); null when unknown (no population). */
  value: number | null;
  selected: boolean;
}

/** The share of the population when any municipality has one, else the count of reservations. */
export function defaultComparisonMetric(rows: readonly MunicipalityStatsRow[]): ComparisonMetric {
  return rows.some((r) => r.uptakeShare !== null) ? 'uptakeShare' : 'reservations';
}

/** One bar per municipality, highest first; the ones without a value last, in code order. */
export function comparisonRows(rows: readonly MunicipalityStatsRow[], metric: ComparisonMetric, selected: string | null): ComparisonRow[] {
  return rows
    .map((r) => ({
      code: r.code,
      name: r.name,
      value: metric === 'uptakeShare' ? (r.uptakeShare === null ? null : r.uptakeShare * 100) : r[metric],
      selected: r.code === selected,
    }))
    .sort((a, b) => (a.value === null ? (b.value === null ? a.code.localeCompare(b.code) : 1) : b.value === null ? -1 : b.value - a.value || a.code.localeCompare(b.code)));
}
