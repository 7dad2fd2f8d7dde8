import { checkDigit } from '@mynapoint/domain';
import type { RouteCase } from '../../support/route-cases';
import type { TestApp } from '../../support/test-app';

// The default municipality (the caller's own for its admin); the operator sees every one.
async function ownId(t: TestApp): Promise<number> {
  const [row] = await t.sql<{ id: number }>('SELECT id FROM municipalities WHERE code = $1', [t.config.municipalityCode]);
  return row.id;
}

// A code no other case used: prefecture 15, a running number, its check digit.
let next = 500;
function freshCode(): string {
  const five = `15${String(next++).padStart(3, '0')}`;
  return five + checkDigit(five);
}

async function createMunicipality(t: TestApp): Promise<number> {
  const res = await (await t.as('operator')).post('/api/municipalities').send({ code: freshCode(), name: '試験町' });
  if (res.status !== 201) throw new Error(`create municipality: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

export const cases: RouteCase[] = [
  { route: 'GET /api/municipalities', ok: (_t, as) => as.get('/api/municipalities') },
  { route: 'GET /api/municipalities/:id', ok: async (t, as) => as.get(`/api/municipalities/${await ownId(t)}`) },
  { route: 'POST /api/municipalities', ok: (_t, as) => as.post('/api/municipalities').send({ code: freshCode(), name: '試験村' }) },
  { route: 'PUT /api/municipalities/:id', ok: async (t, as) => as.put(`/api/municipalities/${await ownId(t)}`).send({ contactPhone: '0250-62-2510' }) },
  { route: 'DELETE /api/municipalities/:id', ok: async (t, as) => as.delete(`/api/municipalities/${await createMunicipality(t)}`) },
  {
    route: 'POST /api/municipalities/:id/admins',
    ok: async (t, as) => as.post(`/api/municipalities/${await createMunicipality(t)}/admins`).send({ username: 'kanri', displayName: '試験町 管理者', password: 'a-long-enough-pass' }),
  },
];
