import { ApiProperty, PartialType } from '@nestjs/swagger';
import { ArrayMinSize, ArrayUnique, IsArray, IsIn } from 'class-validator';
import { DateField, InstantField, IntField, ReadOnlyField, TextField } from '../../common/validation/fields';

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const HHMM_MESSAGE = '時刻は HH:MM（24時間制）で入力してください。';

export class CreateAppointmentSlotDto {
  @IntField({ min: 1, description: '窓口の ID' })
  deskId: number;

  @InstantField({ example: '2022-09-20T09:00:00+09:00' })
  startsAt: string;

  @InstantField({ example: '2022-09-20T09:30:00+09:00' })
  endsAt: string;

  @IntField({ min: 1, max: 100, description: '席数（同時に受け付けられる人数）', example: 3 })
  capacity: number;
}

export class UpdateAppointmentSlotDto extends PartialType(CreateAppointmentSlotDto) {
  @ReadOnlyField() id?: unknown;
  @ReadOnlyField() deskName?: unknown;
  @ReadOnlyField() booked?: unknown;
  @ReadOnlyField() remaining?: unknown;
  @ReadOnlyField() status?: unknown;
  @ReadOnlyField() createdAt?: unknown;
  @ReadOnlyField() updatedAt?: unknown;
}

// A weekly pattern (libs/domain/src/desks.ts slotsFromPattern): times are JST.
export class GenerateAppointmentSlotsDto {
  @IntField({ min: 1, description: '窓口の ID' })
  deskId: number;

  @DateField({ description: '最初の日' })
  from: string;

  @DateField({ description: '最後の日（この日を含む。366日分まで）', example: '2022-09-30' })
  to: string;

  @ApiProperty({ type: 'array', items: { type: 'integer', minimum: 1, maximum: 7 }, description: '曜日（ISO: 1 = 月曜 … 7 = 日曜）', example: [1, 2, 3, 4, 5] })
  @IsArray({ message: '配列で指定してください。' })
  @ArrayMinSize(1, { message: '1つ以上選んでください。' })
  @ArrayUnique({ message: '同じ値が重複しています。' })
  @IsIn([1, 2, 3, 4, 5, 6, 7], { each: true, message: '曜日は 1（月）〜 7（日）で指定してください。' })
  weekdays: number[];

  @TextField({ max: 5, pattern: HHMM, patternMessage: HHMM_MESSAGE, example: '09:00' })
  startTime: string;

  @TextField({ max: 5, pattern: HHMM, patternMessage: HHMM_MESSAGE, example: '16:30' })
  endTime: string;

  @IntField({ min: 5, max: 480, description: '1枠の長さ（分）', example: 30 })
  everyMinutes: number;

  @IntField({ min: 1, max: 100, description: '1枠の席数', example: 3 })
  seats: number;

  @TextField({ max: 5, optional: true, nullable: true, pattern: HHMM, patternMessage: HHMM_MESSAGE, description: '休憩の開始（この間にかかる枠は作りません）', example: '12:00' })
  breakStart?: string | null;

  @TextField({ max: 5, optional: true, nullable: true, pattern: HHMM, patternMessage: HHMM_MESSAGE, example: '13:00' })
  breakEnd?: string | null;
}

export class SkippedDayDto {
  @ApiProperty({ example: '2022-09-19' }) date: string;
  @ApiProperty({ enum: ['holiday', 'year_end', 'municipality', 'desk_closed'] }) reason: string;
  @ApiProperty({ example: '敬老の日' }) name: string;
}

export class GeneratedSlotsDto {
  @ApiProperty({ description: '作成した枠の数' }) created: number;
  @ApiProperty({ description: '同じ開始時刻の枠が既にあったため作らなかった数' }) existing: number;
  @ApiProperty({ type: SkippedDayDto, isArray: true, description: '飛ばした日（祝日・年末年始・市の休業日・窓口の開設期間外）' })
  skipped: SkippedDayDto[];
}
