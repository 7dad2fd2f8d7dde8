// A My Number (個人番号) is 12 digits whose last digit is a check digit over the first
// 11 (施行令 第8条). The city never records one, so every free-text field is scanned
// for 12 digits with a valid check digit. Eleven in twelve random 12-digit numbers
// fail the check, so order numbers and the like mostly pass; phone numbers (10-11
// digits) never match.

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

// How people write digit groups apart: dashes of every width and spaces of every
// kind, plus the invisible characters a copy-paste (or an evasion) leaves between
// them. NFKC has already turned full-width digits, dashes and spaces into ASCII.
const HYPHEN = /[-\u2010-\u2015\u2043\u2212\u30FC\uFE63\uFF70]/;
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/;
const MAX_SEPARATOR_RUN = 3;

const isDigit = (c: string) => c >= '0' && c <= '9';
const isSpace = (c: string) => /\s/.test(c) || INVISIBLE.test(c);
const isSeparator = (c: string) => isSpace(c) || HYPHEN.test(c);

interface Chain {
  groups: string[];
  /** Whether the separator after groups[i] holds whitespace (length groups.length - 1). */
  spaced: boolean[];
}

// Runs of digits joined by at most 3 separator characters. A digit run is never
// split: 13 contiguous digits are not a My Number with one digit too many.
function digitChains(text: string): Chain[] {
  const chains: Chain[] = [];
  let i = 0;
  while (i < text.length) {
    if (!isDigit(text[i])) {
      i++;
      continue;
    }
    const chain: Chain = { groups: [], spaced: [] };
    for (;;) {
      let j = i;
      while (j < text.length && isDigit(text[j])) j++;
      chain.groups.push(text.slice(i, j));
      let k = j;
      while (k < text.length && k - j < MAX_SEPARATOR_RUN && isSeparator(text[k])) k++;
      if (k === j || k >= text.length || !isDigit(text[k])) {
        i = j;
        break;
      }
      chain.spaced.push([...text.slice(j, k)].some(isSpace));
      i = k;
    }
    chains.push(chain);
  }
  return chains;
}

// The digit strings that could be one written number: the whole chain ("1234 5678
// 9018"), and each whitespace-delimited part of it, so a number written right after
// another ("090-1234-5678 123456789018") is still found. A 16-digit card number in
// groups of four is neither, so it passes.
function candidates(chain: Chain): string[] {
  const out = [chain.groups.join('')];
  let part = chain.groups[0];
  for (let g = 1; g < chain.groups.length; g++) {
    if (chain.spaced[g - 1]) {
      out.push(part);
      part = chain.groups[g];
    } else {
      part += chain.groups[g];
    }
  }
  if (part.length !== out[0].length) out.push(part);
  return out;
}

/** True when the text holds something that reads as a valid My Number. */
export function containsMyNumber(text: string): boolean {
  if (typeof text !== 'string' || text.length < 12) return false;
  const normalized = text.normalize('NFKC');
  for (const chain of digitChains(normalized)) {
    for (const digits of candidates(chain)) {
      if (digits.length === 12 && isValidMyNumber(digits)) return true;
    }
  }
  return false;
}

export const MY_NUMBER_REFUSED_MESSAGE = {
  ja: 'マイナンバー（個人番号）と思われる12桁の番号が含まれています。マイナンバーは記録できません。番号を削除してから保存してください。',
  en: 'This looks like a My Number (12-digit Individual Number). My Numbers must not be recorded: remove it and save again.',
} as const;

/**
 * Paths (e.g. `notes`, `items.2.text`) of every string inside a value that holds a
 * My Number. Object keys are scanned too; a key holding one is named `(key)` so the
 * path itself never carries the number into a log.
 */
export function findMyNumberFields(value: unknown, path = ''): string[] {
  if (typeof value === 'string') return containsMyNumber(value) ? [path || '(value)'] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => findMyNumberFields(v, path ? `${path}.${i}` : String(i)));
  if (value && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => {
      const keyHit = containsMyNumber(k);
      const name = keyHit ? '(key)' : k;
      const here = path ? `${path}.${name}` : name;
      return [...(keyHit ? [here] : []), ...findMyNumberFields(v, here)];
    });
  }
  return [];
}
