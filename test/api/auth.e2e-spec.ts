import { TestApp } from '../support/test-app';

describe('auth', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(() => t.close());

  it('logs in with the demo password and returns token and user', async () => {
    const res = await t.anon.post('/api/auth/login').send({ username: 'policy', password: 'mynapoint-demo' }).expect(200);
    expect(res.body.accessToken).toEqual(expect.any(String));
    expect(res.body.user).toEqual({ id: expect.any(Number), username: 'policy', displayName: expect.any(String), role: 'policy' });
  });

  it('accepts the username in any case', async () => {
    await t.anon.post('/api/auth/login').send({ username: 'POLICY', password: 'mynapoint-demo' }).expect(200);
  });

  it('answers unknown user and wrong password alike with 401', async () => {
    const wrong = await t.anon.post('/api/auth/login').send({ username: 'policy', password: 'nope-nope-nope' }).expect(401);
    const unknown = await t.anon.post('/api/auth/login').send({ username: 'nobody', password: 'nope-nope-nope' }).expect(401);
    expect(wrong.body.message).toBe(unknown.body.message);
    expect(wrong.body.code).toBe('invalid_credentials');
  });

  it('refuses a malformed login body with 400', async () => {
    const res = await t.anon.post('/api/auth/login').send({ username: 'policy' }).expect(400);
    expect(res.body.errors).toHaveProperty('password');
    await t.anon.post('/api/auth/login').set('Content-Type', 'application/json').send('{"username":').expect(400);
  });

  it('writes audit rows for success and failure', async () => {
    await t.anon.post('/api/auth/login').send({ username: 'manager', password: 'mynapoint-demo' }).expect(200);
    await t.anon.post('/api/auth/login').send({ username: 'manager', password: 'wrong-password!' }).expect(401);
    const rows = await t.sql<{ action: string; username: string }>(
      `SELECT action, username FROM audit_logs WHERE username = 'manager' AND action IN ('login','login_failed') ORDER BY id`,
    );
    expect(rows.map((r) => r.action)).toEqual(['login', 'login_failed']);
  });

  it('returns the current user with their permissions on /me', async () => {
    const res = await (await t.as('counter')).get('/api/auth/me').expect(200);
    expect(res.body).toMatchObject({ username: 'counter', role: 'counter' });
    expect(res.body.permissions['assistance-records']).toEqual({ actions: ['list', 'show', 'create', 'edit'], scope: 'own' });
  });

  it('needs a valid bearer token everywhere but health and login', async () => {
    await t.anon.get('/api/auth/me').expect(401);
    await t.anon.get('/api/payment-services').set('Authorization', 'Bearer not-a-real-token-at-all-xxxx').expect(401);
    await t.anon.get('/api/payment-services').set('Authorization', 'Basic abc').expect(401);
    await t.anon.get('/api/health').expect(200);
  });

  it('revokes the token on logout', async () => {
    const login = await t.anon.post('/api/auth/login').send({ username: 'admin', password: 'mynapoint-demo' }).expect(200);
    const c = t.client(login.body.accessToken);
    await c.get('/api/auth/me').expect(200);
    await c.post('/api/auth/logout').expect(200);
    await c.get('/api/auth/me').expect(401);
    const [row] = await t.sql(`SELECT count(*)::int AS n FROM audit_logs WHERE action = 'logout'`);
    expect(row.n).toBe(1);
  });

  it('rejects an expired token', async () => {
    const login = await t.anon.post('/api/auth/login').send({ username: 'admin', password: 'mynapoint-demo' }).expect(200);
    const c = t.client(login.body.accessToken);
    await c.get('/api/auth/me').expect(200);
    // Age the session past its expiry, as time would.
    await t.sql(`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE expires_at = $1`, [login.body.expiresAt]);
    await c.get('/api/auth/me').expect(401);
  });

  it('gives tokens the configured lifetime', async () => {
    const login = await t.anon.post('/api/auth/login').send({ username: 'admin', password: 'mynapoint-demo' }).expect(200);
    const minutes = (Date.parse(login.body.expiresAt) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(t.config.tokenTtlMinutes - 1);
    expect(minutes).toBeLessThanOrEqual(t.config.tokenTtlMinutes);
  });

  it('ends sessions of a disabled user and refuses their login', async () => {
    const admin = await t.as('admin');
    const created = await admin.post('/api/users').send({ username: 'temp', displayName: '臨時', role: 'counter', password: 'stand-in-passphrase' }).expect(201);
    const token = await t.token('temp', 'stand-in-passphrase');
    await t.client(token).get('/api/auth/me').expect(200);
    await admin.put(`/api/users/${created.body.id}`).send({ active: false }).expect(200);
    await t.client(token).get('/api/auth/me').expect(401);
    await t.anon.post('/api/auth/login').send({ username: 'temp', password: 'stand-in-passphrase' }).expect(401);
  });
});
