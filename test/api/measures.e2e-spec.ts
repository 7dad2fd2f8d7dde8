import { createPaymentService } from '../support/fixtures';
import { Client_, listQuery, TestApp } from '../support/test-app';
import { uploadCsv, waitForImport } from '../support/uptake-sql-fixtures';
import { createApplication, createCampaign, createMeasure, measureBody, newMyKeyId, quotaBody, reservationBody } from '../support/uptake-fixtures';

// Issue #19: campaigns with measures, a person across rounds, awards per measure and
// budgets that are never overspent (API.md "Campaigns with measures").

const ROUND2 = {
  name: 'マイナポイント第2弾',
  reservationOpensOn: '2022-01-01',
  reservationClosesOn: '2023-09-30',
  applicationOpensOn: '2022-01-01',
  applicationClosesOn: '2023-09-30',
  earningStartsOn: '2022-01-01',
  earningEndsOn: '2023-09-30',
  awardRatePercent: 25,
  capPerPersonYen: 5000,
};

let tx = 0;
const txId = (p = 'M') => `${p}-${process.pid}-${++tx}`;
const csv = (...lines: string[]) => lines.join('\r\n') + '\r\n';

describe('measures', () => {
  let t: TestApp;
  let admin: Client_;
  let policy: Client_;

  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.as('admin');
    policy = await t.as('policy');
  });
  afterAll(() => t.close());

  const measuresOf = async (campaignId: number) => (await admin.get(`/api/measures?${listQuery({ filter: { campaignId }, sort: ['id', 'ASC'] })}`).expect(200)).body;
  const apply = (myKeyId: string, measureId: number, paymentServiceId: number, extra: Record<string, unknown> = {}) =>
    admin.post('/api/applications').send({ myKeyId, measureId, paymentServiceId, channel: 'counter', appliedAt: '2022-07-01T10:00:00+09:00', ...extra });
  const charge = (myKeyId: string, paymentServiceId: number, transactionDate: string, amountYen: number, extra: Record<string, unknown> = {}) =>
    policy.post('/api/point-awards').send({ myKeyId, paymentServiceId, externalId: txId(), transactionDate, kind: 'charge', amountYen, ...extra });
  const register = (myKeyId: string, measureId: number, occurredOn = '2022-07-02') =>
    policy.post('/api/point-awards').send({ myKeyId, measureId, kind: 'registration', occurredOn });

  /** Round 2 with its three measures (DOMAIN.md): the first (the campaign's own) made `new_or_below_cap`. */
  async function round2() {
    const campaign = await createCampaign(t, { ...ROUND2, name: `${ROUND2.name} ${++tx}` });
    const [first] = await measuresOf(campaign.id);
    await admin.put(`/api/measures/${first.id}`).send({ name: '新規取得等（最大5,000円）', eligibility: 'new_or_below_cap' }).expect(200);
    const fixed = (name: string) =>
      createMeasure(t, { campaignId: campaign.id, name, fixedAmountYen: 7500, applicationOpensOn: '2022-06-30', applicationClosesOn: '2023-09-30', earningStartsOn: '2022-06-30', earningEndsOn: '2023-09-30' });
    return { campaignId: campaign.id, m1: first.id as number, m2: (await fixed('健康保険証としての利用申込')).id, m3: (await fixed('公金受取口座の登録')).id };
  }

  /** A Round 1 participant (reservation and application in 2020) with `points` awarded. */
  async function round1Applicant(serviceId: number, amountYen: number) {
    const campaign = await createCampaign(t);
    const quota = (await admin.post('/api/reservation-quotas').send(quotaBody(campaign.id)).expect(201)).body;
    const reservation = reservationBody(quota.id);
    await admin.post('/api/reservations').send(reservation).expect(201);
    await createApplication(t, { myKeyId: reservation.myKeyId, paymentServiceId: serviceId });
    if (amountYen) await charge(reservation.myKeyId, serviceId, '2020-10-01', amountYen).expect(201);
    return reservation.myKeyId;
  }

  describe('the resource', () => {
    it('gives every campaign one rate measure with its terms, which follows the campaign while it is the only one', async () => {
      const campaign = await createCampaign(t);
      const [m] = await measuresOf(campaign.id);
      expect(m).toMatchObject({
        kind: 'rate_with_cap',
        ratePercent: 25,
        capPerPersonYen: 5000,
        fixedAmountYen: null,
        applicationClosesOn: '2021-03-31',
        earningEndsOn: '2021-03-31',
        eligibility: 'anyone_with_card',
        fundedBy: 'national',
        budgetYen: null,
        awardedYen: 0,
        remainingBudgetYen: null,
        national: false,
      });
      // Round 1's extension: the campaign's dates move, and its measure with them.
      await admin.put(`/api/campaigns/${campaign.id}`).send({ applicationClosesOn: '2021-09-30', earningEndsOn: '2021-09-30' }).expect(200);
      expect((await measuresOf(campaign.id))[0]).toMatchObject({ applicationClosesOn: '2021-09-30', earningEndsOn: '2021-09-30' });
      // With a second measure each keeps its own terms.
      await createMeasure(t, { campaignId: campaign.id });
      await admin.put(`/api/campaigns/${campaign.id}`).send({ earningEndsOn: '2021-12-31', applicationClosesOn: '2021-12-31' }).expect(200);
      expect((await measuresOf(campaign.id))[0].earningEndsOn).toBe('2021-09-30');
    });

    it('refuses terms that do not fit the kind, the eligibility or the funding, with the field', async () => {
      const { id: campaignId } = await createCampaign(t);
      const bad = async (overrides: Record<string, unknown>, code: string, field: string) => {
        const res = await admin.post('/api/measures').send(measureBody(campaignId, overrides)).expect(400);
        expect(res.body.code).toBe(code);
        expect(res.body.errors).toHaveProperty(field);
      };
      await bad({ kind: 'rate_with_cap', fixedAmountYen: null, ratePercent: 25 }, 'measure_kind_terms', 'capPerPersonYen');
      await bad({ ratePercent: 25 }, 'measure_kind_terms', 'ratePercent');
      await bad({ eligibility: 'card_applied_by' }, 'measure_eligibility_terms', 'cardAppliedBy');
      await bad({ eligibility: 'residents_by_age' }, 'measure_eligibility_terms', 'maxAge');
      await bad({ minAge: 3 }, 'measure_eligibility_terms', 'minAge');
      await bad({ fundedBy: 'municipality' }, 'measure_budget_terms', 'budgetYen');
      await bad({ budgetYen: 1000 }, 'measure_budget_terms', 'budgetYen');
      await bad({ applicationOpensOn: '2021-04-01' }, 'measure_period_order', 'applicationClosesOn');
      const ok = await admin.post('/api/measures').send(measureBody(campaignId, { name: '重複' })).expect(201);
      expect((await admin.post('/api/measures').send(measureBody(campaignId, { name: '重複' })).expect(409)).body.code).toBe('measure_duplicate_name');
      // A budget may not go below what was awarded; the kind is fixed once someone joined (tested below).
      expect(ok.body).toMatchObject({ kind: 'fixed_amount', fixedAmountYen: 7500, budgetYen: null });
    });

    it('keeps a national campaign’s measures the operator’s: a municipality reads them and may not add one', async () => {
      const operator = await t.asOperator();
      const national = await createCampaign(t, {}, 'operator');
      const created = await operator.post('/api/measures').send(measureBody(national.id, { name: '国の施策' })).expect(201);
      expect(created.body.national).toBe(true);
      expect((await admin.get(`/api/measures/${created.body.id}`).expect(200)).body.name).toBe('国の施策');
      expect((await admin.post('/api/measures').send(measureBody(national.id)).expect(403)).body.code).toBe('measure_national');
      expect((await admin.put(`/api/measures/${created.body.id}`).send({ name: '変更' }).expect(403)).body.code).toBe('measure_national');
      // A top-up with a budget is a municipality's own programme, never under a national campaign.
      const topUp = await operator.post('/api/measures').send(measureBody(national.id, { fundedBy: 'prefecture', budgetYen: 1000 })).expect(400);
      expect(topUp.body.errors).toHaveProperty('fundedBy');
    });
  });

  describe('a person across rounds', () => {
    it('Round 2: one application per measure and no reservation; 5,000 + 7,500 + 7,500, and a second registration award refused', async () => {
      const { m1, m2, m3 } = await round2();
      const service = (await createPaymentService(t)).id;
      const me = newMyKeyId();
      for (const m of [m1, m2, m3]) expect((await apply(me, m, service).expect(201)).body.measureId).toBe(m);
      const again = await apply(me, m2, service).expect(409);
      expect(again.body.code).toBe('application_already_applied');

      // A charge of 2022 goes to the first measure by its date; the cap counts that measure only.
      const spent = await charge(me, service, '2022-07-10', 30_000).expect(201);
      expect(spent.body).toMatchObject({ measureId: m1, points: 5000, participantPointsTotal: 5000, capYen: 5000 });
      expect((await charge(me, service, '2022-07-11', 4000).expect(201)).body.points).toBe(0);
      const health = await register(me, m2).expect(201);
      expect(health.body).toMatchObject({ measureId: m2, kind: 'registration', amountYen: 7500, points: 7500 });
      const second = await register(me, m2).expect(409);
      expect(second.body.code).toBe('point_award_already_registered');
      expect((await register(me, m3).expect(201)).body.points).toBe(7500);

      const rows = (await admin.get(`/api/participants?${listQuery({ filter: { myKeyId: me }, sort: ['id', 'ASC'] })}`).expect(200)).body;
      expect(rows.map((r: { measureId: number; pointsTotal: number }) => [r.measureId, r.pointsTotal])).toEqual([
        [m1, 5000],
        [m2, 7500],
        [m3, 7500],
      ]);
      const [{ total }] = await t.sql<{ total: number }>(
        `SELECT sum(pa.points)::int AS total FROM point_awards pa JOIN participants p ON p.id = pa.participant_id WHERE p.measure_id = ANY($1) AND p.mykey_last4 = $2`,
        [[m1, m2, m3], me.slice(-4)],
      );
      expect(total).toBe(20_000);
    });

    it('carries a Round 1 balance below the cap into the first measure, refuses one who reached it, and says why a 2022 charge has no measure', async () => {
      const { m1 } = await round2();
      const service = (await createPaymentService(t)).id;
      const below = await round1Applicant(service, 4800); // 1,200 points in Round 1
      const reached = await round1Applicant(service, 40_000); // 5,000 points
      const stayed = await round1Applicant(service, 400);

      const carried = await apply(below, m1, service).expect(201);
      const [row] = (await admin.get(`/api/participants?${listQuery({ filter: { myKeyId: below, measureId: m1 } })}`).expect(200)).body;
      expect(row).toMatchObject({ id: carried.body.participantId, capYen: 3800, pointsTotal: 0 });
      expect((await charge(below, service, '2022-02-01', 40_000).expect(201)).body).toMatchObject({ measureId: m1, points: 3800 });

      const refused = await apply(reached, m1, service).expect(400);
      expect(refused.body.code).toBe('application_not_eligible');

      // A Round 1 applicant's transaction of 2022 without a Round 2 application: the reason, not "unknown".
      const why = await charge(stayed, service, '2022-02-01', 4000).expect(400);
      expect(why.body.code).toBe('point_award_not_applied_to_measure');
      expect(why.body.message).toContain('施策');
      // A registration names a fixed measure, and only after an application to it.
      expect((await register(stayed, m1).expect(400)).body.code).toBe('point_award_measure_kind');
    });

    it('holds each measure’s cap exactly while single creates and an import race for people of both rounds', async () => {
      const { m1 } = await round2();
      const service = (await createPaymentService(t)).id;
      const carried = [await round1Applicant(service, 4800), await round1Applicant(service, 12_000)];
      const fresh = [newMyKeyId(), newMyKeyId()];
      for (const k of [...carried, ...fresh]) await apply(k, m1, service).expect(201);
      const before = await t.sql<{ points: number }>('SELECT sum(points_total)::int AS points FROM participants WHERE measure_id <> $1', [m1]);
      // 10 transactions each (2,000 → 500 base): Σ base 5,000 per person, so every cap binds.
      const txs = [...carried, ...fresh].flatMap((k) => Array.from({ length: 10 }, (_, i) => ({ k, id: txId('CAP'), date: `2022-03-${String(10 + i).padStart(2, '0')}` })));
      const viaImport = txs.filter((_, i) => i % 2 === 0);
      const viaApi = txs.filter((_, i) => i % 2 === 1);
      const file = csv('externalId,myKeyId,transactionDate,kind,amountYen', ...viaImport.map((x) => `${x.id},${x.k},${x.date},purchase,2000`));
      const [upload, ...created] = await Promise.all([
        uploadCsv(policy, 'point-awards', file, { paymentServiceId: service }),
        ...viaApi.map((x) => policy.post('/api/point-awards').send({ myKeyId: x.k, paymentServiceId: service, externalId: x.id, transactionDate: x.date, kind: 'purchase', amountYen: 2000 })),
      ]);
      expect(created.map((r) => r.status)).toEqual(viaApi.map(() => 201));
      expect(await waitForImport(policy, upload.body.id)).toMatchObject({ status: 'done', accepted: viaImport.length });
      const rows = await t.sql<{ last4: string; total: number; cap: number; awarded: number }>(
        `SELECT p.mykey_last4 AS last4, p.points_total AS total, p.cap_yen AS cap, coalesce(sum(pa.points), 0)::int AS awarded
           FROM participants p LEFT JOIN point_awards pa ON pa.participant_id = p.id WHERE p.measure_id = $1 AND p.mykey_last4 = ANY($2)
          GROUP BY p.municipality_code, p.id ORDER BY p.id`,
        [m1, [...carried, ...fresh].map((k) => k.slice(-4))],
      );
      // min(Σ base, cap) per person in this measure: Round 1's 1,200 and 3,000 carried, the newcomers 5,000.
      expect(rows.map((r) => [r.total, r.cap, r.awarded])).toEqual([
        [3800, 3800, 3800],
        [2000, 2000, 2000],
        [5000, 5000, 5000],
        [5000, 5000, 5000],
      ]);
      // Round 1's totals did not move.
      expect(await t.sql('SELECT sum(points_total)::int AS points FROM participants WHERE measure_id <> $1', [m1])).toEqual(before);
    });

    it('routes an operator report’s rows to each person’s measure by date, and says per line why it cannot', async () => {
      const { m1 } = await round2();
      const service = (await createPaymentService(t)).id;
      const round1Only = await round1Applicant(service, 400);
      const both = await round1Applicant(service, 400);
      await apply(both, m1, service).expect(201);
      const file = csv(
        'externalId,myKeyId,transactionDate,kind,amountYen',
        `${txId('R')},${both},2020-11-01,charge,2000`, // Round 1's measure
        `${txId('R')},${both},2022-11-01,charge,2000`, // Round 2's first measure
        `${txId('R')},${round1Only},2022-11-01,charge,2000`, // no Round 2 application
        `${txId('R')},${newMyKeyId()},2022-11-01,charge,2000`, // nobody
        `${txId('R')},${both},2040-01-01,charge,2000`, // no measure earns then
      );
      const res = await uploadCsv(policy, 'point-awards', file, { paymentServiceId: service }).expect(202);
      const job = await waitForImport(policy, res.body.id);
      expect(job).toMatchObject({ status: 'done', accepted: 2, rejected: 3 });
      expect(job.errors.map((e) => e.line)).toEqual([4, 5, 6]);
      expect(job.errors[0].message).toContain('施策');
      const awards = (await admin.get(`/api/point-awards?${listQuery({ filter: { q: both.slice(-4) }, sort: ['transactionDate', 'ASC'] })}`).expect(200)).body;
      const [r1] = await measuresOf((await admin.get(`/api/point-awards/${awards[0].id}`).expect(200)).body.campaignId);
      // Round 1's award of the helper (400 yen → 100), then the report's two.
      expect(awards.map((a: { measureId: number; points: number }) => [a.measureId, a.points])).toEqual([
        [r1.id, 100],
        [r1.id, 500],
        [m1, 500],
      ]);
    });

    it('holds a re-application to the deleted one’s service in its own measure only', async () => {
      const { m2, m3 } = await round2();
      const [first, other] = [(await createPaymentService(t)).id, (await createPaymentService(t)).id];
      const me = newMyKeyId();
      const applied = await apply(me, m2, first).expect(201);
      await admin.delete(`/api/applications/${applied.body.id}`).send({ reason: '入力誤り' }).expect(200);
      expect((await apply(me, m2, other).expect(409)).body.code).toBe('application_service_differs_from_deleted');
      expect((await apply(me, m2, first).expect(201)).body.reapplication).toBe(true);
      // Another measure of the same campaign is another choice of service.
      expect((await apply(me, m3, other).expect(201)).body.reapplication).toBe(false);
    });

    it('keeps a measure’s services and their own closing dates: a service not taking part or closed is refused with the reason', async () => {
      const { m3 } = await round2();
      const taking = (await createPaymentService(t)).id;
      const other = (await createPaymentService(t)).id;
      await admin.put(`/api/measures/${m3}`).send({ paymentServices: [{ paymentServiceId: taking, closesOn: '2022-08-31' }] }).expect(200);
      expect((await admin.get(`/api/measures/${m3}`).expect(200)).body.paymentServices).toEqual([{ paymentServiceId: taking, closesOn: '2022-08-31' }]);
      const me = newMyKeyId();
      const notIn = await apply(me, m3, other).expect(400);
      expect(notIn.body.code).toBe('application_service_not_in_measure');
      const closed = await apply(me, m3, taking, { appliedAt: '2022-09-01T09:00:00+09:00' }).expect(400);
      expect(closed.body.code).toBe('application_service_closed_for_measure');
      expect(closed.body.message).toContain('締め切りました');
      await apply(me, m3, taking, { appliedAt: '2022-08-31T20:00:00+09:00' }).expect(201);
    });

    it('checks a measure’s own eligibility: residents by age, a card applied for by a date', async () => {
      const campaign = await createCampaign(t, { ...ROUND2, name: `上乗せ ${++tx}` });
      const service = (await createPaymentService(t)).id;
      const young = await createMeasure(t, { campaignId: campaign.id, name: '18歳未満', fixedAmountYen: 2000, eligibility: 'residents_by_age', maxAge: 17, applicationOpensOn: '2022-01-01', applicationClosesOn: '2023-09-30', earningStartsOn: '2022-01-01', earningEndsOn: '2023-09-30' });
      const early = await createMeasure(t, { campaignId: campaign.id, name: '早期申請', fixedAmountYen: 1000, eligibility: 'card_applied_by', cardAppliedBy: '2022-09-30', applicationOpensOn: '2022-01-01', applicationClosesOn: '2023-09-30', earningStartsOn: '2022-01-01', earningEndsOn: '2023-09-30' });
      expect((await apply(newMyKeyId(), young.id, service).expect(400)).body.errors).toHaveProperty('age');
      expect((await apply(newMyKeyId(), young.id, service, { age: 18 }).expect(400)).body.code).toBe('application_not_eligible');
      await apply(newMyKeyId(), young.id, service, { age: 17 }).expect(201);
      expect((await apply(newMyKeyId(), early.id, service, { cardAppliedOn: '2022-10-01' }).expect(400)).body.code).toBe('application_not_eligible');
      await apply(newMyKeyId(), early.id, service, { cardAppliedOn: '2022-09-30' }).expect(201);
    });
  });

  describe('budgets', () => {
    /** A municipality's own top-up under its own campaign: the terms given, with a budget. */
    async function topUp(terms: Record<string, unknown>, windows = { applicationOpensOn: '2024-01-01', applicationClosesOn: '2024-12-31', earningStartsOn: '2024-01-01', earningEndsOn: '2024-12-31' }) {
      const campaign = await createCampaign(t, { ...windows, reservationOpensOn: '2024-01-01', reservationClosesOn: '2024-12-31', name: `自治体ポイント ${++tx}` });
      const [own] = await measuresOf(campaign.id);
      return (await admin.put(`/api/measures/${own.id}`).send({ fundedBy: 'municipality', ...terms }).expect(200)).body;
    }
    const applyAll = async (keys: string[], measureId: number, service: number, extra: Record<string, unknown> = {}) => {
      for (const k of keys) await apply(k, measureId, service, { appliedAt: '2024-02-01T10:00:00+09:00', ...extra }).expect(201);
    };

    it('grants exactly N fixed awards of a budget for N when 20N requests race, and overspends nothing', async () => {
      const N = 3;
      const measure = await topUp({ kind: 'fixed_amount', ratePercent: null, capPerPersonYen: null, fixedAmountYen: 2000, budgetYen: 2000 * N, eligibility: 'residents_by_age', maxAge: 17 });
      const service = (await createPaymentService(t)).id;
      const keys = Array.from({ length: 20 * N }, () => newMyKeyId());
      await applyAll(keys, measure.id, service, { age: 12 });
      const results = await Promise.all(keys.map((k) => register(k, measure.id, '2024-02-02')));
      expect(results.filter((r) => r.status === 201)).toHaveLength(N);
      expect(results.filter((r) => r.status === 409).map((r) => r.body.code)).toEqual(Array(19 * N).fill('point_award_budget_exhausted'));
      const after = (await admin.get(`/api/measures/${measure.id}`).expect(200)).body;
      expect(after).toMatchObject({ budgetYen: 2000 * N, awardedYen: 2000 * N, remainingBudgetYen: 0, budgetWarning: true });
      const [sum] = await t.sql<{ points: number; n: number }>(
        'SELECT coalesce(sum(pa.points), 0)::int AS points, count(*)::int AS n FROM point_awards pa JOIN participants p ON p.id = pa.participant_id WHERE p.measure_id = $1',
        [measure.id],
      );
      expect(sum).toEqual({ points: 2000 * N, n: N });
    });

    it('grants exactly N rate awards of a budget for N while 20N single creates and an import race for it', async () => {
      const N = 3;
      const measure = await topUp({ budgetYen: 500 * N, capPerPersonYen: 5000 });
      const service = (await createPaymentService(t)).id;
      const viaApi = Array.from({ length: 20 * N }, () => newMyKeyId());
      const viaImport = Array.from({ length: 10 * N }, () => newMyKeyId());
      await applyAll([...viaApi, ...viaImport], measure.id, service);
      // Each transaction earns 500 (25 % of 2,000): the budget holds N of them.
      const file = csv('externalId,myKeyId,transactionDate,kind,amountYen', ...viaImport.map((k) => `${txId('IMP')},${k},2024-03-01,charge,2000`));
      const [upload, ...created] = await Promise.all([uploadCsv(policy, 'point-awards', file, { paymentServiceId: service }), ...viaApi.map((k) => charge(k, service, '2024-03-01', 2000))]);
      expect(upload.status).toBe(202);
      const job = await waitForImport(policy, upload.body.id);
      expect(job.status).toBe('done');
      expect(created.every((r) => r.status === 201 || (r.status === 409 && r.body.code === 'point_award_budget_exhausted'))).toBe(true);
      const [sum] = await t.sql<{ points: number; granted: number; partial: number; awarded: number }>(
        `SELECT coalesce(sum(pa.points), 0)::int AS points, count(*) FILTER (WHERE pa.points > 0)::int AS granted,
                count(*) FILTER (WHERE pa.points NOT IN (0, 500))::int AS partial,
                (SELECT awarded_yen::int FROM measures WHERE id = $1) AS awarded
           FROM point_awards pa JOIN participants p ON p.id = pa.participant_id WHERE p.measure_id = $1`,
        [measure.id],
      );
      expect(sum).toEqual({ points: 500 * N, granted: N, partial: 0, awarded: 500 * N });
    });

    it('cuts a rate measure’s last award to what remains, and refuses one when nothing does', async () => {
      const measure = await topUp({ budgetYen: 700, capPerPersonYen: 5000 });
      const service = (await createPaymentService(t)).id;
      const [a, b, c] = [newMyKeyId(), newMyKeyId(), newMyKeyId()];
      await applyAll([a, b, c], measure.id, service);
      expect((await charge(a, service, '2024-03-01', 2000).expect(201)).body.points).toBe(500);
      expect((await charge(b, service, '2024-03-01', 2000).expect(201)).body.points).toBe(200);
      expect((await charge(c, service, '2024-03-01', 2000).expect(409)).body.code).toBe('point_award_budget_exhausted');
      // The budget cannot go below what was awarded; above it, the measure takes awards again.
      expect((await admin.put(`/api/measures/${measure.id}`).send({ budgetYen: 600 }).expect(409)).body.code).toBe('measure_budget_below_awarded');
      await admin.put(`/api/measures/${measure.id}`).send({ budgetYen: 1200 }).expect(200);
      expect((await charge(c, service, '2024-03-02', 2000).expect(201)).body.points).toBe(500);
    });
  });

  it('breaks uptake, points and budget down by measure', async () => {
    const { m1, m2 } = await round2();
    const service = (await createPaymentService(t)).id;
    const me = newMyKeyId();
    await apply(me, m1, service).expect(201);
    await apply(me, m2, service).expect(201);
    await charge(me, service, '2022-07-10', 8000).expect(201);
    await register(me, m2).expect(201);
    const { measures } = (await admin.get('/api/stats/measures').expect(200)).body;
    expect(measures.find((m: { measureId: number }) => m.measureId === m1)).toMatchObject({ applications: 1, participantsWithPoints: 1, awards: 1, pointsYen: 2000, budgetYen: null });
    expect(measures.find((m: { measureId: number }) => m.measureId === m2)).toMatchObject({ kind: 'fixed_amount', applications: 1, participantsAtCap: 1, pointsYen: 7500 });
    await (await t.as('counter')).get('/api/stats/measures').expect(403);
  });
});

