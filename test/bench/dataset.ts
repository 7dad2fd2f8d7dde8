import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { Client } from 'pg';
import { loadConfig, type AppConfig } from '../../apps/api/src/config/app-config';
import { connectionOptions, runMigrations } from '../../apps/api/src/database/data-source';
import { DEMO_PASSWORD } from '../../apps/api/src/database/seed/users.seed';
import { hashPassword } from '../../apps/api/src/common/auth/password';

// The prefecture-scale benchmark dataset, generated set-based in its own database
// (`mynapoint_bench`, or `mynapoint_bench_quick` at a tenth of the size) with the
// app's own migrations, so every CHECK, foreign key and trigger of the schema holds
// for it: 新潟県's 30 municipalities, the bench's city (152234) at city scale and the
// other 29 sharing the rest of 2.2 million residents by population, every one with the
// same per-person shape (applications, awards, visits, reports per resident). Every row
// of a municipality carries its code, as the API writes them; the payment services and
// the campaign are national. A fingerprint row in app_meta, written last, says the
// dataset is complete: a later run with the same fingerprint reuses it.

/** Not a secret: the key the bench's MyKey IDs are hashed with (the app under test gets the same). */
// Not a word the production secret check refuses (the app runs with NODE_ENV=production).
export const BENCH_HMAC_SECRET = '3f9c1e7a5b2d48c6a0e4f7b19d3c5a82e6f0b4d7c91a2e5f';
const FINGERPRINT_KEY = 'bench_dataset';
const VERSION = 6;

/** The bench's city: every app and raw row runs as its users. */
export const BENCH_CITY = '152234';

/** The prefecture: 新潟県's 30 municipalities with about their 2020 census populations. */
export const PREFECTURE_CODE = '15';
export const PREFECTURE_TOWNS: ReadonlyArray<[code: string, name: string, population: number]> = [
  ['152234', '阿賀野市', 41_400], // first: its rows get the lowest ids, as the single-city dataset's did
  ['151009', '新潟市', 789_300],
  ['152021', '長岡市', 266_500],
  ['152048', '三条市', 95_200],
  ['152056', '柏崎市', 81_500],
  ['152064', '新発田市', 94_900],
  ['152081', '小千谷市', 34_100],
  ['152099', '加茂市', 25_700],
  ['152102', '十日町市', 49_800],
  ['152111', '見附市', 39_400],
  ['152129', '村上市', 57_400],
  ['152137', '燕市', 77_200],
  ['152161', '糸魚川市', 40_800],
  ['152170', '妙高市', 30_400],
  ['152188', '五泉市', 48_600],
  ['152226', '上越市', 188_000],
  ['152242', '佐渡市', 51_500],
  ['152251', '魚沼市', 34_300],
  ['152269', '南魚沼市', 54_900],
  ['152277', '胎内市', 27_900],
  ['153079', '聖籠町', 14_100],
  ['153427', '弥彦村', 7_700],
  ['153613', '田上町', 11_300],
  ['153851', '阿賀町', 9_900],
  ['154059', '出雲崎町', 4_200],
  ['154610', '湯沢町', 8_000],
  ['154822', '津南町', 9_000],
  ['155047', '刈羽村', 4_400],
  ['155811', '関川村', 5_200],
  ['155861', '粟島浦村', 300],
];

export interface Scale {
  /** The bench's city: participants and its rows of each kind. */
  participants: number;
  applications: number;
  pointAwards: number;
  assistanceRecords: number;
  fraudAlerts: number;
  paymentServices: number;
  /** Residents (participants) of the prefecture's other municipalities together, shared by population. */
  otherResidents: number;
}

export const FULL: Scale = {
  participants: 1_000_000,
  applications: 800_000,
  pointAwards: 5_000_000,
  assistanceRecords: 300_000,
  fraudAlerts: 10_000,
  paymentServices: 60,
  otherResidents: 1_200_000,
};

export function scaleFor(quick: boolean): Scale {
  if (!quick) return FULL;
  const tenth = (n: number) => Math.round(n / 10);
  return {
    ...FULL,
    participants: tenth(FULL.participants),
    applications: tenth(FULL.applications),
    pointAwards: tenth(FULL.pointAwards),
    assistanceRecords: tenth(FULL.assistanceRecords),
    fraudAlerts: tenth(FULL.fraudAlerts),
    otherResidents: tenth(FULL.otherResidents),
  };
}

/** One municipality's share of the dataset: the bench city's scale, or its population's share of the rest in the same shape. */
export interface Town {
  ord: number;
  code: string;
  name: string;
  participants: number;
  applications: number;
  pointAwards: number;
  assistanceRecords: number;
  fraudAlerts: number;
  /** Its participants are ids firstId + 1 … firstId + participants; its awards' transaction ids likewise after firstAward. */
  firstId: number;
  firstAward: number;
  districts: string[];
}

export function townsFor(s: Scale): Town[] {
  const others = PREFECTURE_TOWNS.filter(([code]) => code !== BENCH_CITY);
  const otherPopulation = others.reduce((n, [, , p]) => n + p, 0);
  const per = (n: number, of: number) => Math.round((n * of) / s.participants);
  let firstId = 0;
  let firstAward = 0;
  return PREFECTURE_TOWNS.map(([code, name, population], ord) => {
    const participants = code === BENCH_CITY ? s.participants : Math.max(1, Math.round((s.otherResidents * population) / otherPopulation));
    const town: Town = {
      ord,
      code,
      name,
      participants,
      applications: Math.max(1, per(participants, s.applications)),
      pointAwards: per(participants, s.pointAwards),
      assistanceRecords: per(participants, s.assistanceRecords),
      fraudAlerts: per(participants, s.fraudAlerts),
      firstId,
      firstAward,
      districts: code === BENCH_CITY ? ['水原', '京ヶ瀬', '安田', '笹神'] : ['中央', '北部', '南部', '東部'],
    };
    firstId += town.participants;
    firstAward += town.pointAwards;
    return town;
  });
}

/** The bench's MyKey ID of participant n (1-based): 8 characters, a letter and 7 digits, nothing like a My Number. */
export const benchMyKeyId = (n: number) => `B${String(n).padStart(7, '0')}`;
/** The same in SQL. */
const MYKEY_SQL = (n: string) => `('B' || lpad((${n})::text, 7, '0'))`;

/**
 * HMAC-SHA-256 pads: with them, PostgreSQL's built-in sha256() computes the app's
 * keyed hash set-based (HMAC = H(K⊕opad ‖ H(K⊕ipad ‖ m))), no extension needed.
 */
function hmacPads(secret: string): { ipad: Buffer; opad: Buffer } {
  let key = Buffer.from(secret, 'utf8');
  if (key.length > 64) key = createHash('sha256').update(key).digest();
  const block = Buffer.alloc(64);
  key.copy(block);
  return { ipad: Buffer.from(block.map((b) => b ^ 0x36)), opad: Buffer.from(block.map((b) => b ^ 0x5c)) };
}

export interface Dataset {
  url: string;
  database: string;
  scale: Scale;
  config: AppConfig;
  reused: boolean;
  seconds: number;
  /** Steps and their seconds (empty when reused). */
  steps: Array<[string, number]>;
  campaignId: number;
  /** The prefecture's municipalities and their share of the rows. */
  towns: Town[];
}

function urlFor(adminUrl: string, database: string): string {
  const u = new URL(adminUrl);
  u.pathname = `/${database}`;
  return u.toString();
}

export function benchConfig(url: string): AppConfig {
  return loadConfig({ DATABASE_URL: url, MYKEY_HMAC_SECRET: BENCH_HMAC_SECRET, LOG_FORMAT: 'json', SEED_DEMO: 'false' });
}

export async function ensureDataset(adminUrl: string, quick: boolean, log: (m: string) => void = () => undefined): Promise<Dataset> {
  const t0 = Date.now();
  const scale = scaleFor(quick);
  const database = quick ? 'mynapoint_bench_quick' : 'mynapoint_bench';
  const url = urlFor(adminUrl, database);
  const config = benchConfig(url);
  const fingerprint = { version: VERSION, scale };

  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database])).rowCount;
    if (exists) {
      const found = await readFingerprint(url);
      if (found && isDeepStrictEqual(found.value, fingerprint)) {
        // A migration newer than the data (an index, a rollup table) applies to it; a
        // new rollup is then filled from the data, as after any bulk load.
        const applied = await runMigrations(config);
        if (applied.length) {
          log(`dataset ${database}: applied ${applied.join(', ')}`);
          await rebuildRollups(url, config, log);
        } else {
          // The previous run's writes (its creates, reservations and their clean-up) leave
          // pages not all-visible, and every list's count(*) is an index-only scan that
          // then reads the heap: participants by service took 259 ms instead of 2.7 ms.
          // Each run starts from the same state (a few seconds when there is little to do).
          await vacuum(url, config, log);
        }
        log(`dataset ${database} is complete (generated ${found.at}): reused`);
        return { url, database, scale, config, reused: true, seconds: (Date.now() - t0) / 1000, steps: [], campaignId: found.campaignId, towns: townsFor(scale) };
      }
      log(`dataset ${database} is incomplete or of another version: generating again`);
      await admin.query(`DROP DATABASE ${database} WITH (FORCE)`);
    }
    await admin.query(`CREATE DATABASE ${database}`);
  } finally {
    await admin.end();
  }
  await runMigrations(config);
  const steps = await generate(url, config, scale, fingerprint, log);
  return { url, database, scale, config, reused: false, seconds: (Date.now() - t0) / 1000, steps, campaignId: 1, towns: townsFor(scale) };
}

async function vacuum(url: string, config: AppConfig, log: (m: string) => void): Promise<void> {
  const c = new Client({ connectionString: url, options: connectionOptions(config) });
  await c.connect();
  try {
    const t = Date.now();
    await c.query('VACUUM (ANALYZE)');
    log(`  VACUUM ANALYZE in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  } finally {
    await c.end();
  }
}

async function rebuildRollups(url: string, config: AppConfig, log: (m: string) => void): Promise<void> {
  const c = new Client({ connectionString: url, options: connectionOptions(config) });
  await c.connect();
  try {
    if ((await c.query(`SELECT 1 FROM pg_proc WHERE proname = 'stats_rebuild'`)).rowCount) {
      const t = Date.now();
      await c.query(`SET work_mem = '256MB'`);
      await c.query('SELECT stats_rebuild()');
      await c.query('VACUUM (ANALYZE)');
      log(`  rollups rebuilt: stats_rebuild() and VACUUM ANALYZE in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    }
  } finally {
    await c.end();
  }
}

async function readFingerprint(url: string): Promise<{ value: unknown; at: string; campaignId: number } | null> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    const r = await c.query(`SELECT value, updated_at::text AS at FROM app_meta WHERE key = $1`, [FINGERPRINT_KEY]).catch(() => null);
    if (!r?.rows[0]) return null;
    const { campaign_id, ...value } = r.rows[0].value;
    return { value, at: r.rows[0].at, campaignId: campaign_id };
  } finally {
    await c.end();
  }
}

async function generate(url: string, config: AppConfig, s: Scale, fingerprint: object, log: (m: string) => void): Promise<Array<[string, number]>> {
  const c = new Client({ connectionString: url, options: connectionOptions(config) });
  await c.connect();
  const steps: Array<[string, number]> = [];
  const step = async (name: string, sql: string, params: unknown[] = []) => {
    const t = Date.now();
    await c.query(sql, params);
    const sec = (Date.now() - t) / 1000;
    steps.push([name, sec]);
    log(`  ${name}: ${sec.toFixed(1)} s`);
  };
  const { ipad, opad } = hmacPads(config.myKeyHmacSecret);
  const password = await hashPassword(DEMO_PASSWORD);
  const towns = townsFor(s);
  const total = (k: keyof Town) => towns.reduce((n, t) => n + (t[k] as number), 0);
  const N = total('participants');
  const n = (x: number) => x.toLocaleString('en-US');
  try {
    // One big transaction would hold every row's WAL until the end; each step is its own.
    await c.query(`SET work_mem = '256MB'; SET maintenance_work_mem = '512MB'; SET synchronous_commit = off`);
    await c.query('SELECT setseed(0.20200701)');

    // Bulk-load shape: the big tables' foreign keys, unique constraints and indexes are
    // taken off (their definitions read from the catalog) and put back after the load,
    // so PostgreSQL checks each one once, set-based, instead of row by row.
    const BIG = ['participants', 'reservations', 'applications', 'point_awards', 'assistance_records', 'fraud_alerts'];
    const { rows: structures } = await c.query<{ kind: string; tbl: string; name: string; def: string }>(
      `SELECT CASE contype WHEN 'f' THEN 'fk' ELSE 'unique' END AS kind, conrelid::regclass::text AS tbl, conname AS name, pg_get_constraintdef(oid) AS def
         FROM pg_constraint WHERE conrelid::regclass::text = ANY($1) AND contype IN ('f', 'u')
       UNION ALL
       SELECT 'index', i.indrelid::regclass::text, c2.relname, pg_get_indexdef(i.indexrelid)
         FROM pg_index i JOIN pg_class c2 ON c2.oid = i.indexrelid
        WHERE i.indrelid::regclass::text = ANY($1) AND NOT i.indisprimary
          AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)`,
      [BIG],
    );
    const order = { fk: 0, unique: 1, index: 2 } as Record<string, number>;
    structures.sort((a, b) => order[a.kind] - order[b.kind]);
    for (const x of structures) {
      await c.query(x.kind === 'index' ? `DROP INDEX ${x.name}` : `ALTER TABLE ${x.tbl} DROP CONSTRAINT ${x.name}`);
    }
    // The dashboard rollups' triggers are off during the load: stats_rebuild() at the
    // end computes the same tables in one pass. (Left on, the applications trigger
    // looks up each applicant's reservation by an index the bulk-load shape has taken
    // off: a scan of 1,000,000 reservations per row.) So are the triggers that stand for
    // foreign keys (check_references, the point ledger's) and the ones copying the
    // reservation time and the chosen service onto the participant, and the row trigger
    // marking a re-application (no application was ever deleted here: always false, the
    // column's default). They find a participant by its id alone, which the key
    // (municipality_code, id) answers only by a skip scan over every municipality, 30
    // index searches per row, or, planned before the new rows' statistics exist, by a
    // scan of the table per row (a 220,000-row reservation insert took 219 s, the
    // applications more than 20 minutes). Like the foreign keys taken off above, their
    // rules are checked once, set-based, after the load, and the copies are written with
    // the participants.
    const { rows: loadTriggers } = await c.query<{ tbl: string; name: string; fn: string; args: string[] }>(
      `SELECT tgrelid::regclass::text AS tbl, tgname AS name, tgfoid::regproc::text AS fn,
              array_remove(string_to_array(encode(tgargs, 'escape'), '\\000'), '') AS args
         FROM pg_trigger
        WHERE NOT tgisinternal AND tgrelid::regclass::text = ANY($1) AND (tgname LIKE '%\\_stats\\_%'
              OR tgfoid::regproc::text IN ('check_references', 'point_awards_check_refs', 'participants_copy_reservation', 'participants_copy_application',
                                           'applications_mark_reapplication'))`,
      [BIG],
    );
    for (const t of loadTriggers) await c.query(`ALTER TABLE ${t.tbl} DISABLE TRIGGER ${t.name}`);

    // Each municipality's counts, which every statement below reads (ord 0 is the bench's city).
    await c.query(
      `CREATE UNLOGGED TABLE bench_towns (ord int, code char(6), name text, n int, apps int, awards int, visits int, frauds int,
                                          first_id int, first_award int, districts text, user_base int)`,
    );
    await c.query(
      `INSERT INTO bench_towns (ord, code, name, n, apps, awards, visits, frauds, first_id, first_award, districts)
       SELECT * FROM unnest($1::int[], $2::char(6)[], $3::text[], $4::int[], $5::int[], $6::int[], $7::int[], $8::int[], $9::int[], $10::int[], $11::text[])`,
      [
        towns.map((t) => t.ord),
        towns.map((t) => t.code),
        towns.map((t) => t.name),
        towns.map((t) => t.participants),
        towns.map((t) => t.applications),
        towns.map((t) => t.pointAwards),
        towns.map((t) => t.assistanceRecords),
        towns.map((t) => t.fraudAlerts),
        towns.map((t) => t.firstId),
        towns.map((t) => t.firstAward),
        towns.map((t) => t.districts.join(',')),
      ],
    );
    await step(
      `municipalities (${towns.length}, prefecture ${PREFECTURE_CODE})`,
      `INSERT INTO municipalities (code, name, districts)
       SELECT code, name, string_to_array(districts, ',') FROM bench_towns ORDER BY ord ON CONFLICT (code) DO NOTHING`,
    );
    // Per municipality, in order: the four roles, then 20 counter clerks (the bench city's
    // are ids 1–24, as in the single-city dataset); the prefecture's user in 000000.
    await step(
      `users (${towns.length} × (4 roles + 20 counter clerks), and the prefecture's)`,
      `INSERT INTO users (municipality_code, username, display_name, role, password_hash)
       SELECT t.code, u.username, u.display_name, u.role, $1 FROM bench_towns t
       CROSS JOIN LATERAL (
         SELECT * FROM (VALUES (1, 'admin', 'システム管理者', 'admin'), (2, 'policy', '政策推進係', 'policy'),
                               (3, 'counter', '市民係 窓口', 'counter'), (4, 'manager', '市民生活課長', 'manager')) r(k, username, display_name, role)
         UNION ALL
         SELECT 4 + g, 'clerk' || lpad(g::text, 2, '0'), '窓口 ' || g || ' 番', 'counter' FROM generate_series(1, 20) g
       ) u
       ORDER BY t.ord, u.k;
       UPDATE bench_towns t SET user_base = (SELECT min(id) - 1 FROM users u WHERE u.municipality_code = t.code);
       INSERT INTO users (municipality_code, username, display_name, role, password_hash, prefecture_code)
       VALUES ('000000', 'prefecture', '新潟県 デジタル政策課', 'prefecture', $1, '${PREFECTURE_CODE}')`.replace(/\$1/g, () => `'${password}'`),
    );
    await step(
      `payment services (${s.paymentServices}, national)`,
      `INSERT INTO payment_services (municipality_code, name, operator, kind, pre_registration_required, applications_open_on, status)
       SELECT NULL, 'ベンチ決済 ' || g, '決済事業者 ' || g,
              (ARRAY['ic_emoney','qr_code','credit_card','debit_card','prepaid','other'])[1 + g % 6],
              g % 7 = 0, date '2020-07-01', 'active'
       FROM generate_series(1, ${s.paymentServices}) g`,
    );
    await step(
      'campaign (national) and a quota per municipality',
      `INSERT INTO campaigns (municipality_code, name, reservation_opens_on, reservation_closes_on, application_opens_on, application_closes_on,
                              earning_starts_on, earning_ends_on, award_rate_percent, cap_per_person_yen)
       VALUES (NULL, 'マイナポイント（ベンチ）', '2020-07-01', '2021-12-31', '2020-07-01', '2021-12-31', '2020-09-01', '2021-12-31', 25, 5000);
       INSERT INTO reservation_quotas (municipality_code, campaign_id, name, capacity, opens_at, closes_at, used)
       SELECT code, 1, '通年枠', round(n * 1.2), '2020-06-30T15:00:00Z', '2021-12-31T15:00:00Z', n FROM bench_towns ORDER BY ord`,
    );
    // Reservation instants: an uptake curve (many early, a long tail), in JST office-ish hours.
    await step(
      `participants (${n(N)}, MyKey ID as HMAC-SHA-256 + last 4)`,
      `CREATE UNLOGGED TABLE bench_people AS
       SELECT t.first_id + g AS id, t.code, g AS k, timestamptz '2020-06-30T15:00:00Z'
                + (floor(power(random(), 1.7) * 548) * interval '1 day') + ((7 + floor(random() * 14)) * interval '1 hour')
                + (floor(random() * 60) * interval '1 minute') AS reserved_at
       FROM bench_towns t CROSS JOIN LATERAL generate_series(1, t.n) g;
       INSERT INTO participants (municipality_code, id, campaign_id, mykey_hash, mykey_last4, cap_yen, created_at, reserved_at)
       SELECT code, id, 1, sha256('\\x${opad.toString('hex')}'::bytea || sha256('\\x${ipad.toString('hex')}'::bytea || convert_to(${MYKEY_SQL('id')}, 'UTF8'))), right(${MYKEY_SQL('id')}, 4), 5000, reserved_at, reserved_at
       FROM bench_people ORDER BY id;
       SELECT setval('participants_id_seq', ${N});
       ANALYZE bench_people; ANALYZE participants`,
    );
    await step(
      'reservations',
      `INSERT INTO reservations (municipality_code, quota_id, participant_id, channel, reserved_at, age_band, district, created_at)
       SELECT p.code, q.id, p.id, (ARRAY['self_smartphone','self_smartphone','self_smartphone','self_pc','self_pc','counter'])[1 + floor(random() * 6)::int],
              p.reserved_at, (ARRAY['under_20','20s','30s','40s','50s','60s','70_plus'])[1 + floor(random() * 7)::int],
              (string_to_array(t.districts, ','))[1 + floor(random() * 4)::int], p.reserved_at
       FROM bench_people p JOIN bench_towns t ON t.code = p.code JOIN reservation_quotas q ON q.municipality_code = p.code
       ORDER BY p.id;
       ANALYZE reservations`,
    );
    // The first `apps` participants of each municipality applied, a few days after
    // reserving, to a payment service drawn with a long tail (a few services take most people).
    await step(
      `applications (${n(total('applications'))})`,
      `INSERT INTO applications (municipality_code, participant_id, payment_service_id, applied_at, channel, created_at)
       SELECT code, id, 1 + floor(power(random(), 2.5) * ${s.paymentServices})::int, at,
              (ARRAY['self_smartphone','self_smartphone','self_pc','counter'])[1 + floor(random() * 4)::int], at
       FROM (SELECT p.code, p.id, least(p.reserved_at + floor(random() * 20) * interval '1 day', timestamptz '2021-12-31T14:00:00Z') AS at
             FROM bench_people p JOIN bench_towns t ON t.code = p.code WHERE p.k <= t.apps) x
       ORDER BY id;
       ANALYZE applications`,
    );
    // Awards in ledger order (participant, date, transaction id); each takes
    // min(floor(25%), what is left under the cap), so points_total = min(Σ base, cap).
    // Each municipality's awards go to its own applicants; transaction ids are numbered
    // across the prefecture (the bench city's are BX000000001 … as in the single-city dataset).
    await step(
      `point awards (${n(total('pointAwards'))}, the cap applied)`,
      `CREATE UNLOGGED TABLE bench_awards AS
       SELECT t.first_award + g AS k, t.code, t.first_id + 1 + floor(random() * t.apps)::int AS participant_id,
              date '2020-09-01' + floor(random() * 486)::int AS transaction_date,
              CASE WHEN random() < 0.5 THEN 'charge' ELSE 'purchase' END AS kind,
              (100 + floor(power(random(), 2) * 20000))::int AS amount_yen
       FROM bench_towns t CROSS JOIN LATERAL generate_series(1, t.awards) g;
       INSERT INTO point_awards (municipality_code, participant_id, campaign_id, payment_service_id, external_id, transaction_date, kind, amount_yen, points, created_at)
       SELECT b.code, b.participant_id, 1, a.payment_service_id, 'BX' || lpad(b.k::text, 9, '0'), b.transaction_date, b.kind, b.amount_yen,
              greatest(0, least(b.base, 5000 - (b.running - b.base)))::int,
              (b.transaction_date + time '12:00') AT TIME ZONE 'Asia/Tokyo'
       FROM (SELECT *, amount_yen * 25 / 100 AS base,
                    sum(amount_yen * 25 / 100) OVER (PARTITION BY participant_id ORDER BY transaction_date, k ROWS UNBOUNDED PRECEDING) AS running
             FROM bench_awards) b
       JOIN applications a ON a.participant_id = b.participant_id
       ORDER BY b.participant_id, b.transaction_date, b.k;
       ANALYZE point_awards`,
    );
    // What the disabled copy trigger would have written (the reservation time went in with
    // the participant), and the points, in one rewrite of each applicant.
    await step(
      'participants: chosen service (the copy) and points_total',
      `UPDATE participants p SET payment_service_id = a.payment_service_id, points_total = coalesce(x.total, 0)
       FROM applications a
       LEFT JOIN (SELECT participant_id, sum(points)::int AS total FROM point_awards GROUP BY 1) x ON x.participant_id = a.participant_id
       WHERE p.municipality_code = a.municipality_code AND p.id = a.participant_id`,
    );
    // Visits on weekdays, 8:30–17:15 JST, at the main office mostly, by the municipality's
    // 20 clerks; card applications only at the main office, an unable reason exactly when
    // unable (the CHECKs). Each municipality keeps its first `visits` in time order.
    await step(
      `assistance records (${n(total('assistanceRecords'))})`,
      `INSERT INTO assistance_records (municipality_code, visited_at, office, staff_id, assistance_types, payment_service_id, outcome, unable_reason,
                                       duration_minutes, age_band, district, created_at, updated_at)
       SELECT code, at, office, staff, types, svc, outcome, CASE WHEN outcome = 'unable' THEN reason END, dur, age, dist, at, at
       FROM (SELECT t.code, t.ord, t.visits,
                    row_number() OVER (PARTITION BY t.code ORDER BY v.at) AS nth, v.*,
                    t.user_base + 4 + 1 + floor(random() * 20)::int AS staff,
                    (string_to_array(t.districts, ','))[1 + floor(random() * 4)::int] AS dist
             FROM bench_towns t
             CROSS JOIN LATERAL (
               SELECT timestamptz '2020-06-30T23:30:00Z' + (d * interval '1 day') + (floor(random() * 525) * interval '1 minute') AS at,
                      CASE WHEN random() < 0.75 THEN 'main_office' ELSE 'branch_office' END AS office,
                      string_to_array((ARRAY['mykey_reservation', 'point_application', 'mykey_reservation,point_application',
                             'cert_renewal', 'pin_reset', 'inquiry', 'pc_lending', 'fraud_consultation'])[1 + floor(random() * 8)::int], ',') AS types,
                      CASE WHEN random() < 0.4 THEN 1 + floor(power(random(), 2.5) * ${s.paymentServices})::int END AS svc,
                      (ARRAY['completed','completed','completed','completed','follow_up','unable'])[1 + floor(random() * 6)::int] AS outcome,
                      (ARRAY['pin_locked','cert_expired','cert_renewed_within_24h','no_card','unsupported_device','quota_closed','other'])[1 + floor(random() * 7)::int] AS reason,
                      5 + floor(random() * 40)::int AS dur,
                      (ARRAY['under_20','20s','30s','40s','50s','60s','70_plus','70_plus','60s'])[1 + floor(random() * 9)::int] AS age
               FROM (SELECT d FROM generate_series(0, 547) d WHERE extract(isodow FROM date '2020-07-01' + d) < 6) days,
                    generate_series(1, ceil(t.visits / 392.0)::int) per_day
             ) v) x
       WHERE nth <= visits
       ORDER BY ord, at`,
    );
    // Reports: personal information asked → at least medium; money, passbook or PIN
    // asked, or damage → high (the severity floors); some notices published.
    await step(
      `fraud alerts (${n(total('fraudAlerts'))})`,
      `INSERT INTO fraud_alerts (municipality_code, reported_at, channel, impersonated, requested_items, damage_yen, district, description, status, severity,
                                 notice_title, notice_body, notice_published_at, notice_published_by, reported_by, created_at, updated_at)
       SELECT code, at, ch, imp, items, dmg, dist, '不審な電話: マイナポイントの手続きを装い、情報を聞き出そうとした（ベンチ ' || g || '）', st,
              CASE WHEN dmg > 0 OR items && ARRAY['money_or_fee','passbook_or_cash_card','pin'] THEN 'high'
                   WHEN items && ARRAY['my_number','bank_account','assets','family'] THEN 'medium' ELSE 'low' END,
              CASE WHEN pub THEN 'マイナポイントを装った詐欺にご注意ください' END,
              CASE WHEN pub THEN '市や国の職員が暗証番号や口座番号を聞くことはありません。' END,
              CASE WHEN pub THEN at + interval '1 day' END, CASE WHEN pub THEN user_base + 4 END, user_base + 2, at, at
       FROM (SELECT t.code, t.ord, t.user_base, g, timestamptz '2020-06-30T15:00:00Z' + (random() * 548) * interval '1 day' AS at,
                    (ARRAY['phone','phone','phone','visit','email','sms','letter','website','other'])[1 + floor(random() * 9)::int] AS ch,
                    (ARRAY['mic_staff','city_staff','payment_operator','police','other','unknown'])[1 + floor(random() * 6)::int] AS imp,
                    string_to_array((ARRAY['', 'my_number', 'bank_account,pin', 'money_or_fee', 'family'])[1 + floor(random() * 5)::int], ',') AS items,
                    CASE WHEN random() < 0.05 THEN 1000 * (1 + floor(random() * 300)::int) ELSE 0 END AS dmg,
                    (string_to_array(t.districts, ','))[1 + floor(random() * 4)::int] AS dist,
                    (ARRAY['new','investigating','referred_police','closed'])[1 + floor(random() * 4)::int] AS st,
                    g % 50 = 0 AS pub
             FROM bench_towns t CROSS JOIN LATERAL generate_series(1, t.frauds) g) x
       ORDER BY ord, g`,
    );
    for (const x of [...structures].reverse()) {
      await step(
        `${x.kind === 'fk' ? 'check' : 'build'} ${x.name}`,
        x.kind === 'index' ? x.def : `ALTER TABLE ${x.tbl} ADD CONSTRAINT ${x.name} ${x.def}`,
      );
    }
    await step('drop scratch tables', 'DROP TABLE bench_people; DROP TABLE bench_awards; DROP TABLE bench_towns');
    // The rules of the triggers that were off, each in one statement over the whole table.
    const broken: string[] = [];
    for (const t of loadTriggers.filter((x) => x.fn === 'check_references')) {
      const [cols, parent, parentCols] = [t.args[0].split(','), t.args[1], t.args[2].split(',')];
      broken.push(
        `(SELECT count(*) FROM ${t.tbl} r WHERE ${cols.map((c) => `r.${c} IS NOT NULL`).join(' AND ')}
            AND NOT EXISTS (SELECT 1 FROM ${parent} p WHERE ${cols.map((c, i) => `p.${parentCols[i]} = r.${c}`).join(' AND ')}))`,
      );
    }
    // The copies; with them right, the point ledger's rule (an award's participant, campaign
    // and applied-to service) is checked in the same pass as the cap law below (every award's
    // participant exists: the load joined each award to its application).
    broken.push(
      `(SELECT count(*) FROM participants p LEFT JOIN reservations r ON r.participant_id = p.id LEFT JOIN applications a ON a.participant_id = p.id
         WHERE p.reserved_at IS DISTINCT FROM r.reserved_at OR p.payment_service_id IS DISTINCT FROM a.payment_service_id)`,
    );
    await step(
      `check: ${loadTriggers.filter((x) => x.fn === 'check_references').length} references, the participants' copies`,
      `DO $$ DECLARE wrong bigint; BEGIN
         SELECT ${broken.join(' + ')} INTO wrong;
         IF wrong > 0 THEN RAISE EXCEPTION 'bench dataset: % rows break a rule of a trigger that was off during the load', wrong; END IF;
       END $$`,
    );
    for (const t of loadTriggers) await c.query(`ALTER TABLE ${t.tbl} ENABLE TRIGGER ${t.name}`);
    const hasRebuild = (await c.query(`SELECT 1 FROM pg_proc WHERE proname = 'stats_rebuild'`)).rowCount;
    if (hasRebuild) await step('rollups: stats_rebuild()', 'SELECT stats_rebuild()');
    else log('  rollups: stats_rebuild() is not in this schema yet (skipped)');
    await step('VACUUM ANALYZE', 'VACUUM (ANALYZE)');
    await step(
      'check: the cap law and the point ledger over every participant, and every row in its participant’s municipality',
      `DO $$ DECLARE wrong bigint; BEGIN
         SELECT count(*) INTO wrong FROM participants p
           LEFT JOIN (SELECT participant_id, sum(amount_yen::bigint * 25 / 100) AS base, sum(points) AS awarded,
                             array_agg(DISTINCT campaign_id) AS campaigns, array_agg(DISTINCT payment_service_id) AS services
                        FROM point_awards GROUP BY 1) x ON x.participant_id = p.id
          WHERE p.points_total <> LEAST(coalesce(x.base, 0), p.cap_yen) OR p.points_total <> coalesce(x.awarded, 0)
             OR (x.participant_id IS NOT NULL AND (x.campaigns <> ARRAY[p.campaign_id] OR x.services IS DISTINCT FROM ARRAY[p.payment_service_id]));
         IF wrong > 0 THEN RAISE EXCEPTION 'bench dataset: % participants break points_total = min(sum floor(25%%), cap) or the ledger''s references', wrong; END IF;
         SELECT (SELECT count(*) FROM point_awards a JOIN participants p ON p.id = a.participant_id WHERE a.municipality_code <> p.municipality_code)
              + (SELECT count(*) FROM applications a JOIN participants p ON p.id = a.participant_id WHERE a.municipality_code <> p.municipality_code)
              + (SELECT count(*) FROM reservations r JOIN reservation_quotas q ON q.id = r.quota_id WHERE r.municipality_code <> q.municipality_code)
           INTO wrong;
         IF wrong > 0 THEN RAISE EXCEPTION 'bench dataset: % rows in another municipality than their participant or quota', wrong; END IF;
       END $$`,
    );
    await c.query(`INSERT INTO app_meta (key, value) VALUES ($1, $2)`, [FINGERPRINT_KEY, JSON.stringify({ ...fingerprint, campaign_id: 1 })]);
    return steps;
  } finally {
    await c.end();
  }
}

/** Municipalities the card-uptake figures are generated for (API.md's prefecture scale). */
const CARD_MUNICIPALITIES = 30;

/**
 * Ten years of monthly card-uptake figures for 30 municipalities (issue #20's bench:
 * 120 month ends × 4 districts × 7 age bands each, with MIC's national and prefectural
 * rates and three targets), as the tables' owner. The dataset's own municipality comes
 * first, then the others of the municipalities table, then made-up codes of the same
 * prefecture. Idempotent: a dataset that has the figures keeps them, so a reused
 * dataset gets them once, whatever its version.
 */
export async function ensureCardUptakeFigures(url: string, config: AppConfig, log: (m: string) => void = () => undefined): Promise<void> {
  const c = new Client({ connectionString: url, options: connectionOptions(config) });
  await c.connect();
  try {
    const { rows } = await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM population_figures`);
    if (rows[0].n > 0) return;
    const t = Date.now();
    const known = (await c.query<{ code: string }>(`SELECT code FROM municipalities WHERE code <> $1 ORDER BY code`, [config.municipalityCode])).rows.map((r) => r.code);
    const codes = [config.municipalityCode, ...known];
    for (let i = 0; codes.length < CARD_MUNICIPALITIES; i++) {
      const code = `15${String(9000 + i).padStart(4, '0')}`;
      if (!codes.includes(code)) codes.push(code);
    }
    codes.length = CARD_MUNICIPALITIES;
    await c.query('BEGIN');
    // A logistic-ish rise from 10 % to 95 % over the ten years, each cell a little apart.
    await c.query(
      `INSERT INTO population_figures (municipality_code, as_of, district, age_band, population, card_applications, cards_issued)
       SELECT m.code, d.as_of, dist, band, x.pop, round(x.pop * x.r)::int, round(x.pop * x.r * 0.93)::int
         FROM unnest($1::char(6)[]) AS m(code),
              (SELECT g, ((date '2017-02-01' + make_interval(months => g))::date - 1) AS as_of FROM generate_series(0, 119) g) d,
              unnest(ARRAY['水原','京ヶ瀬','安田','笹神']) AS dist,
              unnest(ARRAY['under_20','20s','30s','40s','50s','60s','70_plus']) AS band,
              LATERAL (SELECT 300 + (hashtext(m.code || dist || band) & 2047) AS pop,
                              least(0.95, 0.1 + 0.85 / (1 + exp(-(d.g - 70) / 12.0)) + ((hashtext(band || m.code) & 63) - 32) / 1000.0) AS r) x`,
      [codes],
    );
    await c.query(
      `INSERT INTO benchmark_rates (municipality_code, as_of, scope, application_rate_percent, issuance_rate_percent)
       SELECT m.code, d.as_of, s.scope, round(d.r * 100 - s.behind, 1), round(d.r * 93 - s.behind, 1)
         FROM unnest($1::char(6)[]) AS m(code),
              (SELECT ((date '2017-02-01' + make_interval(months => g))::date - 1) AS as_of, 0.1 + 0.85 / (1 + exp(-(g - 70) / 12.0)) AS r FROM generate_series(0, 119) g) d,
              (VALUES ('national', 0.0), ('prefecture', 0.8)) AS s(scope, behind)`,
      [codes],
    );
    await c.query(
      `INSERT INTO targets (municipality_code, name, metric, percent, due_on)
       SELECT m.code, t.name, t.metric, t.percent, t.due_on::date
         FROM unnest($1::char(6)[]) AS m(code),
              (VALUES ('国の交付金の要件（申請率）', 'application_rate', 53.9, '2022-12-31'), ('交付率', 'issuance_rate', 80.0, '2027-03-31'), ('申請率', 'application_rate', 88.0, '2028-03-31')) AS t(name, metric, percent, due_on)`,
      [codes],
    );
    await c.query('COMMIT');
    await c.query('ANALYZE population_figures, benchmark_rates, targets');
    log(`  card-uptake figures: ${codes.length} municipalities × 120 months in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  } catch (e) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    await c.end();
  }
}
