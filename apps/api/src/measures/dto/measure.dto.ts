import { ApiProperty, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, ValidateNested } from 'class-validator';
import { FUNDED_BY, FundedBy, MEASURE_ELIGIBILITY, MEASURE_KIND, MeasureEligibility, MeasureKind } from '@mynapoint/domain';
import { DateField, EnumField, IntField, ReadOnlyField, TextField } from '../../common/validation/fields';

/** A payment service taking part in the measure, with its own closing date (null: until the measure closes). */
export class MeasurePaymentServiceDto {
  @IntField({ min: 1, description: '決済サービスの ID' })
  paymentServiceId: number;

  @DateField({ optional: true, nullable: true, description: 'この施策での申し込み締切日（事業者が国の期限より早く締め切る場合）。省略時は施策の申し込み終了日まで' })
  closesOn?: string | null;
}

export class CreateMeasureDto {
  @IntField({ min: 1, description: 'キャンペーンの ID。国のキャンペーンの施策は運用事業者だけが登録できます' })
  campaignId: number;

  @TextField({ max: 100, min: 1, example: '健康保険証としての利用申込' })
  name: string;

  @EnumField(MEASURE_KIND, { description: 'rate_with_cap: チャージ・購入の一定率（上限あり）、fixed_amount: 定額（登録で1人1回）' })
  kind: MeasureKind;

  @IntField({ min: 1, max: 100, optional: true, nullable: true, description: '付与率（%）。rate_with_cap のとき必須', example: 25 })
  ratePercent?: number | null;

  @IntField({ min: 1, max: 1_000_000, optional: true, nullable: true, description: '1人あたりの上限（円）。rate_with_cap のとき必須', example: 5000 })
  capPerPersonYen?: number | null;

  @IntField({ min: 1, max: 1_000_000, optional: true, nullable: true, description: '定額（円）。fixed_amount のとき必須', example: 7500 })
  fixedAmountYen?: number | null;

  @DateField({ optional: true, description: '申し込みの受付開始日。省略時はキャンペーンの申し込み開始日', example: '2022-06-30' })
  applicationOpensOn?: string;

  @DateField({ optional: true, description: '申し込みの受付終了日。省略時はキャンペーンの申し込み終了日', example: '2023-09-30' })
  applicationClosesOn?: string;

  @DateField({ optional: true, description: 'ポイント対象期間の開始日（定額では登録日の範囲）。省略時はキャンペーンの期間', example: '2022-06-30' })
  earningStartsOn?: string;

  @DateField({ optional: true, example: '2023-09-30' })
  earningEndsOn?: string;

  @EnumField(MEASURE_ELIGIBILITY, { optional: true, description: '対象者（docs/api-notes.md「施策」）。既定: anyone_with_card' })
  eligibility?: MeasureEligibility;

  @DateField({ optional: true, nullable: true, description: 'card_applied_by のとき必須: この日までにカードを申請した人が対象', example: '2022-09-30' })
  cardAppliedBy?: string | null;

  @IntField({ min: 0, max: 150, optional: true, nullable: true, description: 'residents_by_age: 対象年齢の下限（含む）' })
  minAge?: number | null;

  @IntField({ min: 0, max: 150, optional: true, nullable: true, description: 'residents_by_age: 対象年齢の上限（含む）', example: 17 })
  maxAge?: number | null;

  @EnumField(FUNDED_BY, { optional: true, description: '財源。既定: national。prefecture / municipality では budgetYen が必須' })
  fundedBy?: FundedBy;

  @IntField({ min: 1, max: 1_000_000_000_000, optional: true, nullable: true, description: '予算（円）。付与済みの額がこれを超えることはありません', example: 20_000_000 })
  budgetYen?: number | null;

  @ApiProperty({ type: [MeasurePaymentServiceDto], required: false, description: '参加する決済サービスと締切日。空または省略: すべてのサービス' })
  @IsOptional()
  @IsArray({ message: '配列で指定してください。' })
  @ArrayMaxSize(200, { message: '200件以内で指定してください。' })
  @ValidateNested({ each: true })
  @Type(() => MeasurePaymentServiceDto)
  paymentServices?: MeasurePaymentServiceDto[];
}

export class UpdateMeasureDto extends PartialType(CreateMeasureDto) {
  @ReadOnlyField() id?: unknown;
  @ReadOnlyField() awardedYen?: unknown;
  @ReadOnlyField() remainingBudgetYen?: unknown;
  @ReadOnlyField() budgetUsedPercent?: unknown;
  @ReadOnlyField() budgetWarning?: unknown;
  @ReadOnlyField() national?: unknown;
  @ReadOnlyField() createdAt?: unknown;
  @ReadOnlyField() updatedAt?: unknown;
}
