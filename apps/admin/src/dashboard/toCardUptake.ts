import { METRIC_COUNT, type AgeBand, type CardUptakeFigures, type CardUptakeGroup, type CardUptakeStats, type TargetMetric } from '@mynapoint/domain';

// The card-uptake panel's data, shaped for one metric (application or issuance rate):
// the headline beside the nation and the prefecture, the targets of that metric with
// the people still missing, the line over time, and the bars by district and age band.
// The chart, the bars and the table alternative all draw these same rows.

export type RateKey = 'applicationRatePercent' | 'issuanceRatePercent';
export const RATE_KEY: Readonly<Record<TargetMetric, RateKey>> = { application_rate: 'applicationRatePercent', issuance_rate: 'issuanceRatePercent' };

export interface TargetView {
  id: number;
  name: string;
  percent: number;
  dueOn: string;
  people: number;
  reached: boolean;
}

export interface GroupRow {
  /** The district, or the age band's code. */
  key: string;
  rate: number | null;
  count: number;
  population: number;
  /** People missing per target of the metric (same order as `targets`). */
  gaps: { targetId: number; people: number; reached: boolean }[];
}

export interface MonthRow {
  month: string;
  /** The snapshot behind the city's figure (null: none that month). */
  asOf: string | null;
  city: number | null;
  national: number | null;
  prefecture: number | null;
}

export interface CardUptakeView {
  metric: TargetMetric;
  figuresAsOf: string | null;
  headline: { city: number | null; count: number; population: number; national: number | null; prefecture: number | null; benchmarkAsOf: string | null };
  targets: TargetView[];
  months: MonthRow[];
  districts: GroupRow[];
  ageBands: (GroupRow & { key: AgeBand })[];
}

function groupRow<K extends string>(key: K, g: CardUptakeGroup, metric: TargetMetric, targetIds: ReadonlySet<number>): GroupRow & { key: K } {
  return {
    key,
    rate: g[RATE_KEY[metric]],
    count: g[METRIC_COUNT[metric]],
    population: g.population,
    gaps: g.gaps.filter((x) => targetIds.has(x.targetId)),
  };
}

export function toCardUptake(s: CardUptakeStats, metric: TargetMetric): CardUptakeView {
  const key = RATE_KEY[metric];
  const targets = s.targets.filter((t) => t.metric === metric);
  const ids = new Set(targets.map((t) => t.id));
  const rate = (f: CardUptakeFigures | null) => (f ? f[key] : null);
  return {
    metric,
    figuresAsOf: s.figuresAsOf,
    headline: {
      city: s.overall[key],
      count: s.overall[METRIC_COUNT[metric]],
      population: s.overall.population,
      national: s.national?.[key] ?? null,
      prefecture: s.prefecture?.[key] ?? null,
      benchmarkAsOf: s.national?.asOf ?? s.prefecture?.asOf ?? null,
    },
    targets: targets.map((t) => ({ id: t.id, name: t.name, percent: t.percent, dueOn: t.dueOn, people: t.people, reached: t.reached })),
    // Months with nothing at all (before the figures began) are left out of the line.
    months: s.series
      .map((m) => ({ month: m.month, asOf: m.asOf, city: rate(m.city), national: m.national?.[key] ?? null, prefecture: m.prefecture?.[key] ?? null }))
      .filter((m) => m.city !== null || m.national !== null || m.prefecture !== null),
    districts: s.byDistrict.map((d) => groupRow(d.district, d, metric, ids)),
    ageBands: s.byAgeBand.map((b) => groupRow(b.ageBand, b, metric, ids)),
  };
}

/** Whether there is anything to draw: a snapshot or a published rate. */
export function hasCardFigures(s: CardUptakeStats): boolean {
  return s.figuresAsOf !== null || s.series.length > 0;
}

/** The target a chart marks first: the earliest not yet reached, else the last one. */
export function leadTarget(targets: readonly TargetView[]): TargetView | null {
  return targets.find((t) => !t.reached) ?? targets[targets.length - 1] ?? null;
}

/** The date the panel asks for: a chosen month's last day, or today for the current month (and when none is chosen). */
export function cardAsOf(month: string | null, today: string): string {
  if (!month || month >= today.slice(0, 7)) return today;
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}
