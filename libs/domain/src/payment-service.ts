import { defineEnum, EnumValue } from './enum';

export const PAYMENT_SERVICE_KIND = defineEnum({
  ic_emoney: { ja: 'IC型電子マネー', en: 'IC e-money' },
  qr_code: { ja: 'QRコード決済', en: 'QR-code payment' },
  credit_card: { ja: 'クレジットカード', en: 'Credit card' },
  debit_card: { ja: 'デビットカード', en: 'Debit card' },
  prepaid: { ja: 'プリペイド', en: 'Prepaid' },
  other: { ja: 'その他', en: 'Other' },
});
export type PaymentServiceKind = EnumValue<typeof PAYMENT_SERVICE_KIND>;

export const PAYMENT_SERVICE_STATUS = defineEnum({
  active: { ja: '受付中', en: 'Active' },
  suspended: { ja: '一時停止', en: 'Suspended' },
  withdrawn: { ja: '撤退', en: 'Withdrawn' },
});
export type PaymentServiceStatus = EnumValue<typeof PAYMENT_SERVICE_STATUS>;
