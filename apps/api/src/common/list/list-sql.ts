import { SqlParams } from '../db/sql-params';
import { ListQuery, own, splitComparator } from './list-query';
import { FieldSpec, ListSpec } from './list-spec';

// SQL for a ListSpec: the select list, the WHERE from a parsed filter, the ORDER BY.
// Values are always bound parameters.

export interface Scope {
  /** Extra conditions (e.g. a counter user's own rows), ANDed with the filter. */
  where?: (params: SqlParams) => string;
}

function selectExpr(f: FieldSpec): string {
  return f.kind === 'date' ? `to_char(${f.sql}, 'YYYY-MM-DD')` : f.sql;
}

export function selectList(spec: ListSpec, names: string[] = Object.keys(spec.fields)): string {
  return names.map((name) => `${selectExpr(spec.fields[name])} AS "${name}"`).join(', ');
}

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

// A date given for an instant field means that JST calendar day.
function instantBound(p: SqlParams, value: unknown, endOfDay: boolean): string {
  if (typeof value === 'string' && value.length === 10) {
    return `((${p.add(value)}::date${endOfDay ? ' + 1' : ''})::timestamp AT TIME ZONE 'Asia/Tokyo')`;
  }
  return `${p.add(value)}::timestamptz`;
}

function condition(f: FieldSpec, op: string | null, value: unknown, p: SqlParams): string {
  const e = f.sql;
  if (value === null) return op === '<>' ? `${e} IS NOT NULL` : `${e} IS NULL`;
  if (Array.isArray(value)) {
    if (f.kind === 'enumArray') return `${e} && ${p.add(value)}::text[]`;
    if (f.kind === 'intArray') return `${e} && ${p.add(value)}::int[]`;
    // Every kind needs its own array type: timestamptz = ANY(text[]) has no operator (a 500 the fuzzer found).
    const cast = f.kind === 'int' ? 'bigint[]' : f.kind === 'date' ? 'date[]' : f.kind === 'bool' ? 'boolean[]' : f.kind === 'instant' ? 'timestamptz[]' : 'text[]';
    return `${e} = ANY(${p.add(value)}::${cast})`;
  }
  switch (f.kind) {
    case 'enumArray':
      return `${p.add(value)}::text = ANY(${e})`;
    case 'intArray':
      return `${p.add(value)}::int = ANY(${e})`;
    case 'instant': {
      const isDate = typeof value === 'string' && value.length === 10;
      if (!op) {
        return isDate
          ? `(${e} >= ${instantBound(p, value, false)} AND ${e} < ${instantBound(p, value, true)})`
          : `${e} = ${p.add(value)}::timestamptz`;
      }
      // `_lte` a date includes that whole day; `_gt` a date starts the day after.
      const end = isDate && (op === '<=' || op === '>');
      const cmp = op === '<=' && isDate ? '<' : op === '>' && isDate ? '>=' : op;
      return `${e} ${cmp} ${instantBound(p, value, end)}`;
    }
    case 'date':
      return `${e} ${op ?? '='} ${p.add(value)}::date`;
    case 'text':
      return op ? `${e} ${op} ${p.add(value)}` : `${e} ILIKE ${p.add(likePattern(String(value)))}`;
    default:
      return `${e} ${op ?? '='} ${p.add(value)}`;
  }
}

export function whereClause(spec: ListSpec, filter: Record<string, unknown>, p: SqlParams, scope?: Scope): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(filter)) {
    if (key === 'q') {
      const like = p.add(likePattern(String(value)));
      parts.push(`(${spec.search!.map((s) => `${s} ILIKE ${like}`).join(' OR ')})`);
      continue;
    }
    const custom = own(spec.filters, key);
    if (custom) {
      parts.push(custom.where(value, p));
      continue;
    }
    const { base, op } = splitComparator(key);
    parts.push(condition(spec.fields[base], op, value, p));
  }
  const scoped = scope?.where?.(p);
  if (scoped) parts.push(scoped);
  return parts.length ? `WHERE ${parts.join(' AND ')}` : '';
}

export function orderBy(spec: ListSpec, sort: ListQuery['sort']): string {
  const expr = own(spec.sorts, sort.field) ?? spec.fields[sort.field].sql;
  const tie = spec.fields.id.sql;
  const nulls = sort.order === 'ASC' ? 'NULLS FIRST' : 'NULLS LAST';
  return expr === tie ? `ORDER BY ${tie} ${sort.order}` : `ORDER BY ${expr} ${sort.order} ${nulls}, ${tie} ${sort.order}`;
}
