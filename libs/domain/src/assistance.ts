import { defineEnum, EnumValue } from './enum';

// 本庁 / 支所: card applications are taken only at the main office (city page).
export const OFFICE = defineEnum({
  main_office: { ja: '本庁（市民生活課）', en: 'Main office' },
  branch_office: { ja: '支所', en: 'Branch office' },
});
export type Office = EnumValue<typeof OFFICE>;

export const ASSISTANCE_TYPE = defineEnum({
  card_application: { ja: 'カード申請', en: 'Card application' },
  mykey_reservation: { ja: 'マイキーID設定（予約）', en: 'MyKey ID reservation' },
  point_application: { ja: 'ポイント申し込み', en: 'Point application' },
  cert_renewal: { ja: '電子証明書更新', en: 'Certificate renewal' },
  pin_reset: { ja: '暗証番号再設定', en: 'PIN reset' },
  pc_lending: { ja: '端末貸出', en: 'PC lending' },
  inquiry: { ja: '問い合わせ', en: 'Inquiry' },
  fraud_consultation: { ja: '詐欺相談', en: 'Fraud consultation' },
  // Round 2 (マイナポイント第2弾): registering the card for these two measures.
  health_insurance_registration: { ja: '健康保険証利用登録', en: 'Health-insurance card registration' },
  public_funds_account_registration: { ja: '公金受取口座登録', en: 'Public-funds account registration' },
});
export type AssistanceType = EnumValue<typeof ASSISTANCE_TYPE>;

export const ASSISTANCE_OUTCOME = defineEnum({
  completed: { ja: '完了', en: 'Completed' },
  follow_up: { ja: '要フォロー', en: 'Follow-up' },
  unable: { ja: '対応不可', en: 'Unable' },
});
export type AssistanceOutcome = EnumValue<typeof ASSISTANCE_OUTCOME>;

export const UNABLE_REASON = defineEnum({
  pin_locked: { ja: '暗証番号ロック', en: 'PIN locked' },
  cert_expired: { ja: '電子証明書の期限切れ', en: 'Certificate expired' },
  cert_renewed_within_24h: { ja: '証明書更新から24時間以内', en: 'Certificate renewed within 24 h' },
  no_card: { ja: 'カード未所持', en: 'No card' },
  unsupported_device: { ja: '非対応端末', en: 'Unsupported device' },
  quota_closed: { ja: '予約受付終了', en: 'Quota closed' },
  // Round 2: マイナポータル (the national site) down for maintenance, and a payment
  // service whose own application window had already closed.
  national_site_maintenance: { ja: '国のサイトのメンテナンス中', en: 'National site under maintenance' },
  service_closed: { ja: '決済サービスの受付終了', en: 'Payment service closed' },
  other: { ja: 'その他', en: 'Other' },
});
export type UnableReason = EnumValue<typeof UNABLE_REASON>;

export const PROXY = defineEnum({
  none: { ja: '本人', en: 'None' },
  legal_representative: { ja: '法定代理人（15歳未満）', en: 'Legal representative (child under 15)' },
});
export type Proxy = EnumValue<typeof PROXY>;
