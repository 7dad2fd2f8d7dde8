import { COMMON_FIELDS, defineResourceLabels } from './resource-labels';

export const RESERVATIONS_LABELS = defineResourceLabels({
  one: { ja: 'マイナポイント予約', en: 'Reservation' },
  many: { ja: 'マイナポイント予約', en: 'Reservations' },
  fields: {
    ...COMMON_FIELDS,
    quotaId: { ja: '予約枠', en: 'Quota' },
    quotaName: { ja: '予約枠', en: 'Quota' },
    campaignId: { ja: 'キャンペーン', en: 'Campaign' },
    campaignName: { ja: 'キャンペーン', en: 'Campaign' },
    participantId: { ja: '参加者', en: 'Participant' },
    myKeyId: { ja: 'マイキーID', en: 'MyKey ID' },
    participantRef: { ja: 'マイキーID（下4桁）', en: 'MyKey ID (last 4)' },
    channel: { ja: '予約方法', en: 'Channel' },
    reservedAt: { ja: '予約日時', en: 'Reserved at' },
    ageBand: { ja: '年代', en: 'Age band' },
    district: { ja: '地区', en: 'District' },
    certRenewedAt: { ja: '電子証明書の更新日時', en: 'Certificate renewed at' },
    certIssuedAt: { ja: '電子証明書の発行日時', en: 'Certificate issued at' },
    createdBy: { ja: '登録した職員', en: 'Entered by' },
    createdByName: { ja: '登録した職員', en: 'Entered by' },
    applied: { ja: '申し込み済み', en: 'Applied' },
  },
});
