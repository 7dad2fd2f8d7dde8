import { AGE_BAND, AgeBand, addDays, toJstDate } from '@mynapoint/domain';
import { SeedContext, SeedStep, seededRandom } from './seed-context';

// My Number card uptake for the municipality being seeded: a resident-register snapshot
// at every month's end from April 2020 to the last one before today, for each district
// and age band, MIC's national and prefectural rates for the same months, and three
// targets. The curve follows the national one (about 16 % of the population had applied
// in mid-2020, about 78 % by early 2023: the two Mynapoint rounds and the health
// insurance card), older and rural districts a little behind, the oldest and the
// twenty-somethings later than the rest. Deterministic (its own random sequence, so it
// changes nothing of the other steps' data), and set-based: one INSERT per table.

const FIRST_MONTH_END = '2020-04-30';

// National application rate (%) at a few month ends; linear in between.
const NATIONAL_APPLICATION: [month: string, percent: number][] = [
  ['2020-04', 15.6],
  ['2020-07', 17.2],
  ['2020-12', 24.1],
  ['2021-03', 28.4],
  ['2021-09', 37.2],
  ['2021-12', 41.3],
  ['2022-06', 45.6],
  ['2022-09', 50.1],
  ['2022-12', 66.2],
  ['2023-02', 76.1],
  ['2023-04', 77.8],
  ['2023-12', 78.6],
  ['2024-12', 80.5],
  ['2025-12', 82.0],
  ['2026-12', 83.1],
  ['2027-12', 83.9],
];

// Agano's residents by age band (older than the nation).
const AGE_SHARE: Record<AgeBand, number> = { under_20: 0.15, '20s': 0.08, '30s': 0.1, '40s': 0.13, '50s': 0.13, '60s': 0.15, '70_plus': 0.26 };
// Each band's uptake against the nation's: early (2020) and late (2023 on).
const AGE_FACTOR: Record<AgeBand, [early: number, late: number]> = {
  under_20: [0.72, 0.95],
  '20s': [0.78, 0.93],
  '30s': [0.9, 0.98],
  '40s': [1.0, 1.01],
  '50s': [1.06, 1.03],
  '60s': [1.14, 1.05],
  '70_plus': [0.84, 0.99],
};
// The demo city's districts: the town centre ahead, 京ヶ瀬 behind.
const DISTRICT_OFFSET: Record<string, number> = { 水原: 1.8, 京ヶ瀬: -4.2, 安田: 0.3, 笹神: -1.6 };
const DEMO_POPULATION: Record<string, number> = { 水原: 21000, 京ヶ瀬: 6500, 安田: 8000, 笹神: 7500 };

export const CARD_UPTAKE_TARGETS = [
  { name: '国の交付金の要件（申請率）', metric: 'application_rate', percent: 53.9, dueOn: '2022-12-31' },
  { name: '市の目標（交付率）', metric: 'issuance_rate', percent: 80, dueOn: '2027-03-31' },
  { name: '市の目標（申請率）', metric: 'application_rate', percent: 88, dueOn: '2028-03-31' },
] as const;

const monthIndex = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;

/** The national application rate at a month (YYYY-MM), from the points above. */
export function nationalApplicationRate(month: string): number {
  const m = monthIndex(month);
  const points = NATIONAL_APPLICATION.map(([k, v]) => [monthIndex(k), v] as const);
  if (m <= points[0][0]) return points[0][1];
  for (let i = 1; i < points.length; i++) {
    const [m1, v1] = points[i];
    if (m <= m1) {
      const [m0, v0] = points[i - 1];
      return v0 + ((v1 - v0) * (m - m0)) / (m1 - m0);
    }
  }
  return points[points.length - 1][1];
}

/** Cards are issued a month or two after the application; a few are never collected. */
export function nationalIssuanceRate(month: string): number {
  const m = monthIndex(month) - 2;
  return nationalApplicationRate(`${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`) * 0.94;
}

/** Every month's last day from April 2020 to the last one before `today`. */
export function monthEnds(today: string): string[] {
  const out: string[] = [];
  for (let end = FIRST_MONTH_END; end < today; ) {
    out.push(end);
    const next = addDays(end, 1);
    const [y, m] = next.split('-').map(Number);
    end = addDays(m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`, -1);
  }
  return out;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

export const cardUptakeSeed: SeedStep = {
  name: 'card uptake (monthly population figures, MIC rates, targets)',
  async run(ctx: SeedContext) {
    const random = seededRandom(20200430);
    const [settings] = await ctx.query<{ districts: string[]; population: Record<string, number> }>(
      `SELECT districts, district_population AS population FROM municipalities WHERE code = current_municipality()`,
    );
    const districts = settings?.districts.length ? settings.districts : ctx.config.districts;
    const populationOf = (d: string) => settings?.population[d] ?? ctx.config.districtPopulation[d] ?? DEMO_POPULATION[d] ?? 10_000;
    const dates = monthEnds(toJstDate(ctx.now));
    const start = monthIndex(FIRST_MONTH_END.slice(0, 7));

    const cols: Record<'asOf' | 'district' | 'ageBand' | 'population' | 'applications' | 'issued', unknown[]> = {
      asOf: [],
      district: [],
      ageBand: [],
      population: [],
      applications: [],
      issued: [],
    };
    // Each cell keeps its own small lead or lag over the years (noise that does not jump month to month).
    const lean = new Map<string, number>();
    for (const asOf of dates) {
      const month = asOf.slice(0, 7);
      const years = (monthIndex(month) - start) / 12;
      const late = Math.min(1, years / 3);
      for (const district of districts) {
        // The districts' gaps narrow as the card becomes the health insurance card.
        const offset = (DISTRICT_OFFSET[district] ?? 0) * (1 - 0.5 * late);
        for (const ageBand of AGE_BAND.values) {
          const key = `${district}/${ageBand}`;
          if (!lean.has(key)) lean.set(key, (random() - 0.5) * 1.6);
          const [early, lateFactor] = AGE_FACTOR[ageBand];
          const factor = early + (lateFactor - early) * late;
          const noise = lean.get(key)! + (random() - 0.5) * 0.3;
          const population = Math.round(populationOf(district) * AGE_SHARE[ageBand] * (1 - 0.009 * years));
          const applied = Math.min(98.5, Math.max(0, nationalApplicationRate(month) * factor + offset + noise));
          const issued = Math.min(applied, Math.max(0, nationalIssuanceRate(month) * factor + offset + noise));
          cols.asOf.push(asOf);
          cols.district.push(district);
          cols.ageBand.push(ageBand);
          cols.population.push(population);
          cols.applications.push(Math.round((population * applied) / 100));
          cols.issued.push(Math.min(Math.round((population * issued) / 100), Math.round((population * applied) / 100)));
        }
      }
    }
    await ctx.query(
      `INSERT INTO population_figures (as_of, district, age_band, population, card_applications, cards_issued)
       SELECT * FROM unnest($1::date[], $2::text[], $3::text[], $4::int[], $5::int[], $6::int[])`,
      [cols.asOf, cols.district, cols.ageBand, cols.population, cols.applications, cols.issued],
    );

    // MIC's figures: the nation, and Niigata a little behind it at first.
    const rates = dates.flatMap((asOf) => {
      const month = asOf.slice(0, 7);
      const behind = 1.3 - 0.8 * Math.min(1, (monthIndex(month) - start) / 48);
      return [
        [asOf, 'national', round1(nationalApplicationRate(month)), round1(nationalIssuanceRate(month))],
        [asOf, 'prefecture', round1(nationalApplicationRate(month) - behind), round1(nationalIssuanceRate(month) - behind)],
      ] as const;
    });
    await ctx.query(
      `INSERT INTO benchmark_rates (as_of, scope, application_rate_percent, issuance_rate_percent)
       SELECT * FROM unnest($1::date[], $2::text[], $3::numeric[], $4::numeric[])`,
      [rates.map((r) => r[0]), rates.map((r) => r[1]), rates.map((r) => r[2]), rates.map((r) => r[3])],
    );

    await ctx.query(
      `INSERT INTO targets (name, metric, percent, due_on) SELECT * FROM unnest($1::text[], $2::text[], $3::numeric[], $4::date[])`,
      [CARD_UPTAKE_TARGETS.map((t) => t.name), CARD_UPTAKE_TARGETS.map((t) => t.metric), CARD_UPTAKE_TARGETS.map((t) => t.percent), CARD_UPTAKE_TARGETS.map((t) => t.dueOn)],
    );
  },
};
