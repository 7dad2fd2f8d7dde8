// A streaming RFC 4180 reader that reports each record with the line it starts on
// (what a person sees in an editor: the header is line 1). Written for speed: a
// million rows must parse in about a second, which general-purpose parsers with
// line tracking do not reach. Lenient where offices' files are: CRLF or LF, a
// missing final newline, stray text after a closing quote.
export type CsvRecordHandler = (fields: string[], line: number) => void;

const QUOTE = 34; // "
const COMMA = 44; // ,
const CR = 13;

export class CsvReader {
  private buffer = '';
  /** Position in `buffer` up to which newlines were already looked at (inside an open quote). */
  private scanned = 0;
  private openQuotes = false;
  private line = 1;

  constructor(private readonly onRecord: CsvRecordHandler) {}

  push(chunk: string): void {
    this.buffer = this.buffer.length ? this.buffer + chunk : chunk;
    this.drain(false);
  }

  end(): void {
    this.drain(true);
  }

  private drain(final: boolean): void {
    const s = this.buffer;
    let start = 0;
    let from = this.scanned;
    let open = this.openQuotes;
    // The next quote in the buffer, looked up once and not again per line: most
    // files have none, and searching the whole buffer per line would be quadratic.
    let quote = s.indexOf('"', from);
    for (;;) {
      const nl = s.indexOf('\n', from);
      if (nl === -1) break;
      if (quote !== -1 && quote < from) quote = s.indexOf('"', from);
      if (open || (quote !== -1 && quote < nl)) open = quoteStateAfter(s, from, nl, open);
      if (open) {
        // The newline is inside a quoted field: the record goes on.
        from = nl + 1;
        continue;
      }
      this.emit(s, start, nl);
      start = nl + 1;
      from = start;
    }
    if (final && start < s.length) {
      this.emit(s, start, s.length);
      start = s.length;
      from = start;
      open = false;
    }
    this.buffer = s.slice(start);
    this.scanned = from - start;
    this.openQuotes = open;
  }

  /** One record: s[start, end) without its newline. */
  private emit(s: string, start: number, end: number): void {
    const line = this.line;
    let newlines = 1;
    let stop = end;
    if (stop > start && s.charCodeAt(stop - 1) === CR) stop--;
    const text = s.slice(start, stop);
    let fields: string[];
    if (text.indexOf('"') === -1) {
      fields = text.split(',');
    } else {
      fields = parseQuoted(text);
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) newlines++;
    }
    this.line += newlines;
    // Blank lines, and rows of empty cells that spreadsheets leave at the end, are not records.
    if (fields.every((f) => f === '' || f.trim() === '')) return;
    this.onRecord(fields, line);
  }
}

// Whether s[from, to) ends inside a quoted field. A quote opens a field only at its
// start (after a comma or at the start of the line, which \`from\` always is when not
// open); elsewhere it is an ordinary character, so a stray inch mark cannot swallow
// the rest of the file.
function quoteStateAfter(s: string, from: number, to: number, open: boolean): boolean {
  let atFieldStart = !open;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (open) {
      if (c === QUOTE) {
        if (s.charCodeAt(i + 1) === QUOTE) i++;
        else open = false;
      }
    } else if (c === COMMA) {
      atFieldStart = true;
    } else {
      if (c === QUOTE && atFieldStart) open = true;
      atFieldStart = false;
    }
  }
  return open;
}

function parseQuoted(text: string): string[] {
  const fields: string[] = [];
  const n = text.length;
  let i = 0;
  for (;;) {
    if (i < n && text.charCodeAt(i) === QUOTE) {
      let value = '';
      let j = i + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q === -1) {
          value += text.slice(j); // unterminated: take the rest
          j = n;
          break;
        }
        if (text.charCodeAt(q + 1) === QUOTE) {
          value += text.slice(j, q + 1);
          j = q + 2;
          continue;
        }
        value += text.slice(j, q);
        j = q + 1;
        break;
      }
      // Anything between the closing quote and the next comma is kept as written.
      const comma = text.indexOf(',', j);
      const tailEnd = comma === -1 ? n : comma;
      if (tailEnd > j) value += text.slice(j, tailEnd);
      fields.push(value);
      if (comma === -1) return fields;
      i = comma + 1;
    } else {
      let k = i;
      while (k < n && text.charCodeAt(k) !== COMMA) k++;
      fields.push(text.slice(i, k));
      if (k >= n) return fields;
      i = k + 1;
    }
    if (i === n) {
      fields.push('');
      return fields;
    }
  }
}
