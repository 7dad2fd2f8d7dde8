// The first administrator of a server deployment (SEED_DEMO=false creates no user,
// and the demo users have a public password). Uses the built API's own
// configuration check and password hashing; the account and an audit row are
// written in one transaction. In the image this file is /app/scripts/create-admin.mjs:
//
//   docker compose -p mynapoint -f docker/docker-compose.yml run --rm \
//     -e ADMIN_PASSWORD app node scripts/create-admin.mjs [--operator] <username> [display name]
//
// Without a flag: an administrator of the default municipality (MUNICIPALITY_CODE).
// `--operator`: the installation's first operator, who sets up further municipalities
// and their administrators in the admin UI (市区町村).
//
// The password comes from ADMIN_PASSWORD (at least 12 characters), never from the
// command line (it would stay in the shell history and the process list). An
// existing username is refused: change passwords in the admin UI.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const API = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'api', 'apps', 'api', 'src');

function fail(message) {
  process.stderr.write(`create-admin: ${message}\n`);
  process.exit(1);
}

const args = process.argv.slice(2);
const operator = args.includes('--operator');
const [username, displayName = operator ? '運用担当' : 'システム管理者'] = args.filter((a) => a !== '--operator');
if (!username || username.startsWith('--')) fail('usage: node scripts/create-admin.mjs [--operator] <username> [display name]  (password in ADMIN_PASSWORD)');
if (!/^[A-Za-z0-9._-]{2,60}$/.test(username)) fail('the username takes 2 to 60 letters, digits, ".", "_" or "-".');
const password = process.env.ADMIN_PASSWORD ?? '';
if (password.length < 12) fail('set ADMIN_PASSWORD to a password of at least 12 characters.');

let api;
try {
  api = {
    config: require(join(API, 'config', 'app-config.js')),
    db: require(join(API, 'database', 'data-source.js')),
    password: require(join(API, 'common', 'auth', 'password.js')),
  };
} catch (e) {
  fail(`the API is not built (${e.message}); run \`npm run build\` first.`);
}

let config;
try {
  config = api.config.loadConfig(process.env);
} catch (e) {
  fail(e.message);
}

const { Client } = require('pg');
const client = new Client({ connectionString: config.databaseUrl, options: api.db.connectionOptions(config), connectionTimeoutMillis: 10_000 });
try {
  await client.connect();
  await client.query('BEGIN');
  // Usernames are unique per municipality; the installation's accounts belong to 000000.
  const municipalityCode = operator ? '000000' : config.municipalityCode;
  const role = operator ? 'operator' : 'admin';
  const taken = await client.query('SELECT 1 FROM users WHERE municipality_code = $2 AND lower(username) = lower($1)', [username, municipalityCode]);
  if (taken.rowCount) throw new Error(`the user "${username}" exists already.`);
  const hash = await api.password.hashPassword(password);
  const { rows } = await client.query(
    `INSERT INTO users (municipality_code, username, display_name, role, password_hash) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [municipalityCode, username, displayName, role, hash],
  );
  await client.query(`INSERT INTO audit_logs (municipality_code, action, resource, resource_id, changes) VALUES ($1, 'create', 'users', $2, $3)`, [
    municipalityCode,
    String(rows[0].id),
    { username, displayName, role, via: 'create-admin' },
  ]);
  await client.query('COMMIT');
  process.stdout.write(`created ${operator ? 'operator' : 'administrator'} "${username}" (id ${rows[0].id})\n`);
} catch (e) {
  await client.query('ROLLBACK').catch(() => undefined);
  fail(e.message);
} finally {
  await client.end().catch(() => undefined);
}
