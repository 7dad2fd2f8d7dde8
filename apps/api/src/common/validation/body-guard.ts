import type { NextFunction, Request, Response } from 'express';
import { CommonError, CommonException } from '../errors/domain.exception';

// Checks every parsed JSON body before any route sees it, without recursion:
//   - nesting deeper than MAX_JSON_DEPTH would reach the recursive validators and
//     the My Number scan and overflow the stack (a 500);
//   - a NUL character cannot be stored in PostgreSQL text (a 500 at the database),
//     and a lone UTF-16 surrogate would be silently turned into U+FFFD on the way.
// Refusals are 400 with the top-level field that holds the problem.

export const MAX_JSON_DEPTH = 32;
export const DEEP_MESSAGE = `JSON の入れ子が深すぎます（${MAX_JSON_DEPTH}段まで）。`;
export const BAD_CHAR_MESSAGE = '使用できない文字（NUL 文字や不正な Unicode）が含まれています。';

// eslint-disable-next-line no-control-regex
const BAD_CHARS = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** True when a string holds a character the database cannot store faithfully. */
export function hasBadCharacters(s: string): boolean {
  return BAD_CHARS.test(s);
}

/** The problem with one value (and everything under it), or null. */
function problemOf(root: unknown): string | null {
  const stack: Array<[unknown, number]> = [[root, 1]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (typeof v === 'string') {
      if (hasBadCharacters(v)) return BAD_CHAR_MESSAGE;
      continue;
    }
    if (typeof v !== 'object' || v === null) continue;
    if (depth > MAX_JSON_DEPTH) return DEEP_MESSAGE;
    for (const [k, child] of Object.entries(v)) {
      if (hasBadCharacters(k)) return BAD_CHAR_MESSAGE;
      stack.push([child, depth + 1]);
    }
  }
  return null;
}

export function bodyGuard(req: Request, _res: Response, next: NextFunction): void {
  const body: unknown = req.body;
  if (typeof body !== 'object' || body === null) return next();
  const errors: Record<string, string> = {};
  if (Array.isArray(body)) {
    const p = problemOf(body);
    if (p) errors.body = p;
  } else {
    for (const [key, value] of Object.entries(body)) {
      const p = hasBadCharacters(key) ? BAD_CHAR_MESSAGE : problemOf(value);
      if (p) errors[hasBadCharacters(key) ? '(key)' : key] = p;
    }
  }
  const messages = [...new Set(Object.values(errors))];
  if (!messages.length) return next();
  next(new CommonException(CommonError.ValidationFailed, messages.join(' '), errors));
}
