import { defineEnum, DomainEnum, EnumValue, Labels } from './enum';
import { AWARD_REFUSAL } from './point-award';
import { BENCHMARK_SCOPE, POPULATION_COUNT_PROBLEM } from './card-uptake';
import { AGE_BAND, CHANNEL, TRANSACTION_KIND, type ImportType } from './uptake';

// The CSV formats of the three imports: one source for the API (header mapping,
// row checks), the admin UI (the format help and the sample file) and the docs.

export interface ImportColumn {
  /** The column name in English, as the API and the sample files write it. */
  key: string;
  label: Labels;
  /** Other header texts Japanese offices and operators use for the same column. */
  aliases: readonly string[];
  required: boolean;
  /** Accepted values, for the format help. */
  hint: Labels;
  example: string;
}

const col = (key: string, required: boolean, label: Labels, aliases: string[], hint: Labels, example: string): ImportColumn => ({
  key,
  label,
  aliases,
  required,
  hint,
  example,
});

const MYKEY = col(
  'myKeyId',
  true,
  { ja: 'マイキーID', en: 'MyKey ID' },
  ['マイキーID', 'マイキー', 'mykey', 'mykey_id'],
  { ja: '英数字8文字（大文字・小文字は区別しません）', en: '8 alphanumeric characters (case-insensitive)' },
  'AB12CD7Q',
);
const INSTANT_HINT: Labels = {
  ja: '2020-09-01 10:00、2020/09/01 10:00:00（日本時間）または 2020-09-01T10:00:00+09:00',
  en: '2020-09-01 10:00, 2020/09/01 10:00:00 (JST) or 2020-09-01T10:00:00+09:00',
};
const CHANNEL_HINT: Labels = {
  ja: 'self_smartphone / self_pc / counter（スマートフォン / パソコン / 窓口支援 も可）',
  en: 'self_smartphone / self_pc / counter (or the Japanese labels)',
};
const DATE_HINT: Labels = { ja: '2020-09-05、2020/9/5、20200905 または 令和2年9月5日', en: '2020-09-05, 2020/9/5, 20200905 or a Japanese-era date' };
const AS_OF = col('asOf', true, { ja: '基準日', en: 'As of' }, ['基準日', '時点', '集計日', '年月日', '日付'], { ja: `${DATE_HINT.ja}（今日以前）`, en: `${DATE_HINT.en} (today or earlier)` }, '2023-03-31');
const COUNT_HINT: Labels = { ja: '0以上の整数（21,000 のようなカンマ区切りも可）。人口を超えないこと', en: 'A whole number of 0 or more, at most the population' };
const RATE_HINT: Labels = { ja: '0〜100 の数（小数第2位まで。77.1 や 77.1% も可）', en: 'A number from 0 to 100 (up to two decimals; 77.1 or 77.1%)' };
const CERT_RENEWED = col(
  'certRenewedAt',
  false,
  { ja: '電子証明書更新日時', en: 'Certificate renewed at' },
  ['電子証明書更新日時', '証明書更新日時', '更新日時'],
  { ja: '任意。更新から24時間以内の予約・申し込みは受け付けません', en: 'Optional. Within 24 hours after a renewal nothing is accepted' },
  '',
);

export const IMPORT_COLUMNS: Readonly<Record<ImportType, readonly ImportColumn[]>> = {
  reservations: [
    MYKEY,
    col('reservedAt', true, { ja: '予約日時', en: 'Reserved at' }, ['予約日時', '予約日'], INSTANT_HINT, '2020-09-01 10:00'),
    col('channel', true, { ja: '予約方法', en: 'Channel' }, ['予約方法', '経路', 'チャネル', 'チャンネル'], CHANNEL_HINT, 'self_smartphone'),
    col('ageBand', false, { ja: '年代', en: 'Age band' }, ['年代', '年齢層'], { ja: '任意。under_20 / 20s … 70_plus（20歳未満 / 20代 … 70歳以上 も可）', en: 'Optional. under_20 / 20s … 70_plus' }, '40s'),
    col('district', false, { ja: '地区', en: 'District' }, ['地区', '地域'], { ja: '任意。40文字以内', en: 'Optional. Up to 40 characters' }, '水原'),
    CERT_RENEWED,
    col('quotaId', false, { ja: '予約枠ID', en: 'Quota ID' }, ['予約枠ID', '予約枠'], { ja: '任意。省略時は予約日時を受付期間に含む予約枠', en: 'Optional. Default: the quota whose window contains reservedAt' }, ''),
  ],
  applications: [
    MYKEY,
    col('paymentServiceId', false, { ja: '決済サービスID', en: 'Payment service ID' }, ['決済サービスID', 'サービスID'], { ja: '決済サービスID か 決済サービス名 のどちらか', en: 'Either the payment service ID or its name' }, '1'),
    col('paymentService', false, { ja: '決済サービス名', en: 'Payment service' }, ['決済サービス名', '決済サービス', 'サービス名'], { ja: '登録されている名前（大文字・小文字は区別しません）', en: 'The registered name (case-insensitive)' }, ''),
    col('appliedAt', true, { ja: '申込日時', en: 'Applied at' }, ['申込日時', '申し込み日時', '申込日', '申し込み日'], INSTANT_HINT, '2020-09-02 14:30'),
    col('channel', true, { ja: '申込方法', en: 'Channel' }, ['申込方法', '申し込み方法', '経路', 'チャネル'], CHANNEL_HINT, 'counter'),
    col('preRegistered', false, { ja: '事前登録済み', en: 'Pre-registered' }, ['事前登録済み', '事前登録済', '事前登録'], { ja: '任意。true / false（はい / いいえ、済 / 未 も可）。既定: false', en: 'Optional. true / false. Default: false' }, 'false'),
    CERT_RENEWED,
  ],
  'point-awards': [
    col('externalId', true, { ja: '取引ID', en: 'Transaction ID' }, ['取引ID', '取引番号', '外部ID'], { ja: '事業者の取引ID（決済サービスごとに一意、100文字以内）', en: "The operator's transaction id (unique per service)" }, 'TX-20200905-0001'),
    MYKEY,
    col('transactionDate', true, { ja: '取引日', en: 'Transaction date' }, ['取引日', '利用日', '決済日', 'チャージ日'], { ja: '2020-09-05、2020/9/5、20200905 または 令和2年9月5日', en: '2020-09-05, 2020/9/5, 20200905 or a Japanese-era date' }, '2020-09-05'),
    col('kind', true, { ja: '取引種別', en: 'Kind' }, ['取引種別', '種別', '区分'], { ja: 'charge / purchase（チャージ / 購入 も可）', en: 'charge / purchase' }, 'charge'),
    col('amountYen', true, { ja: '金額（円）', en: 'Amount (yen)' }, ['金額（円）', '金額', '利用金額', '取引金額', 'チャージ金額'], { ja: '1円以上の整数（20,000 のようなカンマ区切りも可）', en: 'A whole number of yen, at least 1' }, '20000'),
  ],
  // Aggregates of the resident register, one row per district and age band: never a person.
  'population-figures': [
    AS_OF,
    col('district', true, { ja: '地区', en: 'District' }, ['地区', '地域', '地区名'], { ja: '40文字以内', en: 'Up to 40 characters' }, '水原'),
    col('ageBand', true, { ja: '年代', en: 'Age band' }, ['年代', '年齢層', '年齢区分'], { ja: 'under_20 / 20s … 70_plus（20歳未満 / 20代 … 70歳以上 も可）', en: 'under_20 / 20s … 70_plus' }, '40s'),
    col('population', true, { ja: '人口', en: 'Population' }, ['人口', '住民基本台帳人口', '住民数'], { ja: '0以上の整数（21,000 のようなカンマ区切りも可）', en: 'A whole number of 0 or more' }, '2730'),
    col('cardApplications', true, { ja: 'カード申請件数', en: 'Card applications' }, ['カード申請件数', '申請件数', '交付申請件数', '申請数'], COUNT_HINT, '2105'),
    col('cardsIssued', true, { ja: 'カード交付枚数', en: 'Cards issued' }, ['カード交付枚数', '交付枚数', '交付件数', '交付数'], COUNT_HINT, '1980'),
  ],
  // MIC's published rates (総務省「マイナンバーカード交付状況」).
  'benchmark-rates': [
    AS_OF,
    col('scope', true, { ja: '範囲', en: 'Scope' }, ['範囲', '区分', '対象'], { ja: 'national / prefecture（全国 / 都道府県 も可）', en: 'national / prefecture' }, 'national'),
    col('applicationRatePercent', true, { ja: '申請率（%）', en: 'Application rate (%)' }, ['申請率（%）', '申請率', '申請件数率'], RATE_HINT, '76.9'),
    col('issuanceRatePercent', true, { ja: '交付率（%）', en: 'Issuance rate (%)' }, ['交付率（%）', '交付率', '交付枚数率', '人口に対する交付枚数率'], RATE_HINT, '67.0'),
  ],
};

/** A header cell compared loosely: width, case, spaces, underscores, brackets and the unit 円 do not matter. */
export function normalizeHeader(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-・]/g, '')
    .replace(/\(円\)|円$/g, '')
    .replace(/[()]/g, '');
}

export interface HeaderMatch {
  /** Column key → index in the file's header row. */
  indexOf: Record<string, number>;
  /** Required columns the header lacks. */
  missing: ImportColumn[];
}

/** Maps a file's header row to the columns of an import type (first match wins; unknown columns are ignored). */
export function matchHeader(type: ImportType, header: readonly string[]): HeaderMatch {
  const normalized = header.map(normalizeHeader);
  const indexOf: Record<string, number> = {};
  for (const column of IMPORT_COLUMNS[type]) {
    const names = new Set([column.key, ...column.aliases].map(normalizeHeader));
    const at = normalized.findIndex((h) => names.has(h));
    if (at >= 0) indexOf[column.key] = at;
  }
  const missing = IMPORT_COLUMNS[type].filter((c) => c.required && indexOf[c.key] === undefined);
  // An application names its service by id or by name: one of the two is required.
  if (type === 'applications' && indexOf.paymentServiceId === undefined && indexOf.paymentService === undefined) {
    missing.push(IMPORT_COLUMNS.applications.find((c) => c.key === 'paymentServiceId')!);
  }
  return { indexOf, missing };
}

/** A small sample file for an import type (header and two rows), as the admin UI offers it. */
export function sampleCsv(type: ImportType): string {
  const rows: Record<ImportType, string[]> = {
    reservations: ['myKeyId,reservedAt,channel,ageBand,district,certRenewedAt', 'AB12CD7Q,2020-09-01 10:00,self_smartphone,40s,水原,', 'ZX98YW6V,2020-09-01 10:05,counter,70_plus,安田,2020-08-30 09:00'],
    applications: ['myKeyId,paymentService,appliedAt,channel,preRegistered', 'AB12CD7Q,PayPay,2020-09-02 14:30,self_smartphone,false', 'ZX98YW6V,WAON,2020-09-03 10:00,counter,true'],
    'point-awards': ['externalId,myKeyId,transactionDate,kind,amountYen', 'TX-20200905-0001,AB12CD7Q,2020-09-05,charge,4000', 'TX-20200920-0002,AB12CD7Q,2020-09-20,purchase,16000'],
    'population-figures': ['asOf,district,ageBand,population,cardApplications,cardsIssued', '2023-03-31,水原,40s,2730,2105,1980', '2023-03-31,水原,70_plus,5250,3990,3801'],
    'benchmark-rates': ['asOf,scope,applicationRatePercent,issuanceRatePercent', '2023-03-31,national,76.9,67.0', '2023-03-31,prefecture,75.8,66.1'],
  };
  return rows[type].join('\r\n') + '\r\n';
}

/**
 * The error for a cell that must be one of an enum's values. Cells accept the Japanese
 * labels as well as the codes, and the people who read the message write the labels:
 * it lists those, and says the codes work too.
 */
export function enumCellError(field: Labels, e: DomainEnum<string>): Labels {
  const ja = e.values.map((v) => e.labels[v].ja).join(' / ');
  const codes = e.values.join(' / ');
  return {
    ja: `${field.ja}は ${ja} のいずれかで指定してください（英字のコード ${codes} も使えます）。`,
    en: `${field.en} must be one of ${codes} (or the Japanese labels ${ja}).`,
  };
}

// Why a row was not taken. Messages never repeat the row's content: they are stored
// and shown, and a cell may hold what must not be kept.
export const IMPORT_ROW_ERROR = defineEnum({
  my_number: {
    ja: 'マイナンバー（12桁の個人番号）と思われる番号が含まれているため、この行は取り込んでいません（マイナンバーは記録できません）。',
    en: 'The row holds what looks like a My Number; it was not imported (My Numbers must not be recorded).',
  },
  // A NUL character cannot be stored: without this one such row failed the whole import.
  invalid_characters: {
    ja: '使用できない文字（NUL 文字など、バイナリデータと思われるもの）が含まれているため、この行は取り込んでいません。',
    en: 'The row holds characters that cannot be stored (NUL, likely binary data); it was not imported.',
  },
  mykey_id_invalid: { ja: 'マイキーIDは英数字8文字で指定してください。', en: 'The MyKey ID must be 8 alphanumeric characters.' },
  reserved_at_invalid: { ja: '予約日時が空か、形式が正しくありません（例: 2020-09-01 10:00）。', en: 'reservedAt is missing or malformed (e.g. 2020-09-01 10:00).' },
  applied_at_invalid: { ja: '申込日時が空か、形式が正しくありません（例: 2020-09-02 14:30）。', en: 'appliedAt is missing or malformed (e.g. 2020-09-02 14:30).' },
  reserved_at_in_future: { ja: '予約日時が未来の日時です（記録できるのは実際にあった予約だけです）。', en: 'reservedAt is in the future.' },
  applied_at_in_future: { ja: '申込日時が未来の日時です（記録できるのは実際にあった申し込みだけです）。', en: 'appliedAt is in the future.' },
  cert_renewed_at_invalid: { ja: '電子証明書更新日時の形式が正しくありません（例: 2020-08-30 09:00）。', en: 'certRenewedAt is malformed.' },
  channel_invalid: enumCellError({ ja: '予約・申込方法', en: 'channel' }, CHANNEL),
  age_band_invalid: enumCellError({ ja: '年代', en: 'ageBand' }, AGE_BAND),
  district_too_long: { ja: '地区は40文字以内で指定してください。', en: 'district must be at most 40 characters.' },
  quota_id_invalid: { ja: '予約枠IDは正の整数で指定してください。', en: 'quotaId must be a positive integer.' },
  payment_service_invalid: { ja: '決済サービス（ID または名前）が空か、IDが整数ではありません。', en: 'The payment service (id or name) is missing or the id is not an integer.' },
  pre_registered_invalid: { ja: '事前登録済みは true / false で指定してください。', en: 'preRegistered must be true or false.' },
  external_id_invalid: { ja: '取引IDが空か、100文字を超えています。', en: 'externalId is missing or longer than 100 characters.' },
  transaction_date_invalid: { ja: '取引日が空か、日付として正しくありません（例: 2020-09-05）。', en: 'transactionDate is missing or not a valid date (e.g. 2020-09-05).' },
  kind_invalid: enumCellError({ ja: '取引種別', en: 'kind' }, TRANSACTION_KIND),
  amount_invalid: { ja: '金額は整数（円）で指定してください。', en: 'amountYen must be a whole number of yen.' },
  amount_not_positive: { ja: '金額は1円以上で指定してください（0円・マイナスは取り込めません）。', en: 'amountYen must be at least 1 (zero and negative amounts are refused).' },
  campaign_unknown: {
    ja: 'キャンペーンを特定できません（日付がどのキャンペーンの期間にも含まれません）。取り込み時にキャンペーンを指定してください。',
    en: 'No campaign matches the row (its date is in no campaign period). Choose the campaign when importing.',
  },
  quota_unknown: { ja: '指定された予約枠がこのキャンペーンにありません。', en: 'The quota does not exist in this campaign.' },
  quota_closed: { ja: '予約日時に受付中の予約枠がありません（受付期間外）。', en: 'No quota accepts reservations at reservedAt (outside its window).' },
  quota_full: { ja: '予約枠が上限に達したため受け付けられません（予算の範囲内で先着順）。', en: 'The quota is full (first come, first served).' },
  within_24h_of_renewal: { ja: '電子証明書の更新から24時間以内のため受け付けられません。', en: 'Within 24 hours after the certificate renewal.' },
  already_reserved: { ja: 'このマイキーIDは、このキャンペーンで既に別の内容で予約されています。', en: 'This MyKey ID already has a different reservation in the campaign.' },
  mykey_repeated_in_file: { ja: 'このマイキーIDは、ファイル内の前の行と異なる内容で重複しています。', en: 'This MyKey ID appears earlier in the file with different content.' },
  campaign_ambiguous: {
    ja: 'このマイキーIDは複数のキャンペーンで予約されています。取り込み時にキャンペーンを指定してください。',
    en: 'This MyKey ID has reservations in several campaigns: choose the campaign when importing.',
  },
  applied_before_reservation: { ja: '申込日時が予約日時より前です。', en: 'appliedAt is before the reservation.' },
  no_reservation: { ja: 'このマイキーIDの予約がこのキャンペーンにありません（申し込みには予約が必要です）。', en: 'No reservation for this MyKey ID in the campaign.' },
  payment_service_unknown: { ja: '決済サービスが登録されていません。', en: 'Unknown payment service.' },
  payment_service_not_active: { ja: '決済サービスが受付中ではありません（一時停止または撤退）。', en: 'The payment service is not active.' },
  payment_service_not_open: { ja: '申込日が決済サービスの申し込み開始日より前です。', en: 'The application is dated before the service opened for applications.' },
  outside_application_period: { ja: '申込日時がキャンペーンの申し込み期間外です。', en: 'appliedAt is outside the campaign application period.' },
  pre_registration_required: { ja: 'この決済サービスは事業者への事前登録が必要です（事前登録済みが true の行のみ受け付けます）。', en: 'The service needs pre-registration (preRegistered must be true).' },
  already_applied: { ja: '既に別の内容で申し込み済みです（決済サービスは変更できません）。', en: 'Already applied with different content (the service cannot be changed).' },
  participant_unknown: { ja: 'このマイキーIDの予約・申し込みがこのキャンペーンにありません。', en: 'No participant with this MyKey ID in the campaign.' },
  not_applied_to_measure: {
    ja: 'このマイキーIDは、取引日が対象となる施策に申し込んでいません（前の回の申し込みは引き継がれません。施策ごとに申し込みが必要です）。',
    en: 'This MyKey ID has not applied to the measure the transaction date falls in (an earlier round’s application does not carry over).',
  },
  not_applied_to_service: AWARD_REFUSAL.labels.not_applied_to_service,
  outside_earning_period: AWARD_REFUSAL.labels.outside_earning_period,
  external_id_conflict: { ja: 'この取引IDは、この決済サービスで既に別の内容で登録されています。', en: 'This transaction id is already recorded for the service with different content.' },
  external_id_repeated_in_file: { ja: 'この取引IDは、ファイル内の前の行と異なる内容で重複しています。', en: 'This transaction id appears earlier in the file with different content.' },
  as_of_invalid: { ja: '基準日が空か、日付として正しくありません（例: 2023-03-31）。', en: 'asOf is missing or not a valid date (e.g. 2023-03-31).' },
  as_of_in_future: { ja: '基準日が未来の日付です（集計済みの数字だけを取り込めます）。', en: 'asOf is in the future.' },
  district_invalid: { ja: '地区が空か、40文字を超えています。', en: 'district is missing or longer than 40 characters.' },
  count_invalid: { ja: '人口・申請件数・交付枚数は整数で指定してください。', en: 'population, cardApplications and cardsIssued must be whole numbers.' },
  count_negative: POPULATION_COUNT_PROBLEM.labels.negative,
  count_above_population: POPULATION_COUNT_PROBLEM.labels.above_population,
  cell_repeated_in_file: {
    ja: '同じ基準日・地区・年代の行が、ファイル内の前の行と異なる数字で重複しています。',
    en: 'The same asOf, district and age band appear earlier in the file with other figures.',
  },
  scope_invalid: enumCellError({ ja: '範囲', en: 'scope' }, BENCHMARK_SCOPE),
  rate_invalid: { ja: '申請率・交付率は 0〜100 の数（小数第2位まで）で指定してください。', en: 'Rates must be numbers from 0 to 100 with at most two decimals.' },
  rate_repeated_in_file: {
    ja: '同じ基準日・範囲の行が、ファイル内の前の行と異なる率で重複しています。',
    en: 'The same asOf and scope appear earlier in the file with other rates.',
  },
});
export type ImportRowError = EnumValue<typeof IMPORT_ROW_ERROR>;
