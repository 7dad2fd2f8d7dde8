import { INSTALLATION } from '../../common/db/tenant';
import { SeedStep } from './seed-context';

type Row = [name: string, operator: string, kind: string, preReg: boolean, opensOn: string, awardTiming: string, pointExpiry: string, status?: string];

// A registry modelled on Round 1's list of services: most opened for applications on
// 2020-07-01, some later; several needed a pre-registration with the operator.
export const DEMO_PAYMENT_SERVICES: Row[] = [
  ['PayPay', 'PayPay株式会社', 'qr_code', false, '2020-07-01', '決済の翌月10日頃', '付与から無期限'],
  ['d払い', '株式会社NTTドコモ', 'qr_code', false, '2020-07-01', '決済の翌月末頃', '付与から6か月'],
  ['au PAY', 'KDDI株式会社', 'qr_code', false, '2020-07-01', 'チャージ時に即時', '付与から無期限'],
  ['楽天ペイ', '楽天ペイメント株式会社', 'qr_code', false, '2020-07-01', '決済の翌月末頃', '付与から6か月'],
  ['メルペイ', '株式会社メルペイ', 'qr_code', false, '2020-07-01', '決済の翌日', '付与から365日'],
  ['LINE Pay', 'LINE Pay株式会社', 'qr_code', false, '2020-07-01', '決済の翌月20日頃', '付与から180日'],
  ['ゆうちょPay', '株式会社ゆうちょ銀行', 'qr_code', true, '2020-07-01', '決済の翌月', '付与から6か月'],
  ['FamiPay', '株式会社ファミマデジタルワン', 'qr_code', false, '2020-09-01', 'チャージの翌月', '付与から6か月'],
  ['atone', '株式会社ネットプロテクションズ', 'qr_code', false, '2020-10-01', '決済の翌月', '付与から1年'],
  ['WAON', 'イオンリテール株式会社', 'ic_emoney', true, '2020-07-01', '店頭で受け取り', '付与から1年'],
  ['nanaco', '株式会社セブン・カードサービス', 'ic_emoney', true, '2020-07-01', 'チャージの翌月', '付与から2年'],
  ['楽天Edy', '楽天Edy株式会社', 'ic_emoney', false, '2020-07-01', '店頭で受け取り', '受け取りから無期限'],
  ['Suica', '東日本旅客鉄道株式会社', 'ic_emoney', true, '2020-07-01', 'JRE POINTで翌月', '最後の利用から2年'],
  ['PASMO', '株式会社パスモ', 'ic_emoney', true, '2020-09-01', '翌月に駅で受け取り', '最後の利用から10年'],
  ['manaca', '株式会社エムアイシー', 'ic_emoney', true, '2020-08-01', '翌月に駅で受け取り', '最後の利用から10年'],
  ['ICOCA', '西日本旅客鉄道株式会社', 'ic_emoney', true, '2020-08-01', '翌月に駅で受け取り', '最後の利用から10年'],
  ['イオンカード', 'イオンフィナンシャルサービス株式会社', 'credit_card', false, '2020-07-01', '利用の翌々月', '付与から1年'],
  ['三井住友カード', '三井住友カード株式会社', 'credit_card', false, '2020-07-01', '利用の翌々月', '請求額から減額'],
  ['JCBカード', '株式会社ジェーシービー', 'credit_card', false, '2020-07-01', '利用の翌々月', '請求額から減額'],
  ['セゾンカード', '株式会社クレディセゾン', 'credit_card', false, '2020-07-01', '利用の翌々月', '請求額から減額'],
  ['楽天カード', '楽天カード株式会社', 'credit_card', false, '2020-07-01', '利用の翌月末', '付与から6か月'],
  ['dカード', '株式会社NTTドコモ', 'credit_card', false, '2020-07-01', '利用の翌月', '付与から6か月'],
  ['au PAY カード', 'auフィナンシャルサービス株式会社', 'credit_card', false, '2020-07-01', '利用の翌月', '付与から無期限'],
  ['エポスカード', '株式会社エポスカード', 'credit_card', false, '2020-09-01', '利用の翌月', '付与から2年'],
  ['第四北越VISAカード', '株式会社第四北越銀行カード', 'credit_card', false, '2020-09-15', '利用の翌々月', '請求額から減額'],
  ['三菱UFJ-VISAデビット', '株式会社三菱UFJ銀行', 'debit_card', false, '2020-07-01', '利用の翌月', '口座へ入金'],
  ['ソニー銀行 Sony Bank WALLET', 'ソニー銀行株式会社', 'debit_card', false, '2020-09-01', '利用の翌月', '口座へ入金'],
  ['Kyash', '株式会社Kyash', 'prepaid', false, '2020-07-01', 'チャージの翌月', '付与から無期限'],
  ['au PAY プリペイドカード', 'KDDI株式会社', 'prepaid', false, '2020-07-01', 'チャージ時に即時', '付与から無期限'],
  ['ANA Pay（旧）', '全日本空輸株式会社', 'prepaid', true, '2020-10-15', 'チャージの翌月', '付与から1年', 'suspended'],
  ['地域ポイントカード（試行）', '阿賀野市商工会（仮）', 'other', true, '2021-01-04', '翌月に窓口で受け取り', '付与から6か月', 'withdrawn'],
];

// How staff say the names (PayPay → ぺいぺい): the list sorts by these readings, so it
// reads in gojūon order. Every demo service has one.
export const DEMO_READINGS: Readonly<Record<string, string>> = {
  'PayPay': 'ぺいぺい',
  'd払い': 'でぃーばらい',
  'au PAY': 'えーゆーぺい',
  '楽天ペイ': 'らくてんぺい',
  'メルペイ': 'めるぺい',
  'LINE Pay': 'らいんぺい',
  'ゆうちょPay': 'ゆうちょぺい',
  'FamiPay': 'ふぁみぺい',
  'atone': 'あとね',
  'WAON': 'わおん',
  'nanaco': 'ななこ',
  '楽天Edy': 'らくてんえでぃ',
  'Suica': 'すいか',
  'PASMO': 'ぱすも',
  'manaca': 'まなか',
  'ICOCA': 'いこか',
  'イオンカード': 'いおんかーど',
  '三井住友カード': 'みついすみともかーど',
  'JCBカード': 'じぇーしーびーかーど',
  'セゾンカード': 'せぞんかーど',
  '楽天カード': 'らくてんかーど',
  'dカード': 'でぃーかーど',
  'au PAY カード': 'えーゆーぺい かーど',
  'エポスカード': 'えぽすかーど',
  '第四北越VISAカード': 'だいしほくえつびざかーど',
  '三菱UFJ-VISAデビット': 'みつびしゆーえふじぇーびざでびっと',
  'ソニー銀行 Sony Bank WALLET': 'そにーぎんこう そにーばんく うぉれっと',
  'Kyash': 'きゃっしゅ',
  'au PAY プリペイドカード': 'えーゆーぺい ぷりぺいどかーど',
  'ANA Pay（旧）': 'あなぺい',
  '地域ポイントカード（試行）': 'ちいきぽいんとかーど',
};

// The city's own trial card; every other service is in the national registry.
export const CITY_OWN_SERVICES: ReadonlySet<string> = new Set(['地域ポイントカード（試行）']);

// The national registry is the operator's (municipality_code NULL, written as the
// installation) and every municipality reads it; the trial card is the demo city's own.
export const paymentServicesSeed: SeedStep = {
  name: 'payment services (the national registry, the city’s own trial card)',
  async run(ctx) {
    const insert = async (rows: Row[]) => {
      for (const [name, operator, kind, preReg, opensOn, awardTiming, pointExpiry, status] of rows) {
        await ctx.query(
          `INSERT INTO payment_services (name, operator, kind, pre_registration_required, applications_open_on, award_timing, point_expiry, status, name_kana)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING`,
          [name, operator, kind, preReg, opensOn, awardTiming, pointExpiry, status ?? 'active', DEMO_READINGS[name]],
        );
      }
    };
    await ctx.asMunicipality(INSTALLATION, () => insert(DEMO_PAYMENT_SERVICES.filter(([name]) => !CITY_OWN_SERVICES.has(name))));
    await insert(DEMO_PAYMENT_SERVICES.filter(([name]) => CITY_OWN_SERVICES.has(name)));
  },
};
