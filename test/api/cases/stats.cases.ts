import type { RouteCase } from '../../support/route-cases';

// The dashboard's stats (counter and fraud register theirs beside their features).
export const cases: RouteCase[] = [
  { route: 'GET /api/stats/summary', ok: (_t, as) => as.get('/api/stats/summary?from=2020-07-01&to=2021-03-31') },
  { route: 'GET /api/stats/uptake', ok: (_t, as) => as.get('/api/stats/uptake?from=2020-07-01&to=2021-03-31&interval=week') },
  { route: 'GET /api/stats/points', ok: (_t, as) => as.get('/api/stats/points?from=2020-07-01&to=2021-03-31&interval=month') },
  { route: 'GET /api/stats/municipalities', ok: (_t, as) => as.get('/api/stats/municipalities?from=2020-07-01&to=2021-03-31') },
];
