import { DEMO_SEED_STEPS } from '../../apps/api/src/database/seed';
import { AGANO, SHIBATA } from '../../apps/api/src/database/seed/municipalities.seed';
import { CITY_OWN_SERVICES, DEMO_PAYMENT_SERVICES } from '../../apps/api/src/database/seed/payment-services.seed';
import { DEMO_CAMPAIGN_NAME, ROUND1_CAMPAIGN } from '../../apps/api/src/database/seed/uptake.seed';
import { ROUND1_EXTENSIONS, ROUND2_CAMPAIGN, ROUND2_MEASURES, TOP_UP } from '../../apps/api/src/database/seed/measures.seed';
import { DEMO_USERS, INSTALLATION_USERS, SHIBATA_USERS } from '../../apps/api/src/database/seed/users.seed';
import { banner, type Running } from '../../apps/api/src/main';
import { Client_, listQuery, TestApp, totalOf } from '../support/test-app';

// The whole demo (API.md, "Many municipalities"): 阿賀野市 as before, 新発田市 with the
// same four usernames and fewer rows of every kind, the national registry and Round 1
// shared, and the installation's operator and prefecture accounts.
describe('demo seed: two municipalities, the prefecture and the operator', () => {
  let t: TestApp;
  const AG = AGANO.code;
  const SH = SHIBATA.code;

  beforeAll(async () => {
    t = await TestApp.start({ seed: DEMO_SEED_STEPS });
  });
  afterAll(() => t.close());

  const count = async (table: string, code: string) =>
    (await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE municipality_code = $1`, [code]))[0].n;

  it('signs in every demo login: the default municipality without a code, 新発田市 with one, the installation accounts without', async () => {
    for (const u of DEMO_USERS) {
      const me = await (await t.as(u.username)).get('/api/auth/me').expect(200);
      expect([u.username, me.body.municipalityCode, me.body.displayName]).toEqual([u.username, AG, u.displayName]);
    }
    for (const u of SHIBATA_USERS) {
      const me = await (await t.as(u.username, SH)).get('/api/auth/me').expect(200);
      expect([u.username, me.body.municipalityCode, me.body.displayName]).toEqual([u.username, SH, u.displayName]);
    }
    const [operator, prefecture] = INSTALLATION_USERS;
    expect((await (await t.as(operator.username)).get('/api/auth/me').expect(200)).body).toMatchObject({ role: 'operator', displayName: operator.displayName });
    expect((await (await t.as(prefecture.username)).get('/api/auth/me').expect(200)).body).toMatchObject({ role: 'prefecture', prefectureCode: '15' });
  });

  it('keeps the payment-service registry and Round 1 national, and each city’s own trial and demo campaign its own', async () => {
    const services = await t.sql<{ code: string | null; n: number }>(`SELECT municipality_code AS code, count(*)::int AS n FROM payment_services GROUP BY 1 ORDER BY 1`);
    expect(services).toEqual([
      { code: AG, n: CITY_OWN_SERVICES.size },
      { code: null, n: DEMO_PAYMENT_SERVICES.length - CITY_OWN_SERVICES.size },
    ]);
    const campaigns = await t.sql<{ name: string; code: string | null }>(`SELECT name, municipality_code AS code FROM campaigns ORDER BY id`);
    expect(campaigns).toEqual([
      { name: ROUND1_CAMPAIGN.name, code: null },
      { name: DEMO_CAMPAIGN_NAME, code: AG },
      { name: DEMO_CAMPAIGN_NAME, code: SH },
      // After Round 1 (issue #19): Round 2 is national, the top-up 阿賀野市's own.
      { name: ROUND2_CAMPAIGN.name, code: null },
      { name: TOP_UP.campaign, code: AG },
    ]);
    // Both cities hold quotas of the one Round 1, and reserve into their own only.
    const quotas = await t.sql<{ code: string; n: number; foreign: number }>(
      `SELECT q.municipality_code AS code, count(*)::int AS n,
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM reservations r WHERE r.quota_id = q.id AND r.municipality_code <> q.municipality_code))::int AS foreign
       FROM reservation_quotas q JOIN campaigns c ON c.id = q.campaign_id WHERE c.name = $1 GROUP BY 1 ORDER BY 1`,
      [ROUND1_CAMPAIGN.name],
    );
    expect(quotas).toEqual([
      { code: SH, n: 2, foreign: 0 },
      { code: AG, n: 3, foreign: 0 },
    ]);
    // The operator's installation has users, not data.
    expect(await count('users', '000000')).toBe(INSTALLATION_USERS.length);
    expect(await count('participants', '000000')).toBe(0);
  });

  it('follows the history after Round 1: two extensions in the audit log, Round 2’s three measures with their moved deadlines, the city’s budgeted top-up', async () => {
    const [round1] = await t.sql<{ id: number; closes: string; measure: string }>(
      `SELECT c.id, to_char(c.earning_ends_on, 'YYYY-MM-DD') AS closes, (SELECT to_char(m.earning_ends_on, 'YYYY-MM-DD') FROM measures m WHERE m.campaign_id = c.id) AS measure
         FROM campaigns c WHERE c.name = $1`,
      [ROUND1_CAMPAIGN.name],
    );
    expect(round1).toMatchObject({ closes: '2021-12-31', measure: '2021-12-31' });
    const operator = await t.asOperator();
    const history = (await operator.get(`/api/audit-logs?${listQuery({ filter: { resource: 'campaigns', resourceId: String(round1.id) }, sort: ['at', 'ASC'] })}`).expect(200)).body;
    expect(history.map((h: { changes: { earningEndsOn: string } }) => h.changes.earningEndsOn)).toEqual(ROUND1_EXTENSIONS.map((e) => e.to));

    const admin = await t.as('admin');
    const measures = (await admin.get(`/api/measures?${listQuery({ sort: ['id', 'ASC'], range: [0, 99] })}`).expect(200)).body as Array<Record<string, unknown>>;
    const byName = (name: string) => measures.find((m) => m.name === name)!;
    expect(byName(ROUND2_MEASURES.first)).toMatchObject({ kind: 'rate_with_cap', ratePercent: 25, capPerPersonYen: 5000, eligibility: 'new_or_below_cap', applicationClosesOn: '2023-09-30', national: true });
    for (const name of [ROUND2_MEASURES.health, ROUND2_MEASURES.account]) {
      expect(byName(name)).toMatchObject({ kind: 'fixed_amount', fixedAmountYen: 7500, eligibility: 'card_applied_by', cardAppliedBy: '2023-02-28', applicationOpensOn: '2022-06-30' });
    }
    const topUp = byName(TOP_UP.measure);
    expect(topUp).toMatchObject({ kind: 'fixed_amount', fixedAmountYen: 2000, fundedBy: 'municipality', budgetYen: 20_000_000, eligibility: 'residents_by_age', maxAge: 17, national: false });
    expect(topUp.awardedYen).toBeGreaterThan(0);
    expect((topUp.awardedYen as number) + (topUp.remainingBudgetYen as number)).toBe(20_000_000);
    // Every award within its participant's cap, and the budget's counter equal to its awards.
    const [check] = await t.sql<{ over: number; counter: number; awarded: number }>(
      `SELECT (SELECT count(*)::int FROM participants WHERE points_total > cap_yen) AS over,
              (SELECT awarded_yen::int FROM measures WHERE id = $1) AS counter,
              (SELECT sum(pa.points)::int FROM point_awards pa JOIN participants p ON p.id = pa.participant_id WHERE p.measure_id = $1) AS awarded`,
      [topUp.id],
    );
    expect(check.over).toBe(0);
    expect(check.counter).toBe(check.awarded);
    expect(await count('participants', '000000')).toBe(0);
  });

  it('gives 新発田市 fewer rows of every kind than 阿賀野市, and some of each', async () => {
    for (const table of ['users', 'reservation_quotas', 'participants', 'reservations', 'applications', 'point_awards', 'assistance_records', 'fraud_alerts', 'fraud_alert_history']) {
      const [ag, sh] = [await count(table, AG), await count(table, SH)];
      expect([table, sh > 0, sh <= ag]).toEqual([table, true, true]);
    }
    expect(await count('participants', SH)).toBeGreaterThan(1000);
    expect(await count('fraud_alerts', SH)).toBeGreaterThan(30);
    // Published notices: two of 新発田市's own.
    const [{ n }] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM fraud_alerts WHERE municipality_code = $1 AND notice_published_at IS NOT NULL`, [SH]);
    expect(n).toBe(2);
  });

  it('puts 新発田市’s rows in its own districts, with its own staff and police station', async () => {
    const districts = Object.keys(SHIBATA.districtPopulation);
    for (const table of ['reservations', 'assistance_records', 'fraud_alerts']) {
      const found = await t.sql<{ d: string | null }>(`SELECT DISTINCT district AS d FROM ${table} WHERE municipality_code = $1`, [SH]);
      expect(found.map((r) => r.d).filter((d) => d !== null && !districts.includes(d))).toEqual([]);
      expect(found.length).toBeGreaterThanOrEqual(districts.length);
    }
    const [{ agano }] = await t.sql<{ agano: number }>(
      `SELECT count(*)::int AS agano FROM fraud_alert_history WHERE municipality_code = $1 AND comment LIKE '%阿賀野%'`,
      [SH],
    );
    expect(agano).toBe(0);
  });

  it('awards 新発田市’s applicants by the rule (points = min(Σ 25 %, cap)), in the participant’s campaign', async () => {
    const [x] = await t.sql<{ applicants: number; awarded: number; wrong: number; otherCampaign: number }>(
      `SELECT count(*) FILTER (WHERE a.id IS NOT NULL)::int AS applicants,
              count(*) FILTER (WHERE p.points_total > 0)::int AS awarded,
              count(*) FILTER (WHERE p.points_total <> LEAST(coalesce(s.base, 0), p.cap_yen) OR p.points_total <> coalesce(s.points, 0))::int AS wrong,
              (SELECT count(*)::int FROM point_awards pa JOIN participants q ON q.id = pa.participant_id
                WHERE pa.municipality_code = $1 AND (pa.campaign_id <> q.campaign_id OR q.municipality_code <> $1)) AS "otherCampaign"
       FROM participants p
       LEFT JOIN applications a ON a.participant_id = p.id
       LEFT JOIN (SELECT participant_id, sum(amount_yen * 25 / 100) AS base, sum(points) AS points FROM point_awards GROUP BY 1) s ON s.participant_id = p.id
       WHERE p.municipality_code = $1`,
      [SH],
    );
    expect(x.awarded).toBeGreaterThan(x.applicants * 0.8);
    expect(x.wrong).toBe(0);
    expect(x.otherCampaign).toBe(0);
  });

  it('writes both municipalities’ settings rows', async () => {
    const rows = await t.sql(`SELECT code, name, districts, district_population, contact_phone, contact_email, active FROM municipalities ORDER BY code`);
    expect(rows).toEqual([
      {
        code: SH,
        name: SHIBATA.name,
        districts: Object.keys(SHIBATA.districtPopulation),
        district_population: SHIBATA.districtPopulation,
        contact_phone: SHIBATA.contactPhone,
        contact_email: SHIBATA.contactEmail,
        active: true,
      },
      {
        code: AG,
        name: AGANO.name,
        districts: Object.keys(AGANO.districtPopulation),
        district_population: AGANO.districtPopulation,
        contact_phone: AGANO.contactPhone,
        contact_email: AGANO.contactEmail,
        active: true,
      },
    ]);
    const total = Object.values(SHIBATA.districtPopulation).reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(90_000);
    expect(total).toBeLessThan(100_000);
  });

  it('shows each city only its own records and numbers, and the prefecture both', async () => {
    const policies: Array<[string, Client_]> = [
      [AG, await t.as('policy')],
      [SH, await t.as('policy', SH)],
    ];
    const summaries: Record<string, { reservations: number; applications: number }> = {};
    for (const [code, policy] of policies) {
      expect(totalOf(await policy.get(`/api/reservations?${listQuery({ range: [0, 0] })}`).expect(200))).toBe(await count('reservations', code));
      expect(totalOf(await policy.get(`/api/fraud-alerts?${listQuery({ range: [0, 0] })}`).expect(200))).toBe(await count('fraud_alerts', code));
      summaries[code] = (await policy.get('/api/stats/summary?from=2020-07-01&to=2021-03-31').expect(200)).body;
      expect(summaries[code].reservations).toBeGreaterThan(0);
    }
    expect(summaries[SH].reservations).toBeLessThan(summaries[AG].reservations);
    const prefecture = await t.as('prefecture');
    const both = (await prefecture.get('/api/stats/summary?from=2020-07-01&to=2021-03-31').expect(200)).body;
    expect([both.reservations, both.applications]).toEqual([
      summaries[AG].reservations + summaries[SH].reservations,
      summaries[AG].applications + summaries[SH].applications,
    ]);
  });

  it('leaves every rollup equal to what stats_rebuild() computes, for both municipalities', async () => {
    const tables = ['uptake_daily_stats', 'application_service_daily_stats', 'point_award_daily_stats', 'participant_point_stats', 'assistance_hourly_stats', 'fraud_daily_stats', 'measure_stats'];
    const snapshot = () => Promise.all(tables.map(async (table) => (await t.sql(`SELECT * FROM ${table}`)).map((r) => JSON.stringify(r)).sort()));
    const before = await snapshot();
    expect(before[0].some((r) => r.includes(SH))).toBe(true);
    await t.sql('SELECT stats_rebuild()');
    expect(await snapshot()).toEqual(before);
  });

  it('gives 阿賀野市 its desks over the Round 2 peak, and a board for today at the main office (issue #21)', async () => {
    const desks = await t.sql<{ name: string; office: string }>(`SELECT name, office FROM desks WHERE municipality_code = $1 ORDER BY id`, [AG]);
    expect(desks.map((d) => d.office)).toEqual(['main_office', 'popup', 'popup']);
    const [peak] = await t.sql<Record<string, number>>(
      `SELECT count(*) FILTER (WHERE NOT a.walk_in)::int AS bookings, count(*) FILTER (WHERE a.status = 'no_show')::int AS no_shows,
              count(*) FILTER (WHERE a.walk_in)::int AS walk_ins, count(*) FILTER (WHERE a.resident_name IS NOT NULL)::int AS named,
              count(DISTINCT s.desk_id)::int AS desks
         FROM appointments a JOIN appointment_slots s ON s.id = a.slot_id
        WHERE a.municipality_code = $1 AND s.starts_at < '2023-03-01'`,
      [AG],
    );
    expect(peak.bookings).toBeGreaterThan(2000);
    expect(peak.no_shows).toBeGreaterThan(50);
    expect(peak.walk_ins).toBeGreaterThan(50);
    expect(peak.desks).toBe(3);
    expect(peak.named).toBe(0); // erased long ago, as the job would have
    // Every slot's seats are what its bookings hold: the demo keeps the database's own rule.
    const [{ off }] = await t.sql<{ off: number }>(
      `SELECT count(*)::int AS off FROM appointment_slots s
        WHERE s.booked <> coalesce((SELECT sum(a.party_size) FROM appointments a WHERE a.slot_id = s.id AND a.status <> 'cancelled' AND NOT a.walk_in), 0)`,
    );
    expect(off).toBe(0);

    const counter = await t.as('counter');
    const [main] = (await counter.get('/api/desks?sort=["id","ASC"]').expect(200)).body;
    const board = await counter.get(`/api/desks/${main.id}/today`).expect(200);
    const named = board.body.slots.flatMap((s: { appointments: { residentName: string | null }[] }) => s.appointments).filter((a: { residentName: string | null }) => a.residentName);
    expect(named.length).toBeGreaterThan(3);
    expect(board.body.contactVisible).toBe(true);
    const incidents = await counter.get('/api/wrong-person-incidents').expect(200);
    expect(incidents.body[0]).toMatchObject({ status: 'reported', cause: 'terminal_not_logged_out' });
    expect(incidents.body[0].assistanceRecordIds).toHaveLength(2);
  });

  it('prints every login with its municipality in the start-up banner', () => {
    const text = banner({ config: t.config, url: 'http://localhost:3000' } as Running, true);
    expect(text).toContain(`${t.config.cityName} (municipality code ${AG}, the default: no code needed)`);
    expect(text).toContain(`${SHIBATA.name} (municipality code ${SH}: sign in with it)`);
    for (const u of [...DEMO_USERS, ...SHIBATA_USERS, ...INSTALLATION_USERS]) expect(text).toContain(`${u.username.padEnd(10)} ${u.displayName}`);
  });
});
