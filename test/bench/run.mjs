// `npm run bench`: runs every test/bench/*.bench.ts (one at a time, so they do not
// share the machine's cores) against a throwaway embedded PostgreSQL unless
// DATABASE_URL is set, then prints a table of what each measured. Each bench
// writes its rows to test-output/bench/<name>.json. `npm run bench -- import` runs
// only the benches whose file name matches. Benches that drive the browser get the
// admin UI built first.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, buildAdmin, ensureDependencies } from '../../apps/api/scripts/prepare.mjs';

const OUT = join(ROOT, 'test-output', 'bench');
const step = (m) => process.stdout.write(`\x1b[36m›\x1b[0m ${m}\n`);
const filter = process.argv.slice(2);

ensureDependencies();
buildAdmin();
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });

let embedded;
let tmp;
const env = { ...process.env, BENCH_OUT: OUT };
if (!env.DATABASE_URL) {
  const { startEmbeddedPostgres, freePort } = await import('../../apps/api/src/database/embedded-postgres.mjs');
  tmp = mkdtempSync(join(tmpdir(), 'mynapoint-bench-'));
  chmodSync(tmp, 0o755);
  const port = await freePort();
  step(`Starting a throwaway embedded PostgreSQL on port ${port}…`);
  embedded = await startEmbeddedPostgres({ dataDir: join(tmp, 'pg'), port, persistent: false });
  env.DATABASE_URL = embedded.url;
}

const files = readdirSync(join(ROOT, 'test', 'bench'))
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !filter.length || filter.some((x) => f.includes(x)))
  .sort();
let failed = false;
for (const file of files) {
  step(`Bench ${file}…`);
  const r = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/jest/bin/jest.js'), '--config', 'test/bench/jest.config.js', '--runInBand', join('test', 'bench', file)],
    { cwd: ROOT, stdio: 'inherit', env },
  );
  if (r.status !== 0) failed = true;
}
if (embedded) await embedded.stop().catch(() => undefined);
if (tmp) rmSync(tmp, { recursive: true, force: true });

// Throughput rows ({ name, rows, seconds, note }) share one table (rows/s added);
// other benches' rows print as their own table, one column per key.
const printTable = (head, cells) => {
  const width = head.map((h, i) => Math.max(h.length, ...cells.map((c) => String(c[i]).length)));
  const line = (c) => c.map((x, i) => (typeof x === 'number' || /^[\d.,]+( ms)?$/.test(String(x)) ? String(x).padStart(width[i]) : String(x).padEnd(width[i]))).join('  ');
  process.stdout.write(`\n${line(head)}\n${width.map((w) => '-'.repeat(w)).join('  ')}\n${cells.map(line).join('\n')}\n`);
};
const outputs = existsSync(OUT) ? readdirSync(OUT).filter((f) => f.endsWith('.json')).sort() : [];
const throughput = [];
for (const f of outputs) {
  const rows = JSON.parse(readFileSync(join(OUT, f), 'utf8'));
  if (rows.every((r) => typeof r.rows === 'number' && typeof r.seconds === 'number')) throughput.push(...rows);
  else if (rows.length) {
    process.stdout.write(`\n${f.replace(/\.json$/, '')}:`);
    const head = [...new Set(rows.flatMap((r) => Object.keys(r)))];
    printTable(head, rows.map((r) => head.map((h) => (typeof r[h] === 'number' ? r[h].toLocaleString('en-US') : r[h] ?? ''))));
  }
}
if (throughput.length) {
  printTable(
    ['bench', 'rows', 'seconds', 'rows/s', 'note'],
    throughput.map((r) => [r.name, r.rows.toLocaleString('en-US'), r.seconds.toFixed(2), Math.round(r.rows / r.seconds).toLocaleString('en-US'), r.note ?? '']),
  );
}
process.stdout.write('\n');
process.exit(failed ? 1 : 0);
