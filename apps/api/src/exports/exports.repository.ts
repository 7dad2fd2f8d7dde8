import { Injectable } from '@nestjs/common';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { to as copyTo } from 'pg-copy-streams';
import QueryStream from 'pg-query-stream';
import { Db } from '../common/db/db.service';
import { GenerateSql } from '../common/db/generate-sql';
import { SqlParams } from '../common/db/sql-params';
import type { ListQuery } from '../common/list/list-query';
import { findListSpec, type ListSpec } from '../common/list/list-spec';
import { orderBy, whereClause } from '../common/list/list-sql';
import { CrlfRecords } from '../common/csv/csv-stream';
import { ExportOptions, cellSql, exportFields, inlineParams } from './export-format';

// Every statement of the exports feature: a list resource's rows, as its list spec
// reads them, with every cell formatted in SQL, streamed on a connection of its own
// (outside any request transaction). Memory stays flat for any size.

/** What to export: a list resource with the list's filter and sort. */
export interface ExportSelect {
  resource: string;
  filter: ListQuery['filter'];
  sort: ListQuery['sort'];
  options: ExportOptions;
}

/** The export's one statement (parameters inlined: COPY takes none). */
export function exportStatement(select: ExportSelect): string {
  const spec: ListSpec | undefined = findListSpec(select.resource);
  if (!spec) throw new Error(`no list spec for ${select.resource}`); // checked by the service before
  const p = new SqlParams();
  const where = whereClause(spec, select.filter, p);
  const cells = exportFields(spec).map(([, f]) => cellSql(f, select.options));
  return inlineParams(`SELECT ${cells.join(', ')} FROM ${spec.from} ${spec.exportJoins ?? ''} ${where} ${orderBy(spec, select.sort)}`, p.values);
}

// Examples for the SQL snapshots: the largest export (5 million rows in the bench),
// with the names it shows instead of ids, filtered as a list would be.
const POINT_AWARDS: Omit<ExportSelect, 'options'> = {
  resource: 'point-awards',
  filter: { paymentServiceId: 1, transactionDate_gte: '2020-09-01' },
  sort: { field: 'transactionDate', order: 'DESC' },
};
const discard = () => new Writable({ write: (_chunk, _enc, done) => done() });

@Injectable()
export class ExportsRepository {
  constructor(private readonly db: Db) {}

  /**
   * The rows as CSV records (CRLF) into `out` through PostgreSQL's COPY, which `out`
   * is not ended by. Resolves to the number of records.
   */
  @GenerateSql({ params: [{ ...POINT_AWARDS, options: { lang: 'ja', raw: false, format: 'csv' } }, discard()] })
  async copyCsv(select: ExportSelect, out: Writable): Promise<number> {
    const client = await this.db.rawClient();
    const records = new CrlfRecords();
    let released = false;
    const release = (err?: Error) => {
      if (!released) client.release(err);
      released = true;
    };
    // A client that hangs up mid-download leaves PostgreSQL blocked writing the COPY
    // and the pipeline never settling (a pooled connection lost, no audit row): drop
    // the connection, which ends the COPY and fails the pipeline.
    const onClose = () => {
      if (!out.writableFinished) release(new Error('the client closed the download'));
    };
    out.once('close', onClose);
    let failed: unknown;
    try {
      const source = client.query(copyTo(`COPY (${exportStatement(select)}) TO STDOUT WITH (FORMAT csv)`));
      await pipeline(source, records, out, { end: false });
      return records.records;
    } catch (e) {
      failed = e;
      throw e;
    } finally {
      out.off('close', onClose);
      // A connection cut mid-COPY is not reusable: drop it from the pool.
      release(failed instanceof Error ? failed : undefined);
    }
  }

  /**
   * Each row (cells as text, in the export's column order) to `onRow`, read through a
   * cursor 2,000 rows at a time; a row callback that throws stops the query. Resolves
   * to the number of rows.
   */
  @GenerateSql({ params: [{ ...POINT_AWARDS, options: { lang: 'en', raw: false, format: 'xlsx' } }, () => undefined] })
  async eachRow(select: ExportSelect, onRow: (row: (string | null)[]) => void): Promise<number> {
    const client = await this.db.rawClient();
    let rows = 0;
    let failed: unknown;
    try {
      const stream = client.query(new QueryStream(exportStatement(select), [], { batchSize: 2000, rowMode: 'array' } as never));
      for await (const row of stream as AsyncIterable<(string | null)[]>) {
        onRow(row);
        rows++;
      }
      return rows;
    } catch (e) {
      failed = e;
      throw e;
    } finally {
      client.release(failed instanceof Error ? failed : undefined);
    }
  }
}
