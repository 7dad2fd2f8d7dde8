import { PREFECTURE } from './prefectures';

// 全国地方公共団体コード (JIS X 0402): two digits of the prefecture, three of the
// municipality, and a check digit: 11 minus the weighted sum (6, 5, 4, 3, 2) of the first
// five modulo 11, its last digit. 152234 (阿賀野市): 1·6 + 5·5 + 2·4 + 2·3 + 3·2 = 51,
// 51 mod 11 = 7, 11 − 7 = 4.

/** What is wrong with a code given for a municipality, or null when it may be one. */
export type LocalGovernmentCodeProblem = 'format' | 'prefecture' | 'check_digit';

export function localGovernmentCodeProblem(code: string): LocalGovernmentCodeProblem | null {
  if (!/^\d{6}$/.test(code)) return 'format';
  if (!PREFECTURE.has(code.slice(0, 2))) return 'prefecture';
  return code[5] === checkDigit(code) ? null : 'check_digit';
}

/** The check digit of a code's first five digits. */
export function checkDigit(code: string): string {
  const sum = [6, 5, 4, 3, 2].reduce((n, weight, i) => n + weight * Number(code[i]), 0);
  return String((11 - (sum % 11)) % 10);
}

/** The prefecture of a local government code (its first two digits), or null when there is none. */
export function prefectureOf(code: string): string | null {
  const prefecture = code.slice(0, 2);
  return PREFECTURE.has(prefecture) ? prefecture : null;
}
