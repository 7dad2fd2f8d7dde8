import { COMMON_FIELDS, defineResourceLabels } from './resource-labels';

export const POINT_AWARDS_LABELS = defineResourceLabels({
  one: { ja: 'ポイント付与', en: 'Point award' },
  many: { ja: 'ポイント付与', en: 'Point awards' },
  fields: {
    ...COMMON_FIELDS,
    participantId: { ja: '参加者ID', en: 'Participant ID' },
    participantRef: { ja: 'マイキーID（末尾4桁）', en: 'MyKey ID (last 4)' },
    myKeyId: { ja: 'マイキーID', en: 'MyKey ID' },
    paymentServiceId: { ja: '決済サービス', en: 'Payment service' },
    paymentServiceName: { ja: '決済サービス', en: 'Payment service' },
    campaignId: { ja: 'キャンペーン', en: 'Campaign' },
    campaignName: { ja: 'キャンペーン', en: 'Campaign' },
    measureId: { ja: '施策', en: 'Measure' },
    measureName: { ja: '施策', en: 'Measure' },
    occurredOn: { ja: '登録日', en: 'Registered on' },
    externalId: { ja: '取引ID', en: 'Transaction ID' },
    transactionDate: { ja: '取引日', en: 'Transaction date' },
    kind: { ja: '取引種別', en: 'Kind' },
    amountYen: { ja: '金額（円）', en: 'Amount (yen)' },
    points: { ja: '付与ポイント', en: 'Points' },
    importId: { ja: '取り込みID', en: 'Import ID' },
    createdBy: { ja: '登録した職員', en: 'Created by' },
    participantPointsTotal: { ja: '参加者の付与合計', en: 'Participant total' },
    capYen: { ja: '上限（円）', en: 'Cap (yen)' },
    capReached: { ja: '上限到達', en: 'Cap reached' },
  },
});
