import { addDays, jstStartOfDay, toJstDate } from '@mynapoint/domain';
import { SeedContext, SeedStep } from './seed-context';

// A few thousand believable counter visits for the demo clerks `counter` (main
// office) and `counter2` (mostly a branch office), on weekdays in office hours from
// 2020-07 to 2021-03: busiest when points began (September 2020) and before the
// deadlines (card applications by the end of December, applications by the end of
// March), quiet over the year-end closure. Plus a handful of visits earlier TODAY
// for `counter`, so the quick-entry screen shows a day in progress.

const FIRST_DAY = '2020-07-01';
const LAST_DAY = '2021-03-31';

// National holidays on weekdays in the period, and the city hall's year-end closure.
const CLOSED = new Set([
  '2020-07-23', '2020-07-24', '2020-08-10', '2020-09-21', '2020-09-22', '2020-11-03', '2020-11-23',
  '2020-12-29', '2020-12-30', '2020-12-31', '2021-01-01', '2021-01-04', '2021-01-11', '2021-02-11', '2021-02-23',
]);

/** Mean visits per clerk per day: the campaign's rhythm. */
function dailyMean(date: string): number {
  const month = date.slice(0, 7);
  const day = Number(date.slice(8));
  const base: Record<string, number> = {
    '2020-07': 6, '2020-08': 8, '2020-09': 17, '2020-10': 12, '2020-11': 8, '2020-12': 9,
    '2021-01': 5, '2021-02': 7, '2021-03': 11,
  };
  let mean = base[month] ?? 6;
  if (month === '2020-09' && day <= 15) mean *= 1.3; // points start on 9/1
  if (month === '2020-12' && day >= 14) mean *= 1.6; // card applications before the year end
  if (month === '2021-03' && day >= 15) mean *= 1.5; // the application deadline
  return mean;
}

// 08:30–17:15, busiest late morning and early afternoon, quiet over lunch.
const HOURS: Array<[number, number]> = [[8, 3], [9, 8], [10, 12], [11, 11], [12, 4], [13, 10], [14, 11], [15, 9], [16, 6], [17, 1]];

type Scenario = 'reserve_apply' | 'apply' | 'reserve' | 'inquiry' | 'card' | 'pin' | 'cert' | 'fraud';
const SCENARIOS: Array<[Scenario, number]> = [
  ['reserve_apply', 30], ['apply', 15], ['reserve', 8], ['inquiry', 18], ['card', 9], ['pin', 7], ['cert', 5], ['fraud', 2],
];
const SCENARIO_TYPES: Record<Scenario, string[]> = {
  reserve_apply: ['mykey_reservation', 'point_application'],
  apply: ['point_application'],
  reserve: ['mykey_reservation'],
  inquiry: ['inquiry'],
  card: ['card_application'],
  pin: ['pin_reset', 'mykey_reservation'],
  cert: ['cert_renewal'],
  fraud: ['fraud_consultation', 'inquiry'],
};
const DURATION: Record<Scenario, [number, number]> = {
  reserve_apply: [18, 40], apply: [10, 25], reserve: [10, 22], inquiry: [3, 12], card: [15, 30], pin: [12, 30], cert: [10, 20], fraud: [10, 35],
};
const UNABLE_REASONS: Array<[string, number]> = [
  ['pin_locked', 30], ['cert_expired', 14], ['cert_renewed_within_24h', 14], ['no_card', 16], ['unsupported_device', 16], ['other', 10],
];
const AGE_BANDS: Array<[string, number]> = [['under_20', 3], ['20s', 6], ['30s', 9], ['40s', 12], ['50s', 15], ['60s', 25], ['70_plus', 30]];
/** A municipality's counter: where its visitors live, by office, and how busy it is. */
export interface CounterPlan {
  districts: Record<'main_office' | 'branch_office', Array<[string | null, number]>>;
  /** Visits per clerk per day, as a share of the demo city's. */
  volume: number;
}

export const AGANO_COUNTER: CounterPlan = {
  districts: {
    main_office: [['水原', 55], ['京ヶ瀬', 15], ['安田', 10], ['笹神', 15], [null, 5]],
    branch_office: [['安田', 35], ['京ヶ瀬', 25], ['笹神', 30], ['水原', 5], [null, 5]],
  },
  volume: 1,
};

export const SHIBATA_COUNTER: CounterPlan = {
  districts: {
    main_office: [['新発田', 70], ['豊浦', 8], ['紫雲寺', 6], ['加治川', 10], [null, 6]],
    branch_office: [['豊浦', 45], ['紫雲寺', 25], ['加治川', 20], ['新発田', 5], [null, 5]],
  },
  volume: 0.35,
};
// How often residents picked each service (names from the payment-services seed).
const SERVICE_WEIGHTS: Record<string, number> = {
  PayPay: 20, WAON: 12, 'd払い': 10, 'au PAY': 8, '楽天ペイ': 8, nanaco: 6, Suica: 6, 'ゆうちょPay': 5, 'イオンカード': 4, '楽天カード': 4,
};
const NOTES: Partial<Record<Scenario | 'unable' | 'follow_up', string[]>> = {
  unable: ['暗証番号の再設定後に再来庁するよう案内。', '電子証明書の更新から24時間経過後に再来庁を案内。', 'カードを持参していなかったため、次回持参を依頼。'],
  follow_up: ['家族分の申し込みも希望。次回来庁予定。', '決済サービスの事前登録が済んでいないため、登録後に再来庁。', '電話で結果を確認する約束。'],
  fraud: ['市役所職員を名乗る不審な電話の相談。消費者ホットライン188と警察相談専用電話#9110を案内。', '「手数料が必要」というSMSについて相談。詐欺の可能性を説明。'],
  card: ['写真撮影から申請まで窓口で支援。交付まで約1か月と説明。'],
  reserve_apply: ['スマートフォンが非対応機種のため、貸出PCで設定。', '高齢のため操作を職員が補助。'],
};

function pick<T>(random: () => number, weighted: Array<[T, number]>): T {
  const total = weighted.reduce((s, [, w]) => s + w, 0);
  let r = random() * total;
  for (const [value, w] of weighted) {
    r -= w;
    if (r < 0) return value;
  }
  return weighted[weighted.length - 1][0];
}

const between = (random: () => number, [lo, hi]: [number, number]) => lo + Math.floor(random() * (hi - lo + 1));

interface Row {
  visitedAt: Date;
  createdAt: Date;
  office: string;
  staffId: number;
  types: string[];
  paymentServiceId: number | null;
  outcome: string;
  unableReason: string | null;
  duration: number;
  ageBand: string | null;
  district: string | null;
  proxy: string;
  shared: boolean;
  loggedOut: boolean;
  readBack: boolean;
  notes: string | null;
}

interface Service {
  id: number;
  name: string;
  opensOn: string;
}

function makeVisit(random: () => number, staffId: number, office: 'main_office' | 'branch_office', visitedAt: Date, services: Service[], plan: CounterPlan): Row {
  let scenario = pick(random, SCENARIOS);
  // Card applications are taken only at the main office: at a branch it is an inquiry.
  if (scenario === 'card' && office === 'branch_office') scenario = 'inquiry';
  const types = [...SCENARIO_TYPES[scenario]];
  const risky = types.includes('mykey_reservation') || types.includes('point_application');
  if (risky && random() < 0.35) types.push('pc_lending');
  const shared = types.includes('pc_lending') || (risky && random() < 0.4);

  const outcome = pick(random, [['completed', risky ? 80 : 88], ['follow_up', 10], ['unable', risky ? 10 : 2]]);
  const unableReason = outcome === 'unable' ? pick(random, UNABLE_REASONS) : null;
  let duration = between(random, DURATION[scenario]) + (types.includes('pc_lending') ? 5 : 0);
  if (outcome === 'unable') duration = Math.max(3, Math.round(duration * 0.6));

  const day = toJstDate(visitedAt);
  const open = services.filter((s) => s.opensOn <= day);
  const paymentServiceId =
    types.includes('point_application') && outcome !== 'unable' && open.length
      ? pick(random, open.map((s) => [s.id, SERVICE_WEIGHTS[s.name] ?? 1] as [number, number]))
      : null;

  const ageBand = random() < 0.92 ? pick(random, AGE_BANDS) : null;
  // A parent applying for a child under 15.
  const proxy = ageBand === 'under_20' && random() < 0.7 ? 'legal_representative' : 'none';
  const noteChoices = NOTES[outcome === 'completed' ? scenario : (outcome as 'unable' | 'follow_up')] ?? [];
  const notes = noteChoices.length && random() < 0.3 ? noteChoices[Math.floor(random() * noteChoices.length)] : null;

  return {
    visitedAt,
    createdAt: new Date(visitedAt.getTime() + (duration + between(random, [0, 3])) * 60_000),
    office,
    staffId,
    types,
    paymentServiceId,
    outcome,
    unableReason,
    duration,
    ageBand,
    district: pick(random, plan.districts[office]),
    proxy,
    shared,
    // Staff tick both checks whenever the checklist applies (the CHECK insists).
    loggedOut: shared,
    readBack: shared && risky,
    notes,
  };
}

function officeTime(random: () => number, date: string): Date {
  const hour = pick(random, HOURS);
  const minute = hour === 8 ? 30 + Math.floor(random() * 30) : hour === 17 ? Math.floor(random() * 15) : Math.floor(random() * 60);
  return new Date(jstStartOfDay(date).getTime() + (hour * 60 + minute) * 60_000);
}

async function insert(ctx: SeedContext, rows: Row[]): Promise<void> {
  const col = <T>(f: (r: Row) => T) => rows.map(f);
  await ctx.query(
    `INSERT INTO assistance_records (visited_at, created_at, updated_at, office, staff_id, assistance_types, payment_service_id, outcome,
       unable_reason, duration_minutes, age_band, district, proxy, shared_terminal_used, terminal_logged_out, service_id_read_back, notes)
     SELECT v, c, c, o, s, string_to_array(t, ','), p, oc, ur, d, ab, di, px, sh, lo, rb, n
       FROM unnest($1::timestamptz[], $2::timestamptz[], $3::text[], $4::int[], $5::text[], $6::int[], $7::text[], $8::text[], $9::int[],
                   $10::text[], $11::text[], $12::text[], $13::bool[], $14::bool[], $15::bool[], $16::text[])
         AS x(v, c, o, s, t, p, oc, ur, d, ab, di, px, sh, lo, rb, n)`,
    [
      col((r) => r.visitedAt.toISOString()),
      col((r) => r.createdAt.toISOString()),
      col((r) => r.office),
      col((r) => r.staffId),
      col((r) => r.types.join(',')),
      col((r) => r.paymentServiceId),
      col((r) => r.outcome),
      col((r) => r.unableReason),
      col((r) => r.duration),
      col((r) => r.ageBand),
      col((r) => r.district),
      col((r) => r.proxy),
      col((r) => r.shared),
      col((r) => r.loggedOut),
      col((r) => r.readBack),
      col((r) => r.notes),
    ],
  );
}

/** The visits, without touching the database (the spec checks their shape). */
export function demoVisits(
  random: () => number,
  clerks: { counter: number; counter2: number },
  services: Service[],
  now: Date,
  plan: CounterPlan = AGANO_COUNTER,
): Row[] {
  const rows: Row[] = [];
  const staff = [
    { id: clerks.counter, branchShare: 0.1 },
    { id: clerks.counter2, branchShare: 0.7 },
  ];
  for (let date = FIRST_DAY; date <= LAST_DAY; date = addDays(date, 1)) {
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    if (weekday === 0 || weekday === 6 || CLOSED.has(date)) continue;
    for (const clerk of staff) {
      const office = random() < clerk.branchShare ? 'branch_office' : 'main_office';
      const count = Math.max(0, Math.round(dailyMean(date) * plan.volume * (0.6 + 0.8 * random())));
      for (let i = 0; i < count; i++) rows.push(makeVisit(random, clerk.id, office, officeTime(random, date), services, plan));
    }
  }

  // Today, before now: spread over office hours when the day is far enough along.
  const today = toJstDate(now);
  const dayStart = jstStartOfDay(today).getTime();
  const officeOpen = dayStart + (8 * 60 + 30) * 60_000;
  const from = now.getTime() - officeOpen > 2 * 3600_000 ? officeOpen : dayStart;
  const span = now.getTime() - 60_000 - from;
  const todays = 5;
  for (let i = 0; i < todays && span > 0; i++) {
    const visitedAt = new Date(from + Math.floor((span * (i + 0.5)) / todays));
    const row = makeVisit(random, clerks.counter, 'main_office', visitedAt, services, plan);
    row.createdAt = new Date(Math.min(row.createdAt.getTime(), now.getTime()));
    rows.push(row);
  }
  return rows;
}

export function assistanceSeedFor(plan: CounterPlan): SeedStep {
  return {
    name: 'counter assistance records',
    async run(ctx) {
      const users = await ctx.query<{ id: number; username: string }>(
        `SELECT id, username FROM users WHERE username IN ('counter', 'counter2') AND municipality_code = current_municipality()`,
      );
      const id = (name: string) => users.find((u) => u.username === name)?.id;
      const counter = id('counter');
      const counter2 = id('counter2');
      if (!counter || !counter2) return; // the users seed did not run: nothing to attribute visits to
      const services = await ctx.query<Service>(
        `SELECT id, name, to_char(applications_open_on, 'YYYY-MM-DD') AS "opensOn" FROM payment_services
         WHERE status <> 'withdrawn' AND (municipality_code IS NULL OR municipality_code = current_municipality()) ORDER BY id`,
      );
      await insert(ctx, demoVisits(ctx.random, { counter, counter2 }, services, ctx.now, plan));
    },
  };
}

export const assistanceSeed = assistanceSeedFor(AGANO_COUNTER);
