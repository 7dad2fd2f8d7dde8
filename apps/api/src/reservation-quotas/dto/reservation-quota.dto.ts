import { PartialType } from '@nestjs/swagger';
import { InstantField, IntField, ReadOnlyField, TextField } from '../../common/validation/fields';

export class CreateReservationQuotaDto {
  @IntField({ min: 1, description: 'キャンペーンの ID' })
  campaignId: number;

  @TextField({ max: 100, min: 1, example: '第1弾 予約枠（市全体）' })
  name: string;

  @IntField({ min: 1, max: 100_000_000, description: '予約できる上限数（先着順）', example: 8000 })
  capacity: number;

  @IntField({ min: 1, max: 100, optional: true, description: 'この充足率（%）でゲージが警告色になります。既定: 90', example: 90 })
  warnAtPercent?: number;

  @InstantField({ optional: true, description: '受付開始日時。省略時はキャンペーンの予約開始日 0:00（JST）', example: '2020-07-01T00:00:00+09:00' })
  opensAt?: string;

  @InstantField({ optional: true, description: '受付終了日時（この時刻を含まない）。省略時はキャンペーンの予約終了日の翌日 0:00（JST）', example: '2021-04-01T00:00:00+09:00' })
  closesAt?: string;
}

export class UpdateReservationQuotaDto extends PartialType(CreateReservationQuotaDto) {
  @ReadOnlyField() id?: unknown;
  @ReadOnlyField() used?: unknown;
  @ReadOnlyField() remaining?: unknown;
  @ReadOnlyField() status?: unknown;
  @ReadOnlyField() createdAt?: unknown;
  @ReadOnlyField() updatedAt?: unknown;
}
