import { COMMON_FIELDS, NATIONAL_FIELD, defineResourceLabels } from './resource-labels';

export const PAYMENT_SERVICES_LABELS = defineResourceLabels({
  one: { ja: '決済サービス', en: 'Payment service' },
  many: { ja: 'キャッシュレス決済サービス', en: 'Payment services' },
  fields: {
    ...COMMON_FIELDS,
    name: { ja: 'サービス名', en: 'Name' },
    nameKana: { ja: 'よみがな', en: 'Reading (kana)' },
    operator: { ja: '決済事業者', en: 'Operator' },
    kind: { ja: '種類', en: 'Kind' },
    preRegistrationRequired: { ja: '事前登録', en: 'Pre-registration' },
    applicationsOpenOn: { ja: '申し込み開始日', en: 'Applications open on' },
    status: { ja: '状態', en: 'Status' },
    awardTiming: { ja: 'ポイント付与時期', en: 'Award timing' },
    pointExpiry: { ja: 'ポイント利用期限', en: 'Point expiry' },
    url: { ja: 'URL', en: 'URL' },
    notes: { ja: '備考', en: 'Notes' },
    ...NATIONAL_FIELD,
  },
});
