import { Injectable } from '@nestjs/common';
import { Readable } from 'node:stream';
import { to as copyTo } from 'pg-copy-streams';
import { Db } from '../common/db/db.service';
import { GenerateSql } from '../common/db/generate-sql';

// Every statement of the municipality-data feature: the export reads a municipality's
// tables (found in the catalog, so a new table is never left out) in one snapshot, the
// removal runs the owner's function remove_municipality_data (migration 1764001800000).

export interface MunicipalityRow {
  id: number;
  code: string;
  name: string;
}

/** A table of the export: its columns, and the column naming the municipality a row belongs to. */
export interface TableDump {
  name: string;
  columns: string[];
  /** municipality_code; for the municipalities table itself, code. */
  key: 'municipality_code' | 'code';
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * The municipality's own rows of one table as CSV with a header line. Row-level
 * security already shows only the caller's municipality; the condition also leaves out
 * the national reference rows (payment services and campaigns with no code).
 */
export function dumpStatement(table: TableDump): string {
  return `COPY (SELECT ${table.columns.map(ident).join(', ')} FROM public.${ident(table.name)} WHERE ${ident(table.key)} = (SELECT current_municipality())) TO STDOUT WITH (FORMAT csv, HEADER true)`;
}

const drain = (_table: TableDump, csv: Readable) => new Promise<void>((resolve, reject) => csv.on('error', reject).on('end', resolve).resume());

@Injectable()
export class MunicipalityDataRepository {
  constructor(private readonly db: Db) {}

  /** Row-level security: the operator sees every municipality, an admin its own only. */
  @GenerateSql({ params: [1] })
  async findMunicipality(id: number): Promise<MunicipalityRow | undefined> {
    return this.db.one<MunicipalityRow>('SELECT id, code, name FROM municipalities WHERE id = $1', [id]);
  }

  /** Every table of the public schema that holds a municipality's rows, and the municipalities table, from the catalog. */
  @GenerateSql()
  async tables(): Promise<TableDump[]> {
    return this.db.query<TableDump>(
      `SELECT c.relname::text AS name,
              array_agg(a.attname::text ORDER BY a.attnum) AS columns,
              CASE WHEN bool_or(a.attname = 'municipality_code') THEN 'municipality_code' ELSE 'code' END AS key
         FROM pg_class c
         JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
         JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
        WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
        GROUP BY c.relname
       HAVING bool_or(a.attname = 'municipality_code') OR c.relname = 'municipalities'
        ORDER BY c.relname`,
    );
  }

  /**
   * Each table's CSV to `each`, one after the other, on a connection of its own in one
   * read-only snapshot (the files and their counts agree with each other). An aborted
   * `signal` (the client hung up) drops the connection, which ends the COPY under way.
   */
  @GenerateSql({ params: [[{ name: 'users', columns: ['id', 'username'], key: 'municipality_code' }], drain] })
  async copyEach(tables: TableDump[], each: (table: TableDump, csv: Readable) => Promise<void>, signal?: AbortSignal): Promise<void> {
    const client = await this.db.rawClient();
    let released = false;
    const release = (err?: Error) => {
      if (!released) client.release(err);
      released = true;
    };
    const onAbort = () => release(new Error('the client closed the download'));
    signal?.addEventListener('abort', onAbort, { once: true });
    let failed: Error | undefined;
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      for (const table of tables) await each(table, client.query(copyTo(dumpStatement(table))));
      await client.query('COMMIT');
    } catch (e) {
      failed = e as Error;
      throw e;
    } finally {
      signal?.removeEventListener('abort', onAbort);
      // A connection left inside the transaction or a COPY is not reusable: drop it.
      release(failed);
    }
  }

  /** Deletes every row of the municipality and its settings row; the rows removed per table. Only the operator (000000) may. */
  @GenerateSql({ name: 'refused: 000000 is no municipality', params: ['000000'] })
  async removeData(code: string): Promise<Record<string, number>> {
    const [row] = await this.db.query<{ removed: Record<string, number> }>('SELECT remove_municipality_data($1) AS removed', [code]);
    return row.removed;
  }
}
