import { PartialType } from '@nestjs/swagger';
import { TARGET_METRIC, TargetMetric } from '@mynapoint/domain';
import { DateField, EnumField, PercentField, ReadOnlyField, TextField } from '../../common/validation/fields';

// A target the city is judged against, e.g. a national grant's 53.9 % application rate.
export class CreateTargetDto {
  @TextField({ max: 100, min: 1, example: '国の交付金の要件（申請率）' })
  name: string;

  @EnumField(TARGET_METRIC, { description: '申請率（application_rate）か交付率（issuance_rate）' })
  metric: TargetMetric;

  @PercentField({ decimals: 1, positive: true, description: '目標値（%、小数第1位まで）', example: 53.9 })
  percent: number;

  @DateField({ description: 'この日までに達成する', example: '2022-12-31' })
  dueOn: string;
}

export class UpdateTargetDto extends PartialType(CreateTargetDto) {
  @ReadOnlyField() id?: unknown;
  @ReadOnlyField() createdAt?: unknown;
  @ReadOnlyField() updatedAt?: unknown;
}
