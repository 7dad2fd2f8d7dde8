// Readings (よみがな): Japanese lists sort by how a name is read, not by its code
// points (which put "WAON" before "atone" and katakana after both). A reading is
// kept normalised, so that comparing it code point by code point (COLLATE "C", the
// same on every PostgreSQL and every locale) gives the order people expect:
//   - katakana become hiragana (ペイペイ → ぺいぺい): hiragana code points run in
//     gojūon order (あいうえお かきくけこ …; a voiced kana right after its plain one);
//   - Latin letters become lower case (WAON → waon), so atone < waon;
//   - NFKC first, so half-width ｶﾅ and full-width Ａ count as their usual forms;
//   - white space collapses to one space.
// Latin comes before kana (ASCII code points are lower), kanji after kana. The long
// vowel mark ー sorts after every kana (ぺーぱー after ぺん), a known simplification.

const KATAKANA_FIRST = 0x30a1; // ァ
const KATAKANA_LAST = 0x30f6; // ヶ (ヷ–ヺ have no hiragana form and stay katakana)
const KANA_OFFSET = 0x60; // ァ (30A1) − ぁ (3041)

function toHiragana(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    // ヽヾ (30FD/30FE), the iteration marks, have hiragana forms ゝゞ too.
    const shift = (c >= KATAKANA_FIRST && c <= KATAKANA_LAST) || c === 0x30fd || c === 0x30fe;
    out += shift ? String.fromCodePoint(c - KANA_OFFSET) : ch;
  }
  return out;
}

/** The normalised form of a reading (or of a name, for its default reading). */
export function normalizeReading(text: string): string {
  return toHiragana(text.normalize('NFKC'))
    .replace(/[A-Z]/g, (c) => c.toLowerCase())
    .replace(/[ \t\n\r\f\v]+/g, ' ')
    .trim();
}

/**
 * The reading a name gets when none is given: the name itself, normalised. Right for
 * kana and Latin names (ペイペイ → ぺいぺい, WAON → waon); a name with kanji keeps
 * them (楽天ペイ → 楽天ぺい, sorted after the kana names) until someone types its reading.
 */
export function defaultReading(name: string): string {
  return normalizeReading(name);
}

// After normalisation: hiragana, the katakana without a hiragana form, ゝゞ, ー, spaces.
const READING = /^[\u3041-\u3096\u309d\u309e\u30f7-\u30fa\u30fc ]+$/;

export const READING_FORMAT_MESSAGE = 'よみがなは、ひらがな・カタカナ・長音記号（ー）・空白で入力してください。';

/** True when a typed reading is kana (hiragana or katakana), ー and spaces only. */
export function isValidReading(text: string): boolean {
  return READING.test(normalizeReading(text));
}
