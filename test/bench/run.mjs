// `npm run bench`: runs every test/bench/*.bench.ts (one at a time, so they do not
// share the machine's cores) against a throwaway embedded PostgreSQL unless
// DATABASE_URL is set, then prints one table of what each measured. Each bench
// writes its rows to test-output/bench/<name>.json. `npm run bench -- import` runs
// only the benches whose file name matches.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, ensureDependencies } from '../../apps/api/scripts/prepare.mjs';

const OUT = join(ROOT, 'test-output', 'bench');
const step = (m) => process.stdout.write(`\x1b[36m›\x1b[0m ${m}\n`);
const filter = process.argv.slice(2);

ensureDependencies();
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

// One table for all benches: name, rows, seconds, rows/s, note.
const rows = existsSync(OUT)
  ? readdirSync(OUT)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .flatMap((f) => JSON.parse(readFileSync(join(OUT, f), 'utf8')))
  : [];
if (rows.length) {
  const head = ['bench', 'rows', 'seconds', 'rows/s', 'note'];
  const cells = rows.map((r) => [r.name, r.rows.toLocaleString('en-US'), r.seconds.toFixed(2), Math.round(r.rows / r.seconds).toLocaleString('en-US'), r.note ?? '']);
  const width = head.map((h, i) => Math.max(h.length, ...cells.map((c) => String(c[i]).length)));
  const line = (c) => c.map((x, i) => (i === 0 || i === 4 ? String(x).padEnd(width[i]) : String(x).padStart(width[i]))).join('  ');
  process.stdout.write(`\n${line(head)}\n${width.map((w) => '-'.repeat(w)).join('  ')}\n${cells.map(line).join('\n')}\n\n`);
}
process.exit(failed ? 1 : 0);
