import { createHash } from 'node:crypto';
import request from 'supertest';
import { PERMISSIONS, ROLE, can, isResource } from '@mynapoint/domain';
import { createAssistanceRecord } from '../support/assistance-fixtures';
import { createUser } from '../support/fixtures';
import { loadRouteCases } from '../support/route-cases';
import { concretePath, listRoutes, RouteInfo } from '../support/routes';
import { ALL_ROLES as CALLERS, TestApp } from '../support/test-app';

// The complete role × route × method matrix, derived from the app's own routes and
// the one permissions table:
//   - every registered route × (anonymous + every role): no token → 401, allowed → 2xx
//     (through the route's success case), not allowed → 403;
//   - every other method on every registered path × (anonymous + every role) → 404
//     (never 2xx, never 5xx);
// then what a token alone must not do: tampered, expired, revoked, a disabled user's,
// and one counter clerk reaching another's records by id.
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
type Method = (typeof METHODS)[number];
const lower = (m: string) => m.toLowerCase() as 'get';

const figures = { routes: 0, paths: 0, registeredCells: 0, otherMethodCells: 0, allowed2xx: 0, refused403: 0, anonymous401: 0, notFound404: 0, tokenCases: 0 };

describe('role × route × method matrix', () => {
  let t: TestApp;
  let routes: RouteInfo[];
  const cases = loadRouteCases();

  beforeAll(async () => {
    t = await TestApp.start();
    await t.addInstallationUsers();
    routes = listRoutes(t.app);
  });
  afterAll(async () => {
    await t.close();
    const who = ['anonymous', ...CALLERS].length;
    // eslint-disable-next-line no-console
    console.table({
      'registered routes': figures.routes,
      'distinct paths': figures.paths,
      'callers (anonymous + roles)': who,
      'route × caller cells': figures.registeredCells,
      'other method × path × caller cells': figures.otherMethodCells,
      '→ 2xx (allowed)': figures.allowed2xx,
      '→ 403 (not allowed)': figures.refused403,
      '→ 401 (no token)': figures.anonymous401,
      '→ 404 (no such method)': figures.notFound404,
      'token / ownership cases': figures.tokenCases,
    });
  });

  it('finds the routes, and every one declares who may call it with a resource and action of the table', () => {
    expect(routes.length).toBeGreaterThan(10);
    figures.routes = routes.length;
    const undeclared = routes.filter((r) => !r.access).map((r) => r.key);
    expect(undeclared).toEqual([]);
    const unknown = routes
      .filter((r) => r.access?.kind === 'permission' && !(isResource(r.access.resource) && PERMISSIONS[r.access.resource]))
      .map((r) => r.key);
    expect(unknown).toEqual([]);
    // An action no role holds would make a route nobody can call: a mistake in the table or the route.
    // (Installation roles count: the operator alone removes a municipality's data.)
    const unreachable = routes
      .filter((r) => r.access?.kind === 'permission' && !CALLERS.some((role) => r.access?.kind === 'permission' && can(role, r.access.resource, r.access.action)))
      .map((r) => r.key);
    expect(unreachable).toEqual([]);
  });

  it('has a success case for every non-public route', () => {
    const missing = routes.filter((r) => r.access?.kind !== 'public' && !cases.has(r.key)).map((r) => r.key);
    expect(missing).toEqual([]);
    const stale = [...cases.keys()].filter((k) => !routes.some((r) => r.key === k));
    expect(stale).toEqual([]);
  });

  it('answers 401 without a token on every non-public route', async () => {
    const failures: string[] = [];
    for (const r of routes.filter((x) => x.access?.kind !== 'public')) {
      const res = await t.anon[lower(r.method)](concretePath(r.path));
      figures.registeredCells++;
      if (res.status !== 401) failures.push(`${r.key} → ${res.status}`);
      else figures.anonymous401++;
    }
    // Public routes are answered without a token (and never 5xx).
    for (const r of routes.filter((x) => x.access?.kind === 'public')) {
      const res = await t.anon[lower(r.method)](concretePath(r.path)).send({});
      figures.registeredCells++;
      if (res.status >= 500 || res.status === 401 || res.status === 403) failures.push(`public ${r.key} → ${res.status}`);
    }
    expect(failures).toEqual([]);
  });

  it('answers every role as the permissions table says', async () => {
    const failures: string[] = [];
    for (const r of routes.filter((x) => x.access?.kind !== 'public')) {
      for (const role of CALLERS) {
        const as = await t.as(role);
        const allowed = r.access?.kind === 'authenticated' || (r.access?.kind === 'permission' && can(role, r.access.resource, r.access.action));
        figures.registeredCells++;
        if (allowed) {
          const res = await cases.get(r.key)!.ok(t, as, role);
          if (res.status < 200 || res.status >= 300) failures.push(`${role} ${r.key}: expected 2xx, got ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
          else figures.allowed2xx++;
        } else {
          const res = await as[lower(r.method)](concretePath(r.path)).send({});
          if (res.status !== 403) failures.push(`${role} ${r.key}: expected 403, got ${res.status}`);
          else figures.refused403++;
        }
      }
    }
    expect(failures).toEqual([]);
    // Every route × six roles, one by one: about 150 s on a quiet machine, more beside other files.
  }, 600_000);

  it('answers 404 to every other method on every registered path, for anonymous and every role', async () => {
    // A (method, concrete path) that some registered route matches is that route's cell, not this one's.
    const patterns = routes.map((r) => ({ method: r.method, re: new RegExp(`^${r.path.replace(/:\w+/g, '[^/]+')}$`) }));
    const paths = [...new Set(routes.map((r) => r.path))];
    figures.paths = paths.length;
    const failures: string[] = [];
    const callers = [undefined, ...(await Promise.all(CALLERS.map((role) => t.token(role))))];
    for (const path of paths) {
      const url = concretePath(path);
      for (const method of METHODS as readonly Method[]) {
        if (patterns.some((p) => p.method === method && p.re.test(url))) continue;
        for (const token of callers) {
          const res = await t.client(token)[lower(method)](url).send({});
          figures.otherMethodCells++;
          if (res.status !== 404) failures.push(`${method} ${path} (${token ? 'signed in' : 'anonymous'}) → ${res.status}`);
          else figures.notFound404++;
        }
      }
    }
    expect(failures).toEqual([]);
    expect(figures.otherMethodCells).toBeGreaterThan(100);
  });

  describe('tokens', () => {
    const me = (token: string) => request(t.server).get('/api/auth/me').set('Authorization', `Bearer ${token}`);
    const fresh = async (username = 'admin') => (await t.anon.post('/api/auth/login').send({ username, password: 'mynapoint-demo' }).expect(200)).body.accessToken as string;

    it('keeps only a hash of the token: the database holds nothing a client could present', async () => {
      const token = await fresh();
      const sha = createHash('sha256').update(token).digest();
      const rows = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM sessions WHERE token_hash = $1', [sha]);
      expect(rows[0].n).toBe(1);
      const [{ found }] = await t.sql<{ found: number }>(
        `SELECT (SELECT count(*) FROM sessions s WHERE encode(s.token_hash, 'escape') LIKE '%' || $1 || '%')
              + (SELECT count(*) FROM audit_logs a WHERE a.changes::text LIKE '%' || $1 || '%') AS found`,
        [token],
      );
      expect(Number(found)).toBe(0);
      // The stored hash itself, presented as a token, opens nothing.
      for (const stolen of [sha.toString('base64url'), sha.toString('hex'), sha.toString('base64')]) await me(stolen).expect(401);
      figures.tokenCases += 4;
    });

    it('refuses tampered tokens: a changed, added, dropped character, another case, extra words', async () => {
      const token = await fresh();
      await me(token).expect(200);
      const flip = (s: string, i: number) => s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1);
      const variants = [
        flip(token, 0),
        flip(token, token.length - 1),
        flip(token, 20),
        token + 'A',
        token.slice(0, -1),
        token.toUpperCase() === token ? token.toLowerCase() : token.toUpperCase(),
        `${token} ${token}`,
        `${token}%00`,
        Buffer.from(token).toString('base64'),
        '',
        'null',
        'undefined',
        '../'.repeat(30),
        'x'.repeat(5000),
      ];
      const failures: string[] = [];
      for (const v of variants) {
        const res = await request(t.server).get('/api/auth/me').set('Authorization', `Bearer ${v}`);
        if (res.status !== 401) failures.push(`${JSON.stringify(v.slice(0, 40))} → ${res.status}`);
      }
      for (const header of [token, `Basic ${token}`, `Token ${token}`, `Bearer`, `Bearer  `]) {
        const res = await request(t.server).get('/api/auth/me').set('Authorization', header);
        if (res.status !== 401) failures.push(`header ${JSON.stringify(header.slice(0, 20))} → ${res.status}`);
      }
      expect(failures).toEqual([]);
      figures.tokenCases += variants.length + 5;
      await me(token).expect(200);
    });

    it('refuses an expired token, a revoked one, and download tickets of either', async () => {
      const expired = await fresh('manager');
      const ticket = (await request(t.server).post('/api/exports/payment-services/ticket?format=csv').set('Authorization', `Bearer ${expired}`).expect(201)).body.url as string;
      await t.sql('UPDATE sessions SET expires_at = now() - interval \'1 second\' WHERE token_hash = $1', [createHash('sha256').update(expired).digest()]);
      await me(expired).expect(401);
      await t.anon.get(ticket).expect(401);

      const revoked = await fresh('manager');
      const ticket2 = (await request(t.server).post('/api/exports/payment-services/ticket?format=csv').set('Authorization', `Bearer ${revoked}`).expect(201)).body.url as string;
      const tampered = ticket2.replace(/ticket=([^&]+)/, (_m, v: string) => `ticket=${v.slice(0, -2)}${v.endsWith('AA') ? 'BB' : 'AA'}`);
      await t.anon.get(tampered).expect(401);
      await request(t.server).post('/api/auth/logout').set('Authorization', `Bearer ${revoked}`).expect(200);
      await me(revoked).expect(401);
      await t.anon.get(ticket2).expect(401);
      // Logging out one session leaves the user's others alone.
      await (await t.as('manager')).get('/api/auth/me').expect(200);
      figures.tokenCases += 6;
    });

    it('refuses a disabled user’s old token, also after the account is enabled again; a password reset ends sessions too', async () => {
      const admin = await t.as('admin');
      const user = await createUser(t, { password: 'correct-horse-battery' });
      const token = (await t.anon.post('/api/auth/login').send({ username: user.username, password: 'correct-horse-battery' }).expect(200)).body.accessToken as string;
      await me(token).expect(200);
      await admin.put(`/api/users/${user.id}`).send({ active: false }).expect(200);
      await me(token).expect(401);
      await admin.put(`/api/users/${user.id}`).send({ active: true }).expect(200);
      await me(token).expect(401);

      const again = (await t.anon.post('/api/auth/login').send({ username: user.username, password: 'correct-horse-battery' }).expect(200)).body.accessToken as string;
      await admin.put(`/api/users/${user.id}`).send({ password: 'another-good-passphrase' }).expect(200);
      await me(again).expect(401);
      // A deleted user's token dies with the account.
      const last = (await t.anon.post('/api/auth/login').send({ username: user.username, password: 'another-good-passphrase' }).expect(200)).body.accessToken as string;
      await admin.delete(`/api/users/${user.id}`).expect(200);
      await me(last).expect(401);
      figures.tokenCases += 5;
    });
  });

  describe('other users’ records (counter: own rows only)', () => {
    it('does not let one counter clerk read, list, update or fetch-many another clerk’s assistance record', async () => {
      const mine = await createAssistanceRecord(t, 'counter');
      const other = await t.as('counter2');
      const before = await t.sql('SELECT * FROM assistance_records WHERE id = $1', [mine.id]);

      const get = await other.get(`/api/assistance-records/${mine.id}`);
      expect(get.status).toBe(404);
      expect(JSON.stringify(get.body)).not.toContain(String(mine.staffId) + ',');
      const put = await other.put(`/api/assistance-records/${mine.id}`).send({ durationMinutes: 99, notes: '書き換え' });
      expect(put.status).toBe(404);
      await other.delete(`/api/assistance-records/${mine.id}`).expect(403);
      const list = await other.get(`/api/assistance-records?filter=${encodeURIComponent(JSON.stringify({ id: [mine.id] }))}`).expect(200);
      expect(list.body).toEqual([]);
      const listAll = await other.get('/api/assistance-records?range=[0,999]').expect(200);
      expect((listAll.body as Array<{ id: number }>).map((r) => r.id)).not.toContain(mine.id);
      const byStaff = await other.get(`/api/assistance-records?filter=${encodeURIComponent(JSON.stringify({ staffId: mine.staffId }))}`);
      expect(byStaff.status === 400 || (byStaff.status === 200 && byStaff.body.length === 0)).toBe(true);

      expect(await t.sql('SELECT * FROM assistance_records WHERE id = $1', [mine.id])).toEqual(before);
      // The owner still can.
      await (await t.as('counter')).get(`/api/assistance-records/${mine.id}`).expect(200);
      figures.tokenCases += 6;
    });
  });
});
