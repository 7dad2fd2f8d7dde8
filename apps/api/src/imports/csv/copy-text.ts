// Values in PostgreSQL's COPY text format: tab-separated, \N for null, backslash
// escapes for the characters that would end a field or a row.
export type CopyValue = string | number | boolean | Buffer | null;

const SPECIAL = /[\\\t\n\r]/;
const SPECIAL_ALL = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

export function copyValue(v: CopyValue): string {
  if (v === null) return '\\N';
  if (typeof v === 'string') return SPECIAL.test(v) ? v.replace(SPECIAL_ALL, (c) => ESCAPES[c]) : v;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 't' : 'f';
  // bytea in hex: \x… written with its backslash escaped.
  return `\\\\x${v.toString('hex')}`;
}

export function copyRow(values: readonly CopyValue[]): string {
  let out = copyValue(values[0]);
  for (let i = 1; i < values.length; i++) out += '\t' + copyValue(values[i]);
  return out + '\n';
}
