import { PartialType } from '@nestjs/swagger';
import {
  AGE_BAND,
  ASSISTANCE_LIMITS,
  ASSISTANCE_OUTCOME,
  ASSISTANCE_TYPE,
  AgeBand,
  AssistanceOutcome,
  AssistanceType,
  OFFICE,
  Office,
  PROXY,
  Proxy,
  UNABLE_REASON,
  UnableReason,
} from '@mynapoint/domain';
import { BoolField, EnumArrayField, EnumField, InstantField, IntField, ReadOnlyField, TextField } from '../../common/validation/fields';

// The staff member is never part of the body: it is the logged-in user.
export class CreateAssistanceRecordDto {
  @InstantField({ optional: true, description: '来庁日時（省略時は現在時刻）' })
  visitedAt?: string;

  @EnumField(OFFICE, { description: 'カード申請（card_application）は本庁（main_office）のみ' })
  office: Office;

  @EnumArrayField(ASSISTANCE_TYPE, { minSize: 1, description: '支援内容（1つ以上、重複なし）' })
  assistanceTypes: AssistanceType[];

  @IntField({ min: 1, optional: true, nullable: true, description: '申し込みを支援した決済サービス' })
  paymentServiceId?: number | null;

  @EnumField(ASSISTANCE_OUTCOME)
  outcome: AssistanceOutcome;

  @EnumField(UNABLE_REASON, { optional: true, nullable: true, description: '結果が unable のとき必須、それ以外は指定しない' })
  unableReason?: UnableReason | null;

  @IntField({ ...ASSISTANCE_LIMITS.durationMinutes, example: 15 })
  durationMinutes: number;

  @EnumField(AGE_BAND, { optional: true, nullable: true })
  ageBand?: AgeBand | null;

  @TextField({ max: ASSISTANCE_LIMITS.district, optional: true, nullable: true, example: '水原' })
  district?: string | null;

  @EnumField(PROXY, { optional: true, description: '既定: none。legal_representative は15歳未満の子の法定代理人' })
  proxy?: Proxy;

  @BoolField({ optional: true, description: '職員が共用端末（貸出PC等）を操作したか（既定: false）' })
  sharedTerminalUsed?: boolean;

  @IntField({ min: 1, optional: true, nullable: true, description: '使った市の共用端末（terminals）。記録すると共用端末を操作した（sharedTerminalUsed: true）ことになり、予約・申し込みではチェックリストが必須' })
  terminalId?: number | null;

  @BoolField({ optional: true, description: '利用者ごとに端末をログアウトしたか。共用端末で予約・申し込みを操作したときは true が必須' })
  terminalLoggedOut?: boolean;

  @BoolField({ optional: true, description: '決済サービスIDを本人に読み上げて確認したか。共用端末で予約・申し込みを操作したときは true が必須' })
  serviceIdReadBack?: boolean;

  @TextField({ max: ASSISTANCE_LIMITS.notes, optional: true, nullable: true })
  notes?: string | null;
}

export class UpdateAssistanceRecordDto extends PartialType(CreateAssistanceRecordDto) {
  @ReadOnlyField() id?: unknown;
  @ReadOnlyField() staffId?: unknown;
  @ReadOnlyField() staffName?: unknown;
  @ReadOnlyField() createdAt?: unknown;
  @ReadOnlyField() updatedAt?: unknown;
}
