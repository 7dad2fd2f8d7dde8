import type { RouteCase } from '../../support/route-cases';
import { appointmentBody, createAppointment, createDesk, createIncident, createSlot, createSlotNow, createTerminal, deskBody, incidentBody, slotBody } from '../../support/desk-fixtures';

// Issue #21: support desks, their slots, appointments, terminals and wrong-person incidents.
const today = () => new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10);

export const cases: RouteCase[] = [
  { route: 'GET /api/desks', ok: (_t, as) => as.get('/api/desks') },
  { route: 'GET /api/desks/:id', ok: async (t, as) => as.get(`/api/desks/${(await createDesk(t)).id}`) },
  { route: 'POST /api/desks', ok: (_t, as) => as.post('/api/desks').send(deskBody()) },
  { route: 'PUT /api/desks/:id', ok: async (t, as) => as.put(`/api/desks/${(await createDesk(t)).id}`).send({ place: '市役所 2階' }) },
  { route: 'DELETE /api/desks/:id', ok: async (t, as) => as.delete(`/api/desks/${(await createDesk(t)).id}`) },
  { route: 'GET /api/desks/:id/today', ok: async (t, as) => as.get(`/api/desks/${(await createSlotNow(t)).deskId}/today`) },


  { route: 'GET /api/appointment-slots', ok: (_t, as) => as.get('/api/appointment-slots') },
  { route: 'GET /api/appointment-slots/:id', ok: async (t, as) => as.get(`/api/appointment-slots/${(await createSlot(t)).id}`) },
  { route: 'POST /api/appointment-slots', ok: async (t, as) => as.post('/api/appointment-slots').send(slotBody((await createDesk(t)).id)) },
  {
    route: 'POST /api/appointment-slots/generate',
    ok: async (t, as) =>
      as.post('/api/appointment-slots/generate').send({ deskId: (await createDesk(t)).id, from: '2030-09-02', to: '2030-09-06', weekdays: [1, 2, 3, 4, 5], startTime: '09:00', endTime: '12:00', everyMinutes: 30, seats: 2 }),
  },
  { route: 'PUT /api/appointment-slots/:id', ok: async (t, as) => as.put(`/api/appointment-slots/${(await createSlot(t)).id}`).send({ capacity: 4 }) },
  { route: 'DELETE /api/appointment-slots/:id', ok: async (t, as) => as.delete(`/api/appointment-slots/${(await createSlot(t)).id}`) },

  { route: 'GET /api/appointments', ok: (_t, as) => as.get('/api/appointments') },
  { route: 'GET /api/appointments/:id', ok: async (t, as) => as.get(`/api/appointments/${(await createAppointment(t, (await createSlot(t)).id)).id}`) },
  { route: 'POST /api/appointments', ok: async (t, as) => as.post('/api/appointments').send(appointmentBody((await createSlot(t)).id)) },
  { route: 'PUT /api/appointments/:id', ok: async (t, as) => as.put(`/api/appointments/${(await createAppointment(t, (await createSlot(t)).id)).id}`).send({ status: 'cancelled' }) },
  { route: 'DELETE /api/appointments/:id', ok: async (t, as) => as.delete(`/api/appointments/${(await createAppointment(t, (await createSlot(t)).id)).id}`) },
  { route: 'POST /api/appointments/no-shows', ok: async (t, as) => as.post('/api/appointments/no-shows').send({ deskId: (await createDesk(t)).id, date: today() }) },
  { route: 'POST /api/appointments/:id/check-in', ok: async (t, as) => as.post(`/api/appointments/${(await createAppointment(t, (await createSlotNow(t)).id)).id}/check-in`) },

  { route: 'GET /api/terminals', ok: (_t, as) => as.get('/api/terminals') },
  { route: 'GET /api/terminals/:id', ok: async (t, as) => as.get(`/api/terminals/${(await createTerminal(t)).id}`) },
  { route: 'GET /api/terminals/:id/log', ok: async (t, as) => as.get(`/api/terminals/${(await createTerminal(t)).id}/log`) },
  { route: 'POST /api/terminals', ok: async (t, as) => as.post('/api/terminals').send({ deskId: (await createDesk(t)).id, name: '貸出PC 1号機' }) },
  { route: 'PUT /api/terminals/:id', ok: async (t, as) => as.put(`/api/terminals/${(await createTerminal(t)).id}`).send({ active: false }) },
  { route: 'DELETE /api/terminals/:id', ok: async (t, as) => as.delete(`/api/terminals/${(await createTerminal(t)).id}`) },

  { route: 'GET /api/wrong-person-incidents', ok: (_t, as) => as.get('/api/wrong-person-incidents') },
  { route: 'GET /api/wrong-person-incidents/:id', ok: async (t, as) => as.get(`/api/wrong-person-incidents/${(await createIncident(t)).id}`) },
  { route: 'GET /api/wrong-person-incidents/:id/history', ok: async (t, as) => as.get(`/api/wrong-person-incidents/${(await createIncident(t)).id}/history`) },
  { route: 'POST /api/wrong-person-incidents', ok: (_t, as) => as.post('/api/wrong-person-incidents').send(incidentBody()) },
  { route: 'PUT /api/wrong-person-incidents/:id', ok: async (t, as) => as.put(`/api/wrong-person-incidents/${(await createIncident(t)).id}`).send({ status: 'investigating', statusComment: '確認中' }) },
  { route: 'DELETE /api/wrong-person-incidents/:id', ok: async (t, as) => as.delete(`/api/wrong-person-incidents/${(await createIncident(t)).id}`) },

  { route: 'GET /api/stats/desks', ok: (_t, as) => as.get('/api/stats/desks?from=2022-06-01&to=2023-02-28') },
  { route: 'GET /api/reports/day-sheet', ok: async (t, as) => as.get(`/api/reports/day-sheet?deskId=${(await createSlotNow(t)).deskId}`) },
];
