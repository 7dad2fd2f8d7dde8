import { Injectable } from '@nestjs/common';
import { IMPORT_STATUS, IMPORT_TYPE, type ImportType } from '@mynapoint/domain';
import { Readable, Transform } from 'node:stream';
import type { Client } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { GenerateSql } from '../common/db/generate-sql';
import type { Sql } from '../common/db/sql-runner';
import { Row, defineTable } from '../common/db/table';
import { defineListSpec } from '../common/list/list-spec';
import { ImportError } from './import.exception';
import { ListRepository } from '../common/list/list-repository';

// Every statement of the imports feature: the jobs, their queue and their outcome.
// The rows of each import type are checked and applied by set-based SQL in its
// handler (handlers/*.import.ts): each handler is the query file of its import type.

export const importsTable = defineTable('imports', {
  id: { kind: 'int', readOnly: true },
  type: { kind: 'enum', enum: IMPORT_TYPE },
  // The job's progress and outcome: written by the runner's own statements below.
  status: { kind: 'enum', enum: IMPORT_STATUS, readOnly: true },
  phase: { kind: 'text', nullable: true, readOnly: true },
  paymentServiceId: { kind: 'int', nullable: true },
  campaignId: { kind: 'int', nullable: true },
  filename: { kind: 'text', nullable: true },
  encoding: { kind: 'text', nullable: true, readOnly: true },
  sizeBytes: { kind: 'int', nullable: true },
  rowsTotal: { kind: 'int', readOnly: true },
  rowsDone: { kind: 'int', readOnly: true },
  accepted: { kind: 'int', readOnly: true },
  rejected: { kind: 'int', readOnly: true },
  duplicates: { kind: 'int', readOnly: true },
  message: { kind: 'text', nullable: true, readOnly: true },
  // The API process that owns the job while it is queued or running.
  worker: { kind: 'int', nullable: true },
  // The uploaded file until the job ends (it holds clear MyKey IDs): never in a response.
  uploadPath: { kind: 'text', nullable: true },
  createdBy: { kind: 'int', nullable: true },
  createdAt: { kind: 'instant', readOnly: true },
  startedAt: { kind: 'instant', nullable: true, readOnly: true },
  finishedAt: { kind: 'instant', nullable: true, readOnly: true },
});
export type ImportRow = Row<typeof importsTable.columns>;

export const importsListSpec = defineListSpec({
  resource: 'imports',
  from: 'imports i LEFT JOIN users u ON u.id = i.created_by',
  // Names for exports, instead of ids.
  exportJoins: `LEFT JOIN payment_services ps ON ps.id = i.payment_service_id
    LEFT JOIN campaigns c ON c.id = i.campaign_id`,
  fields: {
    ...importsTable.fields('i', ['id', 'type', 'status', 'phase']),
    paymentServiceId: { ...importsTable.field('i', 'paymentServiceId'), exportable: false },
    paymentServiceName: { sql: 'ps.name', kind: 'text', nullable: true, exportOnly: true },
    campaignId: { ...importsTable.field('i', 'campaignId'), exportable: false },
    campaignName: { sql: 'c.name', kind: 'text', nullable: true, exportOnly: true },
    ...importsTable.fields('i', ['filename', 'encoding', 'rowsTotal', 'rowsDone', 'accepted', 'rejected', 'duplicates', 'message']),
    createdBy: { ...importsTable.field('i', 'createdBy'), exportable: false },
    createdByName: { sql: 'u.display_name', kind: 'text', nullable: true },
    ...importsTable.fields('i', ['createdAt', 'startedAt', 'finishedAt']),
  },
  search: ['i.filename'],
  defaultSort: ['id', 'DESC'],
  notFound: ImportError.NotFound,
});

export type ImportRecord = Record<keyof typeof importsListSpec.fields, unknown> & { id: number; status: string };

/** A job as the runner needs it. */
export interface JobRow {
  id: number;
  type: ImportType;
  upload_path: string;
  payment_service_id: number | null;
  campaign_id: number | null;
  created_by: number | null;
  filename: string | null;
}

export interface ImportCounts {
  rowsTotal: number;
  accepted: number;
  rejected: number;
  duplicates: number;
}

export interface LineError {
  line: number;
  message: string;
}

/** The unlogged table a job's connections share (dropped when the job ends, or by the orphan sweep). */
// In their own schema: tables the API's role creates at run time stay out of the
// municipality-owned schema (and its row-level security checks).
export const workTable = (importId: number) => `import_work.job_${Number(importId)}`;

// Advisory-lock namespace of API processes: each holds (NS, its worker id) for its
// lifetime, so any process can tell whether the owner of a job is still alive. These
// run on the queue's own connection (the lock lives as long as it does).
const WORKER_LOCK_NS = 730_001;

export async function holdWorkerLock(lock: Client, worker: number): Promise<void> {
  await lock.query('SELECT pg_advisory_lock($1, $2)', [WORKER_LOCK_NS, worker]);
}

/** Whether the process `worker` is gone (its lock is free); the probe's lock is let go at once. */
export async function workerGone(lock: Client, worker: number): Promise<boolean> {
  const [{ free }] = (await lock.query<{ free: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS free', [WORKER_LOCK_NS, worker])).rows;
  if (free) await lock.query('SELECT pg_advisory_unlock($1, $2)', [WORKER_LOCK_NS, worker]);
  return free;
}

// A job's own transactions (staging, chunks) commit without waiting for their WAL
// to reach the disk. A crash can then lose the last of them, never a middle one
// (WAL is written in order), and never once the job is done: the transaction that
// marks it done commits synchronously (`finishJob`), which flushes every chunk before
// it. A job the crash cut short is still running or queued in the database, so the
// restart marks it failed, and importing the file again completes it (what did
// commit counts as duplicates). Nothing anyone was told is done is lost.
export const ASYNC_COMMIT = `SET synchronous_commit = off`;

/** A job connection's session: big hash joins and sorts stay in memory. */
export async function prepareJobSession(sql: Sql, tempBuffers: boolean): Promise<void> {
  await sql(`SET work_mem = '256MB'`);
  // temp_buffers only takes before the session first touches a temporary table.
  if (tempBuffers) await sql(`SET temp_buffers = '256MB'`).catch(() => undefined);
  await sql(ASYNC_COMMIT);
}

/**
 * A finished job's outcome, in the job's transaction: the counts read from its
 * outcomes table (every row applied, duplicate or with a known error code; anything
 * else is a bug), the per-line errors with their messages, and the job marked done.
 * Synchronous: once the job reads done, it and every chunk before it are on disk.
 */
export async function finishJob(
  sql: Sql,
  id: number,
  outcomes: { table: string; pendingMeansAccepted?: boolean },
  errors: { codes: readonly string[]; messages: readonly string[] },
): Promise<ImportCounts> {
  const accepted = outcomes.pendingMeansAccepted ? `('accepted', 'pending')` : `('accepted')`;
  await sql(`SET LOCAL synchronous_commit = on`);
  const [counts] = await sql<ImportCounts & { unknown: number }>(
    `SELECT count(*)::int AS "rowsTotal",
            count(*) FILTER (WHERE outcome IN ${accepted})::int AS accepted,
            count(*) FILTER (WHERE outcome = 'duplicate')::int AS duplicates,
            count(*) FILTER (WHERE outcome NOT IN ${accepted} AND outcome <> 'duplicate')::int AS rejected,
            count(*) FILTER (WHERE outcome NOT IN ${accepted} AND outcome <> 'duplicate' AND outcome <> ALL($1::text[]))::int AS unknown
     FROM ${outcomes.table}`,
    [errors.codes],
  );
  if (counts.unknown) throw new Error(`${counts.unknown} rows without a final outcome`);
  await sql(
    `INSERT INTO import_errors (import_id, line, message)
     SELECT $1, o.line, m.message FROM ${outcomes.table} o JOIN unnest($2::text[], $3::text[]) AS m(code, message) ON m.code = o.outcome`,
    [id, errors.codes, errors.messages],
  );
  await sql(
    `UPDATE imports SET status = 'done', phase = NULL, rows_total = $2, rows_done = $2, accepted = $3, rejected = $4, duplicates = $5,
            finished_at = now(), upload_path = NULL
     WHERE id = $1`,
    [id, counts.rowsTotal, counts.accepted, counts.rejected, counts.duplicates],
  );
  return { rowsTotal: counts.rowsTotal, accepted: counts.accepted, rejected: counts.rejected, duplicates: counts.duplicates };
}

const CRLF = Buffer.from('\r\n');

@Injectable()
export class ImportsRepository extends ListRepository<ImportRecord> {
  protected readonly spec = importsListSpec;

  private readonly sql: Sql = (text, params) => this.db.query(text, params);

  /** The first `limit` per-line errors of a job, in line order. */
  @GenerateSql({ params: [1, 1000] })
  errors(id: number, limit: number): Promise<LineError[]> {
    return this.db.query<LineError>('SELECT line, message FROM import_errors WHERE import_id = $1 ORDER BY line LIMIT $2', [id, limit]);
  }

  @GenerateSql({ params: [1] })
  async paymentServiceExists(id: number): Promise<boolean> {
    return Boolean(await this.db.one('SELECT 1 FROM payment_services WHERE id = $1', [id]));
  }

  @GenerateSql({ params: [1] })
  async campaignExists(id: number): Promise<boolean> {
    return Boolean(await this.db.one('SELECT 1 FROM campaigns WHERE id = $1', [id]));
  }

  @GenerateSql({
    params: [{ type: 'point-awards', paymentServiceId: 1, campaignId: null, filename: 'report.csv', sizeBytes: 120, createdBy: 1, worker: 7, uploadPath: '/tmp/upload' }],
  })
  async insert(row: ImportRow): Promise<number> {
    return this.insertRow(importsTable, row);
  }

  /**
   * The full error report as CSV (UTF-8 with BOM, CRLF), streamed by COPY on a
   * connection of its own, released when the stream ends or breaks.
   */
  @GenerateSql({ params: [1] })
  async errorsCsv(id: number): Promise<Readable> {
    const client = await this.db.rawClient();
    let released = false;
    const release = (destroy: boolean) => {
      if (!released) client.release(destroy);
      released = true;
    };
    // The id is a checked integer: COPY takes no parameters.
    const source = client.query(
      copyTo(`COPY (SELECT line, message FROM import_errors WHERE import_id = ${Number(id)} ORDER BY line) TO STDOUT WITH (FORMAT csv)`),
    );
    const header = Buffer.from('\ufeff行,エラー内容\r\n');
    let first = true;
    // LF → CRLF on bytes: 0x0A never occurs inside a UTF-8 multi-byte character.
    const crlf = new Transform({
      transform(chunk: Buffer, _enc, done) {
        const parts: Buffer[] = first ? [header] : [];
        first = false;
        let from = 0;
        for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) {
          parts.push(chunk.subarray(from, i), CRLF);
          from = i + 1;
        }
        parts.push(chunk.subarray(from));
        done(null, Buffer.concat(parts));
      },
      flush(done) {
        done(null, first ? header : Buffer.alloc(0));
      },
    });
    source.on('error', (e) => {
      release(true);
      crlf.destroy(e);
    });
    source.on('end', () => release(false));
    crlf.on('close', () => release(true));
    return source.pipe(crlf);
  }

  // The queue and the runner.

  /** Marks failed the jobs among `ids` that never started, and hands back their files to delete. */
  @GenerateSql({ params: [[1, 2], '中断されました。'] })
  failQueued(ids: number[], message: string): Promise<{ path: string | null }[]> {
    return this.db.query<{ path: string | null }>(
      `UPDATE imports i SET status = 'failed', message = $2, finished_at = now(), upload_path = NULL
       FROM (SELECT id, upload_path FROM imports WHERE id = ANY($1) AND status = 'queued' FOR UPDATE) old
       WHERE i.id = old.id
       RETURNING old.upload_path AS path`,
      [ids, message],
    );
  }

  /**
   * The processes that own unfinished jobs, in every municipality: start-up's
   * housekeeping is the installation's, so it reads through a function of the tables'
   * owner (no row-level security) and then fails each municipality's jobs as that one.
   */
  @GenerateSql()
  unfinishedWorkers(): Promise<{ municipalityCode: string; worker: number | null }[]> {
    return this.db.query<{ municipalityCode: string; worker: number | null }>(
      'SELECT municipality_code AS "municipalityCode", worker FROM unfinished_import_workers()',
    );
  }

  /** Marks failed every unfinished job of `worker` (a stopped process), and hands back their files to delete. */
  @GenerateSql({ params: [7, '中断されました。'] })
  failWorkerJobs(worker: number | null, message: string): Promise<{ id: number; path: string | null }[]> {
    return this.db.query<{ id: number; path: string | null }>(
      `UPDATE imports i SET status = 'failed', phase = NULL, message = $2, finished_at = now(), upload_path = NULL
       FROM (SELECT id, upload_path FROM imports WHERE status IN ('queued', 'running') AND worker IS NOT DISTINCT FROM $1 FOR UPDATE) old
       WHERE i.id = old.id
       RETURNING i.id, old.upload_path AS path`,
      [worker, message],
    );
  }

  @GenerateSql({ params: [1] })
  async dropWorkTable(id: number): Promise<void> {
    await this.db.query(`DROP TABLE IF EXISTS ${workTable(id)}`);
  }

  /** Takes a queued job (undefined when it is no longer queued). */
  @GenerateSql({ params: [1] })
  start(id: number): Promise<JobRow | undefined> {
    return this.db.one<JobRow>(
      `UPDATE imports SET status = 'running', phase = 'reading', started_at = now() WHERE id = $1 AND status = 'queued'
       RETURNING id, type, upload_path, payment_service_id, campaign_id, created_by, filename`,
      [id],
    );
  }

  @GenerateSql({ params: [1, 'shift_jis', 100] })
  async recordFile(id: number, encoding: string, rowsTotal: number): Promise<void> {
    await this.db.query(`UPDATE imports SET encoding = $2, rows_total = $3 WHERE id = $1`, [id, encoding, rowsTotal]);
  }

  @GenerateSql({ params: [1, 50000] })
  async progress(id: number, rowsDone: number): Promise<void> {
    await this.db.query(`UPDATE imports SET rows_done = $2, rows_total = GREATEST(rows_total, $2) WHERE id = $1`, [id, rowsDone]);
  }

  /** Every row is staged: the checks begin. */
  @GenerateSql({ params: [1, 100] })
  async staged(id: number, rows: number): Promise<void> {
    await this.db.query(`UPDATE imports SET rows_total = $2, rows_done = $2, phase = 'checking' WHERE id = $1`, [id, rows]);
  }

  @GenerateSql({ params: [1, 'applying'] })
  async setPhase(id: number, phase: 'checking' | 'applying'): Promise<void> {
    await this.db.query(`UPDATE imports SET phase = $2 WHERE id = $1`, [id, phase]);
  }

  @GenerateSql({ params: [1, 'ファイルを確認してください。'] })
  async fail(id: number, message: string): Promise<void> {
    await this.db.query(`UPDATE imports SET status = 'failed', phase = NULL, message = $2, finished_at = now(), upload_path = NULL WHERE id = $1`, [id, message]);
  }

  /** Who started the job, for its audit row; `sql`: the job's connection when the row commits with the job. */
  @GenerateSql({ params: [1] })
  async user(userId: number, sql: Sql = this.sql): Promise<{ id: number; username: string } | null> {
    const [user] = await sql<{ id: number; username: string }>('SELECT id, username FROM users WHERE id = $1', [userId]);
    return user ?? null;
  }
}
