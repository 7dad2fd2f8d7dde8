import { PartialType } from '@nestjs/swagger';
import { DESK_OFFICE, DeskOffice } from '@mynapoint/domain';
import { BoolField, DateField, EnumField, ReadOnlyField, TextField } from '../../common/validation/fields';

export class CreateDeskDto {
  @TextField({ max: 60, min: 1, example: '本庁 市民生活課 マイナポイント窓口' })
  name: string;

  @EnumField(DESK_OFFICE, { description: 'main_office（本庁）、branch_office（支所）、popup（出張窓口: 開設日と終了日が必須）' })
  office: DeskOffice;

  @TextField({ max: 100, optional: true, nullable: true, example: '京ヶ瀬公民館 2階 会議室' })
  place?: string | null;

  @DateField({ optional: true, nullable: true, description: '開設日（出張窓口は必須）' })
  opensOn?: string | null;

  @DateField({ optional: true, nullable: true, description: '終了日（この日を含む。出張窓口は必須）' })
  closesOn?: string | null;

  @BoolField({ optional: true, description: '既定: true' })
  active?: boolean;
}

export class UpdateDeskDto extends PartialType(CreateDeskDto) {
  @ReadOnlyField() id?: unknown;
  @ReadOnlyField() createdAt?: unknown;
  @ReadOnlyField() updatedAt?: unknown;
}
