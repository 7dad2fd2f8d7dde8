import { isIsoDate } from '@mynapoint/domain';
import { CommonError, CommonException } from '../errors/domain.exception';
import { hasBadCharacters } from '../validation/body-guard';
import { isInstant } from '../validation/fields';
import { FieldSpec, ListSpec, SCALAR_KINDS } from './list-spec';

// The one parser for react-admin's simple-REST list parameters:
//   sort=["field","ASC"]  range=[0,24]  filter={"field":value,"q":"text","field_gte":v}
// Everything is checked against the resource's ListSpec: an unknown field, a bad
// value or malformed JSON is a 400, never a database error.

export interface ListQuery {
  sort: { field: string; order: 'ASC' | 'DESC' };
  range: { start: number; end: number };
  filter: Record<string, unknown>;
}

export const MAX_PAGE = 1000;
export const DEFAULT_PAGE = 25;
export const COMPARATORS = { _gte: '>=', _lte: '<=', _gt: '>', _lt: '<', _neq: '<>' } as const;

/**
 * A spec's entry by a client-supplied name, own properties only: "__proto__" or
 * "constructor" must not find Object's prototype members (that reached SQL as
 * "[object Object]", a 500).
 */
export function own<T>(table: Record<string, T> | undefined, key: string): T | undefined {
  return table && Object.hasOwn(table, key) ? table[key] : undefined;
}

export function badQuery(message: string): CommonException {
  return new CommonException(CommonError.BadQuery, message);
}

function parseJson(name: string, raw: unknown): unknown {
  if (raw === undefined || raw === '') return undefined;
  if (typeof raw !== 'string') throw badQuery(`${name} は JSON 文字列で指定してください。`);
  try {
    return JSON.parse(raw);
  } catch {
    throw badQuery(`${name} の JSON が正しくありません。`);
  }
}

export function splitComparator(key: string): { base: string; op: string | null } {
  for (const [suffix, op] of Object.entries(COMPARATORS)) {
    if (key.endsWith(suffix)) return { base: key.slice(0, -suffix.length), op };
  }
  return { base: key, op: null };
}

/** Checks one filter value against a field's kind; returns the value to bind. */
export function checkValue(name: string, field: FieldSpec, value: unknown): unknown {
  const fail = (what: string) => badQuery(`filter.${name} には${what}を指定してください。`);
  if (value === null) return null;
  switch (field.kind) {
    case 'int':
    case 'intArray':
      if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
      if (typeof value === 'string' && /^-?\d{1,15}$/.test(value)) return Number(value);
      throw fail('整数');
    case 'decimal':
      if (typeof value === 'number' && Number.isFinite(value)) return value;
      if (typeof value === 'string' && /^-?\d{1,15}(\.\d{1,6})?$/.test(value)) return Number(value);
      throw fail('数値');
    case 'bool':
      if (typeof value === 'boolean') return value;
      if (value === 'true' || value === 'false') return value === 'true';
      throw fail(' true か false ');
    case 'date':
      if (isIsoDate(value)) return value;
      throw fail('日付（YYYY-MM-DD）');
    case 'instant':
      if (isIsoDate(value) || isInstant(value)) return value;
      throw fail('日時（ISO 8601）');
    case 'enum':
    case 'enumArray':
      if (field.enum?.has(value)) return value;
      throw fail(`次のいずれか（${field.enum?.values.join(', ')}）`);
    case 'text':
    case 'textArray':
      if (typeof value === 'string' && hasBadCharacters(value)) throw fail('使用できる文字だけの文字列');
      if (typeof value === 'string' || typeof value === 'number') return String(value);
      throw fail('文字列');
    default:
      throw badQuery(`filter.${name} では絞り込めません。`);
  }
}

export function parseListQuery(spec: ListSpec, query: Record<string, unknown>, opts: { paged?: boolean } = {}): ListQuery {
  const paged = opts.paged ?? true;

  // sort
  const rawSort = parseJson('sort', query.sort);
  let sort = { field: spec.defaultSort[0], order: spec.defaultSort[1] } as ListQuery['sort'];
  if (rawSort !== undefined) {
    if (!Array.isArray(rawSort) || rawSort.length !== 2 || typeof rawSort[0] !== 'string' || typeof rawSort[1] !== 'string') {
      throw badQuery('sort は ["項目名","ASC"] の形式で指定してください。');
    }
    const [field, order] = rawSort as [string, string];
    const f = own(spec.fields, field);
    const sortable = (f && (f.sortable ?? SCALAR_KINDS.has(f.kind))) || Boolean(own(spec.sorts, field));
    if (!sortable) throw badQuery(`「${field}」では並べ替えできません。`);
    const upper = order.toUpperCase();
    if (upper !== 'ASC' && upper !== 'DESC') throw badQuery('並び順は ASC か DESC で指定してください。');
    sort = { field, order: upper };
  }

  // range
  const rawRange = parseJson('range', query.range);
  let range = { start: 0, end: DEFAULT_PAGE - 1 };
  if (rawRange !== undefined) {
    if (
      !Array.isArray(rawRange) ||
      rawRange.length !== 2 ||
      !rawRange.every((n) => Number.isSafeInteger(n) && n >= 0) ||
      rawRange[1] < rawRange[0]
    ) {
      throw badQuery('range は [開始, 終了]（0以上の整数、開始 ≤ 終了）で指定してください。');
    }
    range = { start: rawRange[0], end: rawRange[1] };
    if (paged && range.end - range.start + 1 > MAX_PAGE) throw badQuery(`一度に取得できるのは${MAX_PAGE}件までです。`);
  }

  // filter
  const rawFilter = parseJson('filter', query.filter) ?? {};
  if (typeof rawFilter !== 'object' || rawFilter === null || Array.isArray(rawFilter)) {
    throw badQuery('filter は JSON オブジェクトで指定してください。');
  }
  const filter: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(rawFilter as Record<string, unknown>)) {
    if (value === undefined || value === '') continue; // react-admin sends cleared inputs as ""
    if (key === 'q') {
      if (typeof value !== 'string') throw badQuery('filter.q は文字列で指定してください。');
      if (hasBadCharacters(value)) throw badQuery('filter.q に使用できない文字（NUL 文字や不正な Unicode）が含まれています。');
      if (!spec.search?.length) throw badQuery('この一覧はキーワード検索に対応していません。');
      filter.q = value;
      continue;
    }
    if (own(spec.filters, key)) {
      filter[key] = value;
      continue;
    }
    const { base, op } = splitComparator(key);
    const field = own(spec.fields, base);
    if (!field || field.filterable === false || field.kind === 'json') {
      throw badQuery(`「${key}」では絞り込めません。`);
    }
    if (op) {
      if (!['int', 'date', 'instant', 'text', 'enum'].includes(field.kind) || value === null || Array.isArray(value)) {
        throw badQuery(`「${key}」の指定が正しくありません。`);
      }
      filter[key] = checkValue(key, field, value);
    } else if (Array.isArray(value)) {
      if (value.length > 10_000) throw badQuery(`filter.${key} の値が多すぎます。`);
      filter[key] = value.map((v) => checkValue(key, field, v));
    } else {
      filter[key] = checkValue(key, field, value);
    }
  }
  return { sort, range, filter };
}
