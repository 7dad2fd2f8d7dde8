import { COMMON_FIELDS, defineResourceLabels } from './resource-labels';

export const APPLICATIONS_LABELS = defineResourceLabels({
  one: { ja: 'ポイント申し込み', en: 'Application' },
  many: { ja: 'ポイント申し込み', en: 'Applications' },
  fields: {
    ...COMMON_FIELDS,
    campaignId: { ja: 'キャンペーン', en: 'Campaign' },
    campaignName: { ja: 'キャンペーン', en: 'Campaign' },
    measureId: { ja: '施策', en: 'Measure' },
    measureName: { ja: '施策', en: 'Measure' },
    cardAppliedOn: { ja: 'カードの申請日', en: 'Card applied on' },
    age: { ja: '年齢（申し込み時）', en: 'Age (when applying)' },
    participantId: { ja: '参加者', en: 'Participant' },
    myKeyId: { ja: 'マイキーID', en: 'MyKey ID' },
    participantRef: { ja: 'マイキーID（下4桁）', en: 'MyKey ID (last 4)' },
    paymentServiceId: { ja: '決済サービス', en: 'Payment service' },
    paymentServiceName: { ja: '決済サービス', en: 'Payment service' },
    appliedAt: { ja: '申し込み日時', en: 'Applied at' },
    channel: { ja: '申し込み方法', en: 'Channel' },
    preRegistered: { ja: '事前登録済み', en: 'Pre-registered' },
    reapplication: { ja: '再申込（削除後）', en: 'Re-application (after a deletion)' },
    certRenewedAt: { ja: '電子証明書の更新日時', en: 'Certificate renewed at' },
    certIssuedAt: { ja: '電子証明書の発行日時', en: 'Certificate issued at' },
    createdBy: { ja: '登録した職員', en: 'Entered by' },
    createdByName: { ja: '登録した職員', en: 'Entered by' },
  },
});
