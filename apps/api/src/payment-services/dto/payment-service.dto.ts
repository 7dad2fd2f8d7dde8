import { PartialType } from '@nestjs/swagger';
import { PAYMENT_SERVICE_KIND, PAYMENT_SERVICE_STATUS, PaymentServiceKind, PaymentServiceStatus } from '@mynapoint/domain';
import { BoolField, DateField, EnumField, ReadOnlyField, TextField } from '../../common/validation/fields';

export class CreatePaymentServiceDto {
  @TextField({ max: 100, min: 1, example: '〇〇Pay' })
  name: string;

  // Checked by the service, not here: a reading sent back unchanged is accepted even
  // when it is a default that is not kana (atone, 楽天ぺい), so a GET → PUT round trip works.
  @TextField({
    max: 100,
    optional: true,
    nullable: true,
    example: 'まるまるぺい',
    description: 'よみがな（ひらがな・カタカナ・ー・空白）。ひらがなにして保存。省略・空なら名前から作る（カタカナ→ひらがな、英字→小文字）',
  })
  nameKana?: string | null;

  @TextField({ max: 100, min: 1, example: '〇〇ペイメント株式会社' })
  operator: string;

  @EnumField(PAYMENT_SERVICE_KIND)
  kind: PaymentServiceKind;

  @BoolField({ optional: true, description: '事業者への事前登録が必要か（既定: false）' })
  preRegistrationRequired?: boolean;

  @DateField({ description: '申し込みを受け付け始める日' })
  applicationsOpenOn: string;

  @EnumField(PAYMENT_SERVICE_STATUS, { optional: true, description: '既定: active' })
  status?: PaymentServiceStatus;

  @TextField({ max: 200, optional: true, nullable: true })
  awardTiming?: string | null;

  @TextField({ max: 200, optional: true, nullable: true })
  pointExpiry?: string | null;

  @TextField({ max: 500, optional: true, nullable: true, pattern: /^https?:\/\/\S+$/, patternMessage: 'URL は http:// または https:// で始めてください。' })
  url?: string | null;

  @TextField({ max: 2000, optional: true, nullable: true })
  notes?: string | null;
}

export class UpdatePaymentServiceDto extends PartialType(CreatePaymentServiceDto) {
  @ReadOnlyField() id?: unknown;
  @ReadOnlyField() createdAt?: unknown;
  @ReadOnlyField() updatedAt?: unknown;
  @ReadOnlyField() national?: unknown;
}
