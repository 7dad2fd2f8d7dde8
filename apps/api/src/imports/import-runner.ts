import { Inject, Injectable, Logger } from '@nestjs/common';
import { IMPORT_ROW_ERROR, ImportType } from '@mynapoint/domain';
import { unlink } from 'node:fs/promises';
import type { PoolClient } from 'pg';
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
import { populationFiguresImport } from './handlers/population-figures.import';
import { benchmarkRatesImport } from './handlers/benchmark-rates.import';
import { ImportCounts, ImportsRepository, JobRow, finishJob, prepareJobSession, workTable } from './imports.repository';

export const IMPORT_HANDLERS: Record<ImportType, ImportHandler> = {
  reservations: reservationsImport,
  applications: applicationsImport,
  'point-awards': pointAwardsImport,
  'population-figures': populationFiguresImport,
  'benchmark-rates': benchmarkRatesImport,
};

const RETRYABLE = new Set(['40P01', '40001']); // deadlock, serialization failure
const MAX_ATTEMPTS = 5;
const ERROR_CODES = IMPORT_ROW_ERROR.values as readonly string[];
const ERROR_MESSAGES = IMPORT_ROW_ERROR.values.map((v) => IMPORT_ROW_ERROR.labels[v].ja);


// Runs one import job to its end: done with its counts and per-line errors, or
// failed with a message. Never throws: the queue runs it in the background.
@Injectable()
export class ImportRunner {
  private readonly logger = new Logger('Import');

  constructor(
    private readonly db: Db,
    private readonly repo: ImportsRepository,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async run(id: number): Promise<void> {
    const job = await this.repo.start(id);
    if (!job) return;
    let client: PoolClient | null = null;
    try {
      const facts = await inspectFile(job.upload_path);
      await this.repo.recordFile(id, facts.encoding === 'utf-8' && facts.bom ? 'utf-8-bom' : facts.encoding, Math.max(0, facts.lines - 1));
      client = await this.db.rawClient();
      await this.process(job, client, facts.encoding);
    } catch (e) {
      const message =
        e instanceof ImportFailure ? e.message : '取り込み中にエラーが発生したため中止しました。ファイルを確認してもう一度取り込んでください。解決しない場合はシステム管理者に連絡してください。';
      if (!(e instanceof ImportFailure)) this.logger.error(`import ${id} failed: ${(e as Error)?.stack ?? e}`);
      // A job cut off by a database outage is marked failed once the database is back (not left "running").
      await whenDatabaseBack(() => this.repo.fail(id, message))
        .then(() => this.recordOutcome(job, 'failed'))
        .catch((err: Error) => this.logger.error(`import ${id}: could not record the failure: ${err.message}`));
    } finally {
      // Destroyed, not returned: its temporary tables and settings die with it.
      client?.release(true);
      await this.repo.dropWorkTable(id).catch(() => undefined);
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
    await prepareJobSession(sql, true);
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
        progress = progress.then(() => this.repo.progress(job.id, n)).then(
          () => undefined,
          () => undefined,
        );
      },
    });
    await progress;
    if (process.env.IMPORT_TRACE) process.stderr.write(`[import ${job.id}] staged ${rows} rows in ${Date.now() - t0} ms\n`);
    await this.repo.staged(job.id, rows);
    await sql(`ANALYZE ${handler.stageTable}`);

    const ctx: ImportContext = {
      ...options,
      sql,
      transaction,
      workTable: workTable(job.id),
      chunkRows: this.config.importChunkRows,
      workers: this.config.importApplyWorkers,
      phase: (phase) => this.repo.setPhase(job.id, phase),
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
        const c = await this.db.rawClient();
        clients.push(c);
        await prepareJobSession((text, params) => c.query(text, params).then((r) => r.rows), false);
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
  private finish(job: JobRow, outcomes: Outcomes, sql: Sql, client: PoolClient): Promise<ImportCounts> {
    return this.transaction(client, async () => {
      const done = await finishJob(sql, job.id, outcomes, { codes: ERROR_CODES, messages: ERROR_MESSAGES });
      // In this transaction: whoever reads the job as done finds its audit row too.
      const user = job.created_by ? await this.repo.user(job.created_by, sql) : null;
      await this.audit.recordWith(sql, outcomeEntry(job, 'done', user, done));
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
    const user = job.created_by ? await this.repo.user(job.created_by) : null;
    await this.audit.record(outcomeEntry(job, status, user, counts));
  }
}

/** The audit row of a job's end: the file name, the type and the counts; never anything from the file itself. */
function outcomeEntry(job: JobRow, status: 'done' | 'failed', user: { id: number; username: string } | null, counts?: ImportCounts): AuditEntry {
  return { user, action: 'import', resource: 'imports', resourceId: job.id, changes: { filename: job.filename, type: job.type, status, ...(counts ?? {}) } };
}
