import type { RouteCase } from '../../support/route-cases';
import { createPaymentService, createUser, paymentServiceBody, userBody } from '../../support/fixtures';
import { keeper, staffOverrides } from '../../support/route-cases';

export const cases: RouteCase[] = [
  { route: 'GET /api/auth/me', ok: (_t, as) => as.get('/api/auth/me') },
  {
    route: 'POST /api/auth/logout',
    // A fresh session of the same user, so the cached token stays valid.
    ok: async (t, _as, role) => {
      const login = await t.anon.post('/api/auth/login').send({ username: role, password: 'mynapoint-demo' });
      return t.client(login.body.accessToken).post('/api/auth/logout');
    },
  },

  { route: 'GET /api/users', ok: (_t, as) => as.get('/api/users') },
  // The operator keeps the installation's accounts, a municipality's admin its staff.
  { route: 'GET /api/users/:id', ok: async (t, as, role) => as.get(`/api/users/${(await createUser(t, staffOverrides(role), keeper(role))).id}`) },
  { route: 'POST /api/users', ok: (_t, as, role) => as.post('/api/users').send(userBody(staffOverrides(role))) },
  { route: 'PUT /api/users/:id', ok: async (t, as, role) => as.put(`/api/users/${(await createUser(t, staffOverrides(role), keeper(role))).id}`).send({ displayName: '変更後' }) },
  { route: 'DELETE /api/users/:id', ok: async (t, as, role) => as.delete(`/api/users/${(await createUser(t, staffOverrides(role), keeper(role))).id}`) },

  { route: 'GET /api/payment-services', ok: (_t, as) => as.get('/api/payment-services') },
  // The operator works on the national registry.
  { route: 'GET /api/payment-services/:id', ok: async (t, as, role) => as.get(`/api/payment-services/${(await createPaymentService(t, {}, keeper(role))).id}`) },
  { route: 'POST /api/payment-services', ok: (_t, as) => as.post('/api/payment-services').send(paymentServiceBody()) },
  { route: 'PUT /api/payment-services/:id', ok: async (t, as, role) => as.put(`/api/payment-services/${(await createPaymentService(t, {}, keeper(role))).id}`).send({ notes: '更新' }) },
  { route: 'DELETE /api/payment-services/:id', ok: async (t, as, role) => as.delete(`/api/payment-services/${(await createPaymentService(t, {}, keeper(role))).id}`) },

  { route: 'GET /api/audit-logs', ok: (_t, as) => as.get('/api/audit-logs') },
  {
    route: 'GET /api/audit-logs/:id',
    // The newest row of the caller's own log (the operator's is the installation's).
    ok: async (t, as, role) => {
      const [row] = await t.sql<{ id: number }>('SELECT max(id)::int AS id FROM audit_logs WHERE municipality_code = $1', [keeper(role) === 'operator' ? '000000' : t.config.municipalityCode]);
      return as.get(`/api/audit-logs/${row.id}`);
    },
  },
];
