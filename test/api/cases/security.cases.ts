import { keeper, staffOverrides, type RouteCase } from '../../support/route-cases';
import { createUser } from '../../support/fixtures';

export const cases: RouteCase[] = [
  { route: 'POST /api/users/:id/unlock', ok: async (t, as, role) => as.post(`/api/users/${(await createUser(t, staffOverrides(role), keeper(role))).id}/unlock`) },
];
