import { Injectable } from '@nestjs/common';
import { Db } from '../db/db.service';
import { GenerateSql } from '../db/generate-sql';
import { SqlParams } from '../db/sql-params';
import type { Columns, Row, Table } from '../db/table';
import { ListQuery } from './list-query';
import { ListReader } from './list-reader';
import { ListResult } from './list-result';
import type { ListSpec } from './list-spec';

// What every list resource's repository does the same way: a page with its total, one
// record or the one not-found path, and a row inserted from the table declaration. A
// feature's repository extends it with its list spec and adds its own statements.
// Injectable here, so Nest finds the constructor's parameter types for every subclass.
@Injectable()
export abstract class ListRepository<R> {
  protected abstract readonly spec: ListSpec;

  constructor(
    protected readonly db: Db,
    protected readonly lists: ListReader,
  ) {}

  // Snapshotted for every repository with its own spec: the default sort, the first page.
  @GenerateSql({ params: (r) => [defaultPage((r as ListRepository<unknown>).spec)] })
  list(q: ListQuery): Promise<ListResult<R>> {
    return this.lists.list<R>(this.spec, q);
  }

  @GenerateSql({ params: [1] })
  getOrFail(id: number): Promise<R> {
    return this.lists.getOrFail<R>(this.spec, id);
  }

  /** INSERT of the row's fields, returning the new id. */
  protected async insertRow<C extends Columns>(table: Table<C>, row: Row<C>): Promise<number> {
    const p = new SqlParams();
    const [created] = await this.db.query<{ id: number }>(`${table.insert(row, p)} RETURNING id`, p.values);
    return created.id;
  }
}

function defaultPage(spec: ListSpec): ListQuery {
  return { sort: { field: spec.defaultSort[0], order: spec.defaultSort[1] }, range: { start: 0, end: 24 }, filter: {} };
}
