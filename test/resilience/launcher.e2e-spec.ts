import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Client } from 'pg';
import { freePort } from '../support/free-port';

// The desk launcher (`npm start`, and the embedded PostgreSQL that `npm test` shares
// with it), run the way people run it: as root in a clone the `postgres` user cannot
// enter, and as a demo that must not be reachable from the network.

const ROOT = join(__dirname, '..', '..');
const asRoot = process.getuid?.() === 0;


/** Waits for a line of the child's stdout matching `pattern`; fails with its output if it exits first. */
function waitFor(child: ChildProcess, pattern: RegExp): Promise<string> {
  let out = '';
  return new Promise((resolve, reject) => {
    const onData = (d: Buffer) => {
      out += d;
      if (pattern.test(out)) resolve(out);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (d) => (out += d));
    child.once('exit', (code) => reject(new Error(`exited (${code}) before ${pattern}: ${out.slice(-3000)}`)));
  });
}

/** Removes a data folder and, as root, the cluster a link in it points to. */
function removeData(dataDir: string): void {
  const link = join(dataDir, '.data', 'pg');
  for (const candidate of [link, join(dataDir, 'pg')]) {
    if (existsSync(candidate) && statSync(candidate).isDirectory()) {
      try {
        rmSync(readlinkSync(candidate), { recursive: true, force: true });
      } catch {
        // not a link: removed with its folder below
      }
    }
  }
  rmSync(dataDir, { recursive: true, force: true });
}

const stopped = (child: ChildProcess) => new Promise((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', resolve)));

describe('the embedded PostgreSQL as root in a folder closed to others (mode 700)', () => {
  let clone: string;
  let child: ChildProcess | undefined;
  afterAll(async () => {
    if (child) {
      child.kill('SIGTERM');
      await stopped(child);
    }
    removeData(clone);
  });

  // The parts of a clone the launcher needs, hard-linked (as `cp -al`) into a fresh
  // `mktemp -d` folder: the launcher module, its helper, the binaries and pg.
  function linkPackage(name: string, seen = new Set<string>()): void {
    if (seen.has(name)) return;
    seen.add(name);
    const from = join(ROOT, 'node_modules', name);
    if (!existsSync(from)) return; // an optional dependency not installed here
    const to = join(clone, 'node_modules', name);
    mkdirSync(dirname(to), { recursive: true });
    spawnSync('cp', ['-al', from, to]);
    const pkg = JSON.parse(readFileSync(join(from, 'package.json'), 'utf8')) as { dependencies?: object; optionalDependencies?: object };
    for (const dep of Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies })) linkPackage(dep, seen);
  }

  it('starts from a clone in that folder and keeps its data where `postgres` can reach it', async () => {
    clone = mkdtempSync(join(tmpdir(), 'mynapoint-clone-'));
    expect(statSync(clone).mode & 0o777).toBe(0o700);
    for (const file of ['apps/api/src/database/embedded-postgres.mjs', 'test/resilience/support/embedded-pg-process.mjs']) {
      mkdirSync(dirname(join(clone, file)), { recursive: true });
      cpSync(join(ROOT, file), join(clone, file));
    }
    linkPackage('embedded-postgres'); // brings the binaries package and pg
    linkPackage('pg');

    const dataDir = join(clone, '.data', 'pg');
    child = spawn(process.execPath, [join(clone, 'test/resilience/support/embedded-pg-process.mjs'), dataDir], { cwd: clone, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = await waitFor(child, /^\{.*\}$/m);
    const { url } = JSON.parse(out.split('\n').find((l) => l.startsWith('{'))!) as { url: string };

    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ dir: string; ok: number }>(`SELECT current_setting('data_directory') AS dir, 1 AS ok`);
      expect(rows[0].ok).toBe(1);
      if (asRoot) {
        // The cluster lives under /var/lib/mynapoint; the clone's .data/pg points to it.
        expect(rows[0].dir).toMatch(/^\/var\/lib\/mynapoint\/pg-[0-9a-f]{16}$/);
        expect(readlinkSync(dataDir)).toBe(rows[0].dir);
        // And the server runs from root's cached copy of the binaries, as `postgres`.
        const pid = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
        expect(readlinkSync(`/proc/${pid}/exe`)).toMatch(/^\/var\/cache\/mynapoint\/postgres-[^/]+\/bin\/postgres$/);
        expect(statSync(`/proc/${pid}`).uid).not.toBe(0);
      }
    } finally {
      await client.end();
    }
    child.kill('SIGTERM');
    expect(await stopped(child)).toBe(0);
    child = undefined;
  }, 120_000);
});

describe('npm start with the embedded demo', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'mynapoint-demo-'));
  });
  afterAll(() => removeData(dataDir));

  const canConnect = (host: string, port: number) =>
    new Promise<boolean>((resolve) => {
      const socket = connect({ host, port });
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });

  /** Starts `npm start`'s script (no demo seed, to stay quick) and returns where it listens. */
  async function start(env: Record<string, string>) {
    const port = await freePort();
    const pgPort = await freePort();
    const outer = { ...process.env };
    delete outer.DATABASE_URL; // the embedded demo, not the tests' server
    delete outer.HOST;
    const child = spawn(process.execPath, [join(ROOT, 'apps/api/scripts/start.mjs')], {
      cwd: ROOT,
      env: { ...outer, PORT: String(port), EMBEDDED_PG_PORT: String(pgPort), DATA_DIR: dataDir, SEED_DEMO: 'false', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const banner = await waitFor(child, /Started in/);
    const sockets = spawnSync('ss', ['-Hltn', `sport = :${port}`], { encoding: 'utf8' }).stdout;
    const local = [...sockets.matchAll(/^\S+\s+\d+\s+\d+\s+(\S+)/gm)].map((m) => m[1]);
    return { child, port, banner, local };
  }

  async function stop(child: ChildProcess) {
    child.kill('SIGINT');
    expect(await stopped(child)).toBe(0);
  }

  it('listens on 127.0.0.1 only, and says so', async () => {
    const { child, port, banner, local } = await start({});
    try {
      expect(local).toEqual([`127.0.0.1:${port}`]);
      expect(banner).toContain('Listening  127.0.0.1: this machine only');
      expect(await canConnect('127.0.0.1', port)).toBe(true);
      // The listening socket above is the proof for every other interface: tests send
      // traffic to loopback addresses only.
    } finally {
      await stop(child);
    }
  }, 180_000);

  it('listens where HOST says (0.0.0.0: every interface)', async () => {
    const { child, port, banner, local } = await start({ HOST: '0.0.0.0' });
    try {
      expect(local).toEqual([`0.0.0.0:${port}`]);
      expect(banner).toContain('Listening  every network interface (HOST=0.0.0.0)');
      expect(await canConnect('127.0.0.1', port)).toBe(true);
    } finally {
      await stop(child);
    }
  }, 180_000);
});
