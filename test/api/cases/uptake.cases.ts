import { keeper, type RouteCase } from '../../support/route-cases';
import { createPaymentService } from '../../support/fixtures';
import {
  applicationBody,
  campaignBody,
  createApplication,
  createCampaign,
  createQuota,
  createReservation,
  quotaBody,
  reservationBody,
} from '../../support/uptake-fixtures';

export const cases: RouteCase[] = [
  { route: 'GET /api/settings', ok: (_t, as) => as.get('/api/settings') },

  { route: 'GET /api/campaigns', ok: (_t, as) => as.get('/api/campaigns') },
  // The operator works on the national campaigns.
  { route: 'GET /api/campaigns/:id', ok: async (t, as, role) => as.get(`/api/campaigns/${(await createCampaign(t, {}, keeper(role))).id}`) },
  { route: 'POST /api/campaigns', ok: (_t, as) => as.post('/api/campaigns').send(campaignBody()) },
  { route: 'PUT /api/campaigns/:id', ok: async (t, as, role) => as.put(`/api/campaigns/${(await createCampaign(t, {}, keeper(role))).id}`).send({ earningEndsOn: '2021-09-30' }) },
  { route: 'DELETE /api/campaigns/:id', ok: async (t, as, role) => as.delete(`/api/campaigns/${(await createCampaign(t, {}, keeper(role))).id}`) },

  { route: 'GET /api/reservation-quotas', ok: (_t, as) => as.get('/api/reservation-quotas') },
  { route: 'GET /api/reservation-quotas/:id', ok: async (t, as) => as.get(`/api/reservation-quotas/${(await createQuota(t)).id}`) },
  { route: 'POST /api/reservation-quotas', ok: async (t, as) => as.post('/api/reservation-quotas').send(quotaBody((await createCampaign(t)).id)) },
  { route: 'PUT /api/reservation-quotas/:id', ok: async (t, as) => as.put(`/api/reservation-quotas/${(await createQuota(t)).id}`).send({ capacity: 500 }) },
  { route: 'DELETE /api/reservation-quotas/:id', ok: async (t, as) => as.delete(`/api/reservation-quotas/${(await createQuota(t)).id}`) },

  { route: 'GET /api/reservations', ok: (_t, as) => as.get('/api/reservations') },
  { route: 'GET /api/reservations/:id', ok: async (t, as) => as.get(`/api/reservations/${(await createReservation(t)).id}`) },
  { route: 'POST /api/reservations', ok: async (t, as) => as.post('/api/reservations').send(reservationBody((await createQuota(t)).id)) },
  { route: 'PUT /api/reservations/:id', ok: async (t, as) => as.put(`/api/reservations/${(await createReservation(t)).id}`).send({ district: '安田' }) },
  { route: 'DELETE /api/reservations/:id', ok: async (t, as) => as.delete(`/api/reservations/${(await createReservation(t)).id}`) },

  { route: 'GET /api/applications', ok: (_t, as) => as.get('/api/applications') },
  { route: 'GET /api/applications/:id', ok: async (t, as) => as.get(`/api/applications/${(await createApplication(t)).id}`) },
  {
    route: 'POST /api/applications',
    ok: async (t, as) => {
      const reservation = await createReservation(t);
      return as.post('/api/applications').send(applicationBody(reservation.myKeyId, (await createPaymentService(t)).id));
    },
  },
  { route: 'PUT /api/applications/:id', ok: async (t, as) => as.put(`/api/applications/${(await createApplication(t)).id}`).send({ channel: 'self_pc' }) },
  { route: 'DELETE /api/applications/:id', ok: async (t, as) => as.delete(`/api/applications/${(await createApplication(t)).id}`).send({ reason: '入力誤り' }) },

  { route: 'GET /api/participants', ok: (_t, as) => as.get('/api/participants') },
  { route: 'GET /api/participants/:id', ok: async (t, as) => as.get(`/api/participants/${(await createReservation(t)).participantId}`) },
  { route: 'GET /api/participants/:id/history', ok: async (t, as) => as.get(`/api/participants/${(await createReservation(t)).participantId}/history`) },
];
