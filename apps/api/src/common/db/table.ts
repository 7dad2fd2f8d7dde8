import type { DomainEnum } from '@mynapoint/domain';
import { SqlParams } from './sql-params';

// A table's columns, declared once per feature in its repository file. The column
// name is the field's name in snake_case unless `column` says otherwise. Writes
// (INSERT column lists, UPDATE … SET) and the list spec's plain fields are derived
// from it, so a column's name is written in the migration and here, nowhere else.

export type FieldKind =
  | 'int' // integer (ids, counts, yen)
  | 'decimal' // numeric (percentages), sent as a JSON number
  | 'text'
  | 'bool'
  | 'date' // calendar date, sent as YYYY-MM-DD
  | 'instant' // timestamptz, sent as ISO 8601
  | 'enum' // one code of a DomainEnum
  | 'enumArray' // a set of codes (text[])
  | 'textArray' // free texts (text[]), e.g. a municipality's districts
  | 'intArray'
  | 'json';

/** What a list spec needs of a column (list-spec's FieldSpec is a superset). */
export interface ColumnField {
  sql: string;
  kind: FieldKind;
  enum?: DomainEnum<string>;
  nullable?: boolean;
}

export interface ColumnDef {
  kind: FieldKind;
  /** The SQL name when it is not the field's name in snake_case. */
  column?: string;
  enum?: DomainEnum<string>;
  nullable?: boolean;
  /** Set by the database or by a dedicated statement (ids, counters, timestamps): never in a generic write. */
  readOnly?: boolean;
}

export type Columns = Record<string, ColumnDef>;
export type WritableField<C extends Columns> = { [K in keyof C]: C[K]['readOnly'] extends true ? never : K }[keyof C] & string;
export type Row<C extends Columns> = Partial<Record<WritableField<C>, unknown>>;

const snakeCase = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

export class Table<C extends Columns> {
  readonly writable: readonly WritableField<C>[];

  constructor(
    readonly name: string,
    readonly columns: C,
  ) {
    this.writable = Object.keys(columns).filter((k) => !columns[k].readOnly) as WritableField<C>[];
  }

  column(field: keyof C & string): string {
    return this.columns[field].column ?? snakeCase(field);
  }

  /**
   * The writable fields present in `values`, nothing else: read-only fields a PUT
   * carries (react-admin sends the whole record back) are dropped here, never written.
   */
  pick<T extends object, K extends Extract<keyof T, WritableField<C>> = Extract<keyof T, WritableField<C>>>(values: T, only?: readonly K[]): Partial<Pick<T, K>> {
    const out: Partial<Pick<T, K>> = {};
    for (const key of (only ?? this.writable) as K[]) {
      if (values[key] !== undefined) out[key] = values[key];
    }
    return out;
  }

  /** `INSERT INTO t (a, b) VALUES ($1, $2)` for the fields of `row` (no RETURNING). */
  insert(row: Row<C>, p: SqlParams): string {
    const fields = Object.keys(row) as WritableField<C>[];
    return `INSERT INTO ${this.name} (${fields.map((f) => this.column(f)).join(', ')}) VALUES (${fields.map((f) => p.add(row[f])).join(', ')})`;
  }

  /** `a = $1, b = $2` for the fields of `changes`, for an UPDATE's SET. */
  set(changes: Row<C>, p: SqlParams): string {
    return (Object.keys(changes) as WritableField<C>[]).map((f) => `${this.column(f)} = ${p.add(changes[f])}`).join(', ');
  }

  /** One list-spec field, to extend (e.g. `{ ...t.field('a', 'createdBy'), exportable: false }`). */
  field(alias: string, name: keyof C & string): ColumnField {
    return this.fields(alias, [name])[name];
  }

  /** List-spec fields for these columns under the alias used in the spec's FROM. */
  fields<K extends keyof C & string>(alias: string, names: readonly K[] = Object.keys(this.columns) as K[]): Record<K, ColumnField> {
    const out = {} as Record<K, ColumnField>;
    for (const name of names) {
      const { kind, enum: values, nullable } = this.columns[name];
      out[name] = { sql: `${alias}.${this.column(name)}`, kind, ...(values ? { enum: values } : {}), ...(nullable ? { nullable } : {}) };
    }
    return out;
  }
}

export function defineTable<const C extends Columns>(name: string, columns: C): Table<C> {
  return new Table(name, columns);
}
