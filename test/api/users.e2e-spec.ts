import { userBody } from '../support/fixtures';
import { Client_, TestApp } from '../support/test-app';

describe('users (admin)', () => {
  let t: TestApp;
  let admin: Client_;
  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.as('admin');
  });
  afterAll(() => t.close());

  it('creates a user who can log in, never returning or logging the password', async () => {
    const body = userBody({ password: 'first-password' });
    const res = await admin.post('/api/users').send(body).expect(201);
    expect(res.body).not.toHaveProperty('password');
    expect(res.body).not.toHaveProperty('passwordHash');
    expect(res.body).toMatchObject({ username: body.username, role: 'counter', active: true, lastLoginAt: null });
    await t.token(body.username, 'first-password');
    const logs = await t.sql<{ changes: string }>(`SELECT changes::text FROM audit_logs WHERE resource = 'users'`);
    expect(logs.map((l) => l.changes).join()).not.toContain('first-password');
    const [row] = await t.sql<{ password_hash: string }>('SELECT password_hash FROM users WHERE id = $1', [res.body.id]);
    expect(row.password_hash).toMatch(/^\$2[aby]\$/);
  });

  it('resets a password: the old one stops working, open sessions end', async () => {
    const body = userBody({ password: 'first-password' });
    const created = await admin.post('/api/users').send(body).expect(201);
    const token = await t.token(body.username, 'first-password');
    await admin.put(`/api/users/${created.body.id}`).send({ password: 'second-password' }).expect(200);
    await t.client(token).get('/api/auth/me').expect(401);
    await t.anon.post('/api/auth/login').send({ username: body.username, password: 'first-password' }).expect(401);
    await t.anon.post('/api/auth/login').send({ username: body.username, password: 'second-password' }).expect(200);
  });

  it('refuses a taken username (409), a short password and an unknown role (400)', async () => {
    await admin.post('/api/users').send(userBody({ username: 'POLICY' })).expect(409);
    const res = await admin.post('/api/users').send(userBody({ password: 'short', role: 'mayor' })).expect(400);
    expect(Object.keys(res.body.errors).sort()).toEqual(['password', 'role']);
  });

  it('does not let admins lock themselves out', async () => {
    const me = await admin.get('/api/auth/me');
    await admin.put(`/api/users/${me.body.id}`).send({ active: false }).expect(409);
    await admin.delete(`/api/users/${me.body.id}`).expect(409);
  });
});
