import type { ImportRowError, ImportType } from '@mynapoint/domain';
import type { Sql } from '../../common/db/sql-runner';
import type { MyKeyDigest } from '../../common/mykey/mykey-hasher';

/** One CSV row as a handler reads it. */
export interface RowReader {
  /** The cell of a column by its key (undefined when the file has no such column). */
  cell(key: string): string | undefined;
  /** The keyed hash of a MyKey ID cell (null when it is not 8 alphanumeric characters). */
  myKey(raw: string | undefined): MyKeyDigest | null;
}

export type StageValue = string | number | boolean | Buffer | null;

export interface ImportOptions {
  importId: number;
  userId: number | null;
  paymentServiceId: number | null;
  campaignId: number | null;
}

export interface Connection {
  sql: Sql;
  /**
   * Runs fn in a transaction on this connection, again after a deadlock or
   * serialization failure; after a unique violation only when `onUniqueViolation`
   * can reclassify the rows first.
   */
  transaction<T>(fn: () => Promise<T>, opts?: { onUniqueViolation?: () => Promise<unknown> }): Promise<T>;
}

export interface ImportContext extends ImportOptions, Connection {
  /** An unlogged table name of this job's, for outcomes several connections share; dropped when the job ends. */
  workTable: string;
  /** About this many rows per transaction: locks stay short for the requests waiting on the same rows, and progress moves. */
  chunkRows: number;
  /** How many connections `parallel` uses at most (IMPORT_APPLY_WORKERS). */
  workers: number;
  phase(phase: 'checking' | 'applying'): Promise<void>;
  /**
   * Runs the tasks on up to IMPORT_APPLY_WORKERS connections at once (the job's own
   * and more from the pool), each taking the next task when done with one. Tasks must
   * not touch the same rows (e.g. disjoint participant ranges).
   */
  parallel<T>(tasks: readonly T[], run: (task: T, conn: Connection) => Promise<void>): Promise<void>;
}

// One kind of import. Each handler (handlers/*.import.ts) is the query file of its
// import type: its set-based SQL stays in it, as the job's own statements stay in
// imports.repository.ts. Reading a row checks its format only (per row, while the file
// streams in); every rule that needs the database is set-based SQL in `apply`, which
// leaves each staged line with its outcome in the table it names (line, outcome):
// `accepted`, `duplicate`, or a row error code. Imported rows carry their import's
// id; who imported is on the import itself.
export interface Outcomes {
  table: string;
  /**
   * Rows still `pending` were applied (by transactions that committed): a million
   * rows need not be rewritten to say so. Otherwise a pending row left is a bug.
   */
  pendingMeansAccepted?: boolean;
}
export interface ImportHandler {
  readonly type: ImportType;
  readonly stageTable: string;
  /** Staging columns after (line, err), in the order `read` returns values. */
  readonly stageColumns: readonly (readonly [name: string, sqlType: string])[];
  read(row: RowReader, opts: ImportOptions): StageValue[] | ImportRowError;
  /** Applies the rules; resolves to where every staged line's outcome is. */
  apply(ctx: ImportContext): Promise<Outcomes>;
}

export function createStageTable(handler: ImportHandler, sql: Sql): Promise<unknown> {
  const columns = handler.stageColumns.map(([n, t]) => `${n} ${t}`).join(', ');
  return sql(`CREATE TEMP TABLE ${handler.stageTable} (line int NOT NULL, err text, ${columns})`);
}

// The campaign of a row, when none was chosen at upload: the latest campaign whose
// period (reservation, application or earning, per import) holds the row's JST date,
// else the only campaign there is. Computed once per distinct date.
export function campaignByDate(dates: string, opens: string, closes: string): string {
  return `SELECT d, COALESCE(
      $1::int,
      (SELECT c.id FROM campaigns c WHERE d BETWEEN c.${opens} AND c.${closes} ORDER BY c.${opens} DESC, c.id DESC LIMIT 1),
      (SELECT min(c.id) FROM campaigns c HAVING count(*) = 1)
    ) AS campaign_id
    FROM (${dates}) dates`;
}

/** `instant` as a JST calendar date, in SQL. */
export const jstDate = (instant: string) => `(${instant} AT TIME ZONE 'Asia/Tokyo')::date`;

