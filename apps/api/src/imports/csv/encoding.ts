import * as iconv from 'iconv-lite';
import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

// Japanese offices export CSV from Excel as Shift_JIS (in fact Windows-31J / CP932,
// which adds ①, ㈱, 髙 and the like); newer tools write UTF-8, with or without a BOM.
// The rule: a BOM means UTF-8; otherwise a file that is valid UTF-8 throughout is
// UTF-8; anything else is read as CP932.
export type CsvEncoding = 'utf-8' | 'shift_jis';

export interface FileFacts {
  encoding: CsvEncoding;
  bom: boolean;
  /** Lines in the file (an upper bound for the records, used for progress before they are counted). */
  lines: number;
  bytes: number;
}

const BOM = [0xef, 0xbb, 0xbf];
const hasBom = (b: Buffer) => b.length >= 3 && b[0] === BOM[0] && b[1] === BOM[1] && b[2] === BOM[2];

/** One pass over the file: its encoding and its line count. */
export async function inspectFile(path: string): Promise<FileFacts> {
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  let valid = true;
  let first = true;
  let bom = false;
  let lines = 0;
  let bytes = 0;
  let last = -1;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    if (first) {
      bom = hasBom(chunk);
      first = false;
    }
    if (valid && !bom) {
      try {
        utf8.decode(chunk, { stream: true });
      } catch {
        valid = false;
      }
    }
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
    bytes += chunk.length;
    last = chunk[chunk.length - 1];
  }
  if (valid && !bom) {
    try {
      utf8.decode(); // a sequence cut off at the end of the file
    } catch {
      valid = false;
    }
  }
  if (bytes > 0 && last !== 10) lines++;
  return { encoding: bom || valid ? 'utf-8' : 'shift_jis', bom, lines, bytes };
}

/** The encoding of the first bytes of a file (for checking the header before a job is queued). */
export function sniffEncoding(head: Buffer): CsvEncoding {
  if (hasBom(head)) return 'utf-8';
  try {
    // stream: true forgives a character cut off at the end of the sample.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return 'utf-8';
  } catch {
    return 'shift_jis';
  }
}

export interface TextDecoderLike {
  write(chunk: Buffer): string;
  end(): string;
}

/** Bytes → text in the file's encoding, without the BOM. */
export function createDecoder(encoding: CsvEncoding): TextDecoderLike {
  const inner: TextDecoderLike =
    encoding === 'utf-8'
      ? (() => {
          const d = new StringDecoder('utf8');
          return { write: (b: Buffer) => d.write(b), end: () => d.end() };
        })()
      : (() => {
          const d = iconv.getDecoder('cp932');
          return { write: (b: Buffer) => d.write(b), end: () => d.end() ?? '' };
        })();
  let first = true;
  return {
    write(chunk) {
      const text = inner.write(chunk);
      if (first && text.length) {
        first = false;
        return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
      }
      return text;
    },
    end: () => inner.end(),
  };
}
