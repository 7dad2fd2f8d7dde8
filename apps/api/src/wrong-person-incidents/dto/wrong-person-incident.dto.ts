import { ApiProperty, OmitType, PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsInt, IsOptional, Min } from 'class-validator';
import {
  INCIDENT_CAUSE,
  INCIDENT_INITIAL_STATUS,
  INCIDENT_STATUS,
  IncidentCause,
  IncidentStatus,
  OPERATOR_REPLY_STATUS,
  OperatorReplyStatus,
  RESIDENT_CONTACT_STATUS,
  ResidentContactStatus,
} from '@mynapoint/domain';
import { DateField, EnumField, IntField, ReadOnlyField, TextField } from '../../common/validation/fields';

export class CreateWrongPersonIncidentDto {
  @ApiProperty({ enum: [INCIDENT_INITIAL_STATUS], required: false, description: '登録時は new のみ（省略可）。状態は登録後に PUT で変更します' })
  @IsOptional()
  @IsIn([INCIDENT_INITIAL_STATUS], { message: '新しい事案は「新規」（new）で登録されます。状態は登録後に更新（PUT）で変更してください。' })
  status?: IncidentStatus;

  @DateField({ description: '発生日（ポイントが別人に付与された来庁の日）' })
  occurredOn: string;

  @EnumField(INCIDENT_CAUSE, { optional: true, description: '原因（既定: unknown = 調査中）' })
  cause?: IncidentCause;

  @IntField({ min: 1, optional: true, nullable: true, description: '使われた共用端末（terminals）' })
  terminalId?: number | null;

  @IntField({ min: 1, optional: true, nullable: true, description: '決済サービス' })
  paymentServiceId?: number | null;

  @ApiProperty({ type: 'array', items: { type: 'integer' }, required: false, description: '関係する来庁（窓口支援記録の ID、20件まで）', example: [120, 121] })
  @IsOptional()
  @IsArray({ message: '配列で指定してください。' })
  @ArrayMaxSize(20, { message: '20件以内にしてください。' })
  @ArrayUnique({ message: '同じ値が重複しています。' })
  @IsInt({ each: true, message: '整数で指定してください。' })
  @Min(1, { each: true, message: '1以上で指定してください。' })
  assistanceRecordIds?: number[];

  @TextField({ max: 2000, min: 1, example: '前の来庁者の端末ログアウト漏れにより、次の来庁者の申し込みが前の来庁者の決済サービスに紐付いた。' })
  description: string;

  @EnumField(RESIDENT_CONTACT_STATUS, { optional: true, description: '住民への連絡（既定: not_contacted）' })
  residentsContactStatus?: ResidentContactStatus;

  @EnumField(OPERATOR_REPLY_STATUS, { optional: true, description: '決済事業者への照会（既定: not_asked）' })
  operatorReplyStatus?: OperatorReplyStatus;

  @TextField({ max: 2000, optional: true, nullable: true, description: '決済事業者の回答' })
  operatorReply?: string | null;

  @DateField({ optional: true, nullable: true, description: '総務省へ報告した日（状態を reported にするときは必須）' })
  micReportedOn?: string | null;

  @TextField({ max: 60, optional: true, nullable: true, description: '報告の文書番号など' })
  micReportRef?: string | null;
}

export class UpdateWrongPersonIncidentDto extends PartialType(OmitType(CreateWrongPersonIncidentDto, ['status'] as const)) {
  @EnumField(INCIDENT_STATUS, { optional: true, description: '状態。許された変更（new→investigating→reported→closed、investigating→closed、再開: reported/closed→investigating）のみ。それ以外は 409' })
  status?: IncidentStatus;

  @TextField({ max: 500, optional: true, nullable: true, description: '状態を変更するときのコメント（履歴に残ります）' })
  statusComment?: string | null;

  @ReadOnlyField() id?: unknown;
  @ReadOnlyField() reportedBy?: unknown;
  @ReadOnlyField() reportedByName?: unknown;
  @ReadOnlyField() createdAt?: unknown;
  @ReadOnlyField() updatedAt?: unknown;
}

// One entry of GET /api/wrong-person-incidents/:id/history (oldest first).
export class WrongPersonIncidentHistoryDto {
  @ApiProperty({ type: 'integer' }) id: number;
  @ApiProperty({ enum: INCIDENT_STATUS.values, nullable: true, description: '変更前（登録時は null）' }) fromStatus: IncidentStatus | null;
  @ApiProperty({ enum: INCIDENT_STATUS.values }) toStatus: IncidentStatus;
  @ApiProperty({ format: 'date-time' }) changedAt: string;
  @ApiProperty({ type: 'integer' }) changedBy: number;
  @ApiProperty() changedByName: string;
  @ApiProperty({ nullable: true, type: String }) comment: string | null;
}
