import { OmitType, PartialType } from '@nestjs/swagger';
import { CHANNEL, Channel } from '@mynapoint/domain';
import { MyKeyIdField } from '../../common/mykey/mykey-id.field';
import { BoolField, DateField, EnumField, InstantField, IntField, ReadOnlyField, TextField } from '../../common/validation/fields';

export class CreateApplicationDto {
  @MyKeyIdField()
  myKeyId: string;

  @IntField({
    min: 1,
    optional: true,
    description: 'キャンペーンの ID（API.md への追加）。省略時は、このマイキーIDが予約しているキャンペーンが1つならそれを使います',
  })
  campaignId?: number;

  @IntField({
    min: 1,
    optional: true,
    description: '施策の ID（API.md「Campaigns with measures」）。1人1施策1申し込み。予約を受け付けない施策（第2弾・自治体ポイント）は予約なしで申し込めます。省略時は予約した施策',
  })
  measureId?: number;

  @DateField({ optional: true, description: '対象者が card_applied_by の施策: カードを申請した日' })
  cardAppliedOn?: string;

  @IntField({ min: 0, max: 150, optional: true, description: '対象者が residents_by_age の施策: 申し込み時の年齢（生年月日は保存しません）' })
  age?: number;

  @IntField({ min: 1, description: '決済サービスの ID。申し込み後は変更できません' })
  paymentServiceId: number;

  @InstantField({ optional: true, description: '申し込み日時。省略時は現在時刻' })
  appliedAt?: string;

  @EnumField(CHANNEL, { description: '申し込み方法（窓口支援は counter）' })
  channel: Channel;

  @BoolField({ optional: true, description: '事業者への事前登録を確認済み（事前登録が必要なサービスでは true が必須）。既定: false' })
  preRegistered?: boolean;

  @InstantField({ optional: true, nullable: true, description: '電子証明書を更新した日時（API.md への追加）。更新から24時間は申し込めません（400）' })
  certRenewedAt?: string | null;

  @InstantField({ optional: true, nullable: true, description: '電子証明書が最初に発行された日時（カードの受け取り）。発行から24時間は申し込めません（400、更新と同じ code）' })
  certIssuedAt?: string | null;
}

// The person and the chosen service are fixed once applied: myKeyId and
// paymentServiceId may come back unchanged, a different value is a 409.
export class UpdateApplicationDto extends PartialType(OmitType(CreateApplicationDto, ['myKeyId', 'campaignId', 'measureId', 'cardAppliedOn', 'age'] as const)) {
  @MyKeyIdField({ optional: true })
  myKeyId?: string;

  @ReadOnlyField() id?: unknown;
  @ReadOnlyField() campaignId?: unknown;
  @ReadOnlyField() measureId?: unknown;
  @ReadOnlyField() participantId?: unknown;
  @ReadOnlyField() participantRef?: unknown;
  @ReadOnlyField() createdBy?: unknown;
  @ReadOnlyField() createdAt?: unknown;
  @ReadOnlyField() reapplication?: unknown;
}

// DELETE /api/applications/:id carries why (a JSON body, or ?reason= for clients
// that cannot send a body on DELETE). Required: the service says so with a 400.
export class DeleteApplicationDto {
  @TextField({ max: 500, optional: true, description: '削除の理由（必須。本文または ?reason= で指定）。参加者の履歴に残ります', example: '窓口で別人のマイキーIDを入力したため' })
  reason?: string;
}
