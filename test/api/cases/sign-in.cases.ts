import { generateSync } from 'otplib';
import type { Role } from '@mynapoint/domain';
import { keeper, staffOverrides, type RouteCase } from '../../support/route-cases';
import { createUser, userBody } from '../../support/fixtures';
import type { TestApp } from '../../support/test-app';

// Issue #22's routes. The demo users' cached sessions must survive every case, so the
// second factor is turned on for fresh users only, and a session is ended only when it
// was opened for the case.
const PASSWORD = userBody().password as string;
const code = (secret: string, offsetSteps = 0) => generateSync({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSteps * 30 });

/** A fresh signed-in user; for the users routes one the caller keeps (the operator: an installation account). */
async function signedInUser(t: TestApp, callerRole?: Role): Promise<{ id: number; username: string; token: string }> {
  const user = callerRole ? await createUser(t, staffOverrides(callerRole), keeper(callerRole)) : await createUser(t);
  const login = await t.anon.post('/api/auth/login').send({ username: user.username, password: PASSWORD });
  return { id: user.id, username: user.username as string, token: login.body.accessToken };
}

/** A fresh user with TOTP on, confirmed with the previous step's code (so the current one is still unused). */
async function userWithTotp(t: TestApp) {
  const u = await signedInUser(t);
  const c = t.client(u.token);
  const { secret } = (await c.post('/api/auth/totp/setup')).body;
  const confirm = c.post('/api/auth/totp/confirm').send({ code: code(secret, -1) });
  return { ...u, secret, confirm };
}

export const cases: RouteCase[] = [
  {
    route: 'POST /api/auth/login/totp',
    ok: async (t) => {
      const u = await userWithTotp(t);
      await u.confirm;
      const first = await t.anon.post('/api/auth/login').send({ username: u.username, password: PASSWORD });
      return t.anon.post('/api/auth/login/totp').send({ mfaToken: first.body.mfaToken, code: code(u.secret) });
    },
  },
  { route: 'GET /api/auth/totp', ok: (_t, as) => as.get('/api/auth/totp') },
  { route: 'POST /api/auth/totp/setup', ok: async (t) => t.client((await signedInUser(t)).token).post('/api/auth/totp/setup') },
  { route: 'POST /api/auth/totp/confirm', ok: async (t) => (await userWithTotp(t)).confirm },
  {
    route: 'POST /api/auth/totp/recovery-codes',
    ok: async (t) => {
      const u = await userWithTotp(t);
      await u.confirm;
      return t.client(u.token).post('/api/auth/totp/recovery-codes').send({ code: code(u.secret) });
    },
  },
  { route: 'GET /api/auth/sessions', ok: (_t, as) => as.get('/api/auth/sessions') },
  {
    route: 'DELETE /api/auth/sessions/:id',
    // A session opened for the case ends itself.
    ok: async (t, _as, role) => {
      const token = (await t.anon.post('/api/auth/login').send({ username: role, password: 'mynapoint-demo' })).body.accessToken;
      const mine = (await t.client(token).get('/api/auth/sessions')).body.find((s: { current: boolean }) => s.current);
      return t.client(token).delete(`/api/auth/sessions/${mine.id}`);
    },
  },

  // The operator keeps the installation's accounts, a municipality's admin its staff.
  { route: 'GET /api/users/:id/sessions', ok: async (t, as, role) => as.get(`/api/users/${(await signedInUser(t, role)).id}/sessions`) },
  {
    route: 'DELETE /api/users/:id/sessions/:sessionId',
    ok: async (t, as, role) => {
      const u = await signedInUser(t, role);
      const [session] = (await t.client(u.token).get('/api/auth/sessions')).body;
      return as.delete(`/api/users/${u.id}/sessions/${session.id}`);
    },
  },
  { route: 'DELETE /api/users/:id/sessions', ok: async (t, as, role) => as.delete(`/api/users/${(await signedInUser(t, role)).id}/sessions`) },
  { route: 'POST /api/users/:id/totp-reset', ok: async (t, as, role) => as.post(`/api/users/${(await createUser(t, staffOverrides(role), keeper(role))).id}/totp-reset`) },
];
