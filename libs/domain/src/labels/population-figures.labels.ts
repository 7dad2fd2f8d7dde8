import { COMMON_FIELDS, defineResourceLabels } from './resource-labels';

export const POPULATION_FIGURES_LABELS = defineResourceLabels({
  one: { ja: '人口とカード交付の集計', en: 'Population figure' },
  many: { ja: '人口とカード交付の集計', en: 'Population figures' },
  fields: {
    ...COMMON_FIELDS,
    asOf: { ja: '基準日', en: 'As of' },
    district: { ja: '地区', en: 'District' },
    ageBand: { ja: '年代', en: 'Age band' },
    population: { ja: '人口', en: 'Population' },
    cardApplications: { ja: 'カード申請件数', en: 'Card applications' },
    cardsIssued: { ja: 'カード交付枚数', en: 'Cards issued' },
    // Computed in the UI from the counts (libs/domain ratePercent), not stored.
    applicationRatePercent: { ja: '申請率', en: 'Application rate' },
    issuanceRatePercent: { ja: '交付率', en: 'Issuance rate' },
    importId: { ja: '取り込み', en: 'Import' },
  },
});
