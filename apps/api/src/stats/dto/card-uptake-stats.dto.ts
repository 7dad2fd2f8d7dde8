import { ApiProperty } from '@nestjs/swagger';
import {
  AGE_BAND,
  AgeBand,
  CardUptakeBenchmark,
  CardUptakeFigures,
  CardUptakeGap,
  CardUptakeGroup,
  CardUptakeMonth,
  CardUptakeRates,
  CardUptakeStats,
  CardUptakeTarget,
  TARGET_METRIC,
  TargetMetric,
} from '@mynapoint/domain';

// GET /api/stats/card-uptake for OpenAPI; implements CardUptakeStats (libs/domain/src/stats-types.ts).

const RATE = '100 × 件数 / 人口（%、小数第1位に四捨五入）。人口 0 なら null';

export class CardUptakeFiguresDto implements CardUptakeFigures {
  @ApiProperty({ type: 'integer', description: '人口' }) population: number;
  @ApiProperty({ type: 'integer', description: 'カード申請件数' }) cardApplications: number;
  @ApiProperty({ type: 'integer', description: 'カード交付枚数' }) cardsIssued: number;
  @ApiProperty({ type: 'number', nullable: true, description: `申請率: ${RATE}` }) applicationRatePercent: number | null;
  @ApiProperty({ type: 'number', nullable: true, description: `交付率: ${RATE}` }) issuanceRatePercent: number | null;
}

export class CardUptakeGapDto implements CardUptakeGap {
  @ApiProperty({ type: 'integer' }) targetId: number;
  @ApiProperty({ type: 'integer', description: '目標に届くまでにあと何人（目標の指標により申請件数か交付枚数）。達成済みなら 0' }) people: number;
  @ApiProperty({ description: '目標に達しているか（丸める前の率で判定）' }) reached: boolean;
}

export class CardUptakeGroupDto extends CardUptakeFiguresDto implements CardUptakeGroup {
  @ApiProperty({ type: CardUptakeGapDto, isArray: true, description: '目標ごとの差（targets と同じ順）' }) gaps: CardUptakeGapDto[];
}

export class CardUptakeDistrictDto extends CardUptakeGroupDto {
  @ApiProperty() district: string;
}

export class CardUptakeAgeBandDto extends CardUptakeGroupDto {
  @ApiProperty({ enum: AGE_BAND.values }) ageBand: AgeBand;
}

export class CardUptakeRatesDto implements CardUptakeRates {
  @ApiProperty({ type: 'number', description: '申請率（%）' }) applicationRatePercent: number;
  @ApiProperty({ type: 'number', description: '交付率（%）' }) issuanceRatePercent: number;
}

export class CardUptakeBenchmarkDto extends CardUptakeRatesDto implements CardUptakeBenchmark {
  @ApiProperty({ format: 'date', description: '公表された数字の基準日' }) asOf: string;
}

export class CardUptakeTargetDto implements CardUptakeTarget {
  @ApiProperty({ type: 'integer' }) id: number;
  @ApiProperty() name: string;
  @ApiProperty({ enum: TARGET_METRIC.values }) metric: TargetMetric;
  @ApiProperty({ type: 'number', description: '目標値（%）' }) percent: number;
  @ApiProperty({ format: 'date' }) dueOn: string;
  @ApiProperty({ type: 'number', nullable: true, description: '全体の現在の率（目標の指標）' }) currentPercent: number | null;
  @ApiProperty({ type: 'integer', description: '全体で目標に届くまでにあと何人' }) people: number;
  @ApiProperty() reached: boolean;
}

export class CardUptakeMonthDto implements CardUptakeMonth {
  @ApiProperty({ example: '2023-03', description: 'YYYY-MM' }) month: string;
  @ApiProperty({ format: 'date', nullable: true, description: 'その月の最新の集計の基準日' }) asOf: string | null;
  @ApiProperty({ type: CardUptakeFiguresDto, nullable: true }) city: CardUptakeFiguresDto | null;
  @ApiProperty({ type: CardUptakeRatesDto, nullable: true, description: '全国（その月の最新の公表値）' }) national: CardUptakeRatesDto | null;
  @ApiProperty({ type: CardUptakeRatesDto, nullable: true, description: '都道府県（その月の最新の公表値）' }) prefecture: CardUptakeRatesDto | null;
}

export class CardUptakeStatsDto implements CardUptakeStats {
  @ApiProperty({ format: 'date', description: '指定された日（既定: 今日）' }) asOf: string;
  @ApiProperty({ format: 'date', nullable: true, description: '使った集計の基準日（asOf 以前の最新。なければ null）' }) figuresAsOf: string | null;
  @ApiProperty({ type: CardUptakeGroupDto }) overall: CardUptakeGroupDto;
  @ApiProperty({ type: CardUptakeDistrictDto, isArray: true, description: '地区別（市区町村の地区の順）' }) byDistrict: CardUptakeDistrictDto[];
  @ApiProperty({ type: CardUptakeAgeBandDto, isArray: true, description: '年代別（若い順）' }) byAgeBand: CardUptakeAgeBandDto[];
  @ApiProperty({ type: CardUptakeBenchmarkDto, nullable: true, description: '全国の最新の公表値（asOf 以前）' }) national: CardUptakeBenchmarkDto | null;
  @ApiProperty({ type: CardUptakeBenchmarkDto, nullable: true, description: '都道府県の最新の公表値（asOf 以前）' }) prefecture: CardUptakeBenchmarkDto | null;
  @ApiProperty({ type: CardUptakeTargetDto, isArray: true, description: '目標（期限の早い順）と全体の差' }) targets: CardUptakeTargetDto[];
  @ApiProperty({ type: CardUptakeMonthDto, isArray: true, description: '月ごとの推移（最初の数字のある月から asOf の月まで、古い順）' }) series: CardUptakeMonthDto[];
}
