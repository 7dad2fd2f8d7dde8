import { Client_, TestApp } from '../support/test-app';
import { importCsv, sqlParticipant, sqlRound1 } from '../support/uptake-sql-fixtures';

describe('smoke', () => {
  let t: TestApp;
  let policy: Client_;
  beforeAll(async () => {
    t = await TestApp.start();
    policy = await t.as('policy');
  });
  afterAll(() => t.close());

  it('imports points', async () => {
    const { campaignId, quotaId, serviceId } = await sqlRound1(t);
    const a = await sqlParticipant(t, { campaignId, quotaId, paymentServiceId: serviceId });
    const csv = ['externalId,myKeyId,transactionDate,kind,amountYen', `T1,${a.myKeyId},2020-09-05,charge,4000`, `T2,${a.myKeyId},2020-09-20,purchase,16000`, `T3,XXXXXXXX,2020-09-20,purchase,16000`].join('\n');
    const job = await importCsv(policy, 'point-awards', csv, { paymentServiceId: serviceId });
    console.log(job);
    console.log(await t.sql('SELECT external_id, points FROM point_awards'));
  });

  it('imports reservations and applications', async () => {
    const { serviceId } = await sqlRound1(t);
    const csv = ['myKeyId,reservedAt,channel', `ABCD1234,2020-09-01 10:00,counter`, `ABCD1235,2020-09-01 10:00,窓口支援`, `bad,2020-09-01,counter`].join('\n');
    const job = await importCsv(policy, 'reservations', csv);
    console.log(job);
    const csv2 = ['myKeyId,paymentServiceId,appliedAt,channel', `ABCD1234,${serviceId},2020-09-02 10:00,counter`, `ABCD1299,${serviceId},2020-09-02 10:00,counter`].join('\n');
    console.log(await importCsv(policy, 'applications', csv2));
  });
});
