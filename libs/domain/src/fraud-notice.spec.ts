import fc from 'fast-check';
import { FRAUD_CHANNEL, IMPERSONATED, REQUESTED_ITEM } from './fraud';
import { FRAUD_REFERRALS, NEVER_BY, draftFraudNotice, isNoticeComplete, noticeState } from './fraud-notice';
import { containsMyNumber } from './my-number';

describe('noticeState', () => {
  it('is published once stamped, draft with any text, none otherwise', () => {
    expect(noticeState({ noticeTitle: 't', noticeBody: 'b', noticePublishedAt: '2021-01-01T00:00:00Z' })).toBe('published');
    expect(noticeState({ noticeTitle: 't', noticeBody: null })).toBe('draft');
    expect(noticeState({ noticeTitle: '  ', noticeBody: '' })).toBe('none');
    expect(noticeState({})).toBe('none');
  });
});

describe('isNoticeComplete', () => {
  it('needs a title and a body with more than white space', () => {
    expect(isNoticeComplete({ noticeTitle: '注意', noticeBody: '本文' })).toBe(true);
    expect(isNoticeComplete({ noticeTitle: '注意', noticeBody: ' \n ' })).toBe(false);
    expect(isNoticeComplete({ noticeTitle: null, noticeBody: '本文' })).toBe(false);
  });
});

describe('draftFraudNotice', () => {
  it('drafts a complete notice in Japanese for any alert, within the limits', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FRAUD_CHANNEL.values), fc.constantFrom(...IMPERSONATED.values), fc.subarray([...REQUESTED_ITEM.values]), (channel, impersonated, requestedItems) => {
        const n = draftFraudNotice({ channel, impersonated, requestedItems });
        expect(isNoticeComplete({ noticeTitle: n.title, noticeBody: n.body })).toBe(true);
        expect(n.title.length).toBeLessThanOrEqual(100);
        expect(n.body.length).toBeLessThanOrEqual(2000);
        expect(n.body).toContain('絶対にありません');
        expect(containsMyNumber(n.body)).toBe(false);
      }),
    );
    expect(draftFraudNotice({ channel: 'phone', impersonated: 'mic_staff', requestedItems: ['pin'] }).title).toBe('総務省の職員をかたる電話にご注意ください');
  });

  // Round 2 desks took a public-funds account at the counter: a notice that says staff
  // never ask for an account would be untrue. It says how the scams worked instead.
  it('never says staff do not ask for an account without saying by phone, post, e-mail, SMS or a visit', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FRAUD_CHANNEL.values), fc.constantFrom(...IMPERSONATED.values), fc.subarray([...REQUESTED_ITEM.values]), (channel, impersonated, requestedItems) => {
        const { body } = draftFraudNotice({ channel, impersonated, requestedItems });
        const nevers = body.split(/(?<=。)/).filter((s) => s.includes('絶対にありません'));
        for (const sentence of nevers.filter((s) => s.includes('口座'))) expect(sentence).toContain(NEVER_BY);
        expect(nevers.some((s) => s.includes('暗証番号') && s.includes('通帳') && s.includes('窓口を含めて'))).toBe(true);
      }),
    );
    expect(draftFraudNotice({ channel: 'sms', impersonated: 'city_staff', requestedItems: ['bank_account', 'pin'] }).body.split('\n')[1]).toBe(
      '市の職員などが、電話・郵便・メール・SMS・ご自宅への訪問で、金融機関の口座番号をお聞きすることは絶対にありません。',
    );
  });
});

describe('FRAUD_REFERRALS', () => {
  it('gives the three numbers of DOMAIN.md', () => {
    expect(FRAUD_REFERRALS.map((r) => r.number)).toEqual(['#9110', '188', '0120-95-0178']);
  });
});
