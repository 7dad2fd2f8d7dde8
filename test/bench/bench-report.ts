import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface BenchRow {
  name: string;
  rows: number;
  seconds: number;
  note?: string;
}

/** Saves a bench's rows for the table `npm run bench` prints, and logs them. */
export function report(bench: string, rows: BenchRow[]): void {
  const dir = process.env.BENCH_OUT ?? join(__dirname, '..', '..', 'test-output', 'bench');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${bench}.json`), JSON.stringify(rows, null, 2));
  for (const r of rows) process.stdout.write(`${r.name}: ${r.rows} rows in ${r.seconds.toFixed(2)} s = ${Math.round(r.rows / r.seconds)} rows/s ${r.note ?? ''}\n`);
}

/** Seconds an async step takes. */
export async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = process.hrtime.bigint();
  const result = await fn();
  return [result, Number(process.hrtime.bigint() - t0) / 1e9];
}

const TICKS = 100; // USER_HZ on Linux

function statFields(pid: number | string): string[] | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return text.slice(text.lastIndexOf(')') + 2).split(' '); // fields from #3 (state) on
  } catch {
    return null;
  }
}

/**
 * CPU seconds spent by PostgreSQL (its postmaster's finished children plus the live
 * ones) and by this Node process. On a machine shared with other work, CPU time says
 * what an import costs; wall time says how long it took here and now.
 */
export async function cpuMeter(pool: { query(sql: string): Promise<{ rows: Array<{ pid: number }> }> }) {
  const { rows } = await pool.query('SELECT pg_backend_pid() AS pid');
  const postmaster = statFields(rows[0].pid)?.[1];
  const pgSeconds = () => {
    if (!postmaster) return NaN;
    const own = statFields(postmaster);
    let ticks = own ? Number(own[13]) + Number(own[14]) : 0; // cutime + cstime: children that ended
    for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
      const f = statFields(pid);
      if (f && f[1] === postmaster) ticks += Number(f[11]) + Number(f[12]); // utime + stime of live children
    }
    return ticks / TICKS;
  };
  const nodeSeconds = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1e6;
  };
  const pg0 = pgSeconds();
  const node0 = nodeSeconds();
  return () => ({ pg: pgSeconds() - pg0, node: nodeSeconds() - node0 });
}

export function loadAverage(): string {
  return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
}
