import type { RouteCase } from '../../support/route-cases';
import { keeper } from '../../support/route-cases';
import { createCampaign, createMeasure, measureBody } from '../../support/uptake-fixtures';

// Measures are reference data like campaigns: the operator works on the national ones.
export const cases: RouteCase[] = [
  { route: 'GET /api/measures', ok: (_t, as) => as.get('/api/measures') },
  { route: 'GET /api/measures/:id', ok: async (t, as, role) => as.get(`/api/measures/${(await createMeasure(t, {}, keeper(role))).id}`) },
  { route: 'POST /api/measures', ok: async (t, as, role) => as.post('/api/measures').send(measureBody((await createCampaign(t, {}, keeper(role))).id)) },
  {
    route: 'PUT /api/measures/:id',
    ok: async (t, as, role) => as.put(`/api/measures/${(await createMeasure(t, {}, keeper(role))).id}`).send({ applicationClosesOn: '2023-05-31' }),
  },
  { route: 'DELETE /api/measures/:id', ok: async (t, as, role) => as.delete(`/api/measures/${(await createMeasure(t, {}, keeper(role))).id}`) },
  { route: 'GET /api/stats/measures', ok: (_t, as) => as.get('/api/stats/measures') },
];
