import { ApiProperty } from '@nestjs/swagger';
import { FUNDED_BY, MEASURE_KIND } from '@mynapoint/domain';

export class MeasureStatsRowDto {
  @ApiProperty() measureId: number;
  @ApiProperty() campaignId: number;
  @ApiProperty() campaignName: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: MEASURE_KIND.values }) kind: string;
  @ApiProperty({ enum: FUNDED_BY.values }) fundedBy: string;
  @ApiProperty({ description: '施策の申し込み件数（この市町村の）' }) applications: number;
  @ApiProperty({ description: 'ポイントを受け取った人数' }) participantsWithPoints: number;
  @ApiProperty({ description: '上限（定額の施策では定額）に達した人数' }) participantsAtCap: number;
  @ApiProperty({ description: 'ポイント付与の件数（0ポイントの記録を含む）' }) awards: number;
  @ApiProperty({ description: '付与したポイント（円）' }) pointsYen: number;
  @ApiProperty({ nullable: true, description: '予算（円）。国の施策は null' }) budgetYen: number | null;
  @ApiProperty({ nullable: true }) remainingBudgetYen: number | null;
  @ApiProperty({ nullable: true, description: '予算執行率（%、小数第1位）' }) budgetUsedPercent: number | null;
  @ApiProperty({ description: '執行率が警告の水準（90 %）以上' }) budgetWarning: boolean;
}

export class MeasureStatsDto {
  @ApiProperty({ type: [MeasureStatsRowDto], description: '施策ごと（キャンペーンの順、施策の申し込み開始日の順）' })
  measures: MeasureStatsRowDto[];
}
