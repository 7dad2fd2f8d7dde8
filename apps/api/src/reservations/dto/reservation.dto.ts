import { OmitType, PartialType } from '@nestjs/swagger';
import { AGE_BAND, AgeBand, CHANNEL, Channel } from '@mynapoint/domain';
import { MyKeyIdField } from '../../common/mykey/mykey-id.field';
import { EnumField, InstantField, IntField, ReadOnlyField, TextField } from '../../common/validation/fields';

export class CreateReservationDto {
  @IntField({ min: 1, description: '予約枠の ID。受付期間内で空きがあること（満了・期間外は 409）' })
  quotaId: number;

  @MyKeyIdField()
  myKeyId: string;

  @EnumField(CHANNEL, { description: '予約方法（窓口支援は counter）' })
  channel: Channel;

  @InstantField({
    optional: true,
    description: '予約日時。省略時は現在時刻。予約枠の受付期間はこの日時で判定します（過去の記録の登録・取り込みも同じ規則）',
  })
  reservedAt?: string;

  @EnumField(AGE_BAND, { optional: true, nullable: true })
  ageBand?: AgeBand | null;

  @TextField({ max: 40, optional: true, nullable: true, example: '水原' })
  district?: string | null;

  @InstantField({ optional: true, nullable: true, description: '電子証明書を更新した日時。更新から24時間は予約できません（400）' })
  certRenewedAt?: string | null;

  @InstantField({
    optional: true,
    nullable: true,
    description: '電子証明書が最初に発行された日時（カードの受け取り）。発行から24時間は予約できません（400、更新と同じ code）',
  })
  certIssuedAt?: string | null;
}

// quotaId and myKeyId may come back unchanged (react-admin sends the record); a
// different value is refused with 409, as the participant and the unit are fixed.
export class UpdateReservationDto extends PartialType(OmitType(CreateReservationDto, ['myKeyId'] as const)) {
  @MyKeyIdField({ optional: true })
  myKeyId?: string;

  @ReadOnlyField() id?: unknown;
  @ReadOnlyField() campaignId?: unknown;
  @ReadOnlyField() participantId?: unknown;
  @ReadOnlyField() participantRef?: unknown;
  @ReadOnlyField() applied?: unknown;
  @ReadOnlyField() createdBy?: unknown;
  @ReadOnlyField() createdAt?: unknown;
}
