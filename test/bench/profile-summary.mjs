// Where an API process's CPU went, from a `node --cpu-prof` profile (BENCH_CPU_PROF=1):
// self time grouped by layer, in per cent of the busy time and in milliseconds per
// request when the request count is given. Only the last stretch of load counts: with
// BENCH_CPU_PROF the bench leaves the app idle for a moment before each load, so
// start-up, sign-ins and the warm-up fall outside it (BENCH_ONLY picks the one load).
//   node test/bench/profile-summary.mjs <file.cpuprofile> [requests] [--top N]
// --top N also lists the N functions with the most self time.
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const topIndex = args.indexOf('--top');
const top = topIndex >= 0 ? Number(args.splice(topIndex, 2)[1]) : 0;
const [file, requestsArg] = args;
if (!file) {
  process.stderr.write('usage: node test/bench/profile-summary.mjs <file.cpuprofile> [requests]\n');
  process.exit(2);
}
const requests = Number(requestsArg) || 0;
const profile = JSON.parse(readFileSync(file, 'utf8'));

// First match wins: the layer a function's own time is charged to.
const LAYERS = [
  ['idle', (n) => n.callFrame.functionName === '(idle)'],
  ['garbage collection', (n) => n.callFrame.functionName === '(garbage collector)'],
  ['(program): native, not attributed', (n) => n.callFrame.functionName === '(program)'],
  ['pg driver (protocol, parsing rows)', (n) => /node_modules\/(pg|pg-protocol|pg-pool|pg-types|postgres-[a-z]+)\//.test(n.callFrame.url)],
  ['TypeORM', (n) => /node_modules\/typeorm\//.test(n.callFrame.url)],
  ['Nest (router, guards, pipes, interceptors)', (n) => /node_modules\/@nestjs\//.test(n.callFrame.url)],
  ['rxjs', (n) => /node_modules\/rxjs\//.test(n.callFrame.url)],
  ['Express (router, request, response)', (n) => /node_modules\/(express|router|body-parser|finalhandler|send|serve-static|on-finished|statuses|content-type|type-is|accepts|negotiator|mime-types|raw-body|qs|cookie|vary|etag|fresh|parseurl|proxy-addr|forwarded|depd|destroy|encodeurl|escape-html|media-typer|merge-descriptors|path-to-regexp|range-parser|safe-buffer|iconv-lite)\//.test(n.callFrame.url)],
  ['helmet, cors', (n) => /node_modules\/(helmet|cors)\//.test(n.callFrame.url)],
  ['class-validator, class-transformer', (n) => /node_modules\/(class-validator|class-transformer|validator)\//.test(n.callFrame.url)],
  ['other packages', (n) => /node_modules\//.test(n.callFrame.url)],
  ['our code: auth, sessions', (n) => /apps\/api\/src\/auth\//.test(n.callFrame.url)],
  ['our code: db, lists', (n) => /apps\/api\/src\/common\/(db|list)\//.test(n.callFrame.url)],
  ['our code: logging', (n) => /apps\/api\/src\/common\/logging\//.test(n.callFrame.url)],
  ['our code: the rest', (n) => /apps\/api\/src\/|libs\/domain\//.test(n.callFrame.url)],
  ['Node: sockets, HTTP, streams', (n) => /^node:(net|_http|http|stream|internal\/streams|internal\/stream_base|internal\/http|events|_stream|internal\/net)/.test(n.callFrame.url) || ['writev', 'writeUtf8String', 'writeBuffer', 'writeLatin1String'].includes(n.callFrame.functionName)],
  ['Node: other built-ins', (n) => /^node:/.test(n.callFrame.url)],
  ['V8 built-ins and unattributed', () => true],
];

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const idleIds = new Set(profile.nodes.filter((n) => n.callFrame.functionName === '(idle)').map((n) => n.id));

// Samples' times, then 100 ms bins: busy when over 30 % of a bin is not idle. The load is
// the last run of busy bins (gaps under 0.5 s bridged) lasting at least 2 s.
const times = [];
let t = profile.startTime;
for (const d of profile.timeDeltas) times.push((t += d));
const BIN = 100_000;
const bins = new Map();
for (let i = 0; i < profile.samples.length; i++) {
  const b = Math.floor((times[i] - profile.startTime) / BIN);
  const bin = bins.get(b) ?? { busy: 0, all: 0 };
  const d = profile.timeDeltas[i + 1] ?? 0;
  bin.all += d;
  if (!idleIds.has(profile.samples[i])) bin.busy += d;
  bins.set(b, bin);
}
const lastBin = Math.floor((profile.endTime - profile.startTime) / BIN);
const runs = [];
let run = null;
let quiet = 0;
for (let b = 0; b <= lastBin; b++) {
  const bin = bins.get(b);
  const busy = bin && bin.busy > 0.3 * BIN;
  if (busy) {
    if (!run) run = { from: b, to: b };
    run.to = b;
    quiet = 0;
  } else if (run && ++quiet >= 5) {
    runs.push(run);
    run = null;
  }
}
if (run) runs.push(run);
const load = runs.filter((r) => r.to - r.from + 1 >= 20).pop();
if (!load) {
  process.stderr.write('no stretch of load (2 s or more) in this profile\n');
  process.exit(1);
}
const from = profile.startTime + load.from * BIN;
const to = profile.startTime + (load.to + 1) * BIN;

const selfMicros = new Map();
for (let i = 0; i < profile.samples.length; i++) {
  if (times[i] < from || times[i] >= to) continue;
  const id = profile.samples[i];
  selfMicros.set(id, (selfMicros.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0));
}
const totals = new Map(LAYERS.map(([name]) => [name, 0]));
for (const [id, us] of selfMicros) {
  const node = byId.get(id);
  const layer = LAYERS.find(([, test]) => test(node))[0];
  totals.set(layer, totals.get(layer) + us);
}
const busy = [...totals].filter(([name]) => name !== 'idle').reduce((s, [, us]) => s + us, 0);
const rows = [...totals].filter(([name, us]) => name !== 'idle' && us > 0).sort((a, b) => b[1] - a[1]);
process.stdout.write(`| layer | share of busy time |${requests ? ' ms per request |' : ''}\n| --- | --- |${requests ? ' --- |' : ''}\n`);
for (const [name, us] of rows) {
  process.stdout.write(`| ${name} | ${((us / busy) * 100).toFixed(1)} % |${requests ? ` ${(us / 1000 / requests).toFixed(3)} |` : ''}\n`);
}
process.stdout.write(`| **busy (all but idle)** | 100 % |${requests ? ` ${(busy / 1000 / requests).toFixed(3)} |` : ''}\n`);
process.stdout.write(`\nthe load: ${((to - from) / 1e6).toFixed(1)} s from ${((from - profile.startTime) / 1e6).toFixed(1)} s into the profile, idle ${((totals.get('idle') / (to - from)) * 100).toFixed(0)} % of it\n`);

if (top) {
  const byFunction = new Map();
  for (const [id, us] of selfMicros) {
    const n = byId.get(id);
    if (n.callFrame.functionName === '(idle)') continue;
    const where = n.callFrame.url.replace(/.*node_modules\//, '').replace(/.*\/(apps|libs)\//, '$1/');
    const key = `${n.callFrame.functionName || '(anonymous)'} ${where}:${n.callFrame.lineNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + us);
  }
  process.stdout.write(`\n| function | share of busy time |\n| --- | --- |\n`);
  for (const [key, us] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) process.stdout.write(`| ${key} | ${((us / busy) * 100).toFixed(1)} % |\n`);
}
