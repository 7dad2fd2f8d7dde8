import { defineEnum, EnumValue } from './enum';

// My Number card uptake (API.md "Card uptake against targets"): the share of the
// population that applied for, and received, a card, from the resident register's
// aggregates, beside MIC's published national and prefectural rates and the city's
// targets. The API computes every rate and gap with these functions; the admin shows
// a figure's rate with the same one.

export const BENCHMARK_SCOPE = defineEnum({
  national: { ja: '全国', en: 'National' },
  prefecture: { ja: '都道府県', en: 'Prefecture' },
});
export type BenchmarkScope = EnumValue<typeof BENCHMARK_SCOPE>;

export const TARGET_METRIC = defineEnum({
  application_rate: { ja: '申請率', en: 'Application rate' },
  issuance_rate: { ja: '交付率', en: 'Issuance rate' },
});
export type TargetMetric = EnumValue<typeof TARGET_METRIC>;

/** The count a metric is the rate of. */
export const METRIC_COUNT: Readonly<Record<TargetMetric, 'cardApplications' | 'cardsIssued'>> = {
  application_rate: 'cardApplications',
  issuance_rate: 'cardsIssued',
};

/**
 * 100 × count / population with one decimal, rounded half up (API.md); null without a
 * population. Integer arithmetic: 53.85 % is 53.9, never 53.8 through a float's error.
 */
export function ratePercent(count: number, population: number): number | null {
  if (!(population > 0)) return null;
  return Math.floor((2000 * count + population) / (2 * population)) / 10;
}

/** A target's percent in tenths (53.9 → 539): targets carry one decimal. */
export function percentTenths(percent: number): number {
  return Math.round(percent * 10);
}

/**
 * How many more people (applications or cards) take `count` of `population` to at
 * least `percent` — exactly, not the rounded rate: 53.86 % has not reached 53.9 %.
 * 0 once reached; 0 without a population (nobody to count).
 */
export function peopleToReach(count: number, population: number, percent: number): number {
  if (!(population > 0)) return 0;
  const needed = Math.ceil((percentTenths(percent) * population) / 1000);
  return Math.max(0, needed - count);
}

export interface PopulationCounts {
  population: number;
  cardApplications: number;
  cardsIssued: number;
}

export type PopulationCountProblem = 'negative' | 'above_population';

export const POPULATION_COUNT_PROBLEM = defineEnum<PopulationCountProblem>({
  negative: { ja: '人口・申請件数・交付枚数は0以上の整数で指定してください。', en: 'Population, applications and cards issued must be whole numbers of 0 or more.' },
  above_population: {
    ja: '申請件数・交付枚数が人口を超えています（人口に対する件数を指定してください）。',
    en: 'Applications and cards issued cannot exceed the population.',
  },
});

/**
 * What is wrong with one cell's counts, by field (empty when nothing): a count below
 * 0, or applications or cards above the population. Aggregates only: never a person.
 */
export function populationCountProblems(c: PopulationCounts): Partial<Record<keyof PopulationCounts, PopulationCountProblem>> {
  const out: Partial<Record<keyof PopulationCounts, PopulationCountProblem>> = {};
  for (const key of ['population', 'cardApplications', 'cardsIssued'] as const) if (c[key] < 0) out[key] = 'negative';
  if (out.population) return out;
  for (const key of ['cardApplications', 'cardsIssued'] as const) if (!out[key] && c[key] > c.population) out[key] = 'above_population';
  return out;
}

/** A rate's text with its one decimal, e.g. 53.9% (— when there is none). */
export function formatRate(rate: number | null | undefined): string {
  return rate == null ? '—' : `${rate.toFixed(1)}%`;
}
