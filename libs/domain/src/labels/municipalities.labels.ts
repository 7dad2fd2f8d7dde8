import { COMMON_FIELDS, defineResourceLabels } from './resource-labels';

export const MUNICIPALITIES_LABELS = defineResourceLabels({
  one: { ja: '市区町村', en: 'Municipality' },
  many: { ja: '市区町村', en: 'Municipalities' },
  fields: {
    ...COMMON_FIELDS,
    code: { ja: '団体コード', en: 'Local government code' },
    name: { ja: '市区町村名', en: 'Name' },
    prefectureCode: { ja: '都道府県コード', en: 'Prefecture code' },
    districts: { ja: '地区', en: 'Districts' },
    districtPopulation: { ja: '地区別人口', en: 'Population by district' },
    contactPhone: { ja: '問い合わせ先電話番号', en: 'Contact phone' },
    contactEmail: { ja: '問い合わせ先メールアドレス', en: 'Contact email' },
    active: { ja: '利用中', en: 'Active' },
    totpRequiredRoles: { ja: '二要素認証を必須にする役割', en: 'Roles that must use two-factor sign-in' },
    appointmentRetentionDays: { ja: '来庁予約の個人情報の保存日数', en: 'Days appointment contact data is kept' },
    closedDays: { ja: '市独自の休業日', en: 'Closed days of the municipality' },
  },
});
