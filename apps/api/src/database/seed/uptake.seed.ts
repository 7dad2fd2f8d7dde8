import { addDays, AgeBand, Channel, jstStartOfDay, toJstDate } from '@mynapoint/domain';
import { INSTALLATION } from '../../common/db/tenant';
import { SeedContext, SeedStep } from './seed-context';

// Round 1 as a city lived it: the national campaign, the city's reservation quotas,
// and a few thousand participants with a believable uptake curve (a slow summer, the
// rush when earning starts in September, bumps before year end and the March
// deadline). Every row obeys the rules the API enforces (quota window and capacity,
// 24 hours after a certificate renewal, service open date, pre-registration,
// application after reservation and within the period). Rows are built in memory
// with the deterministic ctx.random() and written with a few set-based statements.
// Round 1 is national (the operator's, municipality_code NULL): each municipality
// holds its own quotas of it. The demo campaign open today is each city's own.

export const ROUND1_CAMPAIGN = {
  name: 'マイナポイント第1弾',
  reservationOpensOn: '2020-07-01',
  reservationClosesOn: '2021-03-31',
  applicationOpensOn: '2020-07-01',
  applicationClosesOn: '2021-03-31',
  earningStartsOn: '2020-09-01',
  earningEndsOn: '2021-03-31',
  awardRatePercent: 25,
  capPerPersonYen: 5000,
};
export const DEMO_CAMPAIGN_NAME = 'デモ用キャンペーン（操作確認用）';
export const DEMO_QUOTA_NAME = '操作確認用の予約枠';

/** A municipality's Round 1: its quotas, how many reserved, and where residents live. */
export interface UptakePlan {
  /** The city-wide quota. */
  cityQuota: { name: string; capacity: number };
  /** Self-service and counter reservations in the city-wide quota. */
  reservers: number;
  /** Extra counter sessions: a quota each, open on weekdays from opensOn until the day before closesOn. */
  sessions: Array<{ name: string; capacity: number; district: string; opensOn: string; closesOn: string; people: number }>;
  /** Share of reservers per district. */
  districts: Record<string, number>;
  /** People drawn for the demo campaign (some fall outside its window and are skipped). */
  demoPeople: number;
}

// 阿賀野市: extra counter sessions at Yasuda branch office all season (about 92% of
// its 300 places, so its gauge shows amber) and Sasakami in November (all 120, red).
export const AGANO_UPTAKE: UptakePlan = {
  cityQuota: { name: '第1弾 予約枠（市全体）', capacity: 8000 },
  reservers: 3300,
  sessions: [
    { name: '出張受付（安田支所）', capacity: 300, district: '安田', opensOn: '2020-10-01', closesOn: '2021-04-01', people: 276 },
    { name: '出張受付（笹神地区公民館・11月）', capacity: 120, district: '笹神', opensOn: '2020-11-02', closesOn: '2020-12-01', people: 120 },
  ],
  districts: { 水原: 48, 京ヶ瀬: 18, 安田: 20, 笹神: 14 },
  demoPeople: 24,
};

// 新発田市: a smaller share of its residents in the demo, one session at the Toyoura branch.
export const SHIBATA_UPTAKE: UptakePlan = {
  cityQuota: { name: '第1弾 予約枠（市全体）', capacity: 4000 },
  reservers: 1500,
  sessions: [{ name: '出張受付（豊浦支所）', capacity: 200, district: '豊浦', opensOn: '2020-10-01', closesOn: '2021-04-01', people: 110 }],
  districts: { 新発田: 68, 豊浦: 12, 紫雲寺: 9, 加治川: 11 },
  demoPeople: 12,
};

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

// Share of each age band among reservers (Agano is older than the national average).
const AGE_WEIGHTS: Record<AgeBand, number> = { under_20: 6, '20s': 8, '30s': 11, '40s': 15, '50s': 16, '60s': 20, '70_plus': 24 };
// Channel by age band: the older, the more often a counter helped.
const CHANNEL_BY_AGE: Record<AgeBand, [number, number, number]> = {
  under_20: [80, 15, 5],
  '20s': [85, 12, 3],
  '30s': [80, 15, 5],
  '40s': [70, 20, 10],
  '50s': [58, 24, 18],
  '60s': [40, 24, 36],
  '70_plus': [20, 14, 66],
};
// Popular QR services most; local card and transit IC cards a little.
const SERVICE_WEIGHTS: Record<string, number> = {
  PayPay: 28,
  d払い: 11,
  'au PAY': 9,
  楽天ペイ: 8,
  メルペイ: 3,
  'LINE Pay': 3,
  ゆうちょPay: 2,
  FamiPay: 2,
  atone: 0.5,
  WAON: 6,
  nanaco: 4,
  楽天Edy: 2,
  Suica: 4,
  PASMO: 0.5,
  manaca: 0.3,
  ICOCA: 0.3,
  イオンカード: 3,
  三井住友カード: 2.5,
  JCBカード: 2,
  セゾンカード: 1,
  楽天カード: 3,
  dカード: 2,
  'au PAY カード': 1.5,
  エポスカード: 0.5,
  第四北越VISAカード: 1.5,
  '三菱UFJ-VISAデビット': 0.5,
  'ソニー銀行 Sony Bank WALLET': 0.3,
  Kyash: 0.5,
  'au PAY プリペイドカード': 1,
};

// The day's weight in the uptake curve.
function dayWeight(date: string): number {
  const month = date.slice(0, 7);
  const day = Number(date.slice(8, 10));
  switch (month) {
    case '2020-07':
      return 0.3 + day * 0.004;
    case '2020-08':
      return 0.4 + (day > 20 ? (day - 20) * 0.06 : 0); // word spreads before earning starts
    case '2020-09':
      return day <= 15 ? 2.6 - day * 0.05 : 1.6;
    case '2020-10':
      return 1.15;
    case '2020-11':
      return 0.95;
    case '2020-12':
      return day >= 14 ? 1.6 : 1.0; // year-end push
    case '2021-01':
      return day <= 5 ? 0.3 : 0.8;
    case '2021-02':
      return 0.9;
    case '2021-03':
      return 1.1 + (day > 15 ? (day - 15) * 0.09 : 0); // the deadline rush
    default:
      return 0;
  }
}

interface Service {
  id: number;
  name: string;
  opensOn: string;
  preReg: boolean;
}

interface Person {
  myKeyId: string;
  quota: number;
  channel: Channel;
  reservedAt: Date;
  ageBand: AgeBand;
  district: string;
  certRenewedAt: Date | null;
  createdBy: number | null;
  application: { serviceId: number; appliedAt: Date; channel: Channel; preRegistered: boolean; createdBy: number | null } | null;
}

class Dice {
  constructor(private readonly random: () => number) {}
  next(): number {
    return this.random();
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.random() < p;
  }
  weighted<T>(items: readonly T[], weights: readonly number[]): T {
    const total = weights.reduce((a, b) => a + b, 0);
    let r = this.random() * total;
    for (let i = 0; i < items.length; i++) {
      r -= weights[i];
      if (r < 0) return items[i];
    }
    return items[items.length - 1];
  }
  pick<K extends string>(weights: Record<K, number>): K {
    const keys = Object.keys(weights) as K[];
    return this.weighted(keys, keys.map((k) => weights[k]));
  }
}

const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
function myKeyIds(dice: Dice, n: number): string[] {
  const out = new Set<string>();
  while (out.size < n) out.add(Array.from({ length: 8 }, () => ALNUM[dice.int(0, 35)]).join(''));
  return [...out];
}

const isWeekend = (date: string) => [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());
const at = (date: string, minutes: number) => new Date(jstStartOfDay(date).getTime() + minutes * 60_000);

// Counters are open on weekdays, 8:30–17:15; residents on their own reserve from 7:00 to past 23:00.
function counterTime(dice: Dice, date: string): Date {
  let d = date;
  while (isWeekend(d)) d = addDays(d, 1);
  return at(d, dice.int(8 * 60 + 30, 17 * 60 + 14));
}
function selfTime(dice: Dice, date: string): Date {
  const evening = dice.chance(0.45);
  return at(date, evening ? dice.int(18 * 60, 23 * 60 + 30) : dice.int(7 * 60, 17 * 60 + 59));
}

function chooseService(dice: Dice, services: Service[], notAfter: string): Service | null {
  const open = services.filter((s) => s.opensOn <= notAfter);
  if (!open.length) return null;
  return dice.weighted(
    open,
    open.map((s) => SERVICE_WEIGHTS[s.name] ?? 0.5),
  );
}

// An application after the reservation: often in the same sitting, sometimes days
// or weeks later, never before the service opened nor after the period closed.
function makeApplication(
  dice: Dice,
  person: Omit<Person, 'application'>,
  services: Service[],
  lastDay: string,
  now: Date,
): Person['application'] {
  const delayMs = dice.chance(0.5) ? dice.int(5, 40) * 60_000 : dice.chance(0.6) ? dice.int(1, 14) * DAY_MS : dice.int(15, 60) * DAY_MS;
  let appliedAt = new Date(person.reservedAt.getTime() + delayMs);
  const deadline = Math.min(jstStartOfDay(addDays(lastDay, 1)).getTime() - 60_000, now.getTime() - HOUR_MS);
  if (appliedAt.getTime() > deadline) appliedAt = new Date(person.reservedAt.getTime() + dice.int(5, 30) * 60_000);
  if (appliedAt.getTime() > deadline) return null;
  const service = chooseService(dice, services, toJstDate(new Date(deadline)));
  if (!service) return null;
  if (toJstDate(appliedAt) < service.opensOn) {
    // Waited for the chosen service to open.
    appliedAt = at(service.opensOn, dice.int(9 * 60, 21 * 60));
    if (appliedAt.getTime() > deadline || appliedAt < person.reservedAt) return null;
  }
  const atCounter = person.channel === 'counter' && delayMs < HOUR_MS;
  return {
    serviceId: service.id,
    appliedAt,
    channel: atCounter ? 'counter' : person.channel === 'counter' ? dice.weighted<Channel>(['self_smartphone', 'counter'], [1, 2]) : person.channel,
    // Only services that need it carry a confirmed pre-registration.
    preRegistered: service.preReg,
    createdBy: atCounter ? person.createdBy : null,
  };
}

/** Inserts the campaign for the current municipality (or, as INSTALLATION, the national one), or finds it when it is there. */
async function campaignId(ctx: SeedContext, c: typeof ROUND1_CAMPAIGN): Promise<number> {
  const [row] = await ctx.query<{ id: number }>(
    `INSERT INTO campaigns (name, reservation_opens_on, reservation_closes_on, application_opens_on, application_closes_on,
       earning_starts_on, earning_ends_on, award_rate_percent, cap_per_person_yen)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING RETURNING id`,
    [c.name, c.reservationOpensOn, c.reservationClosesOn, c.applicationOpensOn, c.applicationClosesOn, c.earningStartsOn, c.earningEndsOn, c.awardRatePercent, c.capPerPersonYen],
  );
  if (row) return row.id;
  const [found] = await ctx.query<{ id: number }>(
    `SELECT id FROM campaigns WHERE municipality_code IS NOT DISTINCT FROM nullif(current_municipality(), '000000') AND lower(name) = lower($1)`,
    [c.name],
  );
  return found.id;
}

async function insertQuota(ctx: SeedContext, campaignId: number, name: string, capacity: number, opensAt: Date, closesAt: Date): Promise<number> {
  const [row] = await ctx.query<{ id: number }>(
    'INSERT INTO reservation_quotas (campaign_id, name, capacity, opens_at, closes_at) VALUES ($1, $2, $3, $4, $5) RETURNING id',
    [campaignId, name, capacity, opensAt, closesAt],
  );
  return row.id;
}

// Participants, reservations and applications of one campaign in three statements,
// then each quota's `used` set to what it holds.
async function insertPeople(ctx: SeedContext, campaignId: number, capYen: number, people: Person[]): Promise<void> {
  const digests = people.map((p) => ctx.myKey(p.myKeyId));
  const ids = await ctx.query<{ id: number; ord: number }>(
    `WITH input AS (SELECT * FROM unnest($1::bytea[], $2::text[]) WITH ORDINALITY AS t(hash, last4, ord)),
          ins AS (INSERT INTO participants (campaign_id, mykey_hash, mykey_last4, cap_yen)
                  SELECT $3, hash, last4, $4 FROM input ORDER BY ord RETURNING id, mykey_hash)
     SELECT ins.id, input.ord::int AS ord FROM ins JOIN input ON input.hash = ins.mykey_hash`,
    [digests.map((d) => d.hash), digests.map((d) => d.last4), campaignId, capYen],
  );
  const participantIds: number[] = [];
  for (const { id, ord } of ids) participantIds[ord - 1] = id;

  await ctx.query(
    `INSERT INTO reservations (quota_id, participant_id, channel, reserved_at, age_band, district, cert_renewed_at, created_by)
     SELECT * FROM unnest($1::int[], $2::int[], $3::text[], $4::timestamptz[], $5::text[], $6::text[], $7::timestamptz[], $8::int[])`,
    [
      people.map((p) => p.quota),
      participantIds,
      people.map((p) => p.channel),
      people.map((p) => p.reservedAt),
      people.map((p) => p.ageBand),
      people.map((p) => p.district),
      people.map((p) => p.certRenewedAt),
      people.map((p) => p.createdBy),
    ],
  );
  const applied = people.map((p, i) => ({ a: p.application, pid: participantIds[i], cert: p.certRenewedAt })).filter((x) => x.a);
  await ctx.query(
    `INSERT INTO applications (participant_id, payment_service_id, applied_at, channel, pre_registered, cert_renewed_at, created_by)
     SELECT * FROM unnest($1::int[], $2::int[], $3::timestamptz[], $4::text[], $5::boolean[], $6::timestamptz[], $7::int[])`,
    [
      applied.map((x) => x.pid),
      applied.map((x) => x.a!.serviceId),
      applied.map((x) => x.a!.appliedAt),
      applied.map((x) => x.a!.channel),
      applied.map((x) => x.a!.preRegistered),
      applied.map((x) => x.cert),
      applied.map((x) => x.a!.createdBy),
    ],
  );
  await ctx.query(
    `UPDATE reservation_quotas q SET used = (SELECT count(*) FROM reservations r WHERE r.quota_id = q.id)
     WHERE q.campaign_id = $1 AND q.municipality_code = current_municipality()`,
    [campaignId],
  );
}

function basePerson(dice: Dice, myKeyId: string, quota: number, date: string, ageBand: AgeBand, channel: Channel, district: string, staff: number[]) {
  const reservedAt = channel === 'counter' ? counterTime(dice, date) : selfTime(dice, date);
  // A few had just renewed their certificate: they came back at least 24 hours later.
  const certRenewedAt = dice.chance(0.04) ? new Date(reservedAt.getTime() - DAY_MS - dice.int(0, 20 * 24) * HOUR_MS) : null;
  return { myKeyId, quota, channel, reservedAt, ageBand, district, certRenewedAt, createdBy: channel === 'counter' && staff.length ? dice.weighted(staff, staff.map((_, i) => (i === 0 ? 3 : 1))) : null };
}

export function uptakeSeedFor(plan: UptakePlan): SeedStep {
  return {
    name: 'uptake (campaigns, quotas, participants)',
    run: (ctx) => seedUptake(ctx, plan),
  };
}

export const uptakeSeed = uptakeSeedFor(AGANO_UPTAKE);

async function seedUptake(ctx: SeedContext, plan: UptakePlan): Promise<void> {
  const dice = new Dice(ctx.random);
  const services = (
    await ctx.query<Service>(
      `SELECT id, name, to_char(applications_open_on, 'YYYY-MM-DD') AS "opensOn", pre_registration_required AS "preReg"
       FROM payment_services WHERE status = 'active' AND (municipality_code IS NULL OR municipality_code = current_municipality()) ORDER BY id`,
    )
  ).map((s) => ({ ...s }));
  // The demo's counter clerks enter the counter reservations (none without users).
  const staff = (
    await ctx.query<{ id: number }>(`SELECT id FROM users WHERE role = 'counter' AND municipality_code = current_municipality() ORDER BY id`)
  ).map((u) => u.id);

  // Round 1: the national campaign, the city's quotas of it.
  const round1 = await ctx.asMunicipality(INSTALLATION, () => campaignId(ctx, ROUND1_CAMPAIGN));
  const cityQuota = await insertQuota(ctx, round1, plan.cityQuota.name, plan.cityQuota.capacity, at('2020-07-01', 0), at('2021-04-01', 0));
  const sessionQuotas: number[] = [];
  for (const s of plan.sessions) sessionQuotas.push(await insertQuota(ctx, round1, s.name, s.capacity, at(s.opensOn, 0), at(s.closesOn, 0)));

  const days: string[] = [];
  for (let d = ROUND1_CAMPAIGN.reservationOpensOn; d <= ROUND1_CAMPAIGN.reservationClosesOn; d = addDays(d, 1)) days.push(d);
  const weights = days.map(dayWeight);

  const ids = myKeyIds(dice, plan.reservers + plan.sessions.reduce((n, s) => n + s.people, 0));
  const people: Person[] = [];
  for (let i = 0; i < plan.reservers; i++) {
    const ageBand = dice.pick(AGE_WEIGHTS);
    const channel = dice.weighted<Channel>(['self_smartphone', 'self_pc', 'counter'], CHANNEL_BY_AGE[ageBand]);
    const base = basePerson(dice, ids[i], cityQuota, dice.weighted(days, weights), ageBand, channel, dice.pick(plan.districts), staff);
    people.push({ ...base, application: null });
  }
  plan.sessions.forEach((s, k) => {
    const sessionDays = days.filter((d) => d >= s.opensOn && d < s.closesOn && !isWeekend(d));
    const sessionWeights = sessionDays.map(dayWeight);
    for (let i = 0; i < s.people; i++) {
      const ageBand = dice.weighted<AgeBand>(['40s', '50s', '60s', '70_plus'], [1, 2, 4, 6]);
      const base = basePerson(dice, ids[people.length], sessionQuotas[k], dice.weighted(sessionDays, sessionWeights), ageBand, 'counter', s.district, staff);
      people.push({ ...base, application: null });
    }
  });
  for (const p of people) {
    // About 85% went on to choose a payment service.
    const applyRate = p.ageBand === '70_plus' ? 0.78 : 0.88;
    if (dice.chance(applyRate)) p.application = makeApplication(dice, p, services, ROUND1_CAMPAIGN.applicationClosesOn, ctx.now);
  }
  await insertPeople(ctx, round1, ROUND1_CAMPAIGN.capPerPersonYen, people);

  // A campaign of the city's own open today, so staff can try counter reservations and
  // applications in the demo whatever the date: its periods run from 30 days ago to a year ahead.
  const opensAt = new Date(ctx.now.getTime() - 30 * DAY_MS);
  const closesAt = new Date(ctx.now.getTime() + 365 * DAY_MS);
  const demo = await campaignId(ctx, {
    ...ROUND1_CAMPAIGN,
    name: DEMO_CAMPAIGN_NAME,
    reservationOpensOn: toJstDate(opensAt),
    reservationClosesOn: toJstDate(closesAt),
    applicationOpensOn: toJstDate(opensAt),
    applicationClosesOn: toJstDate(closesAt),
    earningStartsOn: toJstDate(opensAt),
    earningEndsOn: toJstDate(closesAt),
  });
  const demoQuota = await insertQuota(ctx, demo, DEMO_QUOTA_NAME, 200, opensAt, closesAt);
  const demoDays: string[] = [];
  for (let d = toJstDate(new Date(opensAt.getTime() + DAY_MS)); d < toJstDate(ctx.now); d = addDays(d, 1)) demoDays.push(d);
  const demoPeople: Person[] = [];
  for (const myKeyId of myKeyIds(dice, plan.demoPeople)) {
    const ageBand = dice.pick(AGE_WEIGHTS);
    const channel = dice.weighted<Channel>(['self_smartphone', 'self_pc', 'counter'], CHANNEL_BY_AGE[ageBand]);
    const base = basePerson(dice, myKeyId, demoQuota, dice.weighted(demoDays, demoDays.map(() => 1)), ageBand, channel, dice.pick(plan.districts), staff);
    if (base.reservedAt <= opensAt || base.reservedAt.getTime() > ctx.now.getTime() - HOUR_MS) continue;
    if (base.certRenewedAt && base.certRenewedAt < opensAt) base.certRenewedAt = null;
    const person: Person = { ...base, application: null };
    if (dice.chance(0.6)) person.application = makeApplication(dice, person, services, toJstDate(closesAt), ctx.now);
    demoPeople.push(person);
  }
  if (demoPeople.length) await insertPeople(ctx, demo, ROUND1_CAMPAIGN.capPerPersonYen, demoPeople);
}
