import type { DomainEnum, Lang } from '@mynapoint/domain';
import type { FieldSpec, ListSpec } from '../common/list/list-spec';

// The SQL that formats each exported cell, so PostgreSQL's COPY does the work at its
// own speed: enum codes → labels, booleans → はい/いいえ, dates and JST instants in the
// form Excel reads, and, in CSV, text that a spreadsheet would run as a formula made
// inert. An XLSX string cell is never a formula (exceljs writes it as a string), so
// there the text stays exactly as stored.

export interface ExportOptions {
  lang: Lang;
  /** Codes and ISO dates for machines instead of labels for people. */
  raw: boolean;
  /** Only CSV needs the formula guard (the default: guarded). */
  format?: 'csv' | 'xlsx';
}

export function sqlLiteral(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

// CSV/formula injection: a cell starting with = + - @ tab or CR is prefixed with '.
export function csvInert(expr: string): string {
  return `CASE WHEN ${expr} ~ '^[=+\\-@\\t\\r]' THEN '''' || ${expr} ELSE ${expr} END`;
}

function enumCase(e: DomainEnum<string>, expr: string, lang: Lang): string {
  const whens = e.values.map((v) => `WHEN ${sqlLiteral(v)} THEN ${sqlLiteral(e.labels[v][lang])}`).join(' ');
  return `CASE ${expr} ${whens} ELSE ${expr}::text END`;
}

export function cellSql(f: FieldSpec, opts: ExportOptions): string {
  const e = f.sql;
  const inert = opts.format !== 'xlsx' ? csvInert : (expr: string) => expr;
  switch (f.kind) {
    case 'int':
    case 'decimal':
      return `${e}::text`;
    case 'bool':
      if (opts.raw) return `${e}::text`;
      return opts.lang === 'ja' ? `CASE WHEN ${e} THEN 'はい' WHEN NOT ${e} THEN 'いいえ' END` : `CASE WHEN ${e} THEN 'Yes' WHEN NOT ${e} THEN 'No' END`;
    case 'date':
      return opts.raw ? `to_char(${e}, 'YYYY-MM-DD')` : `to_char(${e}, 'YYYY/MM/DD')`;
    case 'instant':
      return opts.raw
        ? `to_char(${e} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`
        : `to_char(${e} AT TIME ZONE 'Asia/Tokyo', 'YYYY/MM/DD HH24:MI')`;
    case 'enum':
      return opts.raw || !f.enum ? inert(`${e}::text`) : enumCase(f.enum, e, opts.lang);
    case 'enumArray':
      return opts.raw || !f.enum
        ? `array_to_string(${e}, ';')`
        : `array_to_string(ARRAY(SELECT ${enumCase(f.enum, 'x', opts.lang)} FROM unnest(${e}) AS x), '、')`;
    case 'intArray':
      return `array_to_string(${e}, ';')`;
    case 'textArray':
      return inert(`array_to_string(${e}, ${opts.raw ? "';'" : "'、'"})`);
    case 'json':
      return inert(`${e}::text`);
    default:
      return inert(`${e}::text`);
  }
}

export function exportFields(spec: ListSpec): [string, FieldSpec][] {
  return Object.entries(spec.fields).filter(([, f]) => f.exportable !== false);
}

export function headerLabels(spec: ListSpec, lang: Lang): string[] {
  return exportFields(spec).map(([name, f]) => f.label?.[lang] ?? name);
}

/**
 * Inline bound parameters as literals: COPY cannot take parameters. Every value has
 * already been type-checked by the list-query parser; strings are quoted by doubling.
 */
export function inlineParams(sql: string, values: unknown[]): string {
  const literal = (v: unknown): string => {
    if (v === null || v === undefined) return 'NULL';
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) throw new Error('non-finite number in export filter');
      return String(v);
    }
    if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
    if (Array.isArray(v)) return `ARRAY[${v.map(literal).join(',')}]`;
    if (v instanceof Date) return sqlLiteral(v.toISOString());
    return sqlLiteral(String(v));
  };
  return sql.replace(/\$(\d+)/g, (_m, n: string) => {
    const i = Number(n) - 1;
    if (i >= values.length) throw new Error(`missing parameter $${n}`);
    return literal(values[i]);
  });
}
