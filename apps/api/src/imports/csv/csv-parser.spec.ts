import fc from 'fast-check';
import { stringify } from 'csv-stringify/sync';
import { CsvReader } from './csv-parser';

function read(chunks: string[]): Array<[number, string[]]> {
  const out: Array<[number, string[]]> = [];
  const reader = new CsvReader((fields, line) => out.push([line, fields]));
  for (const c of chunks) reader.push(c);
  reader.end();
  return out;
}

describe('CsvReader', () => {
  it('reads plain rows with their line numbers, LF or CRLF, with or without a final newline', () => {
    expect(read(['a,b\r\n1,2\r\n3,4'])).toEqual([
      [1, ['a', 'b']],
      [2, ['1', '2']],
      [3, ['3', '4']],
    ]);
    expect(read(['a,b\n1,2\n'])).toEqual([
      [1, ['a', 'b']],
      [2, ['1', '2']],
    ]);
  });

  it('handles quotes, escaped quotes, commas and newlines inside quotes, and counts lines as an editor does', () => {
    const rows = read(['h\n"a,b","say ""hi""",x\n"multi\nline",y\n', 'after,z\n']);
    expect(rows).toEqual([
      [1, ['h']],
      [2, ['a,b', 'say "hi"', 'x']],
      [3, ['multi\nline', 'y']],
      [5, ['after', 'z']],
    ]);
  });

  it('skips blank lines and rows of empty cells but keeps counting lines', () => {
    expect(read(['h\n\n1\n,,\n  , \n2\n'])).toEqual([
      [1, ['h']],
      [3, ['1']],
      [6, ['2']],
    ]);
  });

  it('treats a quote inside an unquoted field as a character, so it cannot swallow the following rows', () => {
    expect(read(['size,5"\nnext,1\n'])).toEqual([
      [1, ['size', '5"']],
      [2, ['next', '1']],
    ]);
  });

  it('keeps empty trailing fields', () => {
    expect(read(['a,,\n'])).toEqual([[1, ['a', '', '']]]);
    expect(read(['"a",\n'])).toEqual([[1, ['a', '']]]);
  });

  it('reads back what csv-stringify writes, however the text is cut into chunks', () => {
    const cell = fc.oneof(fc.string(), fc.constantFrom('"', '""', ',', '\n', '\r\n', 'a"b', '\u30de\u30a4\u30ad\u30fc'));
    const rows = fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 20 });
    fc.assert(
      fc.property(rows, fc.array(fc.nat(), { maxLength: 10 }), (data, cuts) => {
        // A row whose cells are all blank is skipped by design: keep one visible cell.
        const records = data.map((r) => (r.every((c) => c.trim() === '') ? [...r, 'x'] : r));
        const text = stringify(records, { quoted_match: /[\s\S]*/ }).replace(/\n$/, '');
        const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const chunks: string[] = [];
        let prev = 0;
        for (const p of points) {
          chunks.push(text.slice(prev, p));
          prev = p;
        }
        chunks.push(text.slice(prev));
        const got = read(chunks).map(([, fields]) => fields);
        expect(got).toEqual(records);
      }),
      { numRuns: 300 },
    );
  });
});
