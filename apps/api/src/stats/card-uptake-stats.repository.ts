import { Injectable } from '@nestjs/common';
import type { AgeBand, BenchmarkScope, TargetMetric } from '@mynapoint/domain';
import { Db } from '../common/db/db.service';
import { GenerateSql } from '../common/db/generate-sql';

// Every statement of GET /api/stats/card-uptake. The figures are a municipality's
// snapshots (population_figures: one row per date × district × age band), MIC's rates
// (benchmark_rates) and its targets. Row-level security gives a municipality its own
// rows and a prefecture user its municipalities' (figures and rates): each statement
// takes every municipality's own latest snapshot and sums them, so the one SQL serves
// both (docs/card-uptake.md).

export interface CellRow {
  district: string;
  ageBand: AgeBand;
  population: number;
  cardApplications: number;
  cardsIssued: number;
}

export interface MonthRow {
  month: string;
  asOf: string;
  population: number;
  cardApplications: number;
  cardsIssued: number;
}

export interface RateRow {
  month: string;
  asOf: string;
  scope: BenchmarkScope;
  applicationRatePercent: number;
  issuanceRatePercent: number;
}

export interface TargetRow {
  id: number;
  name: string;
  metric: TargetMetric;
  percent: number;
  dueOn: string;
}

const SUMS = `sum(f.population)::int AS population, sum(f.card_applications)::int AS "cardApplications", sum(f.cards_issued)::int AS "cardsIssued"`;

@Injectable()
export class CardUptakeStatsRepository {
  constructor(private readonly db: Db) {}

  /**
   * Each municipality's latest snapshot on or before `asOf`, summed by district × age
   * band (districts in the municipality's configured order), with its date (the latest of them).
   */
  @GenerateSql({ params: ['2023-03-31'] })
  async snapshot(asOf: string): Promise<{ asOf: string | null; cells: CellRow[] }> {
    const cells = await this.db.query<CellRow & { asOf: string }>(
      `WITH latest AS (
         SELECT municipality_code, max(as_of) AS as_of FROM population_figures WHERE as_of <= $1::date GROUP BY municipality_code
       )
       SELECT f.district, f.age_band AS "ageBand", ${SUMS}, to_char(max(l.as_of), 'YYYY-MM-DD') AS "asOf"
         FROM latest l JOIN population_figures f ON f.municipality_code = l.municipality_code AND f.as_of = l.as_of
         LEFT JOIN municipalities m ON m.code = f.municipality_code
        GROUP BY f.district, f.age_band
        -- Districts in the municipality's configured order, then by name.
        ORDER BY min(f.municipality_code), min(array_position(m.districts, f.district)) NULLS LAST, f.district, f.age_band`,
      [asOf],
    );
    const dates = cells.map((c) => c.asOf).sort();
    return { asOf: dates.length ? dates[dates.length - 1] : null, cells: cells.map(({ asOf: _, ...cell }) => cell) };
  }

  /** By month up to `asOf`: each municipality's latest snapshot of the month, summed. */
  @GenerateSql({ params: ['2023-03-31'] })
  months(asOf: string): Promise<MonthRow[]> {
    return this.db.query<MonthRow>(
      `WITH months AS (
         SELECT municipality_code, date_trunc('month', as_of) AS month, max(as_of) AS as_of
           FROM population_figures WHERE as_of <= $1::date GROUP BY 1, 2
       )
       SELECT to_char(m.month, 'YYYY-MM') AS month, to_char(max(m.as_of), 'YYYY-MM-DD') AS "asOf", ${SUMS}
         FROM months m JOIN population_figures f ON f.municipality_code = m.municipality_code AND f.as_of = m.as_of
        GROUP BY m.month ORDER BY m.month`,
      [asOf],
    );
  }

  /**
   * MIC's rates up to `asOf`: the latest of each month and scope. Every municipality
   * imports the same published figures; across several (a prefecture user), the first
   * municipality's copy of a month stands for all.
   */
  @GenerateSql({ params: ['2023-03-31'] })
  rates(asOf: string): Promise<RateRow[]> {
    return this.db.query<RateRow>(
      `SELECT DISTINCT ON (date_trunc('month', as_of), scope)
              to_char(as_of, 'YYYY-MM') AS month, to_char(as_of, 'YYYY-MM-DD') AS "asOf", scope,
              application_rate_percent::float8 AS "applicationRatePercent", issuance_rate_percent::float8 AS "issuanceRatePercent"
         FROM benchmark_rates WHERE as_of <= $1::date
        ORDER BY date_trunc('month', as_of), scope, as_of DESC, municipality_code`,
      [asOf],
    );
  }

  /** The municipality's targets, by due date (a prefecture user has none of its own). */
  @GenerateSql()
  targets(): Promise<TargetRow[]> {
    return this.db.query<TargetRow>(
      `SELECT id, name, metric, percent::float8 AS percent, to_char(due_on, 'YYYY-MM-DD') AS "dueOn" FROM targets ORDER BY due_on, id`,
    );
  }
}
