// Shared by `npm start` and `npm test`: install dependencies when missing or out of
// date, and rebuild what is stale. Uses only Node built-ins until the install is done.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const INSTALL_STAMP = join(ROOT, 'node_modules', '.mynapoint-install');

function step(message) {
  process.stdout.write(`\x1b[36m›\x1b[0m ${message}\n`);
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal})`);
}

// The lock alone decides whether node_modules is current: it records package.json's
// dependency ranges too, so a change to "scripts" (or any other field) does not
// trigger a reinstall. npm ci fails loudly when package.json and the lock disagree.
function lockDigest() {
  return createHash('sha256').update(readFileSync(join(ROOT, 'package-lock.json'))).digest('hex');
}

export function ensureDependencies() {
  const digest = lockDigest();
  if (existsSync(INSTALL_STAMP) && readFileSync(INSTALL_STAMP, 'utf8') === digest) return false;
  step('Installing dependencies (npm ci)…');
  const t0 = Date.now();
  run('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error']);
  writeFileSync(INSTALL_STAMP, digest);
  step(`Dependencies installed in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return true;
}

function newestMtime(paths) {
  let newest = 0;
  const visit = (p) => {
    if (!existsSync(p)) return;
    const s = statSync(p);
    if (s.isDirectory()) {
      for (const name of readdirSync(p)) if (name !== 'node_modules' && name !== 'dist') visit(join(p, name));
    } else newest = Math.max(newest, s.mtimeMs);
  };
  paths.forEach((p) => visit(join(ROOT, p)));
  return newest;
}

function isStale(stamp, inputs) {
  return !existsSync(stamp) || statSync(stamp).mtimeMs < newestMtime(inputs);
}

function touch(stamp) {
  mkdirSync(dirname(stamp), { recursive: true });
  writeFileSync(stamp, new Date().toISOString());
}

function listTs(dir) {
  const out = [];
  const visit = (p) => {
    for (const name of readdirSync(p)) {
      const full = join(p, name);
      if (statSync(full).isDirectory()) visit(full);
      else if (name.endsWith('.ts') && !name.endsWith('.spec.ts') && !name.endsWith('.d.ts')) out.push(full);
    }
  };
  visit(join(ROOT, dir));
  return out;
}

export const API_DIST = join(ROOT, 'dist', 'api');
export const ADMIN_DIST = join(ROOT, 'dist', 'admin');
const API_INPUTS = ['apps/api/src', 'libs/domain/src', 'package-lock.json', 'tsconfig.json'];
const ADMIN_INPUTS = ['apps/admin', 'libs/domain/src', 'package-lock.json'];

/** Transpiles the API with swc (type checking is part of `npm test`, not of start-up). */
export async function buildApi({ force = false } = {}) {
  const stamp = join(API_DIST, '.built');
  if (!force && !isStale(stamp, API_INPUTS)) return false;
  step('Building the API…');
  const t0 = Date.now();
  const swc = await import('@swc/core');
  const files = [...listTs('apps/api/src'), ...listTs('libs/domain/src')];
  await Promise.all(
    files.map(async (file) => {
      const out = join(API_DIST, relative(ROOT, file)).replace(/\.ts$/, '.js');
      const result = await swc.transformFile(file, {
        sourceMaps: true,
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
          keepClassNames: true,
          baseUrl: ROOT,
          paths: { '@mynapoint/domain': ['libs/domain/src/index.ts'] },
        },
        // Dynamic import() stays native so ESM-only packages load from CommonJS.
        module: { type: 'commonjs', ignoreDynamic: true },
      });
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, `${result.code}\n//# sourceMappingURL=${out.split('/').pop()}.map`);
      if (result.map) writeFileSync(`${out}.map`, result.map);
    }),
  );
  touch(stamp);
  step(`API built (${files.length} files) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return true;
}

export function buildAdmin({ force = false } = {}) {
  const stamp = join(ADMIN_DIST, '.built');
  if (!force && !isStale(stamp, ADMIN_INPUTS)) return false;
  step('Building the admin UI (Vite)…');
  const t0 = Date.now();
  run(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'apps/admin/vite.config.mts', '--logLevel', 'warn']);
  touch(stamp);
  step(`Admin UI built in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return true;
}
