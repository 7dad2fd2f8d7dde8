import { BASE, DirectoryUser, Slapd, groupDn } from '../support/slapd';
import { TestApp } from '../support/test-app';

// Sign-in through a real OpenLDAP (slapd on its own loopback ports, StartTLS with a
// throwaway CA): the directory checks the password, its groups give the role, the
// first sign-in creates the local record, leaving the group ends the access.
const PASSWORD = 'directory-pass-1';
const USERS: DirectoryUser[] = [
  { uid: 'tanaka', name: '田中 一郎', password: PASSWORD, groups: ['mp-policy'] },
  { uid: 'sato', name: '佐藤 花子', password: PASSWORD, groups: ['mp-counter'] },
  { uid: 'yamada', name: '山田 次郎', password: PASSWORD, groups: ['mp-counter', 'mp-admins'] },
  { uid: 'suzuki', name: '鈴木 三郎', password: PASSWORD, groups: ['other-team'] },
  { uid: 'kato', name: '加藤 四郎', password: PASSWORD, groups: ['mp-counter'] },
  { uid: 'ito', name: '伊藤 五郎', password: PASSWORD, groups: ['mp-counter'] },
];
const GROUPS = ['mp-admins', 'mp-policy', 'mp-counter', 'mp-managers', 'other-team'];
// The most privileged group first: a user in several gets the first listed.
const ROLE_GROUPS = {
  [groupDn('mp-admins').toUpperCase()]: 'admin',
  [groupDn('mp-policy')]: 'policy',
  [groupDn('mp-managers')]: 'manager',
  [groupDn('mp-counter')]: 'counter',
};
const BAD = 'ユーザー名またはパスワードが正しくありません。';

describe('directory sign-in (OpenLDAP)', () => {
  let ldap: Slapd;
  let t: TestApp;
  const login = (username: string, password = PASSWORD) => t.anon.post('/api/auth/login').send({ username, password });
  const failures = (username: string) =>
    t.sql<{ reason: string }>(`SELECT changes->>'reason' AS reason FROM audit_logs WHERE action = 'login_failed' AND username = $1 ORDER BY id`, [username]);

  beforeAll(async () => {
    ldap = await Slapd.start(USERS, GROUPS);
    const code = '152234';
    t = await TestApp.start({ config: { municipalityCode: code, loginIpMaxFailures: 10_000, directory: ldap.config(ROLE_GROUPS, code) } });
  });
  afterAll(async () => {
    await t?.close();
    await ldap?.stop();
  });

  it('signs a directory user in over StartTLS, creating the local record without a password', async () => {
    const res = await login('tanaka').expect(200);
    expect(res.body.user).toMatchObject({ username: 'tanaka', displayName: '田中 一郎', role: 'policy' });
    await t.client(res.body.accessToken).get('/api/payment-services').expect(200);
    const [row] = await t.sql(`SELECT auth_source, password_hash, directory_dn FROM users WHERE username = 'tanaka'`);
    expect(row).toEqual({ auth_source: 'directory', password_hash: null, directory_dn: `uid=tanaka,ou=people,${BASE}` });
    const [created] = await t.sql(`SELECT changes FROM audit_logs WHERE action = 'create' AND resource = 'users' ORDER BY id DESC LIMIT 1`);
    expect(created.changes).toMatchObject({ via: 'directory', role: 'policy' });
    // The admin's list says how each user signs in.
    const list = await (await t.as('admin')).get('/api/users?filter=' + encodeURIComponent(JSON.stringify({ q: 'tanaka' }))).expect(200);
    expect(list.body[0]).toMatchObject({ authSource: 'directory', totpEnabled: false });
  });

  it('answers a wrong password, an unknown name and a filter injection with the same 401', async () => {
    const wrong = await login('tanaka', 'not-the-password').expect(401);
    const unknown = await login('nobody-here').expect(401);
    // With tanaka's own password: unescaped, `tanak*` would find tanaka's entry and sign in.
    const star = await login('tanak*').expect(401);
    const injection = await login('tanaka)(uid=*').expect(401);
    for (const r of [wrong, unknown, star, injection]) expect(r.body).toMatchObject({ code: 'invalid_credentials', message: BAD });
    expect((await failures('tanaka')).map((r) => r.reason)).toEqual(['wrong_password']);
    expect((await failures('tanak*')).map((r) => r.reason)).toEqual(['unknown_user']);
  });

  it('refuses a user in no mapped group, and creates no record', async () => {
    expect((await login('suzuki').expect(401)).body.message).toBe(BAD);
    expect(await t.sql(`SELECT 1 FROM users WHERE username = 'suzuki'`)).toEqual([]);
    expect((await failures('suzuki')).map((r) => r.reason)).toEqual(['no_mapped_group']);
  });

  it('maps groups to roles, the first listed group winning', async () => {
    expect((await login('sato').expect(200)).body.user.role).toBe('counter');
    expect((await login('yamada').expect(200)).body.user.role).toBe('admin');
  });

  it('ends access and every session when the user leaves the group', async () => {
    const first = await login('kato').expect(200);
    const other = await login('kato').expect(200);
    await t.client(first.body.accessToken).get('/api/auth/me').expect(200);
    await ldap.setMember('mp-counter', 'kato', false);
    expect((await login('kato').expect(401)).body.message).toBe(BAD);
    await t.client(first.body.accessToken).get('/api/auth/me').expect(401);
    await t.client(other.body.accessToken).get('/api/auth/me').expect(401);
    // Back in the group, back in.
    await ldap.setMember('mp-counter', 'kato', true);
    await login('kato').expect(200);
  });

  it('follows a role change in the directory, ending the sessions of the old role', async () => {
    const before = await login('ito').expect(200);
    await ldap.setMember('mp-counter', 'ito', false);
    await ldap.setMember('mp-managers', 'ito', true);
    const after = await login('ito').expect(200);
    expect(after.body.user.role).toBe('manager');
    await t.client(before.body.accessToken).get('/api/auth/me').expect(401);
    expect((await t.client(after.body.accessToken).get('/api/auth/me').expect(200)).body.role).toBe('manager');
    const [changed] = await t.sql(`SELECT changes FROM audit_logs WHERE action = 'update' AND resource = 'users' ORDER BY id DESC LIMIT 1`);
    expect(changed.changes).toEqual({ via: 'directory', role: { from: 'counter', to: 'manager' } });
  });

  it('counts wrong directory passwords toward the lockout', async () => {
    await login('sato').expect(200); // the record exists
    for (let i = 0; i < t.config.loginMaxFailures - 1; i++) await login('sato', `wrong-${i}`).expect(401);
    expect((await login('sato', 'wrong-last').expect(401)).body.code).toBe('account_locked');
    expect((await login('sato').expect(401)).body.code).toBe('account_locked');
    await t.sql(`UPDATE users SET failed_logins = 0, locked_until = NULL WHERE username = 'sato'`);
  });

  it('refuses the directory password as a local one: an admin cannot set a password for a directory account', async () => {
    const [row] = await t.sql<{ id: number }>(`SELECT id FROM users WHERE username = 'tanaka'`);
    const res = await (await t.as('admin')).put(`/api/users/${row.id}`).send({ password: 'a-local-passphrase-here' }).expect(400);
    expect(res.body.errors).toHaveProperty('password');
  });

  describe('over ldaps:// and with an untrusted certificate', () => {
    it('signs in over ldaps://', async () => {
      const other = await TestApp.start({ config: { directory: ldap.config(ROLE_GROUPS, '152234', { url: ldap.ldapsUrl, startTls: false }) } });
      try {
        await other.anon.post('/api/auth/login').send({ username: 'tanaka', password: PASSWORD }).expect(200);
      } finally {
        await other.close();
      }
    });

    it('refuses to send the password over StartTLS to a server whose certificate it cannot trust', async () => {
      const other = await TestApp.start({ config: { directory: ldap.config(ROLE_GROUPS, '152234', { ca: null }) } });
      try {
        expect((await other.anon.post('/api/auth/login').send({ username: 'tanaka', password: PASSWORD }).expect(401)).body.message).toBe(BAD);
        const [row] = await other.sql(`SELECT changes->>'reason' AS reason FROM audit_logs WHERE action = 'login_failed' ORDER BY id DESC LIMIT 1`);
        expect(row.reason).toBe('directory_unavailable');
        // the first admin's local account is unaffected
        await other.anon.post('/api/auth/login').send({ username: 'admin', password: 'mynapoint-demo' }).expect(200);
      } finally {
        await other.close();
      }
    });
  });

  // Last: it stops the directory.
  it('keeps local accounts working while the directory is down; directory users get the same 401 (audited)', async () => {
    await ldap.pause();
    try {
      const started = Date.now();
      expect((await login('tanaka').expect(401)).body.message).toBe(BAD);
      expect(Date.now() - started).toBeLessThan(5_000);
      expect((await failures('tanaka')).at(-1)?.reason).toBe('directory_unavailable');
      const admin = await t.anon.post('/api/auth/login').send({ username: 'admin', password: 'mynapoint-demo' }).expect(200);
      const [row] = await t.sql(`SELECT changes FROM audit_logs WHERE action = 'login' AND user_id = $1 ORDER BY id DESC LIMIT 1`, [admin.body.user.id]);
      expect(row.changes).toEqual({ method: 'local' });
      // Not counted as a wrong password.
      const [u] = await t.sql(`SELECT failed_logins FROM users WHERE username = 'tanaka'`);
      expect(u.failed_logins).toBe(1);
    } finally {
      await ldap.resume();
    }
    await login('tanaka').expect(200);
  });
});
