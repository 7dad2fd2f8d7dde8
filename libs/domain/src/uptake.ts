import { defineEnum, EnumValue } from './enum';

// How a resident reserved or applied: on their own phone, their own PC, or helped at a counter.
export const CHANNEL = defineEnum({
  self_smartphone: { ja: 'スマートフォン', en: 'Smartphone' },
  self_pc: { ja: 'パソコン', en: 'PC' },
  counter: { ja: '窓口支援', en: 'Counter' },
});
export type Channel = EnumValue<typeof CHANNEL>;

export const AGE_BAND = defineEnum({
  under_20: { ja: '20歳未満', en: 'Under 20' },
  '20s': { ja: '20代', en: '20s' },
  '30s': { ja: '30代', en: '30s' },
  '40s': { ja: '40代', en: '40s' },
  '50s': { ja: '50代', en: '50s' },
  '60s': { ja: '60代', en: '60s' },
  '70_plus': { ja: '70歳以上', en: '70 and over' },
});
export type AgeBand = EnumValue<typeof AGE_BAND>;

export const QUOTA_STATUS = defineEnum({
  open: { ja: '受付中', en: 'Open' },
  full: { ja: '上限到達', en: 'Full' },
  closed: { ja: '受付期間外', en: 'Closed' },
});
export type QuotaStatus = EnumValue<typeof QUOTA_STATUS>;

export const IMPORT_TYPE = defineEnum({
  reservations: { ja: '予約', en: 'Reservations' },
  applications: { ja: '申し込み', en: 'Applications' },
  'point-awards': { ja: 'ポイント付与（事業者報告）', en: 'Point awards (operator report)' },
  'population-figures': { ja: '人口とカード交付の集計（住民基本台帳）', en: 'Population and card figures (resident register)' },
  'benchmark-rates': { ja: '全国・都道府県の普及率（総務省公表）', en: 'National and prefectural rates (MIC)' },
});
export type ImportType = EnumValue<typeof IMPORT_TYPE>;

export const IMPORT_STATUS = defineEnum({
  queued: { ja: '待機中', en: 'Queued' },
  running: { ja: '処理中', en: 'Running' },
  done: { ja: '完了', en: 'Done' },
  failed: { ja: '失敗', en: 'Failed' },
});
export type ImportStatus = EnumValue<typeof IMPORT_STATUS>;

export const TRANSACTION_KIND = defineEnum({
  charge: { ja: 'チャージ', en: 'Charge' },
  purchase: { ja: '購入', en: 'Purchase' },
});
export type TransactionKind = EnumValue<typeof TRANSACTION_KIND>;
