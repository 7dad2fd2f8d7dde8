import { Inject, Injectable, Logger } from '@nestjs/common';
import { IMPORT_ROW_ERROR, ImportType } from '@mynapoint/domain';
import { unlink } from 'node:fs/promises';
import type { Pool, PoolClient } from 'pg';
import { AuditService, type AuditEntry } from '../common/audit/audit.service';
import { Db } from '../common/db/db.service';
import type { Sql } from '../common/db/sql-runner';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { whenDatabaseBack } from '../common/db/database-unavailable';
import { inspectFile } from './csv/encoding';
import { ImportFailure } from './import-failure';
import { stageFile } from './import-stager';
import { applicationsImport } from './handlers/applications.import';
import { Connection, ImportContext, ImportHandler, ImportOptions, Outcomes, createStageTable } from './handlers/import-handler';
import { pointAwardsImport } from './handlers/point-awards.import';
import { reservationsImport } from './handlers/reservations.import';

export const IMPORT_HANDLERS: Record<ImportType, ImportHandler> = {
  reservations: reservationsImport,
  applications: applicationsImport,
  'point-awards': pointAwardsImport,
};

const RETRYABLE = new Set(['40P01', '40001']); // deadlock, serialization failure
const MAX_ATTEMPTS = 5;
const ERROR_CODES = IMPORT_ROW_ERROR.values as readonly string[];
const ERROR_MESSAGES = IMPORT_ROW_ERROR.values.map((v) => IMPORT_ROW_ERROR.labels[v].ja);

// A job's own transactions (staging, chunks) commit without waiting for their WAL
// to reach the disk. A crash can then lose the last of them, never a middle one
// (WAL is written in order), and never once the job is done: the transaction that
// marks it done commits synchronously (\`finish\`), which flushes every chunk before
// it. A job the crash cut short is still running or queued in the database, so the
// restart marks it failed, and importing the file again completes it (what did
// commit counts as duplicates). Nothing anyone was told is done is lost.
const ASYNC_COMMIT = `SET synchronous_commit = off`;

/** The unlogged table a job's connections share (dropped when the job ends, or by the orphan sweep). */
export const workTable = (importId: number) => `import_work_${Number(importId)}`;

interface JobRow {
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

// Runs one import job to its end: done with its counts and per-line errors, or
// failed with a message. Never throws: the queue runs it in the background.
@Injectable()
export class ImportRunner {
  private readonly logger = new Logger('Import');

  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private get pool(): Pool {
    return (this.db.dataSource.driver as unknown as { master: Pool }).master;
  }

  async run(id: number): Promise<void> {
    const job = await this.db.one<JobRow>(
      `UPDATE imports SET status = 'running', phase = 'reading', started_at = now() WHERE id = $1 AND status = 'queued'
       RETURNING id, type, upload_path, payment_service_id, campaign_id, created_by, filename`,
      [id],
    );
    if (!job) return;
    let client: PoolClient | null = null;
    try {
      const facts = await inspectFile(job.upload_path);
      await this.db.query(`UPDATE imports SET encoding = $2, rows_total = $3 WHERE id = $1`, [
        id,
        facts.encoding === 'utf-8' && facts.bom ? 'utf-8-bom' : facts.encoding,
        Math.max(0, facts.lines - 1),
      ]);
      client = await this.pool.connect();
      await this.process(job, client, facts.encoding);
    } catch (e) {
      const message =
        e instanceof ImportFailure ? e.message : '取り込み中にエラーが発生したため中止しました。ファイルを確認してもう一度取り込んでください。解決しない場合はシステム管理者に連絡してください。';
      if (!(e instanceof ImportFailure)) this.logger.error(`import ${id} failed: ${(e as Error)?.stack ?? e}`);
      // A job cut off by a database outage is marked failed once the database is back (not left "running").
      await whenDatabaseBack(() =>
        this.db.query(`UPDATE imports SET status = 'failed', phase = NULL, message = $2, finished_at = now(), upload_path = NULL WHERE id = $1`, [id, message]),
      )
        .then(() => this.recordOutcome(job, 'failed'))
        .catch((err: Error) => this.logger.error(`import ${id}: could not record the failure: ${err.message}`));
    } finally {
      // Destroyed, not returned: its temporary tables and settings die with it.
      client?.release(true);
      await this.db.query(`DROP TABLE IF EXISTS ${workTable(id)}`).catch(() => undefined);
      await unlink(job.upload_path).catch(() => undefined);
    }
  }

  private async process(job: JobRow, client: PoolClient, encoding: 'utf-8' | 'shift_jis'): Promise<ImportCounts> {
    const handler = IMPORT_HANDLERS[job.type];
    const { sql, transaction } = this.connection(client, job.id);
    const options: ImportOptions = {
      importId: job.id,
      userId: job.created_by,
      paymentServiceId: job.payment_service_id,
      campaignId: job.campaign_id,
    };
    // Big hash joins and sorts stay in memory; temp_buffers only takes before the
    // session first touches a temporary table.
    await sql(`SET work_mem = '256MB'`);
    await sql(`SET temp_buffers = '256MB'`).catch(() => undefined);
    await sql(ASYNC_COMMIT);
    await createStageTable(handler, sql);

    // Progress writes go through the pool, so a slow one never holds up the COPY.
    let progress = Promise.resolve();
    const t0 = Date.now();
    const rows = await stageFile({
      path: job.upload_path,
      encoding,
      client,
      handler,
      options,
      hmacSecret: this.config.myKeyHmacSecret,
      onProgress: (n) => {
        progress = progress.then(() => this.db.query(`UPDATE imports SET rows_done = $2, rows_total = GREATEST(rows_total, $2) WHERE id = $1`, [job.id, n])).then(
          () => undefined,
          () => undefined,
        );
      },
    });
    await progress;
    if (process.env.IMPORT_TRACE) process.stderr.write(`[import ${job.id}] staged ${rows} rows in ${Date.now() - t0} ms\n`);
    await this.db.query(`UPDATE imports SET rows_total = $2, rows_done = $2, phase = 'checking' WHERE id = $1`, [job.id, rows]);
    await sql(`ANALYZE ${handler.stageTable}`);

    const ctx: ImportContext = {
      ...options,
      sql,
      transaction,
      workTable: workTable(job.id),
      chunkRows: this.config.importChunkRows,
      workers: this.config.importApplyWorkers,
      phase: async (phase) => {
        await this.db.query(`UPDATE imports SET phase = $2 WHERE id = $1`, [job.id, phase]);
      },
      parallel: (tasks, run) => this.parallel(client, job.id, tasks, run),
    };
    const outcomes = await handler.apply(ctx);
    return this.finish(job, outcomes, sql, client);
  }

  private connection(client: PoolClient, jobId: number): Connection {
    const sql: Sql = async (text, params) => {
      const t0 = Date.now();
      const rows = (await client.query(text, params)).rows;
      if (process.env.IMPORT_TRACE) process.stderr.write(`[import ${jobId}] ${Date.now() - t0} ms ${text.replace(/\s+/g, ' ').slice(0, 90)}\n`);
      return rows;
    };
    return { sql, transaction: (fn, opts) => this.transaction(client, fn, opts) };
  }

  private async parallel<T>(own: PoolClient, jobId: number, tasks: readonly T[], run: (task: T, conn: Connection) => Promise<void>): Promise<void> {
    const queue = [...tasks];
    const clients = [own];
    let failure: unknown = null;
    try {
      const extra = Math.min(this.config.importApplyWorkers, tasks.length) - 1;
      for (let i = 0; i < extra; i++) {
        const c = await this.pool.connect();
        clients.push(c);
        await c.query(`SET work_mem = '256MB'`);
        await c.query(ASYNC_COMMIT);
      }
      await Promise.all(
        clients.map(async (c) => {
          const conn = this.connection(c, jobId);
          while (!failure && queue.length) {
            const task = queue.shift()!;
            await run(task, conn).catch((e: unknown) => {
              failure ??= e;
            });
          }
        }),
      );
    } finally {
      // Destroyed, not returned: no session setting leaks to the pool.
      for (const c of clients.slice(1)) c.release(true);
    }
    if (failure) throw failure;
  }

  /** Per-line errors, the counts and the audit row, written with the job's status in one transaction. */
  private async finish(job: JobRow, outcomes: Outcomes, sql: Sql, client: PoolClient): Promise<ImportCounts> {
    const id = job.id;
    const accepted = outcomes.pendingMeansAccepted ? `('accepted', 'pending')` : `('accepted')`;
    return this.transaction(client, async () => {
      // Synchronous: once the job reads done, it and every chunk before it are on disk.
      await sql(`SET LOCAL synchronous_commit = on`);
      const [counts] = await sql<ImportCounts & { unknown: number }>(
        `SELECT count(*)::int AS "rowsTotal",
                count(*) FILTER (WHERE outcome IN ${accepted})::int AS accepted,
                count(*) FILTER (WHERE outcome = 'duplicate')::int AS duplicates,
                count(*) FILTER (WHERE outcome NOT IN ${accepted} AND outcome <> 'duplicate')::int AS rejected,
                count(*) FILTER (WHERE outcome NOT IN ${accepted} AND outcome <> 'duplicate' AND outcome <> ALL($1::text[]))::int AS unknown
         FROM ${outcomes.table}`,
        [ERROR_CODES],
      );
      // Every row ends applied, duplicate or with a known error; anything else is a bug.
      if (counts.unknown) throw new Error(`${counts.unknown} rows without a final outcome`);
      await sql(
        `INSERT INTO import_errors (import_id, line, message)
         SELECT $1, o.line, m.message FROM ${outcomes.table} o JOIN unnest($2::text[], $3::text[]) AS m(code, message) ON m.code = o.outcome`,
        [id, ERROR_CODES, ERROR_MESSAGES],
      );
      await sql(
        `UPDATE imports SET status = 'done', phase = NULL, rows_total = $2, rows_done = $2, accepted = $3, rejected = $4, duplicates = $5,
                finished_at = now(), upload_path = NULL
         WHERE id = $1`,
        [id, counts.rowsTotal, counts.accepted, counts.rejected, counts.duplicates],
      );
      const done = { rowsTotal: counts.rowsTotal, accepted: counts.accepted, rejected: counts.rejected, duplicates: counts.duplicates };
      // In this transaction: whoever reads the job as done finds its audit row too.
      const [user] = job.created_by ? await sql<{ id: number; username: string }>('SELECT id, username FROM users WHERE id = $1', [job.created_by]) : [];
      await this.audit.recordWith(sql, outcomeEntry(job, 'done', user ?? null, done));
      return done;
    });
  }

  private async transaction<T>(client: PoolClient, fn: () => Promise<T>, opts: { onUniqueViolation?: () => Promise<unknown> } = {}): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      await client.query('BEGIN');
      try {
        const result = await fn();
        await client.query('COMMIT');
        return result;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        const code = (e as { code?: string }).code ?? '';
        if (attempt >= MAX_ATTEMPTS) throw e;
        if (RETRYABLE.has(code)) continue;
        if (code === '23505' && opts.onUniqueViolation) {
          await opts.onUniqueViolation();
          continue;
        }
        throw e;
      }
    }
  }

  private async recordOutcome(job: JobRow, status: 'done' | 'failed', counts?: ImportCounts): Promise<void> {
    const user = job.created_by ? await this.db.one<{ id: number; username: string }>('SELECT id, username FROM users WHERE id = $1', [job.created_by]) : null;
    await this.audit.record(outcomeEntry(job, status, user ?? null, counts));
  }
}

/** The audit row of a job's end: the file name, the type and the counts; never anything from the file itself. */
function outcomeEntry(job: JobRow, status: 'done' | 'failed', user: { id: number; username: string } | null, counts?: ImportCounts): AuditEntry {
  return { user, action: 'import', resource: 'imports', resourceId: job.id, changes: { filename: job.filename, type: job.type, status, ...(counts ?? {}) } };
}
