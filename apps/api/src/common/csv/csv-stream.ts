import { Transform, TransformCallback } from 'node:stream';

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const CRLF = Buffer.from('\r\n');

/**
 * PostgreSQL writes CSV rows ending in LF; Excel on Windows expects CRLF. Record ends
 * (LF outside quotes) become CRLF; line breaks inside quoted cells stay as they are.
 * Counts the records it passes on.
 */
export class CrlfRecords extends Transform {
  records = 0;
  private inQuotes = false;

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    const parts: Buffer[] = [];
    let start = 0;
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i];
      if (b === QUOTE) this.inQuotes = !this.inQuotes;
      else if (b === LF && !this.inQuotes) {
        // Already CRLF (a CR before it in this chunk): keep as is.
        const end = i > 0 && chunk[i - 1] === CR ? i - 1 : i;
        parts.push(chunk.subarray(start, end), CRLF);
        start = i + 1;
        this.records++;
      }
    }
    if (start < chunk.length) parts.push(chunk.subarray(start));
    done(null, parts.length === 1 ? parts[0] : Buffer.concat(parts));
  }
}

/** One CSV record from plain values (the header line). */
export function csvRecord(values: string[]): string {
  return values.map((v) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(',') + '\r\n';
}

export const UTF8_BOM = '\uFEFF';
