import { readFileSync, readdirSync } from 'node:fs';

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
  const postmaster = await postmasterPid(pool);
  const pgSeconds = () => (postmaster ? postgresCpuSeconds(postmaster) : NaN);
  const nodeSeconds = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1e6;
  };
  const pg0 = pgSeconds();
  const node0 = nodeSeconds();
  return () => ({ pg: pgSeconds() - pg0, node: nodeSeconds() - node0 });
}

/** The PostgreSQL server process behind a pool's connections (when it runs on this machine). */
export async function postmasterPid(pool: { query(sql: string): Promise<{ rows: Array<{ pid: number }> }> }): Promise<number | undefined> {
  const { rows } = await pool.query('SELECT pg_backend_pid() AS pid');
  const parent = statFields(rows[0].pid)?.[1];
  return parent ? Number(parent) : undefined;
}

export function loadAverage(): string {
  return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
}

/**
 * CPU seconds used so far by a process and its live children (the API's cluster
 * workers): what the app itself costs per request, apart from PostgreSQL and the load
 * generator sharing the machine.
 */
export function processTreeCpuSeconds(rootPid: number): number {
  let ticks = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    const f = statFields(pid);
    if (f && (Number(pid) === rootPid || Number(f[1]) === rootPid)) ticks += Number(f[11]) + Number(f[12]);
  }
  return ticks / TICKS;
}

/** The same for PostgreSQL: its server process's live children (backends) and those that ended. */
export function postgresCpuSeconds(postmasterPid: number): number {
  const own = statFields(postmasterPid);
  let ticks = own ? Number(own[13]) + Number(own[14]) : 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    const f = statFields(pid);
    if (f && Number(f[1]) === postmasterPid) ticks += Number(f[11]) + Number(f[12]);
  }
  return ticks / TICKS;
}
