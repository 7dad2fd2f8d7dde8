import { quotaFillLevel } from '@mynapoint/domain';
import { paymentServicesSeed } from '../../apps/api/src/database/seed/payment-services.seed';
import { DEMO_CAMPAIGN_NAME, DEMO_QUOTA_NAME, ROUND1_CAMPAIGN, uptakeSeed } from '../../apps/api/src/database/seed/uptake.seed';
import { usersSeed } from '../../apps/api/src/database/seed/users.seed';
import { listQuery, TestApp } from '../support/test-app';

// The demo data: believable, and obeying every rule the API enforces.
describe('uptake demo seed', () => {
  let t: TestApp;
  let round1: number;

  beforeAll(async () => {
    t = await TestApp.start({ seed: [usersSeed, paymentServicesSeed, uptakeSeed] });
    [{ id: round1 }] = await t.sql<{ id: number }>('SELECT id FROM campaigns WHERE name = $1', [ROUND1_CAMPAIGN.name]);
  });
  afterAll(() => t.close());

  const one = async <T>(sql: string, params: unknown[] = []) => (await t.sql<T>(sql, params))[0];
  const violations = async (where: string) =>
    (
      await one<{ n: number }>(
        `SELECT count(*)::int AS n FROM reservations r
         JOIN participants p ON p.id = r.participant_id
         JOIN campaigns c ON c.id = p.campaign_id
         JOIN reservation_quotas q ON q.id = r.quota_id
         LEFT JOIN applications a ON a.participant_id = p.id
         LEFT JOIN payment_services s ON s.id = a.payment_service_id
         WHERE ${where}`,
      )
    ).n;

  it('has Round 1 with a few thousand participants, 80–90% of them applying', async () => {
    const c = await one<{ participants: number; reservations: number; applications: number }>(
      `SELECT (SELECT count(*)::int FROM participants WHERE campaign_id = $1) AS participants,
              (SELECT count(*)::int FROM reservations r JOIN participants p ON p.id = r.participant_id WHERE p.campaign_id = $1) AS reservations,
              (SELECT count(*)::int FROM applications a JOIN participants p ON p.id = a.participant_id WHERE p.campaign_id = $1) AS applications`,
      [round1],
    );
    expect(c.participants).toBeGreaterThanOrEqual(3000);
    expect(c.participants).toBeLessThanOrEqual(4000);
    expect(c.reservations).toBe(c.participants);
    expect(c.applications / c.reservations).toBeGreaterThan(0.8);
    expect(c.applications / c.reservations).toBeLessThan(0.9);
  });

  it('keeps every quota’s used equal to its reservations, within capacity; the gauges show blue, amber and red', async () => {
    const quotas = await t.sql<{ name: string; capacity: number; used: number; warn: number; n: number }>(
      `SELECT q.name, q.capacity, q.used, q.warn_at_percent AS warn, (SELECT count(*)::int FROM reservations r WHERE r.quota_id = q.id) AS n
       FROM reservation_quotas q ORDER BY q.id`,
    );
    for (const q of quotas) {
      expect(q.used).toBe(q.n);
      expect(q.used).toBeLessThanOrEqual(q.capacity);
    }
    const levels = quotas.map((q) => quotaFillLevel({ capacity: q.capacity, used: q.used, warnAtPercent: q.warn }));
    expect(levels).toEqual(['normal', 'warn', 'full', 'normal']);
  });

  it('obeys every reservation and application rule', async () => {
    expect(await violations(`NOT (r.reserved_at >= q.opens_at AND r.reserved_at < q.closes_at)`)).toBe(0);
    expect(await violations(`r.cert_renewed_at IS NOT NULL AND r.reserved_at < r.cert_renewed_at + interval '24 hours'`)).toBe(0);
    expect(await violations(`a.applied_at < r.reserved_at`)).toBe(0);
    expect(await violations(`a.cert_renewed_at IS NOT NULL AND a.applied_at < a.cert_renewed_at + interval '24 hours'`)).toBe(0);
    expect(await violations(`s.status <> 'active'`)).toBe(0);
    expect(await violations(`(a.applied_at AT TIME ZONE 'Asia/Tokyo')::date < s.applications_open_on`)).toBe(0);
    expect(await violations(`s.pre_registration_required AND NOT a.pre_registered`)).toBe(0);
    expect(
      await violations(`(a.applied_at AT TIME ZONE 'Asia/Tokyo')::date NOT BETWEEN c.application_opens_on AND c.application_closes_on`),
    ).toBe(0);
    expect(await violations(`a.applied_at > now()`)).toBe(0);
    // Counters are open on weekdays, 8:30–17:15 JST.
    expect(
      await violations(`r.channel = 'counter' AND (extract(isodow FROM r.reserved_at AT TIME ZONE 'Asia/Tokyo') > 5
        OR (r.reserved_at AT TIME ZONE 'Asia/Tokyo')::time NOT BETWEEN '08:30' AND '17:15')`),
    ).toBe(0);
    expect(await violations(`r.district NOT IN ('水原', '京ヶ瀬', '安田', '笹神')`)).toBe(0);
    expect(await violations(`p.cap_yen <> c.cap_per_person_yen`)).toBe(0);
  });

  it('draws a believable curve: slow summer, a September rush, a March deadline bump', async () => {
    const months = Object.fromEntries(
      (
        await t.sql<{ m: string; n: number }>(
          `SELECT to_char(r.reserved_at AT TIME ZONE 'Asia/Tokyo', 'YYYY-MM') AS m, count(*)::int AS n
           FROM reservations r JOIN participants p ON p.id = r.participant_id WHERE p.campaign_id = $1 GROUP BY 1`,
          [round1],
        )
      ).map((r) => [r.m, r.n]),
    );
    expect(Object.keys(months).sort()).toEqual(['2020-07', '2020-08', '2020-09', '2020-10', '2020-11', '2020-12', '2021-01', '2021-02', '2021-03']);
    expect(months['2020-09']).toBeGreaterThan(2 * months['2020-08']);
    expect(months['2020-07']).toBeLessThan(months['2020-10']);
    expect(months['2021-03']).toBeGreaterThan(months['2021-02']);
  });

  it('mixes channels (smartphone most), and puts the popular QR services first', async () => {
    const channels = await t.sql<{ channel: string }>(`SELECT channel FROM reservations GROUP BY channel ORDER BY count(*) DESC`);
    expect(channels.map((c) => c.channel)).toEqual(['self_smartphone', 'counter', 'self_pc']);
    const top = await t.sql<{ name: string; kind: string }>(
      `SELECT s.name, s.kind FROM applications a JOIN payment_services s ON s.id = a.payment_service_id GROUP BY s.id ORDER BY count(*) DESC LIMIT 3`,
    );
    expect(top[0].name).toBe('PayPay');
    expect(top.every((s) => s.kind === 'qr_code')).toBe(true);
  });

  it('has a demo campaign and quota open today for trying the counter forms', async () => {
    const policy = await t.as('policy');
    const quotas = await policy.get(`/api/reservation-quotas?${listQuery({ filter: { status: 'open' } })}`).expect(200);
    expect(quotas.body.map((q: { name: string }) => q.name)).toEqual([DEMO_QUOTA_NAME]);
    expect(quotas.body[0].capacity).toBe(200);
    const campaign = await policy.get(`/api/campaigns/${quotas.body[0].campaignId}`).expect(200);
    expect(campaign.body.name).toBe(DEMO_CAMPAIGN_NAME);
    const sorted = await policy.get(`/api/reservation-quotas?${listQuery({ sort: ['fillRate', 'DESC'] })}`).expect(200);
    expect(sorted.body[0].used).toBe(sorted.body[0].capacity);
  });

  it('is deterministic: the same Round 1 every time', async () => {
    const digest = async (app: TestApp) =>
      (
        await app.sql<{ d: string }>(
          `SELECT md5(string_agg(p.mykey_last4 || r.reserved_at::text || r.channel || coalesce(a.payment_service_id::text, '-'), ',' ORDER BY p.id)) AS d
           FROM participants p JOIN reservations r ON r.participant_id = p.id LEFT JOIN applications a ON a.participant_id = p.id
           JOIN campaigns c ON c.id = p.campaign_id WHERE c.name = $1`,
          [ROUND1_CAMPAIGN.name],
        )
      )[0].d;
    const again = await TestApp.start({ seed: [usersSeed, paymentServicesSeed, uptakeSeed] });
    try {
      expect(await digest(again)).toBe(await digest(t));
    } finally {
      await again.close();
    }
  });
});
