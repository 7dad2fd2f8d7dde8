import { Injectable } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { DataSource, EntityManager, EntityTarget, ObjectLiteral, QueryFailedError, Repository } from 'typeorm';

export interface QueryOutcome<T> {
  rows: T[];
  affected: number;
}

export interface QueryOptions {
  /**
   * Keep the statement prepared on each pooled connection: PostgreSQL parses and
   * plans it once per connection instead of once per request. For the few fixed
   * statements every request runs (the session lookup, a record by id, a point
   * award's two statements); never for text built from input (each distinct text
   * stays prepared on every connection). After five runs PostgreSQL keeps a generic
   * plan, so a statement whose planning costs more than its execution stops paying it.
   */
  prepared?: boolean;
}

// pg names a prepared statement per connection; the name is derived from the text, so
// one text always has one name and two texts never share one.
const statementNames = new Map<string, string>();
function statementName(sql: string): string {
  let name = statementNames.get(sql);
  if (!name) {
    name = `s_${createHash('sha1').update(sql).digest('hex').slice(0, 20)}`;
    statementNames.set(sql, name);
  }
  return name;
}

// The unit of work: a write request runs in one transaction (opened by the write
// interceptor) and everything the services do, including the audit row, goes
// through the manager found here. Outside a request (imports, seed) callers open
// their own with `transaction()`.
@Injectable()
export class Db {
  private readonly als = new AsyncLocalStorage<EntityManager>();

  constructor(readonly dataSource: DataSource) {}

  get manager(): EntityManager {
    return this.als.getStore() ?? this.dataSource.manager;
  }

  get inTransaction(): boolean {
    return Boolean(this.als.getStore()?.queryRunner?.isTransactionActive);
  }

  repo<T extends ObjectLiteral>(entity: EntityTarget<T>): Repository<T> {
    return this.manager.getRepository(entity);
  }

  /** Runs fn in a transaction, or inside the one already open. */
  transaction<T>(fn: () => Promise<T>): Promise<T> {
    if (this.inTransaction) return fn();
    return this.dataSource.transaction((manager) => this.als.run(manager, fn));
  }

  /** Runs fn in a new transaction even inside another (e.g. an audit row that must survive a rollback). */
  separateTransaction<T>(fn: () => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => this.als.run(manager, fn));
  }

  /** Plain rows for any statement (SELECT, or INSERT/UPDATE/DELETE … RETURNING). */
  async query<T = Record<string, unknown>>(sql: string, params: unknown[] = [], opts?: QueryOptions): Promise<T[]> {
    return (await this.run<T>(sql, params, opts)).rows;
  }

  async one<T = Record<string, unknown>>(sql: string, params: unknown[] = [], opts?: QueryOptions): Promise<T | undefined> {
    return (await this.run<T>(sql, params, opts)).rows[0];
  }

  /**
   * A pooled pg client of its own, for streaming (COPY, cursors) outside any
   * request transaction. Release it when done.
   */
  async rawClient(): Promise<PoolClient> {
    return this.pool.connect();
  }

  private get pool(): Pool {
    return (this.dataSource.driver as unknown as { master: Pool }).master;
  }

  async run<T = Record<string, unknown>>(sql: string, params: unknown[] = [], opts?: QueryOptions): Promise<QueryOutcome<T>> {
    const own = this.manager.queryRunner;
    if (own) {
      // pg takes a { name, text } config where TypeORM passes the text; toString keeps
      // TypeORM's error log readable.
      const statement = opts?.prepared ? ({ name: statementName(sql), text: sql, toString: () => sql } as unknown as string) : sql;
      const result = await own.query(statement, params, true);
      return { rows: result.records as T[], affected: result.affected ?? result.records.length };
    }
    // Outside a transaction, straight to the pool: a TypeORM query runner per
    // statement (create, connect, query, release) was CPU on every read request and
    // did nothing the pool does not (docs/benchmarks.md). Errors are wrapped as
    // TypeORM wraps them, so the error filter maps them the same way.
    try {
      const result = await this.pool.query(opts?.prepared ? { name: statementName(sql), text: sql, values: params } : { text: sql, values: params });
      return { rows: result.rows as T[], affected: result.rowCount ?? result.rows.length };
    } catch (err) {
      throw new QueryFailedError(sql, params, err as Error);
    }
  }
}
