import fc from 'fast-check';
import { draftFraudNotice } from './fraud-notice';
import { FRAUD_CHANNEL, IMPERSONATED, REQUESTED_ITEM } from './fraud';
import { findDraftMarkers, noticeProblemMessage, noticeProblems } from './notice-draft-markers';

describe('findDraftMarkers', () => {
  it.each([
    ['「上乗せキャンペーン当選」をかたる電話にご注意ください（案）', ['（案）']],
    ['はがきにご注意ください(案)', ['（案）']],
    ['案: 見出しを考える', ['案:']],
    ['本文\n案：連絡先を確認', ['案:']],
    ['TODO 電話番号', ['TODO']],
    ['ｔｏｄｏ', ['TODO']],
    ['Ｔｏｄｏ: 確認', ['TODO']],
    ['担当：＿＿＿＿', ['＿＿']],
    ['問い合わせ先 __', ['＿＿']],
    ['〇〇課までご連絡ください', ['〇〇']],
    ['○○地区で発生', ['〇〇']],
    ['（案）TODO 〇〇', ['（案）', 'TODO', '〇〇']],
  ])('finds the markers in %j', (text, markers) => {
    expect(findDraftMarkers(text)).toEqual(markers);
  });

  it.each(['総務省職員を名乗る「手数料」請求の電話にご注意ください', '提案：なし', '答案', '案内に従って番号を押したり', '（案内）', '〇を押す', 'ご案内：市役所'])(
    'leaves ordinary text alone: %j',
    (text) => {
      expect(findDraftMarkers(text)).toEqual([]);
    },
  );

  it('finds nothing in any notice the drafting helper writes', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FRAUD_CHANNEL.values), fc.constantFrom(...IMPERSONATED.values), fc.subarray([...REQUESTED_ITEM.values]), (channel, impersonated, requestedItems) => {
        const n = draftFraudNotice({ channel, impersonated, requestedItems });
        expect(findDraftMarkers(n.title)).toEqual([]);
        expect(findDraftMarkers(n.body)).toEqual([]);
      }),
    );
  });

  it('finds a marker wherever it is put into a text', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom('（案）', '(案)', 'TODO', '＿＿', '〇〇'), fc.string(), (before, marker, after) => {
        expect(findDraftMarkers(`${before}${marker}${after}`).length).toBeGreaterThan(0);
      }),
    );
  });
});

describe('noticeProblems', () => {
  it('names empty fields and fields with markers, title first', () => {
    expect(noticeProblems({ noticeTitle: '電話にご注意ください（案）', noticeBody: ' ' })).toEqual([
      { field: 'noticeTitle', kind: 'draft_marker', markers: ['（案）'] },
      { field: 'noticeBody', kind: 'empty', markers: [] },
    ]);
    expect(noticeProblems({ noticeTitle: '電話にご注意ください', noticeBody: '絶対にありません。' })).toEqual([]);
    expect(noticeProblems({})).toHaveLength(2);
  });

  it('says each problem in Japanese', () => {
    expect(noticeProblems({ noticeTitle: '注意（案）', noticeBody: '' }).map(noticeProblemMessage)).toEqual([
      '見出しに下書きの印（「（案）」）が残っています。',
      '本文が空です。',
    ]);
  });
});
