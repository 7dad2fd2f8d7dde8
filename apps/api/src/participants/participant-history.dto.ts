import { ApiProperty } from '@nestjs/swagger';

export const PARTICIPANT_EVENT_KINDS = ['reserved', 'applied', 'reapplied', 'application_deleted'] as const;
export type ParticipantEventKind = (typeof PARTICIPANT_EVENT_KINDS)[number];

// One entry of GET /api/participants/:id/history (oldest first).
export class ParticipantHistoryEntryDto {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ enum: PARTICIPANT_EVENT_KINDS, description: '予約・申し込み・再申込（削除後）・申し込みの削除' }) kind: ParticipantEventKind;
  @ApiProperty({ type: 'integer', nullable: true }) paymentServiceId: number | null;
  @ApiProperty({ type: String, nullable: true }) paymentServiceName: string | null;
  @ApiProperty({ type: 'integer', nullable: true, description: '申し込みの ID（削除済みのものを含む）' }) applicationId: number | null;
  @ApiProperty({ type: String, nullable: true, description: '登録・削除した職員（取り込みは null）' }) byName: string | null;
  @ApiProperty({ type: String, nullable: true, description: '削除の理由' }) reason: string | null;
}
