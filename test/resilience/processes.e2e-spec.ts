import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { DEMO_PASSWORD } from '../../apps/api/src/database/seed/users.seed';
import { TestApp } from '../support/test-app';
import { TEST_HMAC_SECRET } from '../support/test-env';
import { freePort } from '../support/free-port';

// Issue #24: the API as several processes on one machine, each with sessions in its
// own memory. Real processes of the production build: two instances on two ports (as
// behind a reverse proxy), and API_PROCESSES=2 (Node's cluster: two workers on one
// port). A token revoked through one is refused by the others on the next request.

const ROOT = join(__dirname, '..', '..');
const API_MAIN = join(ROOT, 'dist', 'api', 'apps', 'api', 'src', 'main.js');


/** One request on a connection of its own (so that the cluster hands each to the next worker). */
function call(port: number, method: string, path: string, token?: string, body?: unknown): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : JSON.stringify(body);
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent: false,
        headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(data ? { 'content-type': 'application/json' } : {}), connection: 'close' },
      },
      (res) => {
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : null }));
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

describe('the API as several processes', () => {
  let t: TestApp;
  const running: Array<{ child: ChildProcess; out: string[] }> = [];

  /** The production build against the test's database; resolves once it answers. */
  async function start(extra: Record<string, string> = {}): Promise<{ port: number; out: string[] }> {
    const port = await freePort();
    const out: string[] = [];
    const child = spawn(process.execPath, [API_MAIN], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        DATABASE_URL: t.config.databaseUrl,
        MYKEY_HMAC_SECRET: TEST_HMAC_SECRET,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_FORMAT: 'json',
        SEED_DEMO: 'false',
        ...extra,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (d) => out.push(String(d)));
    child.stderr!.on('data', (d) => out.push(String(d)));
    running.push({ child, out });
    for (let i = 0; ; i++) {
      if (child.exitCode !== null) throw new Error(`the API exited (${child.exitCode}): ${out.join('').slice(-2000)}`);
      const ok = await call(port, 'GET', '/api/health').then((r) => r.status === 200, () => false);
      if (ok && (!extra.API_PROCESSES || out.join('').includes('is running'))) return { port, out };
      if (i > 600) throw new Error(`the API did not answer in 60 s: ${out.join('').slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  const login = async (port: number, username: string) => {
    const r = await call(port, 'POST', '/api/auth/login', undefined, { username, password: DEMO_PASSWORD });
    expect(r.status).toBe(200);
    return r.body.accessToken as string;
  };

  beforeAll(async () => {
    // The production build (swc, a few seconds; nothing when it is current).
    const built = spawnSync(process.execPath, ['--input-type=module', '-e', "await (await import('./apps/api/scripts/prepare.mjs')).buildApi()"], { cwd: ROOT, encoding: 'utf8' });
    if (built.status !== 0 || !existsSync(API_MAIN)) throw new Error(`the API build failed: ${built.stderr}`);
    t = await TestApp.start();
  });
  afterAll(async () => {
    await Promise.all(
      running.map(({ child }) => (child.exitCode !== null ? undefined : new Promise((r) => (child.once('exit', r), child.kill('SIGTERM'))))),
    );
    await t?.close();
  });

  it('two instances: a logout through one is refused by the other on the next request', async () => {
    const [a, b] = [await start(), await start()];
    for (let i = 0; i < 10; i++) {
      const token = await login(a.port, 'policy');
      for (let k = 0; k < 3; k++) expect((await call(b.port, 'GET', '/api/auth/me', token)).status).toBe(200);
      expect((await call(a.port, 'POST', '/api/auth/logout', token)).status).toBe(200);
      expect((await call(b.port, 'GET', '/api/auth/me', token)).status).toBe(401);
    }
  });

  it('API_PROCESSES=2: two workers share the port, and a revocation through either is seen by both', async () => {
    const c = await start({ API_PROCESSES: '2' });
    const workers = new Set<number>();
    const pidsOf = () => {
      for (const line of c.out.join('').split('\n')) {
        if (!line.startsWith('{')) continue;
        const r = JSON.parse(line) as { context?: string; pid?: number; message?: { path?: string } };
        if (r.context === 'HTTP' && r.message?.path === '/api/auth/me') workers.add(r.pid!);
      }
    };
    for (let i = 0; i < 5; i++) {
      const token = await login(c.port, 'counter');
      for (let k = 0; k < 6; k++) expect((await call(c.port, 'GET', '/api/auth/me', token)).status).toBe(200);
      expect((await call(c.port, 'POST', '/api/auth/logout', token)).status).toBe(200);
      for (let k = 0; k < 6; k++) expect((await call(c.port, 'GET', '/api/auth/me', token)).status).toBe(401);
    }
    await new Promise((r) => setTimeout(r, 200)); // the access log's last lines
    pidsOf();
    expect(workers.size).toBe(2);
  });
});
