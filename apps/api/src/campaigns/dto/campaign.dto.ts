import { PartialType } from '@nestjs/swagger';
import { DateField, IntField, ReadOnlyField, TextField } from '../../common/validation/fields';

export class CreateCampaignDto {
  @TextField({ max: 100, min: 1, example: 'マイナポイント第1弾' })
  name: string;

  @DateField({ description: '予約の受付開始日（予定）', example: '2020-07-01' })
  reservationOpensOn: string;

  @DateField({ description: '予約の受付終了日（予定）', example: '2021-03-31' })
  reservationClosesOn: string;

  @DateField({ description: '申し込みの受付開始日。申し込み日（JST）がこの期間外なら 400', example: '2020-07-01' })
  applicationOpensOn: string;

  @DateField({ example: '2021-03-31' })
  applicationClosesOn: string;

  @DateField({ description: 'チャージ・購入がポイントの対象になる期間の開始日', example: '2020-09-01' })
  earningStartsOn: string;

  @DateField({ example: '2021-03-31' })
  earningEndsOn: string;

  @IntField({ min: 1, max: 100, optional: true, description: '付与率（%）。既定: 25', example: 25 })
  awardRatePercent?: number;

  @IntField({ min: 1, max: 1_000_000, optional: true, description: '1人あたりの上限（円）。既定: 5000。参加者の上限も同時に変わります', example: 5000 })
  capPerPersonYen?: number;
}

export class UpdateCampaignDto extends PartialType(CreateCampaignDto) {
  @ReadOnlyField() id?: unknown;
  @ReadOnlyField() createdAt?: unknown;
  @ReadOnlyField() updatedAt?: unknown;
  @ReadOnlyField() national?: unknown;
}
