// The first administrator of a server deployment (SEED_DEMO=false creates no user,
// and the demo users have a public password). Uses the built API's own
// configuration check and password hashing; the account and an audit row are
// written in one transaction. In the image this file is /app/scripts/create-admin.mjs:
//
//   docker compose -p mynapoint -f docker/docker-compose.yml run --rm \
//     -e ADMIN_PASSWORD app node scripts/create-admin.mjs <username> [display name]
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

const [username, displayName = 'システム管理者'] = process.argv.slice(2);
if (!username) fail('usage: node scripts/create-admin.mjs <username> [display name]  (password in ADMIN_PASSWORD)');
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
  const taken = await client.query('SELECT 1 FROM users WHERE lower(username) = lower($1)', [username]);
  if (taken.rowCount) throw new Error(`the user "${username}" exists already.`);
  const hash = await api.password.hashPassword(password);
  const { rows } = await client.query(`INSERT INTO users (username, display_name, role, password_hash) VALUES ($1, $2, 'admin', $3) RETURNING id`, [
    username,
    displayName,
    hash,
  ]);
  await client.query(`INSERT INTO audit_logs (action, resource, resource_id, changes) VALUES ('create', 'users', $1, $2)`, [
    String(rows[0].id),
    { username, displayName, role: 'admin', via: 'create-admin' },
  ]);
  await client.query('COMMIT');
  process.stdout.write(`created administrator "${username}" (id ${rows[0].id})\n`);
} catch (e) {
  await client.query('ROLLBACK').catch(() => undefined);
  fail(e.message);
} finally {
  await client.end().catch(() => undefined);
}
