import { generateSync } from 'otplib';
import request from 'supertest';
import { AUTH_CLOCK, Clock } from '../../apps/api/src/auth/totp';
import { createUser } from '../support/fixtures';
import { TestApp } from '../support/test-app';

// Two-factor sign-in (TOTP) and sessions, through the API. The server's clock for the
// second factor is the test's: codes are computed from the secret for chosen instants.
const PASSWORD = 'mynapoint-demo';
const STEP = 30_000;
const USER_PASSWORD = 'a-long-password'; // test/support/fixtures' userBody

describe('two-factor sign-in and sessions', () => {
  let t: TestApp;
  let clock: Clock & { t: number };
  let adminSecret = '';
  /** A user created by the admin, with the password it was given. */
  const newUser = async (role: string) => ({ ...(await createUser(t, { role })), password: USER_PASSWORD }) as { id: number; username: string; password: string };
  const codeAt = (secret: string, ms: number) => generateSync({ secret, epoch: Math.floor(ms / 1000) });
  const login = (username: string, password = PASSWORD) => t.anon.post('/api/auth/login').send({ username, password });
  const second = (mfaToken: string, code: string) => t.anon.post('/api/auth/login/totp').send({ mfaToken, code });

  /** Turns TOTP on for a fresh session of `username`; returns the secret and the recovery codes. */
  async function enable(username: string, password = PASSWORD): Promise<{ secret: string; recoveryCodes: string[] }> {
    const token = (await login(username, password).expect(200)).body.accessToken;
    const c = t.client(token);
    const setup = await c.post('/api/auth/totp/setup').expect(200);
    const confirm = await c.post('/api/auth/totp/confirm').send({ code: codeAt(setup.body.secret, clock.now()) }).expect(200);
    clock.t += STEP; // the confirming code is used up
    return { secret: setup.body.secret, recoveryCodes: confirm.body.recoveryCodes };
  }

  beforeAll(async () => {
    t = await TestApp.start({ config: { loginIpMaxFailures: 10_000 } });
    clock = Object.assign(t.app.get<Clock>(AUTH_CLOCK), { t: Math.floor(Date.now() / STEP) * STEP });
    clock.now = () => clock.t;
    await t.as('admin'); // the fixtures' admin token, taken before the admin turns TOTP on
  });
  afterAll(() => t.close());

  describe('setting it up', () => {
    it('gives a secret, an otpauth URL and a QR code made here; a wrong code does not turn it on', async () => {
      const c = await t.as('policy');
      const setup = await c.post('/api/auth/totp/setup').expect(200);
      expect(setup.body.secret).toMatch(/^[A-Z2-7]{16,}$/);
      expect(setup.body.otpauthUrl).toMatch(/^otpauth:\/\/totp\/.*policy\?.*secret=/);
      expect(setup.body.qrDataUrl).toMatch(/^data:image\/png;base64,/);
      const wrong = await c.post('/api/auth/totp/confirm').send({ code: '000000' === codeAt(setup.body.secret, clock.now()) ? '111111' : '000000' }).expect(400);
      expect(wrong.body.errors).toHaveProperty('code');
      expect((await c.get('/api/auth/totp').expect(200)).body).toMatchObject({ enabled: false, recoveryCodesLeft: 0 });
      // Still one step: the password alone signs in.
      expect((await login('policy').expect(200)).body.accessToken).toEqual(expect.any(String));
    });

    it('confirming before starting is a 409', async () => {
      const c = t.client((await login('manager').expect(200)).body.accessToken);
      expect((await c.post('/api/auth/totp/confirm').send({ code: '123456' }).expect(409)).body.code).toBe('totp_not_started');
    });

    it('turns on with a right code, hands out ten recovery codes once, and is audited', async () => {
      const { recoveryCodes } = await enable('counter');
      expect(recoveryCodes).toHaveLength(10);
      const [row] = await t.sql(`SELECT count(*)::int AS n FROM recovery_codes r JOIN users u ON u.id = r.user_id WHERE u.username = 'counter'`);
      expect(row.n).toBe(10);
      const stored = await t.sql<{ code_hash: Buffer }>(`SELECT code_hash FROM recovery_codes`);
      for (const c of recoveryCodes) expect(stored.some((s) => s.code_hash.toString('utf8').includes(c))).toBe(false);
      const [secret] = await t.sql<{ totp_secret: Buffer }>(`SELECT totp_secret FROM users WHERE username = 'counter'`);
      expect(secret.totp_secret).toBeInstanceOf(Buffer); // sealed, not the Base32 text
      const [audit] = await t.sql(`SELECT count(*)::int AS n FROM audit_logs WHERE action = 'totp_enabled' AND username = 'counter'`);
      expect(audit.n).toBe(1);
    });
  });

  describe('signing in with it', () => {
    let secret: string;
    let recoveryCodes: string[];
    beforeAll(async () => {
      ({ secret, recoveryCodes } = await enable('admin'));
      adminSecret = secret;
    });

    it('answers the password with mfaRequired and no token; the code then gives the token', async () => {
      const first = await login('admin').expect(200);
      expect(first.body).toEqual({ mfaRequired: true, mfaToken: expect.stringMatching(/^152234\./), expiresAt: expect.any(String) });
      // The mfaToken is no bearer token.
      await t.client(first.body.mfaToken).get('/api/auth/me').expect(401);
      const done = await second(first.body.mfaToken, codeAt(secret, clock.now())).expect(200);
      expect(done.body.user).toMatchObject({ username: 'admin', role: 'admin' });
      await t.client(done.body.accessToken).get('/api/users').expect(200);
      // The mfaToken is spent.
      await second(first.body.mfaToken, codeAt(secret, clock.now())).expect(401);
      const [row] = await t.sql(`SELECT changes FROM audit_logs WHERE action = 'login' AND username = 'admin' ORDER BY id DESC LIMIT 1`);
      expect(row.changes).toEqual({ method: 'local', secondFactor: 'totp' });
    });

    it('refuses a code used once already, and accepts the next step’s', async () => {
      clock.t += STEP;
      const code = codeAt(secret, clock.now());
      await second((await login('admin')).body.mfaToken, code).expect(200);
      const again = await second((await login('admin')).body.mfaToken, code).expect(401);
      expect(again.body.code).toBe('totp_code_invalid');
      clock.t += STEP;
      await second((await login('admin')).body.mfaToken, codeAt(secret, clock.now())).expect(200);
    });

    it('accepts a code just after its step ended, not two steps later', async () => {
      clock.t += STEP;
      const code = codeAt(secret, clock.now());
      clock.t += STEP; // typed as the next step began
      await second((await login('admin')).body.mfaToken, code).expect(200);
      clock.t += STEP;
      const late = codeAt(secret, clock.now());
      clock.t += 2 * STEP;
      await second((await login('admin')).body.mfaToken, late).expect(401);
    });

    it('takes a recovery code once, in any case and with spaces', async () => {
      const code = recoveryCodes[0];
      const typed = code.toUpperCase().replace('-', ' ');
      const done = await second((await login('admin')).body.mfaToken, typed).expect(200);
      expect(done.body.accessToken).toEqual(expect.any(String));
      await second((await login('admin')).body.mfaToken, code).expect(401);
      expect((await t.client(done.body.accessToken).get('/api/auth/totp').expect(200)).body).toMatchObject({ enabled: true, recoveryCodesLeft: 9 });
    });

    it('renews the recovery codes after a current code; the old ones stop working', async () => {
      clock.t += STEP;
      const token = (await second((await login('admin')).body.mfaToken, codeAt(secret, clock.now())).expect(200)).body.accessToken;
      clock.t += STEP;
      await t.client(token).post('/api/auth/totp/recovery-codes').send({ code: '12345' }).expect(400);
      const renewed = await t.client(token).post('/api/auth/totp/recovery-codes').send({ code: codeAt(secret, clock.now()) }).expect(200);
      expect(renewed.body.recoveryCodes).toHaveLength(10);
      await second((await login('admin')).body.mfaToken, recoveryCodes[1]).expect(401);
      await second((await login('admin')).body.mfaToken, renewed.body.recoveryCodes[0]).expect(200);
      clock.t += STEP;
    });
  });

  it('counts wrong codes toward the lockout, also across password steps', async () => {
    const user = await newUser('manager');
    const { secret } = await enable(user.username, user.password);
    const max = t.config.loginMaxFailures;
    // A right password does not reset the count while the code is still owed.
    for (let i = 0; i < max - 1; i++) {
      const res = await second((await login(user.username, user.password)).body.mfaToken, '000000' === codeAt(secret, clock.now()) ? '111111' : '000000');
      expect(res.status).toBe(401);
    }
    const mfa = (await login(user.username, user.password).expect(200)).body.mfaToken;
    expect((await second(mfa, '999999' === codeAt(secret, clock.now()) ? '888888' : '999999').expect(401)).body.code).toBe('account_locked');
    // Locked: even the right code and the right password are refused now.
    expect((await login(user.username, user.password).expect(401)).body.code).toBe('account_locked');
    const [row] = await t.sql(`SELECT count(*)::int AS n FROM audit_logs WHERE action = 'login_failed' AND user_id = $1 AND changes->>'reason' = 'wrong_code'`, [user.id]);
    expect(row.n).toBe(max);
  });

  it('lets an admin reset a user’s second factor (audited): their sessions end, the next sign-in is one step', async () => {
    const user = await newUser('policy');
    const { secret } = await enable(user.username, user.password);
    const token = (await second((await login(user.username, user.password)).body.mfaToken, codeAt(secret, clock.now())).expect(200)).body.accessToken;
    clock.t += STEP;
    const admin = t.client(await adminToken());
    const reset = await admin.post(`/api/users/${user.id}/totp-reset`).expect(200);
    expect(reset.body.totpEnabled).toBe(false);
    await t.client(token).get('/api/auth/me').expect(401);
    expect((await login(user.username, user.password).expect(200)).body.accessToken).toEqual(expect.any(String));
    const [row] = await t.sql(`SELECT username, resource_id, changes FROM audit_logs WHERE action = 'totp_reset' ORDER BY id DESC LIMIT 1`);
    expect(row).toEqual({ username: 'admin', resource_id: String(user.id), changes: { wasEnabled: true } });
    // Not for other roles.
    await (await t.as('policy')).post(`/api/users/${user.id}/totp-reset`).expect(403);
  });

  describe('a municipality that requires it', () => {
    // The setting is a field of the municipality's own record (totpRequiredRoles).
    const own = async () => (await t.sql<{ id: number }>('SELECT id FROM municipalities WHERE code = $1', [t.config.municipalityCode]))[0].id;
    afterAll(async () => {
      await t.client(await adminToken()).put(`/api/municipalities/${await own()}`).send({ totpRequiredRoles: [] }).expect(200);
    });

    it('sends a user without it to the set-up, and lets them do nothing else until it is on', async () => {
      const admin = t.client(await adminToken());
      const url = `/api/municipalities/${await own()}`;
      expect((await admin.get(url).expect(200)).body.totpRequiredRoles).toEqual([]);
      const refused = await admin.put(url).send({ totpRequiredRoles: ['operator'] }).expect(400);
      expect(refused.body.errors).toHaveProperty('totpRequiredRoles');
      expect((await admin.put(url).send({ totpRequiredRoles: ['policy', 'admin'] }).expect(200)).body.totpRequiredRoles).toEqual(['admin', 'policy']);
      const [audit] = await t.sql(`SELECT resource FROM audit_logs WHERE action = 'update' ORDER BY id DESC LIMIT 1`);
      expect(audit.resource).toBe('municipalities');

      const user = await newUser('policy');
      const first = await login(user.username, user.password).expect(200);
      expect(first.body.totpSetupRequired).toBe(true);
      const c = t.client(first.body.accessToken);
      expect((await c.get('/api/payment-services').expect(403)).body.code).toBe('totp_setup_required');
      expect((await c.get('/api/auth/me').expect(200)).body).toMatchObject({ totpSetupRequired: true, totpEnabled: false });
      expect((await c.get('/api/auth/totp').expect(200)).body.required).toBe(true);
      await c.get('/api/auth/sessions').expect(403);
      const setup = await c.post('/api/auth/totp/setup').expect(200);
      await c.post('/api/auth/totp/confirm').send({ code: codeAt(setup.body.secret, clock.now()) }).expect(200);
      clock.t += STEP;
      // The same session may now work.
      await c.get('/api/payment-services').expect(200);
      expect((await c.get('/api/auth/me').expect(200)).body.totpSetupRequired).toBeUndefined();
      // Roles not named sign in as before.
      expect((await login('manager').expect(200)).body.totpSetupRequired).toBeUndefined();
    });
  });

  describe('sessions', () => {
    it('lists the user’s own sessions with device, address and last use, and ends one', async () => {
      const user = await newUser('counter');
      const a = (await login(user.username, user.password).set('User-Agent', 'Mozilla/5.0 (Windows NT 10.0) Edge/120').expect(200)).body.accessToken;
      const b = (await login(user.username, user.password).set('User-Agent', 'Mozilla/5.0 (iPhone) Safari').expect(200)).body.accessToken;
      const list = await t.client(a).get('/api/auth/sessions').expect(200);
      expect(list.body).toHaveLength(2);
      const mine = list.body.find((s: { current: boolean }) => s.current);
      const other = list.body.find((s: { current: boolean }) => !s.current);
      expect(mine.device).toContain('Edge');
      expect(other).toMatchObject({ device: expect.stringContaining('iPhone'), ip: expect.stringContaining('127.0.0.1'), lastSeenAt: expect.any(String) });
      await t.client(a).delete(`/api/auth/sessions/${other.id}`).expect(200);
      await t.client(b).get('/api/auth/me').expect(401);
      await t.client(a).delete(`/api/auth/sessions/${other.id}`).expect(404);
      // Another user's session is not yours to end.
      const [admins] = await t.sql<{ id: number }>(`SELECT max(s.id)::int AS id FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.username = 'admin'`);
      await t.client(a).delete(`/api/auth/sessions/${admins.id}`).expect(404);
      const [row] = await t.sql(`SELECT resource, resource_id FROM audit_logs WHERE action = 'session_ended' ORDER BY id DESC LIMIT 1`);
      expect(row).toEqual({ resource: 'auth', resource_id: String(other.id) });
    });

    it('lets an admin see and end any user’s sessions, one or all', async () => {
      const user = await newUser('counter');
      const a = (await login(user.username, user.password).expect(200)).body.accessToken;
      const b = (await login(user.username, user.password).expect(200)).body.accessToken;
      const admin = t.client(await adminToken());
      const list = await admin.get(`/api/users/${user.id}/sessions`).expect(200);
      expect(list.body).toHaveLength(2);
      await admin.delete(`/api/users/${user.id}/sessions/${list.body[0].id}`).expect(200);
      expect((await admin.get(`/api/users/${user.id}/sessions`).expect(200)).body).toHaveLength(1);
      expect((await admin.delete(`/api/users/${user.id}/sessions`).expect(200)).body).toEqual({ ok: true, ended: 1 });
      await t.client(a).get('/api/auth/me').expect(401);
      await t.client(b).get('/api/auth/me').expect(401);
      await (await t.as('manager')).get(`/api/users/${user.id}/sessions`).expect(403);
    });

    it('ends every session when an admin changes the role', async () => {
      const user = await newUser('counter');
      const token = (await login(user.username, user.password).expect(200)).body.accessToken;
      await t.client(await adminToken()).put(`/api/users/${user.id}`).send({ role: 'manager' }).expect(200);
      await t.client(token).get('/api/auth/me').expect(401);
      // Another field leaves them alone.
      const again = (await login(user.username, user.password).expect(200)).body.accessToken;
      await t.client(await adminToken()).put(`/api/users/${user.id}`).send({ displayName: '新しい名前' }).expect(200);
      await t.client(again).get('/api/auth/me').expect(200);
    });

    it('ends a session left unused longer than the idle timeout, and records use at most once a minute', async () => {
      const user = await newUser('counter');
      const token = (await login(user.username, user.password).expect(200)).body.accessToken;
      const c = t.client(token);
      await t.sql(`UPDATE sessions SET last_seen_at = now() - interval '5 minutes' WHERE user_id = $1`, [user.id]);
      await c.get('/api/auth/me').expect(200);
      const [seen] = await t.sql<{ age: number }>(`SELECT extract(epoch FROM now() - last_seen_at)::float8 AS age FROM sessions WHERE user_id = $1`, [user.id]);
      expect(seen.age).toBeLessThan(60);
      await t.sql(`UPDATE sessions SET last_seen_at = now() - make_interval(mins => $2) - interval '1 second' WHERE user_id = $1`, [user.id, t.config.sessionIdleMinutes]);
      await c.get('/api/auth/me').expect(401);
    });
  });

  async function adminToken(): Promise<string> {
    // The admin has TOTP on (see above): both steps.
    const first = await request(t.server).post('/api/auth/login').send({ username: 'admin', password: PASSWORD });
    if (first.body.accessToken) return first.body.accessToken;
    clock.t += STEP;
    return (await second(first.body.mfaToken, codeAt(adminSecret, clock.now()))).body.accessToken;
  }
});
