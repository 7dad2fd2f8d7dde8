import type { RouteCase } from '../../support/route-cases';
import type { TestApp } from '../../support/test-app';
import { sqlCampaign, sqlParticipant, sqlPaymentService, sqlQuota } from '../../support/uptake-sql-fixtures';

let seq = 0;

/** A participant who applied to a service, made with SQL (the uptake API is another feature). */
async function applicant(t: TestApp): Promise<{ myKeyId: string; serviceId: number }> {
  const campaignId = await sqlCampaign(t);
  const quotaId = await sqlQuota(t, campaignId);
  const serviceId = await sqlPaymentService(t);
  const { myKeyId } = await sqlParticipant(t, { campaignId, quotaId, paymentServiceId: serviceId });
  return { myKeyId, serviceId };
}

const body = (a: { myKeyId: string; serviceId: number }) => ({
  myKeyId: a.myKeyId,
  paymentServiceId: a.serviceId,
  externalId: `CASE-${process.pid}-${++seq}`,
  transactionDate: '2020-10-01',
  kind: 'charge',
  amountYen: 2000,
});

export const cases: RouteCase[] = [
  { route: 'GET /api/point-awards', ok: (_t, as) => as.get('/api/point-awards') },
  {
    route: 'GET /api/point-awards/:id',
    ok: async (t, as) => {
      const created = await (await t.as('admin')).post('/api/point-awards').send(body(await applicant(t)));
      if (created.status !== 201) throw new Error(`create point award: ${created.status} ${JSON.stringify(created.body)}`);
      return as.get(`/api/point-awards/${created.body.id}`);
    },
  },
  { route: 'POST /api/point-awards', ok: async (t, as) => as.post('/api/point-awards').send(body(await applicant(t))) },
];
