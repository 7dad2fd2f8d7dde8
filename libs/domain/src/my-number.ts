// A My Number (個人番号) is 12 digits whose last digit is a check digit over the first
// 11 (施行令 第8条). The city never records one, so every free-text field is scanned
// for a 12-digit run with a valid check digit. Eleven in twelve random 12-digit
// numbers fail the check, so order numbers and the like mostly pass; phone numbers
// (10-11 digits) never match.

export function myNumberCheckDigit(first11: string): number {
  let sum = 0;
  for (let n = 1; n <= 11; n++) {
    const p = first11.charCodeAt(11 - n) - 48; // n-th digit from the right
    const q = n <= 6 ? n + 1 : n - 5;
    sum += p * q;
  }
  const r = sum % 11;
  return r <= 1 ? 0 : 11 - r;
}

export function isValidMyNumber(digits: string): boolean {
  return /^\d{12}$/.test(digits) && myNumberCheckDigit(digits.slice(0, 11)) === Number(digits[11]);
}

// Full-width digits and the dashes and spaces people type between digit groups.
const FULLWIDTH_DIGIT = /[０-９]/g;
const SEPARATOR_CHARS = ' \\u3000\\t\\-\\u2010-\\u2015\\u2212\\u30FC\\uFF0D\\uFF70';
// 12 digits, each pair separated by at most 3 separator characters, not touching
// a further digit on either side (so a 16-digit card number is not read as 12).
const RUN = new RegExp(
  `(?<!\\d[${SEPARATOR_CHARS}]{0,3})\\d(?:[${SEPARATOR_CHARS}]{0,3}\\d){11}(?![${SEPARATOR_CHARS}]{0,3}\\d)`,
  'g',
);

function toAsciiDigits(text: string): string {
  return text.replace(FULLWIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

/** True when the text holds something that reads as a valid My Number. */
export function containsMyNumber(text: string): boolean {
  if (typeof text !== 'string' || text.length < 12) return false;
  const ascii = toAsciiDigits(text);
  for (const match of ascii.matchAll(RUN)) {
    if (isValidMyNumber(match[0].replace(/\D/g, ''))) return true;
  }
  return false;
}

export const MY_NUMBER_REFUSED_MESSAGE = {
  ja: 'マイナンバー（個人番号）と思われる12桁の番号が含まれています。マイナンバーは記録できません。番号を削除してから保存してください。',
  en: 'This looks like a My Number (12-digit Individual Number). My Numbers must not be recorded: remove it and save again.',
} as const;

/** Paths (e.g. `notes`, `items.2.text`) of every string inside a value that holds a My Number. */
export function findMyNumberFields(value: unknown, path = ''): string[] {
  if (typeof value === 'string') return containsMyNumber(value) ? [path || '(value)'] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => findMyNumberFields(v, path ? `${path}.${i}` : String(i)));
  if (value && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
      findMyNumberFields(v, path ? `${path}.${k}` : k),
    );
  }
  return [];
}
