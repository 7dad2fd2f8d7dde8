import { COMMON_FIELDS, defineResourceLabels } from './resource-labels';

export const TARGETS_LABELS = defineResourceLabels({
  one: { ja: '普及の目標', en: 'Target' },
  many: { ja: '普及の目標', en: 'Targets' },
  fields: {
    ...COMMON_FIELDS,
    name: { ja: '目標の名称', en: 'Name' },
    metric: { ja: '指標', en: 'Metric' },
    percent: { ja: '目標値（%）', en: 'Target (%)' },
    dueOn: { ja: '期限', en: 'Due on' },
  },
});
