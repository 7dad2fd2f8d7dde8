import { can } from '@mynapoint/domain';
import { assistanceRecordBody, createAssistanceRecord } from '../../support/assistance-fixtures';
import type { RouteCase } from '../../support/route-cases';

// Counter staff reach only their own records, so a record to show or edit is logged
// by the caller when the caller may log one, and by an admin otherwise.
const ownerFor = (role: Parameters<typeof can>[0]) => (can(role, 'assistance-records', 'create') ? null : 'admin');

export const cases: RouteCase[] = [
  { route: 'GET /api/assistance-records', ok: (_t, as) => as.get('/api/assistance-records') },
  {
    route: 'GET /api/assistance-records/:id',
    ok: async (t, as, role) => as.get(`/api/assistance-records/${(await createAssistanceRecord(t, ownerFor(role) ?? as)).id}`),
  },
  { route: 'POST /api/assistance-records', ok: (_t, as) => as.post('/api/assistance-records').send(assistanceRecordBody()) },
  {
    route: 'PUT /api/assistance-records/:id',
    ok: async (t, as, role) => as.put(`/api/assistance-records/${(await createAssistanceRecord(t, ownerFor(role) ?? as)).id}`).send({ durationMinutes: 12 }),
  },
  { route: 'DELETE /api/assistance-records/:id', ok: async (t, as) => as.delete(`/api/assistance-records/${(await createAssistanceRecord(t, 'admin')).id}`) },

  { route: 'GET /api/stats/counter', ok: (_t, as) => as.get('/api/stats/counter?from=2020-07-01&to=2021-03-31&interval=month') },
];
