import { basePoints, jstStartOfDay } from '@mynapoint/domain';
import { INSTALLATION } from '../../common/db/tenant';
import { SeedContext, SeedStep } from './seed-context';
import { ROUND1_CAMPAIGN } from './uptake.seed';

// After Round 1, as the public record has it (DOMAIN.md "What a city really ran after
// Round 1"), written after the Round 1 data it builds on:
// - Round 1's two extensions (to 2021-09-30, then 2021-12-31): the national campaign
//   keeps its final dates, its one measure follows, and the operator's audit log holds
//   each change on the day it was decided (who changed which deadline, when);
// - Round 2, national, with its three measures and the moving deadlines (card
//   applications by 2022-09-30 → 12-31 → 2023-02-28; point applications 2023-02-28 →
//   05-31 → 09-30), each move an audit row;
// - the city's own top-up: 2,000 yen for residents under 18, budget 20,000,000 yen;
// - some of the city's residents in Round 2 (Round 1 applicants below the cap carrying
//   their balance, newcomers) and in the top-up, with awards by the rules.
// Deterministic (ctx.random()); set-based inserts, as the other steps.

export const ROUND1_EXTENSIONS = [
  { at: '2020-11-17T10:00:00+09:00', to: '2021-09-30' },
  { at: '2021-09-28T10:00:00+09:00', to: '2021-12-31' },
];

export const ROUND2_CAMPAIGN = {
  name: 'マイナポイント第2弾',
  opensOn: '2022-01-01',
  closesOn: '2023-09-30',
};
const ROUND2_FIXED_OPENS_ON = '2022-06-30';
export const ROUND2_MEASURES = {
  first: '新規取得等（チャージ・購入の25%、最大5,000円分）',
  health: '健康保険証としての利用申込（7,500円分）',
  account: '公金受取口座の登録（7,500円分）',
};
/** The deadlines as they moved: [field, measure(s), values in order, when each move was announced]. */
const ROUND2_MOVES: Array<{ field: 'applicationClosesOn' | 'cardAppliedBy'; column: string; measures: Array<keyof typeof ROUND2_MEASURES>; values: string[]; at: string[] }> = [
  { field: 'cardAppliedBy', column: 'card_applied_by', measures: ['health', 'account'], values: ['2022-09-30', '2022-12-31', '2023-02-28'], at: ['2022-06-30T10:00:00+09:00', '2022-09-20T10:00:00+09:00', '2022-12-16T10:00:00+09:00'] },
  {
    field: 'applicationClosesOn',
    column: 'application_closes_on',
    measures: ['first', 'health', 'account'],
    values: ['2023-02-28', '2023-05-31', '2023-09-30'],
    at: ['2022-06-30T10:00:00+09:00', '2023-02-14T10:00:00+09:00', '2023-05-19T10:00:00+09:00'],
  },
];

export const TOP_UP = {
  campaign: '阿賀野市 子育て応援ポイント',
  measure: '18歳未満の市民に2,000円分',
  opensOn: '2022-10-31',
  closesOn: '2023-09-30',
  fixedAmountYen: 2000,
  budgetYen: 20_000_000,
  maxAge: 17,
  people: 90,
};

const ALNUM = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

interface Enrolment {
  myKeyId: string;
  measureId: number;
  campaignId: number;
  capYen: number;
  serviceId: number;
  appliedAt: Date;
  /** Charges (rate measures) as [date, amount]; a registration date (fixed measures). */
  charges: Array<[string, number]>;
  registeredOn: string | null;
  ratePercent: number;
}

export const measuresSeed: SeedStep = {
  name: 'measures (Round 1 extensions, Round 2, the city top-up)',
  async run(ctx) {
    const dice = (n: number) => Math.floor(ctx.random() * n);
    const national = await ctx.asMunicipality(INSTALLATION, () => nationalHistory(ctx));
    const services = (
      await ctx.query<{ id: number }>(
        `SELECT id FROM payment_services WHERE status = 'active' AND applications_open_on <= '2022-01-01' AND NOT pre_registration_required
            AND (municipality_code IS NULL OR municipality_code = current_municipality()) ORDER BY id`,
      )
    ).map((r) => r.id);
    if (!services.length) return;
    const myKeyIds = (n: number, prefix: string) => Array.from({ length: n }, () => prefix + Array.from({ length: 8 - prefix.length }, () => ALNUM[dice(ALNUM.length)]).join(''));
    const day = (from: string, span: number) => new Date(jstStartOfDay(from).getTime() + dice(span) * 86_400_000 + (9 + dice(10)) * 3_600_000).toISOString();
    const date = (instant: string) => new Date(new Date(instant).getTime() + 9 * 3_600_000).toISOString().slice(0, 10);

    // Round 1 applicants below the cap who carried on in Round 2's first measure.
    const carried = await ctx.query<{ hash: Buffer; last4: string; points: number; serviceId: number }>(
      `SELECT p.mykey_hash AS hash, p.mykey_last4 AS last4, p.points_total AS points, a.payment_service_id AS "serviceId"
         FROM participants p JOIN applications a ON a.participant_id = p.id JOIN campaigns c ON c.id = p.campaign_id
         JOIN payment_services s ON s.id = a.payment_service_id AND s.status = 'active' AND NOT s.pre_registration_required
        WHERE c.name = $1 AND c.municipality_code IS NULL AND p.municipality_code = current_municipality() AND p.points_total < p.cap_yen
        ORDER BY p.id LIMIT 60`,
      [ROUND1_CAMPAIGN.name],
    );
    const rows: Array<Enrolment & { hash?: Buffer; last4?: string }> = [];
    for (const c of carried) {
      const appliedAt = new Date(day('2022-01-05', 200));
      rows.push({
        myKeyId: '', hash: c.hash, last4: c.last4, measureId: national.first, campaignId: national.round2, capYen: 5000 - c.points, serviceId: c.serviceId, appliedAt, ratePercent: 25,
        charges: Array.from({ length: 1 + dice(4) }, () => [date(day(date(appliedAt.toISOString()), 120)), 1000 + dice(12) * 1000] as [string, number]),
        registeredOn: null,
      });
    }
    // Newcomers: the first measure, and most of them the two registrations too.
    for (const myKeyId of myKeyIds(120, 'R2')) {
      const serviceId = services[dice(services.length)];
      const appliedAt = new Date(day('2022-07-01', 300));
      const on = date(appliedAt.toISOString());
      const charges = Array.from({ length: dice(5) }, () => [date(day(on, 90)), 2000 + dice(10) * 1000] as [string, number]).filter(([d]) => d <= '2023-09-30');
      rows.push({ myKeyId, measureId: national.first, campaignId: national.round2, capYen: 5000, serviceId, appliedAt, ratePercent: 25, charges, registeredOn: null });
      for (const m of [national.health, national.account]) {
        if (dice(10) < 7) rows.push({ myKeyId, measureId: m, campaignId: national.round2, capYen: 7500, serviceId, appliedAt, ratePercent: 100, charges: [], registeredOn: on });
      }
    }
    // The city's top-up: residents under 18 (a guardian applies at the counter or online).
    const topUp = await cityTopUp(ctx);
    for (const myKeyId of myKeyIds(TOP_UP.people, 'KD')) {
      const appliedAt = new Date(day(TOP_UP.opensOn, 300));
      rows.push({
        myKeyId, measureId: topUp.measureId, campaignId: topUp.campaignId, capYen: TOP_UP.fixedAmountYen, serviceId: services[dice(services.length)], appliedAt,
        ratePercent: 100, charges: [], registeredOn: date(appliedAt.toISOString()),
      });
    }
    await insertEnrolments(ctx, rows.filter((r) => r.appliedAt.getTime() < ctx.now.getTime()));
    // The top-up's budget counter: what its awards took.
    await ctx.query(
      `UPDATE measures m SET awarded_yen = (SELECT coalesce(sum(p.points_total), 0) FROM participants p WHERE p.measure_id = m.id) WHERE m.id = $1`,
      [topUp.measureId],
    );
  },
};

/** Round 1's extensions and Round 2 (national rows, the operator's), with their audit rows. Idempotent: found when there. */
async function nationalHistory(ctx: SeedContext): Promise<{ round2: number; first: number; health: number; account: number }> {
  const [round1] = await ctx.query<{ id: number; closes: string }>(
    `SELECT id, to_char(application_closes_on, 'YYYY-MM-DD') AS closes FROM campaigns WHERE municipality_code IS NULL AND name = $1`,
    [ROUND1_CAMPAIGN.name],
  );
  if (round1 && round1.closes === ROUND1_CAMPAIGN.applicationClosesOn) {
    for (const ext of ROUND1_EXTENSIONS) {
      // Its one measure follows (trigger campaigns_only_measure_follows).
      await ctx.query(`UPDATE campaigns SET application_closes_on = $2, earning_ends_on = $2, updated_at = $3 WHERE id = $1`, [round1.id, ext.to, ext.at]);
      await audit(ctx, ext.at, 'campaigns', round1.id, { applicationClosesOn: ext.to, earningEndsOn: ext.to });
    }
  }
  const found = await ctx.query<{ id: number }>(`SELECT id FROM campaigns WHERE municipality_code IS NULL AND name = $1`, [ROUND2_CAMPAIGN.name]);
  let round2 = found[0]?.id;
  if (!round2) {
    [{ id: round2 }] = await ctx.query<{ id: number }>(
      `INSERT INTO campaigns (name, reservation_opens_on, reservation_closes_on, application_opens_on, application_closes_on, earning_starts_on, earning_ends_on,
                              award_rate_percent, cap_per_person_yen, created_at, updated_at)
       VALUES ($1, $2, $3, $2, $3, $2, $3, 25, 5000, '2021-12-20T10:00:00+09:00', '2021-12-20T10:00:00+09:00') RETURNING id`,
      [ROUND2_CAMPAIGN.name, ROUND2_CAMPAIGN.opensOn, ROUND2_CAMPAIGN.closesOn],
    );
    await audit(ctx, '2021-12-20T10:00:00+09:00', 'campaigns', round2, { name: ROUND2_CAMPAIGN.name, applicationClosesOn: ROUND2_CAMPAIGN.closesOn });
    // The campaign's own measure is the first; the two registrations are fixed amounts.
    await ctx.query(
      `UPDATE measures SET name = $2, eligibility = 'new_or_below_cap', application_closes_on = $3 WHERE campaign_id = $1`,
      [round2, ROUND2_MEASURES.first, ROUND2_MOVES[1].values[0]],
    );
    for (const name of [ROUND2_MEASURES.health, ROUND2_MEASURES.account]) {
      await ctx.query(
        `INSERT INTO measures (campaign_id, name, kind, fixed_amount_yen, application_opens_on, application_closes_on, earning_starts_on, earning_ends_on,
                               eligibility, card_applied_by, created_at, updated_at)
         VALUES ($1, $2, 'fixed_amount', 7500, $3, $4, $3, $5, 'card_applied_by', $6, '2022-06-30T10:00:00+09:00', '2022-06-30T10:00:00+09:00')`,
        [round2, name, ROUND2_FIXED_OPENS_ON, ROUND2_MOVES[1].values[0], ROUND2_CAMPAIGN.closesOn, ROUND2_MOVES[0].values[0]],
      );
    }
    const ids = await measureIds(ctx, round2);
    for (const key of ['first', 'health', 'account'] as const) {
      const first = Object.fromEntries(ROUND2_MOVES.filter((m) => m.measures.includes(key)).map((m) => [m.field, m.values[0]]));
      await audit(ctx, key === 'first' ? '2021-12-20T10:00:00+09:00' : '2022-06-30T10:00:00+09:00', 'measures', ids[key], { name: ROUND2_MEASURES[key], ...first }, 'create');
    }
    // The deadlines as they moved, each move an update of the measure on the day it was announced.
    for (const move of ROUND2_MOVES) {
      for (let i = 1; i < move.values.length; i++) {
        for (const key of move.measures) {
          await ctx.query(`UPDATE measures SET ${move.column} = $2, updated_at = $3 WHERE id = $1`, [ids[key], move.values[i], move.at[i]]);
          await audit(ctx, move.at[i], 'measures', ids[key], { [move.field]: move.values[i] });
        }
      }
    }
  }
  return { round2, ...(await measureIds(ctx, round2)) };
}

async function measureIds(ctx: SeedContext, campaignId: number): Promise<{ first: number; health: number; account: number }> {
  const rows = await ctx.query<{ id: number; name: string }>('SELECT id, name FROM measures WHERE campaign_id = $1', [campaignId]);
  const id = (name: string) => rows.find((r) => r.name === name)!.id;
  return { first: id(ROUND2_MEASURES.first), health: id(ROUND2_MEASURES.health), account: id(ROUND2_MEASURES.account) };
}

/** The city's own campaign and its one measure, the top-up with its budget. */
async function cityTopUp(ctx: SeedContext): Promise<{ campaignId: number; measureId: number }> {
  const [c] = await ctx.query<{ id: number }>(
    `INSERT INTO campaigns (name, reservation_opens_on, reservation_closes_on, application_opens_on, application_closes_on, earning_starts_on, earning_ends_on,
                            award_rate_percent, cap_per_person_yen, created_at, updated_at)
     VALUES ($1, $2, $3, $2, $3, $2, $3, 25, $4, '2022-10-03T10:00:00+09:00', '2022-10-03T10:00:00+09:00') RETURNING id`,
    [TOP_UP.campaign, TOP_UP.opensOn, TOP_UP.closesOn, TOP_UP.fixedAmountYen],
  );
  const [m] = await ctx.query<{ id: number }>(
    `UPDATE measures SET name = $2, kind = 'fixed_amount', rate_percent = NULL, cap_per_person_yen = NULL, fixed_amount_yen = $3,
            eligibility = 'residents_by_age', max_age = $4, funded_by = 'municipality', budget_yen = $5
      WHERE campaign_id = $1 RETURNING id`,
    [c.id, TOP_UP.measure, TOP_UP.fixedAmountYen, TOP_UP.maxAge, TOP_UP.budgetYen],
  );
  await audit(ctx, '2022-10-03T10:00:00+09:00', 'measures', m.id, { name: TOP_UP.measure, fixedAmountYen: TOP_UP.fixedAmountYen, budgetYen: TOP_UP.budgetYen }, 'create');
  return { campaignId: c.id, measureId: m.id };
}

async function audit(ctx: SeedContext, at: string, resource: string, id: number, changes: object, action?: 'create' | 'update'): Promise<void> {
  const [who] = await ctx.query<{ username: string }>(`SELECT CASE WHEN current_municipality() = '000000' THEN 'operator' ELSE 'admin' END AS username`);
  await ctx.query(`INSERT INTO audit_logs (at, username, action, resource, resource_id, changes) VALUES ($1, $2, $3, $4, $5, $6)`, [
    at,
    who.username,
    action ?? (resource === 'campaigns' && 'name' in changes ? 'create' : 'update'),
    resource,
    String(id),
    JSON.stringify(changes),
  ]);
}

/** Participants (one per person per measure), their applications and awards, in a few statements. */
async function insertEnrolments(ctx: SeedContext, rows: Array<Enrolment & { hash?: Buffer; last4?: string }>): Promise<void> {
  if (!rows.length) return;
  const digests = rows.map((r) => (r.hash ? { hash: r.hash, last4: r.last4! } : ctx.myKey(r.myKeyId)));
  const ids = await ctx.query<{ id: number; ord: number }>(
    `WITH input AS (SELECT * FROM unnest($1::int[], $2::int[], $3::bytea[], $4::text[], $5::int[]) WITH ORDINALITY AS t(campaign_id, measure_id, hash, last4, cap, ord)),
          ins AS (INSERT INTO participants (campaign_id, measure_id, mykey_hash, mykey_last4, cap_yen)
                  SELECT campaign_id, measure_id, hash, last4, cap FROM input ORDER BY ord RETURNING id, measure_id, mykey_hash)
     SELECT ins.id, input.ord::int AS ord FROM ins JOIN input ON input.hash = ins.mykey_hash AND input.measure_id = ins.measure_id`,
    [rows.map((r) => r.campaignId), rows.map((r) => r.measureId), digests.map((d) => d.hash), digests.map((d) => d.last4), rows.map((r) => r.capYen)],
  );
  const pid: number[] = [];
  for (const { id, ord } of ids) pid[ord - 1] = id;
  await ctx.query(
    `INSERT INTO applications (participant_id, payment_service_id, applied_at, channel, pre_registered)
     SELECT p, s, a, 'self_smartphone', false FROM unnest($1::int[], $2::int[], $3::timestamptz[]) AS t(p, s, a)`,
    [pid, rows.map((r) => r.serviceId), rows.map((r) => r.appliedAt)],
  );
  // Awards by the rule: each charge floor(25 %) until the participant's cap; a registration its fixed amount.
  const awards: Array<[number, number, number, string, string, string, number, number]> = [];
  rows.forEach((r, i) => {
    let left = r.capYen;
    const sorted = [...r.charges].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    sorted.forEach(([d, amount], n) => {
      const points = Math.min(basePoints(amount, r.ratePercent), left);
      left -= points;
      awards.push([pid[i], r.campaignId, r.serviceId, `R2-${pid[i]}-${n + 1}`, d, 'charge', amount, points]);
    });
    if (r.registeredOn) awards.push([pid[i], r.campaignId, r.serviceId, `REG-M${r.measureId}-P${pid[i]}`, r.registeredOn, 'registration', r.capYen, r.capYen]);
  });
  const col = <K extends number>(k: K) => awards.map((a) => a[k]);
  if (awards.length) {
    await ctx.query(
      `WITH ins AS (
         INSERT INTO point_awards (participant_id, campaign_id, payment_service_id, external_id, transaction_date, kind, amount_yen, points)
         SELECT * FROM unnest($1::int[], $2::int[], $3::int[], $4::text[], $5::date[], $6::text[], $7::int[], $8::int[])
         RETURNING participant_id, points)
       UPDATE participants p SET points_total = t.points FROM (SELECT participant_id, sum(points)::int AS points FROM ins GROUP BY 1) t WHERE p.id = t.participant_id`,
      [col(0), col(1), col(2), col(3), col(4), col(5), col(6), col(7)],
    );
  }
}
