import { ApiProperty } from '@nestjs/swagger';
import { IMPORT_TYPE, ImportType } from '@mynapoint/domain';
import { EnumField, IntField, ToInt } from '../../common/validation/fields';

// The form fields of `POST /api/imports` (multipart/form-data, with the CSV as `file`).
export class CreateImportDto {
  @EnumField(IMPORT_TYPE, { description: '取り込むデータの種類' })
  type: ImportType;

  @ToInt()
  @IntField({ min: 1, optional: true, description: '決済サービス（ポイント付与の取り込みでは必須）' })
  paymentServiceId?: number;

  @ToInt()
  @IntField({ min: 1, optional: true, description: 'キャンペーン（省略時: 行の日付を期間に含むキャンペーン、またはただ一つのキャンペーン）' })
  campaignId?: number;
}

export class ImportAcceptedDto {
  @ApiProperty() id: number;
  @ApiProperty({ enum: ['queued'] }) status: 'queued';
}
