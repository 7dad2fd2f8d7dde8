import { ApiProperty } from '@nestjs/swagger';
import { FRAUD_CHANNEL, FRAUD_STATUS, FraudStats, FraudStatsPeriod, IMPERSONATED, REQUESTED_ITEM, SEVERITY, STAT_INTERVAL, StatInterval } from '@mynapoint/domain';

// GET /api/stats/fraud for OpenAPI; implements FraudStats (libs/domain/src/stats-types.ts).

const counts = (values: readonly string[], description: string) =>
  ApiProperty({ type: 'object', description, properties: Object.fromEntries(values.map((v) => [v, { type: 'integer' }])) as never });

export class FraudStatsPeriodDto implements FraudStatsPeriod {
  @ApiProperty({ format: 'date', description: '期間の初日（週は月曜、月は1日）' }) period: string;
  @ApiProperty({ type: 'integer', description: '受付件数' }) total: number;
  @ApiProperty({ type: 'integer', description: '被害額の合計（円）' }) damageYen: number;
  @counts(FRAUD_CHANNEL.values, '接触手段別の件数（全ての手段を 0 を含めて返す）') byChannel: Record<string, number>;
  @counts(IMPERSONATED.values, 'かたった相手別の件数') byImpersonated: Record<string, number>;
}

export class FraudStatsDto implements FraudStats {
  @ApiProperty({ format: 'date' }) from: string;
  @ApiProperty({ format: 'date' }) to: string;
  @ApiProperty({ enum: STAT_INTERVAL.values }) interval: StatInterval;
  @ApiProperty({ type: 'integer', description: '期間内の受付件数' }) total: number;
  @ApiProperty({ type: 'integer', description: '被害額の合計（円）' }) totalDamageYen: number;
  @ApiProperty({ type: 'integer', description: '被害のあった件数' }) withDamage: number;
  @counts(FRAUD_CHANNEL.values, '接触手段別の件数') byChannel: Record<string, number>;
  @counts(IMPERSONATED.values, 'かたった相手別の件数') byImpersonated: Record<string, number>;
  @counts(REQUESTED_ITEM.values, '求められたものの出現件数（1件に複数あり）') requestedItems: Record<string, number>;
  @counts(SEVERITY.values, '重大度別の件数') bySeverity: Record<string, number>;
  @counts(FRAUD_STATUS.values, '対応状況別の件数（現在の状態）') byStatus: Record<string, number>;
  @ApiProperty({ type: FraudStatsPeriodDto, isArray: true, description: '期間ごとの系列（件数 0 の期間も含む、古い順）' }) series: FraudStatsPeriodDto[];
}
