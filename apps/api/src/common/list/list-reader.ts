import { Injectable } from '@nestjs/common';
import { RESOURCE_LABELS } from '@mynapoint/domain';
import { Db } from '../db/db.service';
import { DomainException } from '../errors/domain.exception';
import { SqlParams } from '../db/sql-params';
import { ListQuery } from './list-query';
import { ListResult } from './list-result';
import { Scope, countFrom, orderBy, selectList, whereClause } from './list-sql';
import { ListSpec } from './list-spec';

// The page's total, in a column no list spec names (fields are camelCase).
const TOTAL = '__total';

// Reads any ListSpec: a page with its total, or one record by id. Services call it
// so every resource answers in exactly the same way.
@Injectable()
export class ListReader {
  constructor(private readonly db: Db) {}

  async list<T>(spec: ListSpec, q: ListQuery, scope?: Scope): Promise<ListResult<T>> {
    const p = new SqlParams();
    const where = whereClause(spec, q.filter, p, scope);
    const base = p.values.length;
    const limit = q.range.end - q.range.start + 1;
    const count = `SELECT count(*)::bigint FROM ${countFrom(spec, q.filter, scope)} ${where}`;
    // The page and its total in one statement: the count is an uncorrelated subquery,
    // run once (an InitPlan) and carried on every row. One round trip and one
    // statement per list request instead of two; on this project's machines each
    // round trip costs more CPU (the loopback send and the wake-up of the other side)
    // than the small queries themselves (docs/benchmarks.md, finding 11).
    const rows = await this.db.query<T & { [TOTAL]?: string }>(
      `SELECT ${selectList(spec)}, (${count}) AS "${TOTAL}" FROM ${spec.from} ${where} ${orderBy(spec, q.sort)} LIMIT $${base + 1} OFFSET $${base + 2}`,
      [...p.values, limit, q.range.start],
      // Its text depends on the filter's fields and the sort, never on their values.
      { prepared: 'bounded' },
    );
    let total: number;
    if (rows.length) {
      total = Number(rows[0][TOTAL]);
      for (const row of rows) delete row[TOTAL];
    } else if (q.range.start === 0) {
      total = 0; // nothing matches
    } else {
      // A page past the end carries no row to read the total from.
      total = Number((await this.db.one<{ total: string }>(`SELECT (${count}) AS total`, p.values))?.total ?? 0);
    }
    return new ListResult(spec.resource, rows, total, q.range.start);
  }

  async get<T>(spec: ListSpec, id: number, scope?: Scope): Promise<T | undefined> {
    const p = new SqlParams();
    const conditions = [`${spec.fields.id.sql} = ${p.add(id)}`];
    const scoped = scope?.where?.(p);
    if (scoped) conditions.push(scoped);
    // Its text depends only on the spec and the scope, never on input: kept prepared.
    return this.db.one<T>(`SELECT ${selectList(spec)} FROM ${spec.from} WHERE ${conditions.join(' AND ')}`, p.values, { prepared: true });
  }

  /**
   * The one not-found path: the record, or a 404 with the feature's code and the
   * resource's name (a counter clerk's scope makes another clerk's record not found:
   * they do not learn it exists).
   */
  async getOrFail<T>(spec: ListSpec, id: number, scope?: Scope): Promise<T> {
    const record = await this.get<T>(spec, id, scope);
    if (!record) throw recordNotFound(spec, id);
    return record;
  }
}

export function recordNotFound(spec: ListSpec, id: number): DomainException {
  return new DomainException(spec.notFound, 404, `${RESOURCE_LABELS[spec.resource]?.one.ja ?? spec.resource}（ID: ${id}）は見つかりません。`);
}
