// A campaign's (and its measures') date changes, read from the audit log: each update
// row carries the request body (`changes`) and, computed by the API, what those fields
// held before (`before`, from the latest earlier create/update of the same record).
// A date counts as changed when the log knows its earlier value and it differs; a
// record made outside the API (import, demo data) has no earlier value to compare with.

export const CAMPAIGN_DATE_FIELDS = ['reservationOpensOn', 'reservationClosesOn', 'applicationOpensOn', 'applicationClosesOn', 'earningStartsOn', 'earningEndsOn'] as const;
export const MEASURE_DATE_FIELDS = ['applicationOpensOn', 'applicationClosesOn', 'earningStartsOn', 'earningEndsOn', 'cardAppliedBy'] as const;

export interface AuditRow {
  id: number;
  at: string;
  username: string | null;
  action: string;
  resource: string;
  resourceId: string | null;
  changes: unknown;
  before?: unknown;
}

export interface DeadlineChange {
  key: string;
  at: string;
  username: string | null;
  resource: string;
  resourceId: string;
  field: string;
  from: string;
  to: string;
  /** The end of a window moved later: an extension. */
  extended: boolean;
}

const asObject = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const isDate = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);
const isEnd = (field: string) => /(Closes|Ends)On$|AppliedBy$/.test(field);

/** Every changed date of the given update rows, newest first (within one row, in field order). */
export function toDeadlineHistory(rows: readonly AuditRow[], fields: Record<string, readonly string[]>): DeadlineChange[] {
  const out: DeadlineChange[] = [];
  for (const row of [...rows].sort((a, b) => b.at.localeCompare(a.at) || b.id - a.id)) {
    if (row.action !== 'update' || row.resourceId == null) continue;
    const changes = asObject(row.changes);
    const before = asObject(row.before);
    for (const field of fields[row.resource] ?? []) {
      const to = changes[field];
      const from = before[field];
      if (!isDate(to) || !isDate(from) || from === to) continue;
      out.push({ key: `${row.id}-${field}`, at: row.at, username: row.username, resource: row.resource, resourceId: row.resourceId, field, from, to, extended: isEnd(field) && to > from });
    }
  }
  return out;
}
