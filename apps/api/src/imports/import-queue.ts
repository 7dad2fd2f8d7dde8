import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { unlink } from 'node:fs/promises';
import { Client } from 'pg';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Tenant, requireTenant, withTenant } from '../common/db/tenant';
import { ImportRunner } from './import-runner';
import { ImportsRepository, holdWorkerLock, workerGone } from './imports.repository';

const ORPHANED =
  '取り込みを処理していたサーバーが停止したため中断されました。お手数ですが、同じファイルをもう一度取り込んでください（取り込み済みの行は重複として数えられ、二重には登録されません）。';

// The in-process queue of import jobs. Jobs run in the background of the API process
// that received the upload (the file is on its disk), a few at a time. A job whose
// process is gone (restart, crash) cannot resume: at start-up every queued or
// running job of a dead process is marked failed and its file deleted. Re-importing
// the same file is safe: what was applied counts as duplicates.
@Injectable()
export class ImportQueue implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('ImportQueue');
  /** This process, as recorded in imports.worker. */
  readonly worker = randomInt(1, 2 ** 31 - 1);
  private lock: Client | null = null;
  // A job runs as the municipality that uploaded it (row-level security), whichever
  // request or job happens to start it.
  private readonly waiting: { id: number; tenant: Tenant }[] = [];
  private readonly running = new Map<number, Promise<void>>();
  private closing = false;

  constructor(
    private readonly repo: ImportsRepository,
    private readonly runner: ImportRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get concurrency(): number {
    return this.config.importConcurrency;
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.holdLock();
    const failed = await this.failOrphans();
    if (failed) this.logger.warn(`${failed} import job(s) of a stopped process marked failed`);
  }

  // The lock lives as long as its connection. When PostgreSQL restarts, or the connection
  // breaks, the lock is gone while this process lives on: a process starting meanwhile
  // would take this one for dead and fail its queued jobs. So it is taken again on a new
  // connection as soon as the database answers (1 s, doubling up to 30 s, between tries).
  private async holdLock(): Promise<void> {
    const client = new Client({ connectionString: this.config.appDatabaseUrl, keepAlive: true });
    client.on('error', (e) => this.logger.warn(`worker lock connection: ${e.message}`));
    try {
      await client.connect();
      await holdWorkerLock(client, this.worker);
    } catch (e) {
      await client.end().catch(() => undefined);
      throw e;
    }
    client.on('end', () => {
      if (this.lock === client) this.lock = null;
      if (!this.closing) this.retakeLock(1000);
    });
    this.lock = client;
  }

  private retakeLock(delayMs: number): void {
    setTimeout(() => {
      if (this.closing || this.lock) return;
      this.holdLock().then(
        () => this.logger.log('import worker lock taken again after a lost database connection'),
        () => this.retakeLock(Math.min(delayMs * 2, 30_000)),
      );
    }, delayMs).unref();
  }

  async onModuleDestroy(): Promise<void> {
    this.closing = true;
    await Promise.allSettled(this.running.values());
    if (this.waiting.length) {
      // Jobs that never started: failed, and their files deleted (they hold clear MyKey IDs).
      for (const { id, tenant } of this.waiting.splice(0)) {
        const rows = await withTenant(tenant, () => this.repo.failQueued([id], ORPHANED)).catch(() => []);
        for (const { path } of rows) if (path) await unlink(path).catch(() => undefined);
      }
    }
    const lock = this.lock;
    this.lock = null;
    await lock?.end().catch(() => undefined);
  }

  /** Queues a job of the current request's municipality. */
  enqueue(id: number): void {
    this.waiting.push({ id, tenant: requireTenant() });
    this.pump();
  }

  /** Resolves when no job is queued or running in this process. */
  async idle(): Promise<void> {
    while (this.running.size) await Promise.allSettled([...this.running.values()]);
  }

  /** Marks failed the unfinished jobs of processes that no longer hold their lock. */
  async failOrphans(): Promise<number> {
    const lock = this.lock;
    if (!lock) return 0; // without a connection of its own, no lock can tell who is alive
    let failed = 0;
    for (const { municipalityCode, worker } of await this.repo.unfinishedWorkers()) {
      if (worker === this.worker) continue;
      if (worker !== null && !(await workerGone(lock, worker))) continue; // its process is alive
      const rows = await withTenant({ municipalityCode }, () => this.repo.failWorkerJobs(worker, ORPHANED));
      for (const { id, path } of rows) {
        if (path) await unlink(path).catch(() => undefined);
        await this.repo.dropWorkTable(id);
      }
      failed += rows.length;
    }
    return failed;
  }

  private pump(): void {
    while (!this.closing && this.running.size < this.concurrency && this.waiting.length) {
      const { id, tenant } = this.waiting.shift()!;
      const job = withTenant(tenant, () => this.runner.run(id))
        .catch((e: Error) => this.logger.error(`import ${id}: ${e.message}`))
        .finally(() => {
          this.running.delete(id);
          this.pump();
        });
      this.running.set(id, job);
    }
  }
}
