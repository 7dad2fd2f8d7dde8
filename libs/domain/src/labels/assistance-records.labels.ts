import { COMMON_FIELDS, defineResourceLabels } from './resource-labels';

export const ASSISTANCE_RECORDS_LABELS = defineResourceLabels({
  one: { ja: '窓口支援記録', en: 'Counter assistance record' },
  many: { ja: '窓口支援記録', en: 'Counter assistance records' },
  fields: {
    ...COMMON_FIELDS,
    visitedAt: { ja: '来庁日時', en: 'Visited at' },
    office: { ja: '窓口', en: 'Office' },
    staffId: { ja: '担当職員ID', en: 'Staff ID' },
    staffName: { ja: '担当職員', en: 'Staff' },
    assistanceTypes: { ja: '支援内容', en: 'Assistance' },
    paymentServiceId: { ja: '決済サービス', en: 'Payment service' },
    paymentServiceName: { ja: '決済サービス', en: 'Payment service' },
    outcome: { ja: '結果', en: 'Outcome' },
    unableReason: { ja: '対応不可の理由', en: 'Reason unable' },
    durationMinutes: { ja: '所要時間（分）', en: 'Duration (min)' },
    ageBand: { ja: '年代', en: 'Age band' },
    district: { ja: '地区', en: 'District' },
    proxy: { ja: '代理', en: 'Proxy' },
    sharedTerminalUsed: { ja: '共用端末を操作', en: 'Shared terminal used' },
    terminalId: { ja: '使った共用端末', en: 'Terminal' },
    terminalLoggedOut: { ja: '端末ログアウト確認', en: 'Terminal logged out' },
    serviceIdReadBack: { ja: '決済サービスID読み上げ確認', en: 'Service ID read back' },
    notes: { ja: '備考', en: 'Notes' },
  },
});
