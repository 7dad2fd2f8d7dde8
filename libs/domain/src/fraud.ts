import { defineEnum, EnumValue } from './enum';

export const FRAUD_CHANNEL = defineEnum({
  phone: { ja: '電話', en: 'Phone' },
  visit: { ja: '訪問', en: 'Visit' },
  email: { ja: 'メール', en: 'Email' },
  sms: { ja: 'SMS', en: 'SMS' },
  letter: { ja: '郵便', en: 'Letter' },
  website: { ja: 'ウェブサイト', en: 'Website' },
  other: { ja: 'その他', en: 'Other' },
});
export type FraudChannel = EnumValue<typeof FRAUD_CHANNEL>;

export const IMPERSONATED = defineEnum({
  mic_staff: { ja: '総務省職員', en: 'MIC staff' },
  city_staff: { ja: '市職員', en: 'City staff' },
  payment_operator: { ja: '決済事業者', en: 'Payment operator' },
  police: { ja: '警察', en: 'Police' },
  other: { ja: 'その他', en: 'Other' },
  unknown: { ja: '不明', en: 'Unknown' },
});
export type Impersonated = EnumValue<typeof IMPERSONATED>;

// What the city page says staff never ask for: anyone asking for these is a scam.
export const REQUESTED_ITEM = defineEnum({
  my_number: { ja: 'マイナンバー', en: 'My Number' },
  bank_account: { ja: '口座番号', en: 'Bank account number' },
  pin: { ja: '暗証番号', en: 'PIN' },
  assets: { ja: '資産状況', en: 'Assets' },
  family: { ja: '家族構成', en: 'Family composition' },
  passbook_or_cash_card: { ja: '通帳・キャッシュカード', en: 'Passbook or cash card' },
  money_or_fee: { ja: '金銭・手数料', en: 'Money or fee' },
  other: { ja: 'その他', en: 'Other' },
});
export type RequestedItem = EnumValue<typeof REQUESTED_ITEM>;

export const FRAUD_STATUS = defineEnum({
  new: { ja: '新規', en: 'New' },
  investigating: { ja: '調査中', en: 'Investigating' },
  referred_police: { ja: '警察へ連絡済み', en: 'Referred to police' },
  closed: { ja: '完了', en: 'Closed' },
});
export type FraudStatus = EnumValue<typeof FRAUD_STATUS>;

export const SEVERITY = defineEnum({
  low: { ja: '低', en: 'Low' },
  medium: { ja: '中', en: 'Medium' },
  high: { ja: '高', en: 'High' },
});
export type Severity = EnumValue<typeof SEVERITY>;
