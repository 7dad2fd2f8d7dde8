import { containsMyNumber, IMPORT_COLUMNS, ImportRowError, matchHeader } from '@mynapoint/domain';
import { hasBadCharacters } from '../common/validation/body-guard';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { createMyKeyReader } from '../common/mykey/mykey-digester';
import type { MyKeyDigest } from '../common/mykey/mykey-hasher';
import { copyRow } from './csv/copy-text';
import { CsvReader } from './csv/csv-parser';
import { CsvEncoding, createDecoder } from './csv/encoding';
import { ImportFailure } from './import-failure';
import { ImportHandler, ImportOptions, RowReader, StageValue } from './handlers/import-handler';

export const PROGRESS_EVERY_ROWS = 50_000;
const FLUSH_CHARS = 256 * 1024;

export interface StageFileOptions {
  path: string;
  encoding: CsvEncoding;
  client: PoolClient;
  handler: ImportHandler;
  options: ImportOptions;
  hmacSecret: string;
  /** Called with the number of rows staged so far, every PROGRESS_EVERY_ROWS. */
  onProgress(rows: number): void;
}

// Streams the uploaded file into the job's staging table with COPY: decoded, parsed,
// checked for format and hashed row by row in Node while PostgreSQL loads the rows
// already sent. The clear MyKey ID and any cell of a row holding a My Number never
// leave this function: such a row is staged with its error and no values.
export async function stageFile(o: StageFileOptions): Promise<number> {
  const { handler } = o;
  const width = handler.stageColumns.length;
  const empty: StageValue[] = new Array(width).fill(null);
  let indexOf: Record<string, number> | null = null;
  let fields: string[] = [];
  let rows = 0;
  let reported = 0;
  let out = '';
  const readMyKey = createMyKeyReader(o.hmacSecret);

  const row: RowReader = {
    cell: (key) => {
      const i = indexOf![key];
      return i === undefined ? undefined : fields[i];
    },
    myKey: (raw): MyKeyDigest | null => (raw === undefined ? null : readMyKey(raw)),
  };

  const reader = new CsvReader((record, line) => {
    if (!indexOf) {
      const match = matchHeader(handler.type, record);
      if (match.missing.length) throw ImportFailure.missingColumns(match.missing);
      indexOf = match.indexOf;
      return;
    }
    fields = record;
    let result: StageValue[] | ImportRowError;
    if (record.some(containsMyNumber)) result = 'my_number';
    else if (record.some(hasBadCharacters)) result = 'invalid_characters';
    else result = handler.read(row, o.options);
    out += typeof result === 'string' ? copyRow([line, result, ...empty]) : copyRow([line, null, ...result]);
    rows++;
  });

  const decoder = createDecoder(o.encoding);
  async function* copyText() {
    for await (const chunk of createReadStream(o.path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
      reader.push(decoder.write(chunk));
      if (out.length >= FLUSH_CHARS) {
        yield Buffer.from(out);
        out = '';
      }
      if (rows - reported >= PROGRESS_EVERY_ROWS) {
        reported = rows - (rows % PROGRESS_EVERY_ROWS);
        o.onProgress(rows);
      }
    }
    reader.push(decoder.end());
    reader.end();
    if (!indexOf) throw ImportFailure.noHeader(IMPORT_COLUMNS[handler.type]);
    if (out.length) yield Buffer.from(out);
  }

  const columns = ['line', 'err', ...handler.stageColumns.map(([n]) => n)].join(', ');
  await pipeline(Readable.from(copyText()), o.client.query(copyFrom(`COPY ${handler.stageTable} (${columns}) FROM STDIN`)));
  return rows;
}
