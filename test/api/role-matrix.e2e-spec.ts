import { can } from '@mynapoint/domain';
import { loadRouteCases } from '../support/route-cases';
import { concretePath, listRoutes, RouteInfo } from '../support/routes';
import { ROLES, TestApp } from '../support/test-app';

// The complete role × route matrix, derived from the app's own routes and the one
// permissions table: allowed → 2xx, not allowed → 403, no token → 401.
describe('role × route matrix', () => {
  let t: TestApp;
  let routes: RouteInfo[];
  const cases = loadRouteCases();

  beforeAll(async () => {
    t = await TestApp.start();
    routes = listRoutes(t.app);
  });
  afterAll(() => t.close());

  it('finds the routes, and every one declares who may call it', () => {
    expect(routes.length).toBeGreaterThan(10);
    const undeclared = routes.filter((r) => !r.access).map((r) => r.key);
    expect(undeclared).toEqual([]);
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
      const res = await t.anon[r.method.toLowerCase() as 'get'](concretePath(r.path));
      if (res.status !== 401) failures.push(`${r.key} → ${res.status}`);
    }
    expect(failures).toEqual([]);
  });

  it('answers every role as the permissions table says', async () => {
    const failures: string[] = [];
    for (const r of routes.filter((x) => x.access?.kind !== 'public')) {
      for (const role of ROLES) {
        const as = await t.as(role);
        const allowed = r.access?.kind === 'authenticated' || (r.access?.kind === 'permission' && can(role, r.access.resource, r.access.action));
        if (allowed) {
          const res = await cases.get(r.key)!.ok(t, as, role);
          if (res.status < 200 || res.status >= 300) failures.push(`${role} ${r.key}: expected 2xx, got ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
        } else {
          const res = await as[r.method.toLowerCase() as 'get'](concretePath(r.path)).send({});
          if (res.status !== 403) failures.push(`${role} ${r.key}: expected 403, got ${res.status}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
