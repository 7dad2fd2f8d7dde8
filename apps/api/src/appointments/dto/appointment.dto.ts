import { ApiProperty, OmitType, PartialType } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { APPOINTMENT_STATUS, ASSISTANCE_TYPE, AppointmentStatus, AssistanceType, PARTY_SIZE } from '@mynapoint/domain';
import { BoolField, DateField, EnumArrayField, EnumField, IntField, ReadOnlyField, TextField } from '../../common/validation/fields';

const PHONE = /^[0-9０-９+()（）\-‐－ ]*$/;

export class CreateAppointmentDto {
  @ApiProperty({ enum: ['booked'], required: false, description: '登録時は booked のみ（省略可）' })
  @IsOptional()
  @IsIn(['booked'], { message: '予約は「予約済み」（booked）で登録されます。来庁は POST /api/appointments/:id/check-in で記録してください。' })
  status?: AppointmentStatus;

  @IntField({ min: 1, description: '予約枠（appointment-slots）の ID' })
  slotId: number;

  @TextField({ max: 60, optional: true, nullable: true, description: '氏名（個人情報: 窓口・政策推進係・システム管理者だけが見られ、来庁日から設定日数後に消去）。予約なし来庁（walkIn）のときは省略可', example: '阿賀野 花子' })
  residentName?: string | null;

  @TextField({ max: 30, optional: true, nullable: true, pattern: PHONE, patternMessage: '電話番号は数字とハイフンで入力してください。', example: '0250-62-2510' })
  phone?: string | null;

  @EnumArrayField(ASSISTANCE_TYPE, { minSize: 1, description: '用件（窓口支援の内容と同じ区分）。カード申請は本庁の窓口のみ' })
  purpose: AssistanceType[];

  @IntField({ ...PARTY_SIZE, optional: true, description: '人数（席数、1〜4。既定: 1）', example: 1 })
  partySize?: number;

  @TextField({ max: 500, optional: true, nullable: true })
  notes?: string | null;

  @BoolField({ optional: true, description: '予約なしの来庁（当日の枠に記録し、席は取りません）。既定: false' })
  walkIn?: boolean;
}

// status: only "cancelled" (gives the seats back); slotId: a move to another slot, atomic.
export class UpdateAppointmentDto extends PartialType(OmitType(CreateAppointmentDto, ['status', 'walkIn'] as const)) {
  @EnumField(APPOINTMENT_STATUS, { optional: true, description: 'cancelled でキャンセル（席を戻します）。来庁・来庁なしは専用の操作で記録します' })
  status?: AppointmentStatus;

  @ReadOnlyField() id?: unknown;
  @ReadOnlyField() walkIn?: unknown;
  @ReadOnlyField() deskId?: unknown;
  @ReadOnlyField() deskName?: unknown;
  @ReadOnlyField() startsAt?: unknown;
  @ReadOnlyField() endsAt?: unknown;
  @ReadOnlyField() checkedInAt?: unknown;
  @ReadOnlyField() assistanceRecordId?: unknown;
  @ReadOnlyField() erasedAt?: unknown;
  @ReadOnlyField() bookedBy?: unknown;
  @ReadOnlyField() createdAt?: unknown;
  @ReadOnlyField() updatedAt?: unknown;
}

export class MarkNoShowsDto {
  @IntField({ min: 1, description: '窓口の ID' })
  deskId: number;

  @DateField({ optional: true, description: 'YYYY-MM-DD（JST）。既定: 今日' })
  date?: string;
}

export class NoShowsDto {
  @ApiProperty({ description: '来庁なしにした予約の数' }) marked: number;
}

export class TodayAppointmentDto {
  @ApiProperty() id: number;
  @ApiProperty({ nullable: true, description: '管理職には null' }) residentName: string | null;
  @ApiProperty({ nullable: true, description: '管理職には null' }) phone: string | null;
  @ApiProperty({ enum: ASSISTANCE_TYPE.values, isArray: true }) purpose: string[];
  @ApiProperty() partySize: number;
  @ApiProperty({ enum: APPOINTMENT_STATUS.values }) status: string;
  @ApiProperty({ nullable: true }) notes: string | null;
  @ApiProperty() walkIn: boolean;
  @ApiProperty({ nullable: true }) checkedInAt: string | null;
  @ApiProperty({ nullable: true }) assistanceRecordId: number | null;
  @ApiProperty({ description: '予約済みのまま枠の開始から10分を過ぎた' }) late: boolean;
  @ApiProperty({ description: '枠の開始から経った分（来庁前の予約のみ、それ以外は 0）' }) minutesLate: number;
}

export class TodaySlotDto {
  @ApiProperty() id: number;
  @ApiProperty() startsAt: string;
  @ApiProperty() endsAt: string;
  @ApiProperty() capacity: number;
  @ApiProperty() booked: number;
  @ApiProperty() remaining: number;
  @ApiProperty({ enum: ['open', 'full', 'past'] }) status: string;
  @ApiProperty({ type: TodayAppointmentDto, isArray: true }) appointments: TodayAppointmentDto[];
}

export class DeskDayDto {
  @ApiProperty() deskId: number;
  @ApiProperty() deskName: string;
  @ApiProperty({ enum: ['main_office', 'branch_office', 'popup'] }) office: string;
  @ApiProperty({ description: 'YYYY-MM-DD（JST）' }) date: string;
  @ApiProperty({ description: '氏名・電話番号を含むか（管理職は件数のみ）' }) contactVisible: boolean;
  @ApiProperty({ type: TodaySlotDto, isArray: true }) slots: TodaySlotDto[];
  @ApiProperty({ description: '件数: booked（来庁待ち）, checkedIn, noShow, cancelled, walkIns, late, seatsBooked, capacity' })
  totals: Record<string, number>;
}
