import { COMMON_FIELDS, defineResourceLabels } from './resource-labels';

export const RESERVATION_QUOTAS_LABELS = defineResourceLabels({
  one: { ja: '予約枠', en: 'Reservation quota' },
  many: { ja: '予約枠（予約上限）', en: 'Reservation quotas' },
  fields: {
    ...COMMON_FIELDS,
    campaignId: { ja: 'キャンペーン', en: 'Campaign' },
    campaignName: { ja: 'キャンペーン', en: 'Campaign' },
    name: { ja: '予約枠の名称', en: 'Name' },
    capacity: { ja: '上限数', en: 'Capacity' },
    warnAtPercent: { ja: '警告する充足率（%）', en: 'Warn at (%)' },
    opensAt: { ja: '受付開始日時', en: 'Opens at' },
    closesAt: { ja: '受付終了日時', en: 'Closes at' },
    used: { ja: '予約数', en: 'Used' },
    remaining: { ja: '残り', en: 'Remaining' },
    status: { ja: '状態', en: 'Status' },
    fillRate: { ja: '充足率', en: 'Fill rate' },
  },
});
