import { TRANSACTION_KIND, TransactionKind } from '@mynapoint/domain';
import { MyKeyIdField } from '../../common/mykey/mykey-id.field';
import { DateField, EnumField, IntField, TextField } from '../../common/validation/fields';

// A single award, for corrections by policy staff; operator reports come as imports.
export class CreatePointAwardDto {
  @MyKeyIdField()
  myKeyId: string;

  @IntField({ min: 1 })
  paymentServiceId: number;

  @TextField({ max: 100, min: 1, example: 'TX-20200905-0001', description: '事業者の取引ID（決済サービスごとに一意）' })
  externalId: string;

  @DateField({ description: '取引日（ポイント獲得期間内）' })
  transactionDate: string;

  @EnumField(TRANSACTION_KIND)
  kind: TransactionKind;

  @IntField({ min: 1, max: 2_147_483_647, description: 'チャージ・購入の金額（円）' })
  amountYen: number;
}
