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

// Plain aggregates over fraud_alerts for now (a few hundred rows a year per city);
// a later issue moves the dashboard's stats to rollup tables.
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

    const range = `reported_at >= ($1::date)::timestamp AT TIME ZONE 'Asia/Tokyo' AND reported_at < ($2::date + 1)::timestamp AT TIME ZONE 'Asia/Tokyo'`;
    const [cells, items, states] = await Promise.all([
      this.db.query<{ period: string; channel: string; impersonated: string; n: number; damage: string; damaged: number }>(
        `SELECT to_char(date_trunc($3, reported_at AT TIME ZONE 'Asia/Tokyo'), 'YYYY-MM-DD') AS period, channel, impersonated,
                count(*)::int AS n, sum(damage_yen)::bigint AS damage, count(*) FILTER (WHERE damage_yen > 0)::int AS damaged
           FROM fraud_alerts WHERE ${range} GROUP BY 1, 2, 3`,
        [from, to, interval],
      ),
      this.db.query<{ item: string; n: number }>(
        `SELECT item, count(*)::int AS n FROM fraud_alerts, unnest(requested_items) AS item WHERE ${range} GROUP BY item`,
        [from, to],
      ),
      this.db.query<{ severity: string; status: string; n: number }>(
        `SELECT severity, status, count(*)::int AS n FROM fraud_alerts WHERE ${range} GROUP BY 1, 2`,
        [from, to],
      ),
    ]);

    const series = new Map<string, FraudStatsPeriodDto>(
      periods.map((period) => [period, { period, total: 0, damageYen: 0, byChannel: zeros(FRAUD_CHANNEL), byImpersonated: zeros(IMPERSONATED) }]),
    );
    const out: FraudStatsDto = {
      from,
      to,
      interval,
      total: 0,
      totalDamageYen: 0,
      withDamage: 0,
      byChannel: zeros(FRAUD_CHANNEL),
      byImpersonated: zeros(IMPERSONATED),
      requestedItems: zeros(REQUESTED_ITEM),
      bySeverity: zeros(SEVERITY),
      byStatus: zeros(FRAUD_STATUS),
      series: [],
    };
    for (const c of cells) {
      const damage = Number(c.damage);
      const bucket = series.get(c.period)!;
      bucket.total += c.n;
      bucket.damageYen += damage;
      bucket.byChannel[c.channel] += c.n;
      bucket.byImpersonated[c.impersonated] += c.n;
      out.total += c.n;
      out.totalDamageYen += damage;
      out.withDamage += c.damaged;
      out.byChannel[c.channel] += c.n;
      out.byImpersonated[c.impersonated] += c.n;
    }
    for (const i of items) out.requestedItems[i.item] += i.n;
    for (const s of states) {
      out.bySeverity[s.severity] += s.n;
      out.byStatus[s.status] += s.n;
    }
    out.series = [...series.values()];
    return out;
  }

  private async firstReportDate(): Promise<string | null> {
    const row = await this.db.one<{ d: string | null }>(`SELECT to_char(min(reported_at) AT TIME ZONE 'Asia/Tokyo', 'YYYY-MM-DD') AS d FROM fraud_alerts`);
    return row?.d ?? null;
  }
}

function zeros(e: DomainEnum<string>): Record<string, number> {
  return Object.fromEntries(e.values.map((v) => [v, 0]));
}

