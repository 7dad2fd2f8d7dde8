import type { RouteCase } from '../../support/route-cases';
import { benchmarkRateBody, createBenchmarkRate, createPopulationFigure, createTarget, populationFigureBody, targetBody } from '../../support/card-uptake-fixtures';

export const cases: RouteCase[] = [
  { route: 'GET /api/population-figures', ok: (_t, as) => as.get('/api/population-figures') },
  { route: 'GET /api/population-figures/:id', ok: async (t, as) => as.get(`/api/population-figures/${(await createPopulationFigure(t)).id}`) },
  { route: 'POST /api/population-figures', ok: (_t, as) => as.post('/api/population-figures').send(populationFigureBody()) },
  { route: 'PUT /api/population-figures/:id', ok: async (t, as) => as.put(`/api/population-figures/${(await createPopulationFigure(t)).id}`).send({ cardsIssued: 550 }) },
  { route: 'DELETE /api/population-figures/:id', ok: async (t, as) => as.delete(`/api/population-figures/${(await createPopulationFigure(t)).id}`) },

  { route: 'GET /api/benchmark-rates', ok: (_t, as) => as.get('/api/benchmark-rates') },
  { route: 'GET /api/benchmark-rates/:id', ok: async (t, as) => as.get(`/api/benchmark-rates/${(await createBenchmarkRate(t)).id}`) },
  { route: 'POST /api/benchmark-rates', ok: (_t, as) => as.post('/api/benchmark-rates').send(benchmarkRateBody()) },
  { route: 'PUT /api/benchmark-rates/:id', ok: async (t, as) => as.put(`/api/benchmark-rates/${(await createBenchmarkRate(t)).id}`).send({ issuanceRatePercent: 46 }) },
  { route: 'DELETE /api/benchmark-rates/:id', ok: async (t, as) => as.delete(`/api/benchmark-rates/${(await createBenchmarkRate(t)).id}`) },

  { route: 'GET /api/targets', ok: (_t, as) => as.get('/api/targets') },
  { route: 'GET /api/targets/:id', ok: async (t, as) => as.get(`/api/targets/${(await createTarget(t)).id}`) },
  { route: 'POST /api/targets', ok: (_t, as) => as.post('/api/targets').send(targetBody()) },
  { route: 'PUT /api/targets/:id', ok: async (t, as) => as.put(`/api/targets/${(await createTarget(t)).id}`).send({ percent: 60 }) },
  { route: 'DELETE /api/targets/:id', ok: async (t, as) => as.delete(`/api/targets/${(await createTarget(t)).id}`) },

  { route: 'GET /api/stats/card-uptake', ok: (_t, as) => as.get('/api/stats/card-uptake?asOf=2023-03-31') },
];
