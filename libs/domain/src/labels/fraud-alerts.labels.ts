import { COMMON_FIELDS, defineResourceLabels } from './resource-labels';

export const FRAUD_ALERTS_LABELS = defineResourceLabels({
  one: { ja: '詐欺情報', en: 'Fraud alert' },
  many: { ja: '詐欺情報・注意喚起', en: 'Fraud alerts' },
  fields: {
    ...COMMON_FIELDS,
    reportedAt: { ja: '受付日時', en: 'Reported at' },
    channel: { ja: '接触手段', en: 'Channel' },
    impersonated: { ja: 'かたった相手', en: 'Impersonated' },
    requestedItems: { ja: '求められたもの', en: 'Requested items' },
    damageYen: { ja: '被害額（円）', en: 'Damage (yen)' },
    district: { ja: '地区', en: 'District' },
    description: { ja: '内容', en: 'Description' },
    status: { ja: '対応状況', en: 'Status' },
    severity: { ja: '重大度', en: 'Severity' },
    noticeTitle: { ja: '注意喚起の見出し', en: 'Notice title' },
    noticeBody: { ja: '注意喚起の本文', en: 'Notice body' },
    noticePublishedAt: { ja: '注意喚起の公開日時', en: 'Notice published at' },
    noticePublishedBy: { ja: '公開した職員ID', en: 'Published by (ID)' },
    noticePublishedByName: { ja: '公開した職員', en: 'Published by' },
    noticeState: { ja: '注意喚起', en: 'Notice' },
    reportedBy: { ja: '受付職員ID', en: 'Recorded by (ID)' },
    reportedByName: { ja: '受付職員', en: 'Recorded by' },
    statusComment: { ja: '状況変更のコメント', en: 'Status comment' },
  },
});
