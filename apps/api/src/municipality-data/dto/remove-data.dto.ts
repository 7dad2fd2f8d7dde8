import { ApiProperty } from '@nestjs/swagger';
import { MunicipalityCodeField } from '../../common/validation/fields';

export class RemoveDataDto {
  @MunicipalityCodeField({ example: '152064', description: '削除する市区町村の団体コード（確認のため。URL の市区町村の団体コードと一致しなければ 400）' })
  confirmCode: string;
}

export class RemoveDataResponseDto {
  @ApiProperty({
    description: '表ごとの削除した行数（municipalities は市区町村の行そのもの）',
    type: 'object',
    additionalProperties: { type: 'integer' },
    example: { users: 5, participants: 1200, audit_logs: 3400, municipalities: 1 },
  })
  removed: Record<string, number>;
}

export class ExportTicketResponseDto {
  @ApiProperty({ example: '/api/municipalities/2/export?ticket=…', description: '60 秒有効のダウンロード URL' })
  url: string;

  @ApiProperty({ example: '2026-12-07T05:00:00.000Z' })
  expiresAt: string;
}
