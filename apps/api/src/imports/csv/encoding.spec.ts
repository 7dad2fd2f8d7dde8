import * as iconv from 'iconv-lite';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDecoder, inspectFile, sniffEncoding } from './encoding';

const dir = mkdtempSync(join(tmpdir(), 'mynapoint-encoding-'));
const file = (name: string, content: Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const TEXT = 'マイキーID,予約日時,地区\nAB12CD7Q,2020-09-01 10:00,京ヶ瀬\n';

describe('inspectFile', () => {
  it('reads a BOM as UTF-8', async () => {
    const facts = await inspectFile(file('bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)])));
    expect(facts).toMatchObject({ encoding: 'utf-8', bom: true, lines: 2 });
  });

  it('reads valid UTF-8 without a BOM as UTF-8', async () => {
    expect(await inspectFile(file('utf8.csv', Buffer.from(TEXT)))).toMatchObject({ encoding: 'utf-8', bom: false, lines: 2 });
  });

  it('reads anything else as Shift_JIS, including the Windows extras', async () => {
    const facts = await inspectFile(file('sjis.csv', iconv.encode(TEXT + '①,㈱,髙\n', 'cp932')));
    expect(facts.encoding).toBe('shift_jis');
    expect(facts.lines).toBe(3);
  });

  it('counts a last line without a newline', async () => {
    expect((await inspectFile(file('nonl.csv', Buffer.from('a\nb')))).lines).toBe(2);
    expect((await inspectFile(file('empty.csv', Buffer.alloc(0)))).lines).toBe(0);
  });

  it('finds invalid UTF-8 late in a large file', async () => {
    const big = Buffer.concat([Buffer.from('a,b\n'.repeat(600_000)), iconv.encode('髙橋\n', 'cp932')]);
    expect((await inspectFile(file('late.csv', big))).encoding).toBe('shift_jis');
  });
});

describe('sniffEncoding and createDecoder', () => {
  it('decodes each encoding back to the same text, dropping the BOM, whatever the chunking', () => {
    for (const [bytes, enc] of [
      [Buffer.from('\ufeff' + TEXT), 'utf-8'],
      [iconv.encode(TEXT, 'cp932'), 'shift_jis'],
    ] as const) {
      expect(sniffEncoding(bytes.subarray(0, 7))).toBe(enc);
      const d = createDecoder(enc);
      let out = '';
      for (let i = 0; i < bytes.length; i += 3) out += d.write(bytes.subarray(i, i + 3));
      out += d.end();
      expect(out).toBe(TEXT);
    }
  });
});
