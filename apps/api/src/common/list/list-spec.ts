import { DomainEnum, Labels, Resource, fieldLabel } from '@mynapoint/domain';
import type { SqlParams } from '../db/sql-params';
import type { FieldKind } from '../db/table';

// A list resource described once: which columns it returns (the response shape,
// field by field), how each is filtered and sorted, and how it is labelled in
// exports. The list endpoint, `GET /:id`, the CSV/Excel export and the OpenAPI
// schema are all derived from it, so they cannot drift apart.

export type { FieldKind };

export interface FieldSpec {
  /** SQL expression in the scope of `from`. */
  sql: string;
  kind: FieldKind;
  enum?: DomainEnum<string>;
  /** Header label in exports and OpenAPI; defaults to the domain's label for the field. */
  label?: Labels;
  /** Default: scalar kinds sort. */
  sortable?: boolean;
  /** Default: every kind but json filters. */
  filterable?: boolean;
  /** Left out of exports (e.g. internal ids the export already shows by name). */
  exportable?: boolean;
  /**
   * Only in exports, never in the API's responses (the name an export shows instead
   * of an id, where the response keeps the id and its contract shape).
   */
  exportOnly?: boolean;
  nullable?: boolean;
}

export interface CustomFilter {
  /** Returns a SQL condition for the value, or throws a 400 via `badFilter`. */
  where(value: unknown, params: SqlParams): string;
  description?: string;
}

export interface ListSpec {
  resource: Resource;
  /** FROM clause with joins. */
  from: string;
  /**
   * Joins only exports add to `from`, for their export-only fields (names instead of
   * ids). Kept out of lists and gets: every relation in a FROM costs planning time
   * on each list request, even when PostgreSQL then removes the unused join.
   */
  exportJoins?: string;
  fields: Record<string, FieldSpec> & { id: FieldSpec };
  /** Expressions searched by `filter.q` (case-insensitive substring). */
  search?: string[];
  filters?: Record<string, CustomFilter>;
  /** Extra sort keys that are not fields (e.g. fill rate). */
  sorts?: Record<string, string>;
  defaultSort: [string, 'ASC' | 'DESC'];
  /** The feature's not-found code (its exception enum's NotFound): `ListReader.getOrFail` answers 404 with it. */
  notFound: string;
  /**
   * A cheaper FROM for the list's total, for joins that cannot change the row count
   * (each base row has exactly one joined row: a NOT NULL foreign key to a key). Used
   * only when every filter is on the base table (`alias`); see `countFrom`.
   */
  count?: { from: string; alias: string };
}

// Every ListSpec registers itself when its feature loads, so exports can serve any
// list resource without a hand-kept list. (Kept in this file: a separate registry
// and this file needed each other.)
const specs = new Map<string, ListSpec>();

export function findListSpec(resource: string): ListSpec | undefined {
  return specs.get(resource);
}

export function listSpecResources(): string[] {
  return [...specs.keys()].sort();
}

export function defineListSpec<S extends ListSpec>(spec: S): S {
  for (const [name, field] of Object.entries(spec.fields)) {
    const label = field.label ?? fieldLabel(spec.resource, name);
    // A field without a label would show as its code in exports: fail at start-up.
    if (!label) throw new Error(`No label for ${spec.resource}.${name}: add it to libs/domain/src/labels`);
    field.label = label;
    // Its join is an export's only (exportJoins): lists neither sort nor filter by it.
    if (field.exportOnly) {
      field.sortable = false;
      field.filterable = false;
    }
  }
  specs.set(spec.resource, spec);
  return spec;
}

export const SCALAR_KINDS: ReadonlySet<FieldKind> = new Set(['int', 'decimal', 'text', 'bool', 'date', 'instant', 'enum']);
