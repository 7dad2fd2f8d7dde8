import request from 'supertest';
import { bootstrap } from '../../apps/api/src/main';
import { ConfigError } from '../../apps/api/src/config/app-config';
import { paymentServicesSeed } from '../../apps/api/src/database/seed/payment-services.seed';
import { DEMO_PASSWORD, usersSeed } from '../../apps/api/src/database/seed/users.seed';
import { createUser, userBody } from '../support/fixtures';
import { Client_, TestApp } from '../support/test-app';
import { databaseUrlFor } from '../support/test-env';

// Hardening controls, each checked from outside over HTTP (and the database for what
// the API wrote). Figures are printed at the end.
const figures: Record<string, number | string> = {};

// What an error body must never carry: a stack frame, SQL, driver or class names.
const LEAKS = /\bat [\w.<>]+ \(|node_modules|\/src\/|\bSELECT\b|\bINSERT\b|\bUPDATE\b|QueryFailedError|TypeError|SyntaxError|RangeError|postgres/i;

describe('security hardening', () => {
  let t: TestApp;
  let admin: Client_;

  beforeAll(async () => {
    t = await TestApp.start({ seed: [usersSeed, paymentServicesSeed], config: { loginMaxFailures: 5, loginLockMinutes: 30, loginIpMaxFailures: 1000 } });
    admin = await t.as('admin');
  });
  afterAll(async () => {
    await t.close();
    // eslint-disable-next-line no-console
    console.log(`security hardening figures\n${Object.entries(figures).map(([k, v]) => `  ${k}: ${v}`).join('\n')}`);
  });

  const login = (username: string, password: string, ip = '198.51.100.7') =>
    t.anon.post('/api/auth/login').set('X-Forwarded-For', ip).send({ username, password });

  describe('account lockout', () => {
    it('locks after 5 wrong passwords, refuses even the right one, logs it, and an admin unlocks', async () => {
      const user = await createUser(t, { password: 'correct-horse-battery' });
      const name = user.username as string;
      const statuses: string[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await login(name, `wrong-guess-${i}`)).body.code);
      expect(statuses).toEqual(['invalid_credentials', 'invalid_credentials', 'invalid_credentials', 'invalid_credentials', 'account_locked']);

      const locked = await login(name, 'correct-horse-battery').expect(401);
      expect(locked.body).toMatchObject({ code: 'account_locked' });
      expect(locked.body.message).toContain('ロック');

      const shown = await admin.get(`/api/users/${user.id}`).expect(200);
      expect(shown.body).toMatchObject({ locked: true, failedLogins: 5 });
      expect(Date.parse(shown.body.lockedUntil) - Date.now()).toBeGreaterThan(29 * 60_000);

      const audit = await t.sql<{ action: string; n: number }>(
        `SELECT action, count(*)::int AS n FROM audit_logs WHERE lower(username) = lower($1) GROUP BY action ORDER BY action`,
        [name],
      );
      expect(audit).toEqual([
        { action: 'account_locked', n: 1 },
        { action: 'login_failed', n: 6 },
      ]);

      await (await t.as('policy')).post(`/api/users/${user.id}/unlock`).expect(403);
      const unlocked = await admin.post(`/api/users/${user.id}/unlock`).expect(200);
      expect(unlocked.body).toMatchObject({ locked: false, failedLogins: 0, lockedUntil: null });
      const [row] = await t.sql(`SELECT username AS by, changes FROM audit_logs WHERE action = 'unlock' AND resource_id = $1`, [String(user.id)]);
      expect(row).toMatchObject({ by: 'admin', changes: { wasLocked: true, failedLogins: 5 } });
      await login(name, 'correct-horse-battery').expect(200);
      figures['lockout after'] = '5 wrong passwords (LOGIN_MAX_FAILURES)';
    });

    it('resets the count on a successful login', async () => {
      const user = await createUser(t, { password: 'correct-horse-battery' });
      for (let i = 0; i < 4; i++) await login(user.username as string, 'wrong-guess').expect(401);
      await login(user.username as string, 'correct-horse-battery').expect(200);
      const [row] = await t.sql<{ failed_logins: number }>('SELECT failed_logins FROM users WHERE id = $1', [user.id]);
      expect(row.failed_logins).toBe(0);
    });

    it('counts concurrent wrong guesses exactly (one statement)', async () => {
      const user = await createUser(t, { password: 'correct-horse-battery' });
      const res = await Promise.all(Array.from({ length: 8 }, (_v, i) => login(user.username as string, `parallel-${i}`)));
      expect(res.every((r) => r.status === 401)).toBe(true);
      const [row] = await t.sql<{ failed_logins: number; locked: boolean }>('SELECT failed_logins, locked_until > now() AS locked FROM users WHERE id = $1', [user.id]);
      expect(row.locked).toBe(true);
      expect(row.failed_logins).toBeGreaterThanOrEqual(5);
      const [{ n }] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM audit_logs WHERE action = 'account_locked' AND resource_id = $1`, [String(user.id)]);
      expect(n).toBe(1);
    });

    it('answers an unknown name the same way, so the lock does not reveal which names exist', async () => {
      const codes: string[] = [];
      for (let i = 0; i < 6; i++) codes.push((await login('no-such-clerk', `guess-${i}`)).body.code);
      expect(codes.slice(0, 5)).toEqual(Array(5).fill('invalid_credentials'));
      expect(codes[5]).toBe('account_locked');
    });

    it('keeps the demo accounts working with the demo password', async () => {
      for (const role of ['admin', 'policy', 'counter', 'manager']) await login(role, DEMO_PASSWORD).expect(200);
    });
  });

  describe('login throttling per address', () => {
    let small: TestApp;
    beforeAll(async () => {
      small = await TestApp.start({ config: { loginIpMaxFailures: 3, loginIpWindowMinutes: 10 } });
    });
    afterAll(() => small.close());

    it('answers 429 with Retry-After once an address failed too often, for any name; other addresses go on', async () => {
      const from = (ip: string, username: string, password: string) => small.anon.post('/api/auth/login').set('X-Forwarded-For', ip).send({ username, password });
      for (const name of ['admin', 'policy', 'nobody']) await from('203.0.113.9', name, 'wrong-password-x').expect(401);
      const refused = await from('203.0.113.9', 'counter', DEMO_PASSWORD).expect(429);
      expect(refused.body.code).toBe('too_many_requests');
      const wait = Number(refused.headers['retry-after']);
      expect(wait).toBeGreaterThan(500);
      expect(wait).toBeLessThanOrEqual(600);
      await from('203.0.113.10', 'counter', DEMO_PASSWORD).expect(200);
      figures['login throttle'] = `429 after 3 failures per address (test setting), Retry-After ${wait} s`;
    });
  });

  describe('password policy', () => {
    it.each([
      ['11 characters', 'short-pass1', '12文字以上'],
      ['the username inside', 'my-USERNAME-is-here', 'ユーザー名'],
      ['the published demo password', DEMO_PASSWORD, 'よく知られた'],
      ['one repeated character', 'aaaaaaaaaaaaaaaa', '推測されやすい'],
      ['more than 72 bytes', 'パスワードパスワードパスワードパスワードパスワード', '72バイト'],
      ['leading space', ' spaced-out-password', '空白'],
    ])('refuses %s with a Japanese 400 on the password field', async (_what, password, fragment) => {
      const res = await admin.post('/api/users').send(userBody({ username: 'username', password })).expect(400);
      expect(res.body.errors.password).toContain(fragment);
      const [{ n }] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM users WHERE username = 'username'`);
      expect(n).toBe(0);
    });

    it('applies to a reset too, against the stored username', async () => {
      const user = await createUser(t);
      const res = await admin.put(`/api/users/${user.id}`).send({ password: `x-${user.username}-x` }).expect(400);
      expect(res.body.errors.password).toContain('ユーザー名');
      await admin.put(`/api/users/${user.id}`).send({ password: 'a perfectly fine passphrase' }).expect(200);
    });
  });

  describe('headers', () => {
    it('sends a strict CSP and the helmet headers on API and UI responses, no X-Powered-By', async () => {
      const res = await t.anon.get('/api/health');
      const csp = res.headers['content-security-policy'];
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['x-powered-by']).toBeUndefined();
      figures.CSP = csp;
    });
  });

  describe('CORS', () => {
    it('is closed by default: no Access-Control-Allow-Origin for another site, preflight included', async () => {
      const simple = await t.anon.get('/api/health').set('Origin', 'https://evil.example');
      expect(simple.headers['access-control-allow-origin']).toBeUndefined();
      const preflight = await request(t.server).options('/api/payment-services').set('Origin', 'https://evil.example').set('Access-Control-Request-Method', 'POST');
      expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    });

    it('opens only to the origins listed in CORS_ORIGINS', async () => {
      const open = await TestApp.start({ config: { corsOrigins: ['https://portal.city.example'] } });
      try {
        const ok = await open.anon.get('/api/health').set('Origin', 'https://portal.city.example');
        expect(ok.headers['access-control-allow-origin']).toBe('https://portal.city.example');
        expect(ok.headers['access-control-expose-headers']).toContain('Content-Range');
        const other = await open.anon.get('/api/health').set('Origin', 'https://evil.example');
        expect(other.headers['access-control-allow-origin']).toBeUndefined();
      } finally {
        await open.close();
      }
    });
  });

  describe('request bodies and error bodies', () => {
    it('refuses a JSON body over the limit with 413 in the error shape, writing nothing', async () => {
      const before = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM payment_services');
      const res = await (await t.as('policy')).post('/api/payment-services').set('Content-Type', 'application/json').send(JSON.stringify({ name: 'x', notes: 'あ'.repeat(400_000) }));
      expect(res.status).toBe(413);
      expect(res.body).toMatchObject({ statusCode: 413, code: 'payload_too_large' });
      expect(await t.sql('SELECT count(*)::int AS n FROM payment_services')).toEqual(before);
      figures['JSON body limit'] = `${t.config.maxJsonBytes / 1024} KB → 413`;
    });

    it('refuses deeply nested JSON with 400 before it reaches the validators', async () => {
      const deep = '['.repeat(5000) + ']'.repeat(5000);
      const res = await (await t.as('policy')).post('/api/payment-services').set('Content-Type', 'application/json').send(`{"name":${deep}}`);
      expect(res.status).toBe(400);
      expect(res.body.message).toContain('入れ子が深すぎます');
    });

    it('answers malformed JSON with the error shape, never a stack trace', async () => {
      const res = await (await t.as('policy')).post('/api/payment-services').set('Content-Type', 'application/json').send('{"name": "x", oops}');
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/json/);
      expect(JSON.stringify(res.body)).not.toMatch(LEAKS);
    });

    it('keeps SQL and stack traces out of a 500 body (a table the query needs is gone)', async () => {
      await t.sql('ALTER TABLE payment_services RENAME TO payment_services_gone');
      try {
        const res = await (await t.as('policy')).get('/api/payment-services');
        expect(res.status).toBe(500);
        expect(res.body).toEqual({ statusCode: 500, code: 'internal_error', message: expect.any(String) });
        expect(JSON.stringify(res.body)).not.toMatch(LEAKS);
        expect(JSON.stringify(res.body)).not.toContain('payment_services');
      } finally {
        await t.sql('ALTER TABLE payment_services_gone RENAME TO payment_services');
      }
    });

    it('names only the constraint when the database refuses a value', async () => {
      const res = await (await t.as('policy')).get('/api/payment-services/99999999999');
      expect([400, 404]).toContain(res.status);
      expect(JSON.stringify(res.body)).not.toMatch(LEAKS);
    });
  });

  describe('rate limits on imports and exports', () => {
    let limited: TestApp;
    beforeAll(async () => {
      limited = await TestApp.start({ seed: [usersSeed, paymentServicesSeed], config: { rateLimitExportsPerMinute: 3, rateLimitImportsPerMinute: 2 } });
    });
    afterAll(() => limited.close());

    it('answers 429 with Retry-After per user once the export budget is spent', async () => {
      const manager = await limited.as('manager');
      for (let i = 0; i < 3; i++) await manager.get('/api/exports/payment-services?format=csv').expect(200);
      const refused = await manager.get('/api/exports/payment-services?format=csv').expect(429);
      expect(refused.body.code).toBe('too_many_requests');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
      // The monthly report spends from the same budget; another user has their own.
      await manager.get('/api/reports/monthly?month=2020-09').expect(429);
      await (await limited.as('admin')).get('/api/exports/payment-services?format=csv').expect(200);
      // Lists are not limited.
      for (let i = 0; i < 5; i++) await manager.get('/api/payment-services').expect(200);
      const [{ n }] = await limited.sql<{ n: number }>(`SELECT count(*)::int AS n FROM audit_logs WHERE action = 'export' AND username = 'manager'`);
      expect(n).toBe(3);
    });

    it('limits starting imports the same way', async () => {
      const policy = await limited.as('policy');
      const upload = () => policy.post('/api/imports').field('type', 'reservations').attach('file', Buffer.from('not,a,header\n'), 'x.csv');
      for (let i = 0; i < 2; i++) expect((await upload()).status).toBe(400);
      const refused = await upload().expect(429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      figures['rate limits'] = `imports ${t.config.rateLimitImportsPerMinute}/min, exports ${t.config.rateLimitExportsPerMinute}/min per user (defaults)`;
    });
  });

  describe('secrets only from the environment', () => {
    const env = (extra: Record<string, string>) => ({ DATABASE_URL: databaseUrlFor('postgres'), PORT: '0', NODE_ENV: 'production', ...extra });

    it.each([
      ['missing', {}],
      ['a known example value', { MYKEY_HMAC_SECRET: 'test-only-mykey-hmac-secret' }],
      ['a placeholder', { MYKEY_HMAC_SECRET: 'please-change-me-before-going-live' }],
      ['too short for production', { MYKEY_HMAC_SECRET: '0123456789abcdef' }],
      ['repetitive', { MYKEY_HMAC_SECRET: 'ab'.repeat(20) }],
    ])('refuses to start in production when the MyKey secret is %s', async (_what, extra) => {
      await expect(bootstrap(env(extra))).rejects.toThrow(ConfigError);
      await expect(bootstrap(env(extra))).rejects.toThrow(/MYKEY_HMAC_SECRET/);
    });

    it('refuses the demo seed in production (its accounts share a published password)', async () => {
      await expect(bootstrap(env({ MYKEY_HMAC_SECRET: 'f3c1a9e07b5d42c8a6e1f0b9d3c7a5e2', SEED_DEMO: 'true' }))).rejects.toThrow(/SEED_DEMO/);
    });
  });
});
