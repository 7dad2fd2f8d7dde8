import { defineEnum, EnumValue } from './enum';

// A warning notice (注意喚起) drafted on an alert: none yet, drafted, or published.
export const NOTICE_STATE = defineEnum({
  none: { ja: 'なし', en: 'None' },
  draft: { ja: '下書き', en: 'Draft' },
  published: { ja: '公開済み', en: 'Published' },
});
export type NoticeState = EnumValue<typeof NOTICE_STATE>;

export const NOTICE_TITLE_MAX = 100;
export const NOTICE_BODY_MAX = 2000;

// Where residents are told to turn (DOMAIN.md; printed on every flyer).
export const FRAUD_REFERRALS = [
  { key: 'police', number: '#9110', ja: '警察相談専用電話', en: 'Police consultation line' },
  { key: 'consumer', number: '188', ja: '消費者ホットライン（いやや！）', en: 'Consumer hotline' },
  { key: 'my_number', number: '0120-95-0178', ja: 'マイナンバー総合フリーダイヤル', en: 'My Number hotline (toll-free)' },
] as const;

export function noticeState(n: { noticeTitle?: string | null; noticeBody?: string | null; noticePublishedAt?: unknown }): NoticeState {
  if (n.noticePublishedAt) return 'published';
  return hasText(n.noticeTitle) || hasText(n.noticeBody) ? 'draft' : 'none';
}

/** Both a title and a body with more than white space: a notice that can be published. */
export function isNoticeComplete(n: { noticeTitle?: string | null; noticeBody?: string | null }): boolean {
  return hasText(n.noticeTitle) && hasText(n.noticeBody);
}

function hasText(s: string | null | undefined): boolean {
  return typeof s === 'string' && s.trim().length > 0;
}

const CHANNEL_PHRASE: Record<string, string> = {
  phone: '電話',
  visit: '自宅への訪問',
  email: 'メール',
  sms: 'SMS（ショートメッセージ）',
  letter: '郵便物',
  website: '偽のウェブサイト',
  other: '不審な連絡',
};
const IMPERSONATED_PHRASE: Record<string, string> = {
  mic_staff: '総務省の職員',
  city_staff: '市の職員',
  payment_operator: '決済事業者や「マイナポイント事務局」',
  police: '警察官',
  other: '公的機関の関係者',
  unknown: '公的機関の関係者',
};
const ITEM_PHRASE: Record<string, string> = {
  my_number: 'マイナンバー',
  bank_account: '金融機関の口座番号',
  pin: '暗証番号',
  assets: '資産の状況',
  family: '家族構成',
  passbook_or_cash_card: '通帳やキャッシュカード',
  money_or_fee: '手数料などの金銭',
};

// How the scams reached people (総務省・消費者庁の注意喚起): staff never ask for anything
// by phone, post, e-mail, SMS or a visit at home. Round 2 desks did take a bank account
// (the public-funds account, 公金受取口座, registered in the person's own name at the
// counter or on マイナポータル), so a notice must not say the city never asks for an
// account (the printed flyer adds where a legitimate registration happens). A PIN, a
// passbook or a cash card is never asked for, anywhere.
export const NEVER_BY = '電話・郵便・メール・SMS・ご自宅への訪問';
const ALWAYS_NEVER = new Set(['pin', 'passbook_or_cash_card']);

/**
 * A first draft of a notice from the alert's facts, in the city page's words. Policy
 * staff edit it before a manager publishes it.
 */
export function draftFraudNotice(facts: { channel: string; impersonated: string; requestedItems: readonly string[] }): { title: string; body: string } {
  const who = IMPERSONATED_PHRASE[facts.impersonated] ?? IMPERSONATED_PHRASE.other;
  const how = CHANNEL_PHRASE[facts.channel] ?? CHANNEL_PHRASE.other;
  const items = facts.requestedItems.map((i) => ITEM_PHRASE[i]).filter(Boolean);
  const asked = items.length ? `${items.join('や')}を聞き出そうとする` : '個人情報を聞き出そうとする';
  const remote = facts.requestedItems.filter((i) => !ALWAYS_NEVER.has(i)).map((i) => ITEM_PHRASE[i]).filter(Boolean);
  const whoShort = who.replace(/や「.*」$/, '');
  return {
    title: `${whoShort}をかたる${how.replace(/（.*）$/, '')}にご注意ください`,
    body: [
      `マイナポイントに関連して、${who}を名乗る${how}で、${asked}事例が市内で確認されています。`,
      `${whoShort}などが、${NEVER_BY}で、${remote.length ? remote.join('や') : '個人情報や口座の情報'}をお聞きすることは絶対にありません。`,
      '暗証番号をお聞きすることや、通帳・キャッシュカードを預かることは、窓口を含めて絶対にありません。',
      '不審な連絡を受けたら、その場で応じず、家族や下記の相談窓口にご相談ください。',
    ].join('\n'),
  };
}
