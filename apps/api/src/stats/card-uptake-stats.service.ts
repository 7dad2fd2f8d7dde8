import { Injectable } from '@nestjs/common';
import {
  AGE_BAND,
  CardUptakeBenchmark,
  CardUptakeFigures,
  CardUptakeGroup,
  CardUptakeMonth,
  CardUptakeRates,
  CardUptakeStats,
  CardUptakeTarget,
  METRIC_COUNT,
  PopulationCounts,
  peopleToReach,
  ratePercent,
} from '@mynapoint/domain';
import { CardUptakeStatsRepository, CellRow, RateRow, TargetRow } from './card-uptake-stats.repository';

const ZERO: PopulationCounts = { population: 0, cardApplications: 0, cardsIssued: 0 };

function add(a: PopulationCounts, b: PopulationCounts): PopulationCounts {
  return { population: a.population + b.population, cardApplications: a.cardApplications + b.cardApplications, cardsIssued: a.cardsIssued + b.cardsIssued };
}

/** Counts with their rates (API.md: 100 × count / population, one decimal, half up). */
function withRates(c: PopulationCounts): CardUptakeFigures {
  return {
    population: c.population,
    cardApplications: c.cardApplications,
    cardsIssued: c.cardsIssued,
    applicationRatePercent: ratePercent(c.cardApplications, c.population),
    issuanceRatePercent: ratePercent(c.cardsIssued, c.population),
  };
}

function group(c: PopulationCounts, targets: readonly TargetRow[]): CardUptakeGroup {
  return {
    ...withRates(c),
    gaps: targets.map((t) => {
      const people = peopleToReach(c[METRIC_COUNT[t.metric]], c.population, t.percent);
      return { targetId: t.id, people, reached: c.population > 0 && people === 0 };
    }),
  };
}

/** Sums the cells by a key, keeping the keys' first-seen order. */
function sumBy<K>(cells: readonly CellRow[], key: (c: CellRow) => K): Map<K, PopulationCounts> {
  const out = new Map<K, PopulationCounts>();
  for (const c of cells) out.set(key(c), add(out.get(key(c)) ?? ZERO, c));
  return out;
}

/** Every month from `first` to `last` (YYYY-MM), both included. */
function monthsBetween(first: string, last: string): string[] {
  const out: string[] = [];
  let [y, m] = first.split('-').map(Number);
  for (let guard = 0; guard < 2400; guard++) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    if (month > last) break;
    out.push(month);
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  return out;
}

const rates = (r: RateRow): CardUptakeRates => ({ applicationRatePercent: r.applicationRatePercent, issuanceRatePercent: r.issuanceRatePercent });

@Injectable()
export class CardUptakeStatsService {
  constructor(private readonly repo: CardUptakeStatsRepository) {}

  async cardUptake(asOf: string): Promise<CardUptakeStats> {
    const { figuresAsOf, cells, months, rates: rateRows, targets: targetRows } = await this.repo.figures(asOf);
    const overall = group(cells.reduce<PopulationCounts>((sum, c) => add(sum, c), ZERO), targetRows);

    const latest = (scope: RateRow['scope']): CardUptakeBenchmark | null => {
      const row = rateRows.filter((r) => r.scope === scope).pop();
      return row ? { asOf: row.asOf, ...rates(row) } : null;
    };

    const cityByMonth = new Map(months.map((m) => [m.month, m]));
    const rateByMonth = new Map(rateRows.map((r) => [`${r.month}/${r.scope}`, r]));
    const known = [...cityByMonth.keys(), ...rateRows.map((r) => r.month)].sort();
    const series: CardUptakeMonth[] = known.length
      ? monthsBetween(known[0], asOf.slice(0, 7)).map((month) => {
          const city = cityByMonth.get(month);
          const national = rateByMonth.get(`${month}/national`);
          const prefecture = rateByMonth.get(`${month}/prefecture`);
          return {
            month,
            asOf: city?.asOf ?? null,
            city: city ? withRates(city) : null,
            national: national ? rates(national) : null,
            prefecture: prefecture ? rates(prefecture) : null,
          };
        })
      : [];

    const targets: CardUptakeTarget[] = targetRows.map((t, i) => ({
      id: t.id,
      name: t.name,
      metric: t.metric,
      percent: t.percent,
      dueOn: t.dueOn,
      currentPercent: t.metric === 'application_rate' ? overall.applicationRatePercent : overall.issuanceRatePercent,
      people: overall.gaps[i].people,
      reached: overall.gaps[i].reached,
    }));

    const ageBands = sumBy(cells, (c) => c.ageBand);
    return {
      asOf,
      figuresAsOf,
      overall,
      byDistrict: [...sumBy(cells, (c) => c.district)].map(([district, c]) => ({ district, ...group(c, targetRows) })),
      byAgeBand: AGE_BAND.values.filter((b) => ageBands.has(b)).map((ageBand) => ({ ageBand, ...group(ageBands.get(ageBand)!, targetRows) })),
      national: latest('national'),
      prefecture: latest('prefecture'),
      targets,
      series,
    };
  }
}
