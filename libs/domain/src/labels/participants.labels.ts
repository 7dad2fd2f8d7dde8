import { defineResourceLabels } from './resource-labels';

export const PARTICIPANTS_LABELS = defineResourceLabels({
  one: { ja: '参加者', en: 'Participant' },
  many: { ja: '参加者', en: 'Participants' },
  fields: {
    id: { ja: 'ID', en: 'ID' },
    participantRef: { ja: 'マイキーID（下4桁）', en: 'MyKey ID (last 4)' },
    campaignId: { ja: 'キャンペーン', en: 'Campaign' },
    campaignName: { ja: 'キャンペーン', en: 'Campaign' },
    reservationId: { ja: '予約', en: 'Reservation' },
    quotaId: { ja: '予約枠', en: 'Quota' },
    quotaName: { ja: '予約枠', en: 'Quota' },
    reservedAt: { ja: '予約日時', en: 'Reserved at' },
    channel: { ja: '予約方法', en: 'Reservation channel' },
    ageBand: { ja: '年代', en: 'Age band' },
    district: { ja: '地区', en: 'District' },
    applicationId: { ja: '申し込み', en: 'Application' },
    paymentServiceId: { ja: '決済サービス', en: 'Payment service' },
    paymentServiceName: { ja: '決済サービス', en: 'Payment service' },
    appliedAt: { ja: '申し込み日時', en: 'Applied at' },
    applicationChannel: { ja: '申し込み方法', en: 'Application channel' },
    pointsTotal: { ja: '付与ポイント合計', en: 'Points total' },
    capYen: { ja: '上限（円）', en: 'Cap (yen)' },
    capReached: { ja: '上限到達', en: 'Cap reached' },
    createdAt: { ja: '登録日時', en: 'Created at' },
  },
});
