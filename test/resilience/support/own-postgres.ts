import { ChildProcess, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SCRIPT = join(__dirname, 'embedded-pg-process.mjs');

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * An embedded PostgreSQL that only this test uses, on a port and directory of its
 * own, with fsync on: it can be crashed (immediate shutdown, as a power cut or a
 * killed server would leave it) and started again on the same data.
 */
export class OwnPostgres {
  private child: ChildProcess | null = null;
  url = '';
  port = 0;

  private constructor(readonly dir: string) {}

  static async start(): Promise<OwnPostgres> {
    const dir = mkdtempSync(join(tmpdir(), 'mynapoint-faults-'));
    // As root, PostgreSQL runs as the `postgres` user, which must reach the directory.
    chmodSync(dir, 0o755);
    const pg = new OwnPostgres(dir);
    await pg.up();
    return pg;
  }

  get dataDir(): string {
    return join(this.dir, 'pg');
  }

  /** Starts the server (again) on the same data directory and port. */
  async up(): Promise<void> {
    const child = spawn(process.execPath, [SCRIPT, this.dataDir, ...(this.port ? [String(this.port)] : [])], { stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    let err = '';
    child.stderr!.on('data', (d) => (err += d));
    const ready = await new Promise<{ url: string; port: number }>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (d) => {
        out += d;
        const line = out.split('\n').find((l) => l.startsWith('{'));
        if (line) resolve(JSON.parse(line));
      });
      child.once('exit', (code) => reject(new Error(`embedded PostgreSQL exited (${code}) before it was ready: ${err.slice(-2000)}`)));
    });
    this.url = ready.url;
    this.port = ready.port;
  }

  /** The postmaster's pid, from its lock file. */
  private pid(): number | null {
    const file = join(this.dataDir, 'postmaster.pid');
    return existsSync(file) ? Number(readFileSync(file, 'utf8').split('\n')[0]) : null;
  }

  /**
   * Immediate shutdown (SIGQUIT): every backend dies at once, nothing is flushed
   * beyond what committed transactions already wrote to the WAL; the next start
   * runs crash recovery. Resolves once the server is gone.
   */
  async crash(): Promise<void> {
    const pid = this.pid();
    if (!pid) throw new Error('PostgreSQL is not running');
    process.kill(pid, 'SIGQUIT');
    while (alive(pid)) await new Promise((r) => setTimeout(r, 5));
    this.child?.kill('SIGKILL');
    this.child = null;
  }

  /** Clean stop and removal of the data directory. */
  async destroy(): Promise<void> {
    const child = this.child;
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    }
    const pid = this.pid();
    if (pid && alive(pid)) process.kill(pid, 'SIGQUIT');
    rmSync(this.dir, { recursive: true, force: true });
  }
}
