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
  if (f.kind === 'date') return `to_char(${f.sql}, 'YYYY-MM-DD')`;
  // pg hands numeric over as a string; a percentage goes out as a JSON number.
  if (f.kind === 'decimal') return `(${f.sql})::float8`;
  return f.sql;
}

/** The response's columns: every field but the export-only ones, unless `names` says. */
export function selectList(spec: ListSpec, names: string[] = Object.keys(spec.fields).filter((n) => !spec.fields[n].exportOnly)): string {
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
    if (f.kind === 'enumArray' || f.kind === 'textArray') return `${e} && ${p.add(value)}::text[]`;
    if (f.kind === 'intArray') return `${e} && ${p.add(value)}::int[]`;
    // Every kind needs its own array type: timestamptz = ANY(text[]) has no operator (a 500 the fuzzer found).
    const cast = f.kind === 'int' ? 'bigint[]' : f.kind === 'decimal' ? 'numeric[]' : f.kind === 'date' ? 'date[]' : f.kind === 'bool' ? 'boolean[]' : f.kind === 'instant' ? 'timestamptz[]' : 'text[]';
    return `${e} = ANY(${p.add(value)}::${cast})`;
  }
  switch (f.kind) {
    case 'enumArray':
    case 'textArray':
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

// NULLS FIRST/LAST only where a value can be NULL (a nullable field, or a custom sort
// expression): on a NOT NULL column the clause changes nothing in the order but keeps
// PostgreSQL from reading a (col, id) index in order, so a 25-row page sorted every
// matching row instead (180 ms → 0.1 ms for one clerk's visits; docs/benchmarks.md).
export function orderBy(spec: ListSpec, sort: ListQuery['sort']): string {
  const custom = own(spec.sorts, sort.field);
  const expr = custom ?? spec.fields[sort.field].sql;
  const tie = spec.fields.id.sql;
  const mayBeNull = custom !== undefined || spec.fields[sort.field].nullable === true;
  const nulls = mayBeNull ? (sort.order === 'ASC' ? ' NULLS FIRST' : ' NULLS LAST') : '';
  return expr === tie ? `ORDER BY ${tie} ${sort.order}` : `ORDER BY ${expr} ${sort.order}${nulls}, ${tie} ${sort.order}`;
}

// Table aliases an SQL expression names (`p.points_total` → p).
function aliasesIn(sql: string): string[] {
  return [...sql.matchAll(/(?<![\w.'])([a-z_][a-z0-9_]*)\.(?=[a-z_"])/gi)].map((m) => m[1]);
}

/**
 * The FROM of the list's count(*): the spec's `count.from` (its base table alone)
 * when every filter, the search and the scope stay on that table, else the full FROM.
 * Counting 5,000,000 point awards through their join to participants took 2.3 s on
 * the bench data, the table alone 0.5 s (docs/benchmarks.md).
 */
export function countFrom(spec: ListSpec, filter: Record<string, unknown>, scope?: Scope): string {
  const count = spec.count;
  if (!count || scope?.where) return spec.from;
  const onBase = (sql: string) => aliasesIn(sql).every((a) => a === count.alias);
  for (const key of Object.keys(filter)) {
    if (key === 'q') {
      if (!(spec.search ?? []).every(onBase)) return spec.from;
      continue;
    }
    if (own(spec.filters, key)) return spec.from;
    const field = spec.fields[splitComparator(key).base];
    if (!field || !onBase(field.sql)) return spec.from;
  }
  return count.from;
}
