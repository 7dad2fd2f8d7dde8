import { COMMON_FIELDS, defineResourceLabels } from './resource-labels';

export const BENCHMARK_RATES_LABELS = defineResourceLabels({
  one: { ja: '全国・都道府県の普及率', en: 'Published rate' },
  many: { ja: '全国・都道府県の普及率', en: 'Published rates' },
  fields: {
    ...COMMON_FIELDS,
    asOf: { ja: '基準日', en: 'As of' },
    scope: { ja: '範囲', en: 'Scope' },
    applicationRatePercent: { ja: '申請率（%）', en: 'Application rate (%)' },
    issuanceRatePercent: { ja: '交付率（%）', en: 'Issuance rate (%)' },
    importId: { ja: '取り込み', en: 'Import' },
  },
});
