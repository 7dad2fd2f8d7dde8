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
