import fc from 'fast-check';
import { defaultReading, isValidReading, normalizeReading } from './reading';

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

describe('normalizeReading', () => {
  it('turns katakana into hiragana, half-width into full-width, Latin into lower case', () => {
    expect(normalizeReading('ペイペイ')).toBe('ぺいぺい');
    expect(normalizeReading('ﾍﾟｲﾍﾟｲ')).toBe('ぺいぺい');
    expect(normalizeReading('ヴィクトリア')).toBe('ゔぃくとりあ');
    expect(normalizeReading('ＷＡＯＮ')).toBe('waon');
    expect(normalizeReading('  らくてん　　ぺい ')).toBe('らくてん ぺい');
  });

  it('is idempotent', () => {
    fc.assert(fc.property(fc.string(), (s) => normalizeReading(normalizeReading(s)) === normalizeReading(s)));
  });
});

describe('defaultReading', () => {
  it('sorts Latin names case-insensitively, before kana names in gojūon order', () => {
    const names = ['ペイペイ', 'WAON', 'あうぺい', 'atone', 'メルペイ', 'カード', 'ガード'];
    const sorted = [...names].sort((a, b) => byCodePoint(defaultReading(a), defaultReading(b)));
    expect(sorted).toEqual(['atone', 'WAON', 'あうぺい', 'カード', 'ガード', 'ペイペイ', 'メルペイ']);
  });

  it('keeps kanji (they sort after kana until a reading is typed)', () => {
    expect(defaultReading('楽天ペイ')).toBe('楽天ぺい');
  });
});

describe('isValidReading', () => {
  it('accepts hiragana, katakana, ー and spaces', () => {
    for (const ok of ['ぺいぺい', 'ペイペイ', 'ﾍﾟｲﾍﾟｲ', 'らくてん　ぺい', 'すいか', 'ゆうちょぺい', 'ヴ']) expect(isValidReading(ok)).toBe(true);
  });

  it('refuses kanji, Latin, digits, symbols and blanks', () => {
    for (const bad of ['楽天', 'atone', 'ぺい1', 'ぺい!', '', '   ']) expect(isValidReading(bad)).toBe(false);
  });
});
