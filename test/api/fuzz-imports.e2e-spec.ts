import fc from 'fast-check';
import { IMPORT_ROW_ERROR } from '@mynapoint/domain';
import * as iconv from 'iconv-lite';
import { createWriteStream, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { UPLOAD_DIR } from '../../apps/api/src/imports/imports.module';
import { ImportQueue } from '../../apps/api/src/imports/import-queue';
import { leakIn } from '../support/hostile';
import { Client_, TestApp } from '../support/test-app';
import { importCsv, newMyKeyId, sqlCampaign, sqlQuota, uploadCsv, waitForImport } from '../support/uptake-sql-fixtures';

// Malformed and hostile CSV uploads: binary garbage, wrong encodings, NUL bytes, formula
// cells, a 100 MB file (generated on the fly to a temp file). Every answer is a clear
// 4xx in the error shape or a job that ends with per-line errors — never a 5xx — and
// the good rows of a file are imported while the bad ones are reported.
const figures: Record<string, string | number> = {};
const HEADER = 'myKeyId,reservedAt,channel,district';
const csv = (...lines: string[]) => lines.join('\r\n') + '\r\n';
const good = () => `${newMyKeyId()},2020-09-01 10:00,counter,水原`;

async function bigFile(bytes: number, line: (i: number) => string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'mp-fuzz-'));
  const path = join(dir, 'big.csv');
  const out = createWriteStream(path);
  let written = 0;
  for (let i = 0; written < bytes; i++) {
    const chunk = line(i);
    written += Buffer.byteLength(chunk);
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return path;
}

const uploadsLeft = () => (existsSync(UPLOAD_DIR) ? readdirSync(UPLOAD_DIR).filter((f) => !f.startsWith('spec')).length : 0);

describe('fuzz: hostile CSV imports', () => {
  let t: TestApp;
  let policy: Client_;
  let quotaId: number;

  beforeAll(async () => {
    t = await TestApp.start({ config: { rateLimitImportsPerMinute: 100_000, maxUploadBytes: 64 * 1024 * 1024 } });
    policy = await t.as('policy');
    const campaignId = await sqlCampaign(t);
    quotaId = await sqlQuota(t, campaignId);
  });
  afterAll(async () => {
    await t.close();
    // eslint-disable-next-line no-console
    console.log(`fuzz: hostile CSV imports\n${Object.entries(figures).map(([k, v]) => `  ${k}: ${v}`).join('\n')}`);
  });

  const reservations = async () => (await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM reservations'))[0].n;

  it('answers random binary files with a clear 400 or a job with line errors, never a 5xx, importing nothing', async () => {
    const before = await reservations();
    let cases = 0;
    const outcomes: Record<string, number> = {};
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ minLength: 1, maxLength: 4096 }).map((a) => Buffer.from(a)),
          // A real header over garbage lines: gets past the header check into the job.
          fc.uint8Array({ minLength: 1, maxLength: 4096 }).map((a) => Buffer.concat([Buffer.from(`${HEADER}\r\n`), Buffer.from(a)])),
          fc.constantFrom(
            Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), // PNG
            Buffer.from('1f8b0800000000000003', 'hex'), // gzip
            Buffer.from('504b030414000600080000002100', 'hex'), // xlsx (zip)
            Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'),
            Buffer.alloc(2048, 0),
          ),
        ),
        async (content) => {
          const res = await uploadCsv(policy, 'reservations', content, { filename: 'garbage.csv' });
          cases++;
          if (res.status >= 500) throw new Error(`5xx for ${content.subarray(0, 40).toString('hex')}: ${JSON.stringify(res.body)}`);
          if (res.status === 202) {
            const job = await waitForImport(policy, res.body.id);
            outcomes[`job ${job.status}`] = (outcomes[`job ${job.status}`] ?? 0) + 1;
            expect(job.accepted).toBe(0);
            if (job.status === 'done') expect(job.rejected + job.duplicates).toBeGreaterThan(0);
            else expect(job.message).toEqual(expect.any(String));
          } else {
            outcomes[String(res.status)] = (outcomes[String(res.status)] ?? 0) + 1;
            expect(res.status).toBe(400);
            expect(res.body).toMatchObject({ statusCode: 400, code: expect.any(String), message: expect.any(String), errors: { file: expect.any(String) } });
            expect(leakIn(JSON.stringify(res.body), '')).toBeNull();
          }
        },
      ),
      { numRuns: 40, seed: 20201101 },
    );
    expect(await reservations()).toBe(before);
    figures['binary files'] = `${cases} cases: ${JSON.stringify(outcomes)}`;
  });

  it('reads the wrong encodings it can (UTF-16 is refused clearly), and never garbles a MyKey ID into a row', async () => {
    const outcomes: string[] = [];
    const text = () => csv('マイキーID,予約日時,予約方法,地区', good(), good());
    const rows = [0, 1];
    for (const [name, bytes] of [
      ['Shift_JIS', iconv.encode(text(), 'shift_jis')],
      ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text())])],
      ['EUC-JP', iconv.encode(text(), 'euc-jp')],
      ['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text(), 'utf-16le')])],
      ['UTF-16BE', iconv.encode(text(), 'utf-16be')],
    ] as const) {
      const before = await reservations();
      const res = await uploadCsv(policy, 'reservations', bytes, { filename: `${name}.csv` });
      expect(res.status).toBeLessThan(500);
      if (res.status === 202) {
        const job = await waitForImport(policy, res.body.id);
        outcomes.push(`${name}: job ${job.status}, ${job.accepted} accepted, ${job.rejected} rejected`);
        // Either every row came through intact or none did.
        expect([0, rows.length]).toContain(job.accepted);
        expect(await reservations()).toBe(before + job.accepted);
      } else {
        expect(res.status).toBe(400);
        expect(res.body.errors.file).toEqual(expect.any(String));
        outcomes.push(`${name}: 400 ${res.body.message.slice(0, 60)}`);
        expect(await reservations()).toBe(before);
      }
    }
    expect(outcomes[0]).toMatch(/Shift_JIS: job done, 2 accepted/);
    expect(outcomes[1]).toMatch(/UTF-8 with BOM: job done, 2 accepted/);
    figures.encodings = outcomes.join('; ');
  });

  it('imports the good rows of a file and reports the hostile ones by line (NUL bytes, binary, overlong, formulas)', async () => {
    const formula = '=HYPERLINK("http://evil.example","x")';
    const goodRows = [good(), good(), good()];
    const content = Buffer.concat([
      Buffer.from(csv(HEADER, goodRows[0])),
      Buffer.from(`${newMyKeyId()},2020-09-01 10:00,counter,水\u0000原\r\n`),
      Buffer.from([0xde, 0xad, 0xbe, 0xef, 0x2c, 0x00, 0xff, 0x0d, 0x0a]),
      Buffer.from(csv(goodRows[1], `${newMyKeyId()},2020-09-01 10:00,counter,${'あ'.repeat(5000)}`, `'; DROP TABLE reservations; --,2020-09-01 10:00,counter,水原`)),
      Buffer.from(csv(`${newMyKeyId()},2020-09-01 10:00,counter,"${formula.replace(/"/g, '""')}"`, goodRows[2])),
    ]);
    const before = await reservations();
    const res = await uploadCsv(policy, 'reservations', content);
    expect(res.status).toBe(202);
    const job = await waitForImport(policy, res.body.id);
    expect(job.status).toBe('done');
    // The three good rows and the formula row (a district is free text) are in; the rest are reported.
    expect(job.accepted).toBe(4);
    expect(job.rejected).toBeGreaterThanOrEqual(3);
    expect(await reservations()).toBe(before + 4);
    expect(job.errors.map((e) => e.line)).toEqual(expect.arrayContaining([3, 6]));
    // The NUL row is named for what it is (before, one such row failed the whole job).
    expect(job.errors.find((e) => e.line === 3)?.message).toBe(IMPORT_ROW_ERROR.labels.invalid_characters.ja);
    for (const e of job.errors) expect(e.message).toEqual(expect.any(String));
    figures['mixed file'] = `${job.accepted} accepted, ${job.rejected} rejected at lines ${job.errors.map((e) => e.line).join(', ')}`;

    // The stored formula stays inert on the way out: the export prefixes it.
    const exported = await (await t.as('admin')).get(`/api/exports/reservations?format=csv`).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks).toString('utf8')));
    });
    expect(exported.status).toBe(200);
    const text = exported.body as string;
    expect(text).toContain('HYPERLINK');
    expect(text).not.toMatch(/(^|,)"?=HYPERLINK/m);
    // The error report never carries a live formula either.
    const report = await policy.get(`/api/imports/${job.id}/errors.csv`).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks).toString('utf8')));
    });
    expect(report.status).toBe(200);
    expect(report.body as string).not.toMatch(/(^|,)"?[=+@]/m);
  });

  it('refuses a 100 MB upload over the limit with 413 in the error shape, queues nothing and keeps no temp file', async () => {
    const path = await bigFile(100 * 1024 * 1024, (i) => (i === 0 ? `${HEADER}\n` : `${newMyKeyId()},2020-09-01 10:00,counter,水原\n`));
    try {
      const [before] = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM imports');
      const left = uploadsLeft();
      const t0 = Date.now();
      const res = await policy.post('/api/imports').field('type', 'reservations').attach('file', path, { filename: 'big.csv', contentType: 'text/csv' }).catch((e: { response?: { status: number; body: unknown } }) => e.response!);
      expect(res.status).toBe(413);
      expect(res.body).toMatchObject({ statusCode: 413, code: 'payload_too_large', message: expect.any(String) });
      const [after] = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM imports');
      expect(after.n).toBe(before.n);
      // multer removes the part it had written.
      await new Promise((r) => setTimeout(r, 200));
      expect(uploadsLeft()).toBe(left);
      figures['100 MB upload'] = `413 in ${Date.now() - t0} ms (MAX_UPLOAD_MB=64 in this test), no job, no temp file left`;
    } finally {
      rmSync(join(path, '..'), { recursive: true, force: true });
    }
  });

  it('refuses a 100 MB file of one endless line (under the limit) at the header check, before any job', async () => {
    const big = await TestApp.start({ config: { rateLimitImportsPerMinute: 100_000 } });
    const path = await bigFile(100 * 1024 * 1024, () => 'x'.repeat(1 << 20));
    try {
      const as = await big.as('policy');
      const t0 = Date.now();
      const res = await as.post('/api/imports').field('type', 'reservations').attach('file', path, { filename: 'line.csv', contentType: 'text/csv' });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'import_bad_file', errors: { file: expect.stringContaining('長すぎ') } });
      const [{ n }] = await big.sql<{ n: number }>('SELECT count(*)::int AS n FROM imports');
      expect(n).toBe(0);
      figures['100 MB single line'] = `400 in ${Date.now() - t0} ms: ${res.body.message}`;
      await big.app.get(ImportQueue).idle();
    } finally {
      rmSync(join(path, '..'), { recursive: true, force: true });
      await big.close();
    }
  });

  it('keeps every import of a well-formed file with formula-looking MyKey IDs out (refused per line)', async () => {
    const job = await importCsv(policy, 'reservations', csv(HEADER, '=1+1,2020-09-01 10:00,counter,水原', '+AB12CD7Q,2020-09-01 10:00,counter,水原', '@SUM(A1),2020-09-01 10:00,counter,水原', good()));
    expect(job).toMatchObject({ status: 'done', accepted: 1, rejected: 3 });
    expect(job.errors.map((e) => e.line)).toEqual([2, 3, 4]);
    void quotaId;
  });
});
