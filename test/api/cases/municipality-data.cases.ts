import type request from 'supertest';
import type { RouteCase } from '../../support/route-cases';
import type { TestApp } from '../../support/test-app';

// The caller's own municipality (the installation's default for the demo roles).
const ownId = async (t: TestApp) => (await t.sql<{ id: number }>('SELECT id FROM municipalities WHERE code = $1', [t.config.municipalityCode]))[0].id;

const drain = (res: request.Response, cb: (err: Error | null, body: null) => void) => {
  res.on('data', () => undefined);
  res.on('end', () => cb(null, null));
};

let seq = 0;

export const cases: RouteCase[] = [
  { route: 'GET /api/municipalities/:id/export', ok: async (t, as) => as.get(`/api/municipalities/${await ownId(t)}/export`).buffer(true).parse(drain) },
  { route: 'POST /api/municipalities/:id/export/ticket', ok: async (t, as) => as.post(`/api/municipalities/${await ownId(t)}/export/ticket`) },
  {
    // The operator's: a municipality of its own to remove each time.
    route: 'POST /api/municipalities/:id/remove-data',
    ok: async (t, as) => {
      const code = String(159000 + ((process.pid + ++seq) % 900));
      await t.addMunicipality(code, '削除用町');
      const [{ id }] = await t.sql<{ id: number }>('SELECT id FROM municipalities WHERE code = $1', [code]);
      return as.post(`/api/municipalities/${id}/remove-data`).send({ confirmCode: code });
    },
  },
];
