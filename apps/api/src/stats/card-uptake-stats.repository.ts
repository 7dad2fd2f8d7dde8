import { Injectable } from '@nestjs/common';
import type { AgeBand, BenchmarkScope, TargetMetric } from '@mynapoint/domain';
import { Db } from '../common/db/db.service';
import { GenerateSql } from '../common/db/generate-sql';

// The one statement of GET /api/stats/card-uptake. The figures are a municipality's
// snapshots (population_figures: one row per date × district × age band), MIC's rates
// (benchmark_rates) and its targets. Row-level security gives a municipality its own
// rows and a prefecture user its municipalities' (figures and rates): the statement
// takes every municipality's own latest snapshot and sums them, so the one SQL serves
// both (docs/card-uptake.md). One statement, one round trip: at four requests at once,
// four statements each (one per part) took twice as long, waiting for connections.

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

export interface CardUptakeFiguresRow {
  /** The latest snapshot date on or before asOf (of any municipality read), null when none. */
  figuresAsOf: string | null;
  /** Each municipality's latest snapshot, summed by district × age band (districts in the municipality's configured order). */
  cells: CellRow[];
  /** By month: each municipality's latest snapshot of the month, summed. */
  months: MonthRow[];
  /** MIC's latest rates of each month and scope; across several municipalities, the first one's copy. */
  rates: RateRow[];
  /** The municipality's targets, by due date (a prefecture user has none of its own). */
  targets: TargetRow[];
}

@Injectable()
export class CardUptakeStatsRepository {
  constructor(private readonly db: Db) {}

  @GenerateSql({ params: ['2023-03-31'] })
  async figures(asOf: string): Promise<CardUptakeFiguresRow> {
    const [row] = await this.db.query<CardUptakeFiguresRow>(
      `WITH snaps AS MATERIALIZED (
         -- One row per municipality and snapshot date: the series and the latest date come from these.
         SELECT municipality_code, as_of, sum(population)::int AS population, sum(card_applications)::int AS applications, sum(cards_issued)::int AS issued
           FROM population_figures WHERE as_of <= $1::date GROUP BY municipality_code, as_of
       ), latest AS (
         SELECT DISTINCT ON (municipality_code) municipality_code, as_of FROM snaps ORDER BY municipality_code, as_of DESC
       ), months AS (
         SELECT month, max(as_of) AS as_of, sum(population)::int AS population, sum(applications)::int AS applications, sum(issued)::int AS issued
           FROM (SELECT DISTINCT ON (municipality_code, date_trunc('month', as_of)) date_trunc('month', as_of) AS month, as_of, population, applications, issued
                   FROM snaps ORDER BY municipality_code, date_trunc('month', as_of), as_of DESC) m
          GROUP BY month
       ), cells AS (
         SELECT f.district, f.age_band, sum(f.population)::int AS population, sum(f.card_applications)::int AS applications, sum(f.cards_issued)::int AS issued,
                min(l.municipality_code) AS first_code, min(array_position(mu.districts, f.district)) AS position
           FROM latest l
           CROSS JOIN LATERAL (SELECT * FROM population_figures p WHERE p.municipality_code = l.municipality_code AND p.as_of = l.as_of) f
           LEFT JOIN municipalities mu ON mu.code = l.municipality_code
          GROUP BY f.district, f.age_band
       ), rates AS (
         SELECT DISTINCT ON (date_trunc('month', as_of), scope) as_of, scope, application_rate_percent, issuance_rate_percent
           FROM benchmark_rates WHERE as_of <= $1::date
          ORDER BY date_trunc('month', as_of), scope, as_of DESC, municipality_code
       )
       SELECT (SELECT to_char(max(as_of), 'YYYY-MM-DD') FROM latest) AS "figuresAsOf",
         (SELECT coalesce(json_agg(json_build_object('district', district, 'ageBand', age_band, 'population', population, 'cardApplications', applications, 'cardsIssued', issued)
                 ORDER BY first_code, position NULLS LAST, district, age_band), '[]') FROM cells) AS cells,
         (SELECT coalesce(json_agg(json_build_object('month', to_char(month, 'YYYY-MM'), 'asOf', to_char(as_of, 'YYYY-MM-DD'),
                 'population', population, 'cardApplications', applications, 'cardsIssued', issued) ORDER BY month), '[]') FROM months) AS months,
         (SELECT coalesce(json_agg(json_build_object('month', to_char(as_of, 'YYYY-MM'), 'asOf', to_char(as_of, 'YYYY-MM-DD'), 'scope', scope,
                 'applicationRatePercent', application_rate_percent::float8, 'issuanceRatePercent', issuance_rate_percent::float8) ORDER BY as_of, scope), '[]') FROM rates) AS rates,
         (SELECT coalesce(json_agg(json_build_object('id', id, 'name', name, 'metric', metric, 'percent', percent::float8, 'dueOn', to_char(due_on, 'YYYY-MM-DD'))
                 ORDER BY due_on, id), '[]') FROM targets) AS targets`,
      [asOf],
      // A fixed text on the dashboard's first request: planned once per pooled connection.
      { prepared: true },
    );
    return row;
  }
}
