import { ApiProperty } from '@nestjs/swagger';
import { ASSISTANCE_OUTCOME, CounterStats, CounterTotals, STAT_INTERVAL, StatInterval, UNABLE_REASON } from '@mynapoint/domain';

// The response of GET /api/stats/counter, described for OpenAPI (implements CounterStats
// of libs/domain/src/stats-types.ts, which the service returns). The count objects
// carry one key per code of the domain enums (zeros included), so a card can read
// `outcomes.unable` without checking for its presence.

export class OutcomeCountsDto {}
for (const v of ASSISTANCE_OUTCOME.values) {
  ApiProperty({ type: 'integer', description: ASSISTANCE_OUTCOME.labels[v].ja })(OutcomeCountsDto.prototype, v);
}

export class UnableReasonCountsDto {}
for (const v of UNABLE_REASON.values) {
  ApiProperty({ type: 'integer', description: UNABLE_REASON.labels[v].ja })(UnableReasonCountsDto.prototype, v);
}

export class CounterTotalsDto implements CounterTotals {
  @ApiProperty({ type: 'integer', description: '来庁（記録）件数' })
  visits: number;

  @ApiProperty({ type: 'integer', description: '所要時間の合計（分）' })
  minutes: number;

  @ApiProperty({ type: OutcomeCountsDto, description: '結果別の件数' })
  outcomes: CounterTotals['outcomes'];

  @ApiProperty({ type: UnableReasonCountsDto, description: '対応不可の理由別の件数' })
  unableReasons: CounterTotals['unableReasons'];
}

export class CounterDayTotalsDto extends CounterTotalsDto {
  @ApiProperty({ format: 'date', example: '2020-09-01', description: '日本時間の日付' })
  date: string;
}

export class CounterPeriodTotalsDto extends CounterTotalsDto {
  @ApiProperty({ format: 'date', example: '2020-08-31' })
  from: string;

  @ApiProperty({ format: 'date', example: '2020-09-06' })
  to: string;
}

export class CounterSeriesPointDto {
  @ApiProperty({ format: 'date', example: '2020-09-01', description: '期間の初日（日・週の月曜日・月の1日）' })
  period: string;

  @ApiProperty({ type: 'integer' })
  visits: number;

  @ApiProperty({ type: 'integer' })
  minutes: number;
}

export class CounterHeatmapCellDto {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 7, description: 'ISO 曜日（1 = 月曜 … 7 = 日曜）' })
  weekday: number;

  @ApiProperty({ type: 'integer', minimum: 0, maximum: 23, description: '時（日本時間）' })
  hour: number;

  @ApiProperty({ type: 'integer' })
  visits: number;
}

export class CounterStatsResponseDto implements CounterStats {
  @ApiProperty({ enum: ['own', 'all'], description: 'own: 窓口職員本人の記録だけ / all: 全職員の記録' })
  scope: 'own' | 'all';

  @ApiProperty({ format: 'date', description: '集計期間の開始日（range / series / byWeekdayHour）' })
  from: string;

  @ApiProperty({ format: 'date', description: '集計期間の終了日' })
  to: string;

  @ApiProperty({ enum: STAT_INTERVAL.values })
  interval: StatInterval;

  @ApiProperty({ type: CounterDayTotalsDto, description: '今日（日本時間）' })
  today: CounterDayTotalsDto;

  @ApiProperty({ type: CounterPeriodTotalsDto, description: '今週（月曜〜日曜、日本時間）' })
  week: CounterPeriodTotalsDto;

  @ApiProperty({ type: CounterPeriodTotalsDto, description: 'from〜to の合計' })
  range: CounterPeriodTotalsDto;

  @ApiProperty({ type: [CounterSeriesPointDto], description: 'from〜to を interval ごとに（件数0の期間も含む）' })
  series: CounterSeriesPointDto[];

  @ApiProperty({ type: [CounterHeatmapCellDto], description: 'from〜to の曜日×時間帯の件数（ヒートマップ用。0件のセルは省略）' })
  byWeekdayHour: CounterHeatmapCellDto[];
}
