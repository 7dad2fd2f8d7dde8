import { ApiProperty, OmitType, PartialType } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import {
  FRAUD_CHANNEL,
  FRAUD_INITIAL_STATUS,
  FRAUD_STATUS,
  FraudChannel,
  FraudStatus,
  IMPERSONATED,
  Impersonated,
  NOTICE_BODY_MAX,
  NOTICE_TITLE_MAX,
  REQUESTED_ITEM,
  RequestedItem,
  SEVERITY,
  Severity,
} from '@mynapoint/domain';
import { EnumArrayField, EnumField, InstantField, IntField, ReadOnlyField, TextField } from '../../common/validation/fields';

// The contract lists status among the fields, so a client may send it on create;
// every report starts as 新規 and moves on through an update, never on create.
const INITIAL_STATUS_MESSAGE = `新しい詐欺情報は「${FRAUD_STATUS.label(FRAUD_INITIAL_STATUS)}」（${FRAUD_INITIAL_STATUS}）で登録されます。対応状況は登録後に更新（PUT）で変更してください。`;

export class CreateFraudAlertDto {
  @ApiProperty({ enum: [FRAUD_INITIAL_STATUS], required: false, description: '登録時は new のみ（省略可）。対応状況は登録後に PUT で変更します。' })
  @IsOptional()
  @IsIn([FRAUD_INITIAL_STATUS], { message: INITIAL_STATUS_MESSAGE })
  status?: FraudStatus;

  @InstantField({ optional: true, description: '受付日時（既定: 現在）' })
  reportedAt?: string;

  @EnumField(FRAUD_CHANNEL)
  channel: FraudChannel;

  @EnumField(IMPERSONATED)
  impersonated: Impersonated;

  @EnumArrayField(REQUESTED_ITEM, { optional: true, description: '求められたもの（既定: なし）' })
  requestedItems?: RequestedItem[];

  @IntField({ optional: true, min: 0, max: 1_000_000_000, description: '被害額（円、既定: 0）' })
  damageYen?: number;

  @TextField({ max: 40, optional: true, nullable: true, description: '地区（自由記述。市の地区を候補表示）', example: '水原' })
  district?: string | null;

  @TextField({ max: 2000, min: 1, example: '総務省職員を名乗る男から電話があり、マイナポイントの手続きに手数料が必要と言われた。' })
  description: string;

  @EnumField(SEVERITY, {
    optional: true,
    description: '重大度。既定は内容から決まり（被害あり・金銭/通帳/暗証番号の要求 → high、個人情報の要求 → medium、それ以外 → low）、それより下げることはできません。政策推進係・管理者のみ指定できます。',
  })
  severity?: Severity;

  @TextField({ max: NOTICE_TITLE_MAX, optional: true, nullable: true, description: '注意喚起の見出し（政策推進係が下書き）' })
  noticeTitle?: string | null;

  @TextField({ max: NOTICE_BODY_MAX, optional: true, nullable: true, description: '注意喚起の本文' })
  noticeBody?: string | null;
}

export class UpdateFraudAlertDto extends PartialType(OmitType(CreateFraudAlertDto, ['status'] as const)) {
  @EnumField(FRAUD_STATUS, {
    optional: true,
    description: '対応状況。現在と違う値は状態の変更で、許された変更（new→investigating→referred_police|closed、再開: closed/referred_police→investigating）のみ。それ以外は 409。',
  })
  status?: FraudStatus;

  @TextField({ max: 500, optional: true, nullable: true, description: '状態を変更するときのコメント（履歴に残ります）' })
  statusComment?: string | null;

  @ReadOnlyField() id?: unknown;
  @ReadOnlyField() noticePublishedAt?: unknown;
  @ReadOnlyField() noticePublishedBy?: unknown;
  @ReadOnlyField() noticePublishedByName?: unknown;
  @ReadOnlyField() noticeState?: unknown;
  @ReadOnlyField() reportedBy?: unknown;
  @ReadOnlyField() reportedByName?: unknown;
  @ReadOnlyField() createdAt?: unknown;
  @ReadOnlyField() updatedAt?: unknown;
}

// One entry of GET /api/fraud-alerts/:id/history (oldest first).
export class FraudAlertHistoryDto {
  @ApiProperty({ type: 'integer' }) id: number;
  @ApiProperty({ enum: FRAUD_STATUS.values, nullable: true, description: '変更前（登録時は null）' }) fromStatus: FraudStatus | null;
  @ApiProperty({ enum: FRAUD_STATUS.values, description: '変更後' }) toStatus: FraudStatus;
  @ApiProperty({ format: 'date-time' }) changedAt: string;
  @ApiProperty({ type: 'integer', description: '変更した職員のID' }) changedBy: number;
  @ApiProperty({ description: '変更した職員の表示名' }) changedByName: string;
  @ApiProperty({ nullable: true, type: String }) comment: string | null;
}
