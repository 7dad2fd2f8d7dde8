import type { RouteCase } from '../../support/route-cases';

export const cases: RouteCase[] = [
  { route: 'GET /api/exports/:resource', ok: (_t, as) => as.get('/api/exports/payment-services?format=csv') },
  { route: 'POST /api/exports/:resource/ticket', ok: (_t, as) => as.post('/api/exports/payment-services/ticket?format=csv') },
];
