import { COMMON_FIELDS, NATIONAL_FIELD, defineResourceLabels } from './resource-labels';

export const CAMPAIGNS_LABELS = defineResourceLabels({
  one: { ja: 'キャンペーン', en: 'Campaign' },
  many: { ja: 'キャンペーン', en: 'Campaigns' },
  fields: {
    ...COMMON_FIELDS,
    name: { ja: 'キャンペーン名', en: 'Name' },
    reservationOpensOn: { ja: '予約開始日', en: 'Reservations open on' },
    reservationClosesOn: { ja: '予約終了日', en: 'Reservations close on' },
    applicationOpensOn: { ja: '申し込み開始日', en: 'Applications open on' },
    applicationClosesOn: { ja: '申し込み終了日', en: 'Applications close on' },
    earningStartsOn: { ja: 'ポイント対象期間（開始）', en: 'Earning starts on' },
    earningEndsOn: { ja: 'ポイント対象期間（終了）', en: 'Earning ends on' },
    awardRatePercent: { ja: '付与率（%）', en: 'Award rate (%)' },
    capPerPersonYen: { ja: '1人あたり上限（円）', en: 'Cap per person (yen)' },
    ...NATIONAL_FIELD,
  },
});
