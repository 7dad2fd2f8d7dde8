import { Injectable } from '@nestjs/common';
import { Db } from '../db/db.service';
import { SqlParams } from '../db/sql-params';
import { ListQuery } from './list-query';
import { ListResult } from './list-result';
import { Scope, countFrom, orderBy, selectList, whereClause } from './list-sql';
import { ListSpec } from './list-spec';

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
    const pageParams = [...p.values, limit, q.range.start];
    const [rows, count] = await Promise.all([
      this.db.query<T>(
        `SELECT ${selectList(spec)} FROM ${spec.from} ${where} ${orderBy(spec, q.sort)} LIMIT $${base + 1} OFFSET $${base + 2}`,
        pageParams,
      ),
      this.db.one<{ total: number }>(`SELECT count(*)::bigint AS total FROM ${countFrom(spec, q.filter, scope)} ${where}`, p.values),
    ]);
    return new ListResult(spec.resource, rows, Number(count?.total ?? 0), q.range.start);
  }

  async get<T>(spec: ListSpec, id: number, scope?: Scope): Promise<T | undefined> {
    const p = new SqlParams();
    const conditions = [`${spec.fields.id.sql} = ${p.add(id)}`];
    const scoped = scope?.where?.(p);
    if (scoped) conditions.push(scoped);
    // Its text depends only on the spec and the scope, never on input: kept prepared.
    return this.db.one<T>(`SELECT ${selectList(spec)} FROM ${spec.from} WHERE ${conditions.join(' AND ')}`, p.values, { prepared: true });
  }
}
