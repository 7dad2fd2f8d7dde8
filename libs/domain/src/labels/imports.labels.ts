import { COMMON_FIELDS, defineResourceLabels } from './resource-labels';

export const IMPORTS_LABELS = defineResourceLabels({
  one: { ja: 'データ取り込み', en: 'Import' },
  many: { ja: 'データ取り込み', en: 'Imports' },
  fields: {
    ...COMMON_FIELDS,
    type: { ja: '種類', en: 'Type' },
    status: { ja: '状態', en: 'Status' },
    phase: { ja: '処理段階', en: 'Phase' },
    paymentServiceId: { ja: '決済サービス', en: 'Payment service' },
    campaignId: { ja: 'キャンペーン', en: 'Campaign' },
    filename: { ja: 'ファイル名', en: 'File name' },
    encoding: { ja: '文字コード', en: 'Encoding' },
    rowsTotal: { ja: '行数', en: 'Rows' },
    rowsDone: { ja: '処理済み行数', en: 'Rows done' },
    accepted: { ja: '取り込み件数', en: 'Accepted' },
    rejected: { ja: 'エラー件数', en: 'Rejected' },
    duplicates: { ja: '重複（登録済み）件数', en: 'Duplicates' },
    message: { ja: 'メッセージ', en: 'Message' },
    createdBy: { ja: '取り込んだ職員', en: 'Imported by' },
    createdByName: { ja: '取り込んだ職員', en: 'Imported by' },
    startedAt: { ja: '開始日時', en: 'Started at' },
    finishedAt: { ja: '完了日時', en: 'Finished at' },
    file: { ja: 'CSVファイル', en: 'CSV file' },
    errors: { ja: 'エラー行', en: 'Errors' },
  },
});
