import type { RouteCase } from '../../support/route-cases';

export const cases: RouteCase[] = [{ route: 'GET /api/reports/monthly', ok: (_t, as) => as.get('/api/reports/monthly?month=2020-09&format=xlsx') }];
