import { ApiProperty } from '@nestjs/swagger';
import { DESK_OFFICE, DeskDayFigures, DeskOffice, DeskStats } from '@mynapoint/domain';

// GET /api/stats/desks for OpenAPI; implements DeskStats (libs/domain/src/desks.ts).

export class DeskFiguresDto implements DeskDayFigures {
  @ApiProperty({ type: 'integer', description: '定員（枠の席数の合計）' }) capacity: number;
  @ApiProperty({ type: 'integer', description: '予約された席' }) seatsBooked: number;
  @ApiProperty({ type: 'integer', description: '予約の件数（予約なし来庁を除く。キャンセルを含む）' }) appointments: number;
  @ApiProperty({ type: 'integer', description: '来庁した予約' }) checkedIn: number;
  @ApiProperty({ type: 'integer', description: '来庁なし' }) noShows: number;
  @ApiProperty({ type: 'integer' }) cancelled: number;
  @ApiProperty({ type: 'integer', description: '予約なしの来庁' }) walkIns: number;
  @ApiProperty({ type: 'number', nullable: true, description: '受付から対応開始（窓口支援記録の来庁日時）までの平均（分）' }) avgWaitMinutes: number | null;
}

export class DeskTotalsDto extends DeskFiguresDto {
  @ApiProperty({ type: 'number', nullable: true, description: '来庁なし率（%）: 来庁なし / (来庁 + 来庁なし)' }) noShowRatePercent: number | null;
}

export class DeskStatsByDeskDto extends DeskTotalsDto {
  @ApiProperty({ type: 'integer' }) deskId: number;
  @ApiProperty() deskName: string;
  @ApiProperty({ enum: DESK_OFFICE.values }) office: DeskOffice;
}

export class DeskStatsByDayDto extends DeskFiguresDto {
  @ApiProperty({ description: 'YYYY-MM-DD（JST）' }) date: string;
  @ApiProperty({ type: 'integer' }) deskId: number;
  @ApiProperty() deskName: string;
}

export class DeskStatsResponseDto implements DeskStats {
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty({ type: DeskTotalsDto }) totals: DeskTotalsDto;
  @ApiProperty({ type: DeskStatsByDeskDto, isArray: true }) byDesk: DeskStatsByDeskDto[];
  @ApiProperty({ type: DeskStatsByDayDto, isArray: true, description: '窓口・日ごと（枠のある日だけ）' }) byDeskDay: DeskStatsByDayDto[];
}
