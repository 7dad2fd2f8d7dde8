import { Readable } from 'node:stream';
import { CrlfRecords, csvRecord } from './csv-stream';

async function through(chunks: string[]): Promise<{ text: string; records: number }> {
  const t = new CrlfRecords();
  const out: Buffer[] = [];
  await new Promise<void>((resolve, reject) => {
    Readable.from(chunks.map((c) => Buffer.from(c)))
      .pipe(t)
      .on('data', (d: Buffer) => out.push(d))
      .on('end', resolve)
      .on('error', reject);
  });
  return { text: Buffer.concat(out).toString(), records: t.records };
}

describe('CrlfRecords', () => {
  it('ends records with CRLF and keeps line breaks inside quoted cells', async () => {
    const { text, records } = await through(['a,"line1\nline2"\nb,', 'c\n']);
    expect(text).toBe('a,"line1\nline2"\r\nb,c\r\n');
    expect(records).toBe(2);
  });

  it('tracks quotes across chunk boundaries', async () => {
    const { text } = await through(['x,"open', '\nstill",y\n', 'z\n']);
    expect(text).toBe('x,"open\nstill",y\r\nz\r\n');
  });
});

describe('csvRecord', () => {
  it('quotes only when needed', () => {
    expect(csvRecord(['ID', 'サービス名', 'a,b', 'say "hi"'])).toBe('ID,サービス名,"a,b","say ""hi"""\r\n');
  });
});
