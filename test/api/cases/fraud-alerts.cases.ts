import type { RouteCase } from '../../support/route-cases';
import { createFraudAlert, createFraudAlertWithNotice, fraudAlertBody } from '../../support/fraud-fixtures';

export const cases: RouteCase[] = [
  { route: 'GET /api/fraud-alerts', ok: (_t, as) => as.get('/api/fraud-alerts') },
  { route: 'GET /api/fraud-alerts/:id', ok: async (t, as) => as.get(`/api/fraud-alerts/${(await createFraudAlert(t)).id}`) },
  { route: 'GET /api/fraud-alerts/:id/history', ok: async (t, as) => as.get(`/api/fraud-alerts/${(await createFraudAlert(t)).id}/history`) },
  { route: 'POST /api/fraud-alerts', ok: (_t, as) => as.post('/api/fraud-alerts').send(fraudAlertBody()) },
  { route: 'PUT /api/fraud-alerts/:id', ok: async (t, as) => as.put(`/api/fraud-alerts/${(await createFraudAlert(t)).id}`).send({ status: 'investigating', statusComment: '確認中' }) },
  { route: 'DELETE /api/fraud-alerts/:id', ok: async (t, as) => as.delete(`/api/fraud-alerts/${(await createFraudAlert(t)).id}`) },
  { route: 'POST /api/fraud-alerts/:id/publish', ok: async (t, as) => as.post(`/api/fraud-alerts/${(await createFraudAlertWithNotice(t)).id}/publish`) },

  { route: 'GET /api/stats/fraud', ok: (_t, as) => as.get('/api/stats/fraud?from=2020-07-01&to=2021-12-31&interval=month') },
];
