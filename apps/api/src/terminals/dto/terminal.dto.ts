import { ApiProperty, PartialType } from '@nestjs/swagger';
import { ASSISTANCE_OUTCOME, ASSISTANCE_TYPE } from '@mynapoint/domain';
import { BoolField, IntField, ReadOnlyField, TextField } from '../../common/validation/fields';

export class CreateTerminalDto {
  @IntField({ min: 1, description: '置いてある窓口の ID' })
  deskId: number;

  @TextField({ max: 60, min: 1, example: '貸出PC 1号機' })
  name: string;

  @BoolField({ optional: true, description: '既定: true' })
  active?: boolean;
}

export class UpdateTerminalDto extends PartialType(CreateTerminalDto) {
  @ReadOnlyField() id?: unknown;
  @ReadOnlyField() deskName?: unknown;
  @ReadOnlyField() createdAt?: unknown;
  @ReadOnlyField() updatedAt?: unknown;
}

export class TerminalVisitDto {
  @ApiProperty({ description: '窓口支援記録の ID' }) id: number;
  @ApiProperty({ description: '指定した来庁（around）から見た順番: 0 がその来庁、-1 が直前、1 が直後' }) position: number;
  @ApiProperty() visitedAt: string;
  @ApiProperty() staffId: number;
  @ApiProperty() staffName: string;
  @ApiProperty({ enum: ASSISTANCE_TYPE.values, isArray: true }) assistanceTypes: string[];
  @ApiProperty({ enum: ASSISTANCE_OUTCOME.values }) outcome: string;
  @ApiProperty({ nullable: true }) paymentServiceId: number | null;
  @ApiProperty() terminalLoggedOut: boolean;
  @ApiProperty() serviceIdReadBack: boolean;
  @ApiProperty() durationMinutes: number;
}

export class TerminalLogDto {
  @ApiProperty() terminalId: number;
  @ApiProperty() terminalName: string;
  @ApiProperty() deskName: string;
  @ApiProperty({ nullable: true, description: '指定した来庁（窓口支援記録の ID）' }) around: number | null;
  @ApiProperty({ type: TerminalVisitDto, isArray: true, description: '時刻順（古い順）' }) visits: TerminalVisitDto[];
}
