import { Injectable } from '@nestjs/common';
import { FRAUD_CHANNEL, FRAUD_STATUS, IMPERSONATED, REQUESTED_ITEM, SEVERITY, StatInterval } from '@mynapoint/domain';
import { Db, STATS_STATEMENT } from '../common/db/db.service';
import { GenerateSql } from '../common/db/generate-sql';

// Every statement of GET /api/stats/fraud. Reads only the rollup fraud_daily_stats
// (one row per JST day, one column per value, kept exact by triggers in the same
// transaction as every write; migration 1764001400000): one statement, one row per
// period, whatever the number of alerts.

/** The breakdowns of the rollup: a column `<dimension>_<value>` for every value of the enum. */
export const FRAUD_DIMENSIONS = [
  ['channel', FRAUD_CHANNEL],
  ['impersonated', IMPERSONATED],
  ['item', REQUESTED_ITEM],
  ['severity', SEVERITY],
  ['status', FRAUD_STATUS],
] as const;
export type FraudDimension = (typeof FRAUD_DIMENSIONS)[number][0];

export interface FraudPeriodRow {
  period: string;
  total: number;
  damageYen: number;
  damaged: number;
  /** Reports by dimension and value (every value present). */
  counts: Record<FraudDimension, Record<string, number>>;
}

const column = (dimension: FraudDimension, value: string) => `${dimension}_${value}`;
const SUMS = FRAUD_DIMENSIONS.flatMap(([dimension, e]) => e.values.map((v) => `sum(${column(dimension, v)})::int AS ${column(dimension, v)}`)).join(', ');

@Injectable()
export class FraudStatsRepository {
  constructor(private readonly db: Db) {}

  /**
   * The JST day of the first report, null when there is none. From the rollup (it keeps
   * no row of a day without reports), which a prefecture user reads and fraud_alerts not.
   */
  @GenerateSql()
  async firstReportDay(): Promise<string | null> {
    const row = await this.db.one<{ d: string | null }>(`SELECT to_char(min(day), 'YYYY-MM-DD') AS d FROM fraud_daily_stats`);
    return row?.d ?? null;
  }

  /** One row per `interval` bucket of [from, to] holding reports (empty buckets absent). */
  @GenerateSql({ params: ['2021-03-01', '2021-03-31', 'week'] })
  async periods(from: string, to: string, interval: StatInterval): Promise<FraudPeriodRow[]> {
    const rows = await this.db.query<{ period: string; total: number; damage: string; damaged: number } & Record<string, number>>(
      `SELECT to_char(date_trunc($3, day::timestamp), 'YYYY-MM-DD') AS period,
              sum(reports)::int AS total, sum(damage_yen)::bigint AS damage, sum(damaged)::int AS damaged, ${SUMS}
         FROM fraud_daily_stats WHERE day BETWEEN $1::date AND $2::date GROUP BY 1`,
      [from, to, interval],
      STATS_STATEMENT,
    );
    return rows.map((r) => ({
      period: r.period,
      total: r.total,
      damageYen: Number(r.damage),
      damaged: r.damaged,
      counts: Object.fromEntries(
        FRAUD_DIMENSIONS.map(([dimension, e]) => [dimension, Object.fromEntries(e.values.map((v) => [v, r[column(dimension, v)] ?? 0]))]),
      ) as FraudPeriodRow['counts'],
    }));
  }
}
