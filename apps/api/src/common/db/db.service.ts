import { Injectable } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import { DatabaseError, Pool, PoolClient } from 'pg';
import { DataSource, QueryFailedError } from 'typeorm';
import { Tenant, currentTenant, tenantSettings, withTenant } from './tenant';

export interface QueryOutcome<T> {
  rows: T[];
  affected: number;
}

export interface QueryOptions {
  /**
   * Keep the statement prepared on each pooled connection: PostgreSQL parses and
   * plans it once per connection instead of once per request. `true` for the fixed
   * statements every request runs (the session lookup, a record by id, a point award's
   * two statements). `'bounded'` for texts built from a request's filter and sort (a
   * list page): prepared while this process has seen fewer than MAX_BOUNDED_TEXTS
   * distinct ones, so what each connection keeps has a bound whatever clients send;
   * the rest are planned every time, as all were before. Never for text with input in
   * it. After five runs PostgreSQL keeps a generic plan when it is no worse than the
   * custom ones, so a statement whose planning costs more than its execution stops
   * paying it.
   */
  prepared?: boolean | 'bounded';
}

/**
 * The dashboards' aggregates: texts fixed in code (a few variants by interval or scope),
 * planned in about as long as they run under row-level security (two policies' InitPlans
 * on every subquery). Kept prepared, summary and uptake served 1.6–2× the requests in
 * alternating runs. Not the counter's statements: their generic plans were slower
 * (docs/benchmarks.md, finding 16).
 */
export const STATS_STATEMENT: QueryOptions = { prepared: 'bounded' };

// What a connection may keep: a prepared plan of a list page or an aggregate takes tens
// to a few hundred KB of its backend's memory, times the pool's 20 connections.
const MAX_BOUNDED_TEXTS = 100;
/** The texts admitted to be kept prepared: the first `max` distinct ones, then only those. */
export class BoundedTexts {
  private readonly texts = new Set<string>();

  constructor(private readonly max: number) {}

  admit(sql: string): boolean {
    if (this.texts.has(sql)) return true;
    if (this.texts.size >= this.max) return false;
    this.texts.add(sql);
    return true;
  }
}

const boundedTexts = new BoundedTexts(MAX_BOUNDED_TEXTS);

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

// The municipality settings row-level security reads (common/db/tenant.ts). A
// transaction sets them for itself (set_config(…, true): gone at its end). A read
// outside a transaction sets them on its pooled connection, and only when that
// connection last served another municipality: a BEGIN/set/COMMIT around every read
// would be three more round trips per request, and a connection remembers what it was
// given. Every statement passes here, so a connection never keeps another
// municipality's settings into a request of a different one; a statement outside any
// request sets them to "nobody" and sees no municipality's rows.
const SET_TENANT = "SELECT set_config('mynapoint.municipality_code', $1, $3), set_config('mynapoint.stats_municipalities', $2, $3)";
const connectionTenant = new WeakMap<object, string>();

async function applyTenant(client: PoolClient): Promise<void> {
  const [code, stats] = tenantSettings(currentTenant());
  const key = `${code}|${stats}`;
  if (connectionTenant.get(client) === key) return;
  await client.query({ name: 'mp_set_tenant', text: SET_TENANT, values: [code, stats, false] });
  connectionTenant.set(client, key);
}

// A server's answer to a bad statement (a constraint, a syntax error) leaves the
// connection fine for the next request; anything else (a broken socket) does not.
function releaseAfter(client: PoolClient, err: unknown): void {
  client.release(err && !(err instanceof DatabaseError) ? (err as Error) : undefined);
}

// The unit of work: a write request runs in one transaction (opened by the write
// interceptor) and everything the services do, including the audit row, goes
// through the connection found here. Outside a request (imports, seed) callers open
// their own with `transaction()`.
//
// Transactions are the pg pool's clients, not TypeORM's query runners: BEGIN and the
// municipality settings go in one round trip (TypeORM sent START TRANSACTION, then the
// settings), and nothing else stands between a statement and its connection
// (docs/benchmarks.md, issue #24).
@Injectable()
export class Db {
  private readonly als = new AsyncLocalStorage<PoolClient>();

  constructor(readonly dataSource: DataSource) {}

  get inTransaction(): boolean {
    return this.als.getStore() !== undefined;
  }

  /** Runs fn in a transaction, or inside the one already open. */
  transaction<T>(fn: () => Promise<T>): Promise<T> {
    if (this.inTransaction) return fn();
    return this.separateTransaction(fn);
  }

  /** Runs fn in a new transaction even inside another (e.g. an audit row that must survive a rollback). */
  async separateTransaction<T>(fn: () => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    // What leaves the connection unusable (a broken socket): the pool then drops it.
    let broken: unknown;
    const control = async (sql: string) => {
      try {
        await client.query(sql);
      } catch (err) {
        broken = err;
        throw new QueryFailedError(sql, [], err as Error);
      }
    };
    try {
      const [code, stats] = tenantSettings(currentTenant()).map((v) => client.escapeLiteral(v));
      await control(`BEGIN; SELECT set_config('mynapoint.municipality_code', ${code}, true), set_config('mynapoint.stats_municipalities', ${stats}, true)`);
      let result: T;
      try {
        result = await this.als.run(client, fn);
      } catch (e) {
        await control('ROLLBACK').catch(() => undefined);
        throw e;
      }
      await control('COMMIT');
      return result;
    } finally {
      releaseAfter(client, broken);
    }
  }

  /**
   * Runs fn as another municipality, inside the current transaction (or a new one):
   * the operator's set-up of a municipality writes its first admin as that
   * municipality, in the same transaction as the municipality's row. A transaction's
   * settings were applied once at its start and are local to it (set_config(…, true)),
   * so switching needs its own set_config, and switching back after fn, also when fn
   * throws a domain error its caller might catch.
   */
  asMunicipality<T>(municipalityCode: string, fn: () => Promise<T>): Promise<T> {
    return this.transaction(async () => {
      const outer = currentTenant();
      const inner: Tenant = { municipalityCode };
      await this.query(SET_TENANT, [...tenantSettings(inner), true]);
      let failed = false;
      try {
        return await withTenant(inner, fn);
      } catch (e) {
        failed = true;
        throw e;
      } finally {
        try {
          await this.query(SET_TENANT, [...tenantSettings(outer), true]);
        } catch (e) {
          // After a failed statement the transaction is aborted and rolls back anyway:
          // fn's own error is the one to report.
          if (!failed) throw e;
        }
      }
    });
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
    const client = await this.pool.connect();
    try {
      await applyTenant(client);
    } catch (err) {
      releaseAfter(client, err);
      throw err;
    }
    return client;
  }

  private get pool(): Pool {
    return (this.dataSource.driver as unknown as { master: Pool }).master;
  }

  async run<T = Record<string, unknown>>(sql: string, params: unknown[] = [], opts?: QueryOptions): Promise<QueryOutcome<T>> {
    const prepared = opts?.prepared === true || (opts?.prepared === 'bounded' && boundedTexts.admit(sql));
    const own = this.als.getStore();
    if (own) {
      try {
        const result = await own.query(prepared ? { name: statementName(sql), text: sql, values: params } : { text: sql, values: params });
        return { rows: result.rows as T[], affected: result.rowCount ?? result.rows.length };
      } catch (err) {
        throw new QueryFailedError(sql, params, err as Error);
      }
    }
    // Outside a transaction, straight to the pool: a TypeORM query runner per
    // statement (create, connect, query, release) was CPU on every read request and
    // did nothing the pool does not (docs/benchmarks.md). Errors are wrapped as
    // TypeORM wraps them, so the error filter maps them the same way.
    let client: PoolClient | undefined;
    let failure: unknown;
    try {
      client = await this.pool.connect();
      await applyTenant(client);
      const result = await client.query(prepared ? { name: statementName(sql), text: sql, values: params } : { text: sql, values: params });
      return { rows: result.rows as T[], affected: result.rowCount ?? result.rows.length };
    } catch (err) {
      failure = err;
      throw new QueryFailedError(sql, params, err as Error);
    } finally {
      if (client) releaseAfter(client, failure);
    }
  }
}
