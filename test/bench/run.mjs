// `npm run bench`: builds the API and the admin UI (the production build), then runs
// every test/bench/*.bench.ts (one at a time, so they do not share the machine's
// cores) and prints one Markdown table: target, measured, raw PostgreSQL baseline,
// ratio, pass/fail. The table and the machine it ran on go to test/bench/results.json
// (committed: the latest full-size figures) and README.md's Benchmarks section; a
// --quick run's go to test-output/bench/results.json only.
//
//   npm run bench                  the prefecture-scale dataset (generated once, then reused)
//   npm run bench -- --quick       a tenth of it, in its own database: a few minutes
//   npm run bench -- import        only the benches whose file name matches
//
// The database: DATABASE_URL's server when set, else an embedded PostgreSQL kept
// under .data/bench/ (so the dataset survives between runs). The benchmark datasets
// live in their own databases there (mynapoint_bench, mynapoint_bench_quick).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { ROOT, buildAdmin, buildApi, ensureDependencies } from '../../apps/api/scripts/prepare.mjs';

const OUT = join(ROOT, 'test-output', 'bench');
const step = (m) => process.stdout.write(`\x1b[36m›\x1b[0m ${m}\n`);
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const filter = args.filter((a) => !a.startsWith('--'));

ensureDependencies();
await buildApi();
buildAdmin();
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });

let embedded;
const env = { ...process.env, BENCH_OUT: OUT, BENCH_QUICK: quick ? '1' : '0' };
if (quick) env.BENCH_ROWS ??= '100000'; // the import bench's file, a tenth too
if (!env.DATABASE_URL) {
  const { startEmbeddedPostgres } = await import('../../apps/api/src/database/embedded-postgres.mjs');
  const port = Number(env.BENCH_PG_PORT ?? 54339);
  step(`Starting an embedded PostgreSQL on port ${port} (data in .data/bench/pg, kept for the next run)…`);
  mkdirSync(join(ROOT, '.data', 'bench'), { recursive: true });
  embedded = await startEmbeddedPostgres({ dataDir: join(ROOT, '.data', 'bench', 'pg'), port, persistent: true });
  env.DATABASE_URL = embedded.url;
}

const files = readdirSync(join(ROOT, 'test', 'bench'))
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !filter.length || filter.some((x) => f.includes(x)))
  .sort();
let failed = false;
const started = new Date();
const loadAtStart = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
for (const file of files) {
  step(`Bench ${file}…`);
  // Asynchronous, so this process keeps draining the embedded PostgreSQL's log pipe
  // (a full pipe blocks PostgreSQL: see test/run.mjs).
  const status = await new Promise((done) =>
    spawn(
      process.execPath,
      [
        join(ROOT, 'node_modules/jest/bin/jest.js'),
        ...['--config', 'test/bench/jest.config.js', '--runInBand', '--forceExit', join('test', 'bench', file)],
        // BENCH_ONLY='list point-awards': only the rows whose name matches (with BENCH_CPU_PROF, a profile of that load alone).
        ...(env.BENCH_ONLY ? ['--testNamePattern', env.BENCH_ONLY] : []),
      ],
      { cwd: ROOT, stdio: 'inherit', env },
    ).on('exit', (code) => done(code ?? 1)),
  );
  if (status !== 0) failed = true;
}
const pgVersion = spawnSync('psql', [env.DATABASE_URL, '-Atc', 'SHOW server_version'], { encoding: 'utf8' }).stdout?.trim() || 'unknown';
if (embedded) await embedded.stop().catch(() => undefined);

// Rows of the app bench carry target/measured/raw/ratio/pass already; the import
// bench's throughput rows come in pairs (the raw COPY first, then the import).
const rows = [];
const outputs = existsSync(OUT) ? readdirSync(OUT).filter((f) => f.endsWith('.json') && f !== 'dataset.json').sort() : [];
for (const f of outputs) {
  const data = JSON.parse(readFileSync(join(OUT, f), 'utf8'));
  if (!Array.isArray(data)) continue;
  if (data.every((r) => 'target' in r)) rows.push(...data);
  else if (data.every((r) => typeof r.rows === 'number' && typeof r.seconds === 'number')) {
    for (let i = 0; i < data.length; i++) {
      const raw = data[i].note === 'PostgreSQL baseline' ? data[i] : null;
      const run = raw ? data[i + 1] : data[i];
      if (raw) i++;
      if (!run) continue;
      const rate = run.rows / run.seconds;
      const rawRate = raw ? raw.rows / raw.seconds : NaN;
      rows.push({
        section: 'import',
        bench: `${run.name} (${run.rows.toLocaleString('en-US')} rows)`,
        target: 'rows/s, beside raw COPY',
        measured: `${Math.round(rate).toLocaleString('en-US')} rows/s in ${run.seconds.toFixed(1)} s`,
        raw: raw ? `${raw.name}: ${Math.round(rawRate).toLocaleString('en-US')} rows/s` : '—',
        ratio: raw ? `${((rate / rawRate) * 100).toFixed(1)}%` : '—',
        pass: null,
        load: '',
        detail: { note: run.note },
      });
    }
  }
}

const cell = (s) => String(s).replace(/\|/g, '\\|');
const mark = (p) => (p === null ? '—' : p ? '✅ pass' : '❌ fail');
const table = [
  '| bench | target | measured | raw PostgreSQL baseline | ratio | result |',
  '| --- | --- | --- | --- | --- | --- |',
  ...rows.map((r) => `| ${cell(r.bench)} | ${cell(r.target)} | ${cell(r.measured)} | ${cell(r.raw)} | ${cell(r.ratio)} | ${mark(r.pass)} |`),
].join('\n');
const cpu = cpus()[0]?.model ?? 'unknown CPU';
const dataset = existsSync(join(OUT, 'dataset.json')) ? JSON.parse(readFileSync(join(OUT, 'dataset.json'), 'utf8')) : null;
const loadAtEnd = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const machine = `${cpus().length} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GB RAM, Node ${process.version}, PostgreSQL ${pgVersion}; load average ${loadAtStart} at start, ${loadAtEnd} at end (the machine is shared)`;
const where = dataset?.municipalities ? `, ${dataset.municipalities} municipalities` : '';
const heading = `Run ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC, ${quick ? '**--quick** (a tenth of the prefecture)' : 'full size'}${dataset ? ` — dataset ${dataset.database}${where} ${dataset.reused ? 'reused' : `generated in ${dataset.seconds.toFixed(0)} s`}` : ''}.\nMachine: ${machine}.`;

process.stdout.write(`\n${heading}\n\n${table}\n\n`);
// The committed figures are the full-size ones: a --quick or partial run leaves them alone.
const results = { at: started.toISOString(), quick, machine, dataset, rows };
writeFileSync(join(OUT, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
if (rows.length && !filter.length && !quick) {
  writeFileSync(join(ROOT, 'test', 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  step('Wrote test/bench/results.json');
  // README.md shows the latest full-size table (between the markers of its Benchmarks section).
  const readme = join(ROOT, 'README.md');
  const text = readFileSync(readme, 'utf8');
  const start = '<!-- bench:results:start -->';
  const end = '<!-- bench:results:end -->';
  if (text.includes(start) && text.includes(end)) {
    writeFileSync(readme, `${text.slice(0, text.indexOf(start) + start.length)}\n${heading}\n\n${table}\n${text.slice(text.indexOf(end))}`);
    step('Updated the Benchmarks section of README.md');
  }
}
// A missed target is a measurement (the table says so), not a failure of the run.
process.exit(failed ? 1 : 0);
