import { Injectable } from '@nestjs/common';
import { FraudStats, FraudStatsPeriod } from '@mynapoint/domain';
import { FRAUD_DIMENSIONS, FraudDimension, FraudPeriodRow, FraudStatsRepository } from './fraud-stats.repository';
import { OpenStatsQuery, closeStatsQuery } from './stats-query';

const zeros = (dimension: FraudDimension): Record<string, number> =>
  Object.fromEntries(FRAUD_DIMENSIONS.find(([d]) => d === dimension)![1].values.map((v) => [v, 0]));
const counts = (dimension: FraudDimension, row?: FraudPeriodRow) => (row ? { ...row.counts[dimension] } : zeros(dimension));

@Injectable()
export class FraudStatsService {
  constructor(private readonly repo: FraudStatsRepository) {}

  async fraud(query: OpenStatsQuery): Promise<FraudStats> {
    // Without `from`: from the first report on (or just `to` when there is none).
    const first = query.from === null ? await this.repo.firstReportDay() : null;
    const { from, to, interval, periods } = closeStatsQuery(query, first && first < query.to ? first : query.to);
    const rows = await this.repo.periods(from, to, interval);

    const byPeriod = new Map(rows.map((r) => [r.period, r]));
    const out: FraudStats = {
      from,
      to,
      interval,
      total: 0,
      totalDamageYen: 0,
      withDamage: 0,
      byChannel: counts('channel'),
      byImpersonated: counts('impersonated'),
      requestedItems: counts('item'),
      bySeverity: counts('severity'),
      byStatus: counts('status'),
      series: periods.map((period): FraudStatsPeriod => {
        const row = byPeriod.get(period);
        return { period, total: row?.total ?? 0, damageYen: row?.damageYen ?? 0, byChannel: counts('channel', row), byImpersonated: counts('impersonated', row) };
      }),
    };
    const totals: Record<FraudDimension, Record<string, number>> = {
      channel: out.byChannel,
      impersonated: out.byImpersonated,
      item: out.requestedItems,
      severity: out.bySeverity,
      status: out.byStatus,
    };
    for (const row of rows) {
      out.total += row.total;
      out.totalDamageYen += row.damageYen;
      out.withDamage += row.damaged;
      for (const [dimension, values] of Object.entries(row.counts) as [FraudDimension, Record<string, number>][]) {
        for (const [v, n] of Object.entries(values)) totals[dimension][v] += n;
      }
    }
    return out;
  }
}
