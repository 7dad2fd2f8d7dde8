import { POINT_AWARD_KIND, PointAwardKind } from '@mynapoint/domain';
import { MyKeyIdField } from '../../common/mykey/mykey-id.field';
import { DateField, EnumField, IntField, TextField } from '../../common/validation/fields';

// A single award, for corrections by policy staff; operator reports come as imports.
// A charge or purchase names its service, transaction id, date and amount (the measure
// is found by date and person); a registration (a fixed measure) names the measure and
// the day it happened, and gets exactly the measure's amount, once per person.
export class CreatePointAwardDto {
  @MyKeyIdField()
  myKeyId: string;

  @EnumField(POINT_AWARD_KIND, { description: 'charge / purchase: 付与率・上限ありの施策、registration: 定額の施策（金額なし、1人1回）' })
  kind: PointAwardKind;

  @IntField({ min: 1, optional: true, description: '施策の ID。registration では必須。charge / purchase では省略可（取引日と人から決まり、指定と違えば 400）' })
  measureId?: number;

  @IntField({ min: 1, optional: true, description: 'charge / purchase では必須。registration では省略可（申し込んだサービス）' })
  paymentServiceId?: number;

  @TextField({ max: 100, min: 1, optional: true, example: 'TX-20200905-0001', description: '事業者の取引ID（決済サービスごとに一意）。charge / purchase では必須' })
  externalId?: string;

  @DateField({ optional: true, description: '取引日（ポイント獲得期間内）。charge / purchase では必須' })
  transactionDate?: string;

  @DateField({ optional: true, description: 'registration: 登録した日（施策の期間内）' })
  occurredOn?: string;

  @IntField({ min: 1, max: 2_147_483_647, optional: true, description: 'チャージ・購入の金額（円）。charge / purchase では必須。registration では指定しません' })
  amountYen?: number;
}
