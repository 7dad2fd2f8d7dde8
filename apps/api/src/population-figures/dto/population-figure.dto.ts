import { PartialType } from '@nestjs/swagger';
import { AGE_BAND, AgeBand } from '@mynapoint/domain';
import { DateField, EnumField, IntField, ReadOnlyField, TextField } from '../../common/validation/fields';

// One cell of a resident-register snapshot: counts of people, never a person.
export class CreatePopulationFigureDto {
  @DateField({ description: '基準日（この日現在の数字。今日以前）', example: '2023-03-31' })
  asOf: string;

  @TextField({ max: 40, min: 1, description: '地区', example: '水原' })
  district: string;

  @EnumField(AGE_BAND, { description: '年代' })
  ageBand: AgeBand;

  @IntField({ min: 0, description: '人口（住民基本台帳）', example: 2730 })
  population: number;

  @IntField({ min: 0, description: 'マイナンバーカードの申請件数（累計。人口以下）', example: 2105 })
  cardApplications: number;

  @IntField({ min: 0, description: 'マイナンバーカードの交付枚数（累計。人口以下）', example: 1980 })
  cardsIssued: number;
}

export class UpdatePopulationFigureDto extends PartialType(CreatePopulationFigureDto) {
  @ReadOnlyField() id?: unknown;
  @ReadOnlyField() importId?: unknown;
  @ReadOnlyField() createdAt?: unknown;
  @ReadOnlyField() updatedAt?: unknown;
}
