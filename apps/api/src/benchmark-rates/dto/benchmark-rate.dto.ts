import { PartialType } from '@nestjs/swagger';
import { BENCHMARK_SCOPE, BenchmarkScope } from '@mynapoint/domain';
import { DateField, EnumField, PercentField, ReadOnlyField } from '../../common/validation/fields';

// A rate MIC published (総務省「マイナンバーカード交付状況」), nationally or for the prefecture.
export class CreateBenchmarkRateDto {
  @DateField({ description: '基準日（公表された数字の時点。今日以前）', example: '2023-03-31' })
  asOf: string;

  @EnumField(BENCHMARK_SCOPE, { description: '全国（national）か都道府県（prefecture）' })
  scope: BenchmarkScope;

  @PercentField({ decimals: 2, description: '人口に対する申請件数の割合（%）', example: 76.9 })
  applicationRatePercent: number;

  @PercentField({ decimals: 2, description: '人口に対する交付枚数の割合（%）', example: 67.0 })
  issuanceRatePercent: number;
}

export class UpdateBenchmarkRateDto extends PartialType(CreateBenchmarkRateDto) {
  @ReadOnlyField() id?: unknown;
  @ReadOnlyField() importId?: unknown;
  @ReadOnlyField() createdAt?: unknown;
  @ReadOnlyField() updatedAt?: unknown;
}
