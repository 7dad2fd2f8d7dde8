import { Injectable } from '@nestjs/common';
import {
  DomainEnum,
  FRAUD_CHANNEL,
  FRAUD_STATUS,
  IMPERSONATED,
  REQUESTED_ITEM,
  SEVERITY,
} from '@mynapoint/domain';
import { Db } from '../common/db/db.service';
import { FraudStatsDto, FraudStatsPeriodDto } from './dto/fraud-stats.dto';
import { parseStatsQuery } from './stats-query';

// Reads only the rollup fraud_daily_stats (one row per JST day, one column per value,
// kept exact by triggers in the same transaction as every write; migration
// 1764001400000): one statement, one row per period, whatever the number of alerts.
const DIMENSIONS = [
  ['channel', FRAUD_CHANNEL],
  ['impersonated', IMPERSONATED],
  ['item', REQUESTED_ITEM],
  ['severity', SEVERITY],
  ['status', FRAUD_STATUS],
] as const;
type Dimension = (typeof DIMENSIONS)[number][0];
const column = (dimension: Dimension, value: string) => `${dimension}_${value}`;
const SUMS = DIMENSIONS.flatMap(([dimension, e]) => e.values.map((v) => `sum(${column(dimension, v)})::int AS ${column(dimension, v)}`)).join(', ');

type PeriodRow = { period: string; total: number; damage: string; damaged: number } & Record<string, number>;

@Injectable()
export class FraudStatsService {
  constructor(private readonly db: Db) {}

  async fraud(query: Record<string, unknown>): Promise<FraudStatsDto> {
    // Without `from`: from the first report on (or just `to` when there is none).
    const first = query.from === undefined || query.from === '' ? await this.firstReportDate() : null;
    const { from, to, interval, periods } = parseStatsQuery(query, new Date(), {
      defaultInterval: 'week',
      defaultFrom: (end) => (first && first < end ? first : end),
    });

    const rows = await this.db.query<PeriodRow>(
      `SELECT to_char(date_trunc($3, day::timestamp), 'YYYY-MM-DD') AS period,
              sum(reports)::int AS total, sum(damage_yen)::bigint AS damage, sum(damaged)::int AS damaged, ${SUMS}
         FROM fraud_daily_stats WHERE day BETWEEN $1::date AND $2::date GROUP BY 1`,
      [from, to, interval],
    );

    const counts = (dimension: Dimension, e: DomainEnum<string>, row?: PeriodRow) =>
      Object.fromEntries(e.values.map((v) => [v, row?.[column(dimension, v)] ?? 0]));
    const byPeriod = new Map(rows.map((r) => [r.period, r]));
    const out: FraudStatsDto = {
      from,
      to,
      interval,
      total: 0,
      totalDamageYen: 0,
      withDamage: 0,
      byChannel: counts('channel', FRAUD_CHANNEL),
      byImpersonated: counts('impersonated', IMPERSONATED),
      requestedItems: counts('item', REQUESTED_ITEM),
      bySeverity: counts('severity', SEVERITY),
      byStatus: counts('status', FRAUD_STATUS),
      series: periods.map((period): FraudStatsPeriodDto => {
        const row = byPeriod.get(period);
        return {
          period,
          total: row?.total ?? 0,
          damageYen: Number(row?.damage ?? 0),
          byChannel: counts('channel', FRAUD_CHANNEL, row),
          byImpersonated: counts('impersonated', IMPERSONATED, row),
        };
      }),
    };
    const totals: Record<Dimension, Record<string, number>> = {
      channel: out.byChannel,
      impersonated: out.byImpersonated,
      item: out.requestedItems,
      severity: out.bySeverity,
      status: out.byStatus,
    };
    for (const row of rows) {
      out.total += row.total;
      out.totalDamageYen += Number(row.damage);
      out.withDamage += row.damaged;
      for (const [dimension, e] of DIMENSIONS) for (const v of e.values) totals[dimension][v] += row[column(dimension, v)];
    }
    return out;
  }

  private async firstReportDate(): Promise<string | null> {
    const row = await this.db.one<{ d: string | null }>(`SELECT to_char(min(reported_at) AT TIME ZONE 'Asia/Tokyo', 'YYYY-MM-DD') AS d FROM fraud_alerts`);
    return row?.d ?? null;
  }
}
