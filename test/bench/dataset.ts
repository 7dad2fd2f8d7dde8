import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { Client } from 'pg';
import { loadConfig, type AppConfig } from '../../apps/api/src/config/app-config';
import { connectionOptions, runMigrations } from '../../apps/api/src/database/data-source';
import { DEMO_PASSWORD } from '../../apps/api/src/database/seed/users.seed';
import { hashPassword } from '../../apps/api/src/common/auth/password';

// The city-scale benchmark dataset, generated set-based in its own database
// (`mynapoint_bench`, or `mynapoint_bench_quick` at a tenth of the size) with the
// app's own migrations, so every CHECK, foreign key and trigger of the schema holds
// for it. A fingerprint row in app_meta, written last, says the dataset is complete:
// a later run with the same fingerprint reuses it instead of generating again.

/** Not a secret: the key the bench's MyKey IDs are hashed with (the app under test gets the same). */
// Not a word the production secret check refuses (the app runs with NODE_ENV=production).
export const BENCH_HMAC_SECRET = '3f9c1e7a5b2d48c6a0e4f7b19d3c5a82e6f0b4d7c91a2e5f';
const FINGERPRINT_KEY = 'bench_dataset';
const VERSION = 5;

export interface Scale {
  participants: number;
  applications: number;
  pointAwards: number;
  assistanceRecords: number;
  fraudAlerts: number;
  paymentServices: number;
}

export const FULL: Scale = {
  participants: 1_000_000,
  applications: 800_000,
  pointAwards: 5_000_000,
  assistanceRecords: 300_000,
  fraudAlerts: 10_000,
  paymentServices: 60,
};

export function scaleFor(quick: boolean): Scale {
  if (!quick) return FULL;
  const tenth = (n: number) => Math.round(n / 10);
  return { ...FULL, participants: tenth(FULL.participants), applications: tenth(FULL.applications), pointAwards: tenth(FULL.pointAwards), assistanceRecords: tenth(FULL.assistanceRecords), fraudAlerts: tenth(FULL.fraudAlerts) };
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
        return { url, database, scale, config, reused: true, seconds: (Date.now() - t0) / 1000, steps: [], campaignId: found.campaignId };
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
  return { url, database, scale, config, reused: false, seconds: (Date.now() - t0) / 1000, steps, campaignId: 1 };
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
  const N = s.participants;
  try {
    // One big transaction would hold every row's WAL until the end; each step is its own.
    await c.query(`SET work_mem = '256MB'; SET maintenance_work_mem = '512MB'; SET synchronous_commit = off`);
    await c.query('SELECT setseed(0.20200701)');

    // Bulk-load shape: the big tables' foreign keys, unique constraints and indexes are
    // taken off (their definitions read from the catalog) and put back after the load,
    // so PostgreSQL checks each one once, set-based, instead of row by row.
    const BIG = ['participants', 'reservations', 'applications', 'point_awards'];
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
    // off: a scan of 1,000,000 reservations per row.) Rules' triggers stay on.
    const { rows: rollupTriggers } = await c.query<{ tbl: string; name: string }>(
      `SELECT tgrelid::regclass::text AS tbl, tgname AS name FROM pg_trigger
        WHERE NOT tgisinternal AND tgrelid::regclass::text = ANY($1) AND tgname LIKE '%\\_stats\\_%'`,
      [BIG],
    );
    for (const t of rollupTriggers) await c.query(`ALTER TABLE ${t.tbl} DISABLE TRIGGER ${t.name}`);

    await step(
      'users (4 roles + 20 counter clerks)',
      `INSERT INTO users (username, display_name, role, password_hash)
       VALUES ('admin', 'システム管理者', 'admin', $1), ('policy', '政策推進係', 'policy', $1),
              ('counter', '市民係 窓口', 'counter', $1), ('manager', '市民生活課長', 'manager', $1);
       INSERT INTO users (username, display_name, role, password_hash)
       SELECT 'clerk' || lpad(g::text, 2, '0'), '窓口 ' || g || ' 番', 'counter', $1 FROM generate_series(1, 20) g`.replace(/\$1/g, () => `'${password}'`),
    );
    await step(
      `payment services (${s.paymentServices})`,
      `INSERT INTO payment_services (name, operator, kind, pre_registration_required, applications_open_on, status)
       SELECT 'ベンチ決済 ' || g, '決済事業者 ' || g,
              (ARRAY['ic_emoney','qr_code','credit_card','debit_card','prepaid','other'])[1 + g % 6],
              g % 7 = 0, date '2020-07-01', 'active'
       FROM generate_series(1, ${s.paymentServices}) g`,
    );
    await step(
      'campaign and quota',
      `INSERT INTO campaigns (name, reservation_opens_on, reservation_closes_on, application_opens_on, application_closes_on,
                              earning_starts_on, earning_ends_on, award_rate_percent, cap_per_person_yen)
       VALUES ('マイナポイント（ベンチ）', '2020-07-01', '2021-12-31', '2020-07-01', '2021-12-31', '2020-09-01', '2021-12-31', 25, 5000);
       INSERT INTO reservation_quotas (campaign_id, name, capacity, opens_at, closes_at, used)
       VALUES (1, '通年枠', ${Math.round(N * 1.2)}, '2020-06-30T15:00:00Z', '2021-12-31T15:00:00Z', ${N})`,
    );
    // Reservation instants: an uptake curve (many early, a long tail), in JST office-ish hours.
    await step(
      `participants (${N.toLocaleString('en-US')}, MyKey ID as HMAC-SHA-256 + last 4)`,
      `CREATE UNLOGGED TABLE bench_people AS
       SELECT g AS id, timestamptz '2020-06-30T15:00:00Z'
                + (floor(power(random(), 1.7) * 548) * interval '1 day') + ((7 + floor(random() * 14)) * interval '1 hour')
                + (floor(random() * 60) * interval '1 minute') AS reserved_at
       FROM generate_series(1, ${N}) g;
       INSERT INTO participants (id, campaign_id, mykey_hash, mykey_last4, cap_yen, created_at, reserved_at)
       SELECT id, 1, sha256('\\x${opad.toString('hex')}'::bytea || sha256('\\x${ipad.toString('hex')}'::bytea || convert_to(${MYKEY_SQL('id')}, 'UTF8'))), right(${MYKEY_SQL('id')}, 4), 5000, reserved_at, reserved_at
       FROM bench_people ORDER BY id;
       SELECT setval('participants_id_seq', ${N})`,
    );
    await step(
      'reservations',
      `INSERT INTO reservations (quota_id, participant_id, channel, reserved_at, age_band, district, created_at)
       SELECT 1, id, (ARRAY['self_smartphone','self_smartphone','self_smartphone','self_pc','self_pc','counter'])[1 + floor(random() * 6)::int],
              reserved_at, (ARRAY['under_20','20s','30s','40s','50s','60s','70_plus'])[1 + floor(random() * 7)::int],
              (ARRAY['水原','京ヶ瀬','安田','笹神'])[1 + floor(random() * 4)::int], reserved_at
       FROM bench_people ORDER BY id`,
    );
    // The first `applications` participants applied, a few days after reserving, to a
    // payment service drawn with a long tail (a few services take most people).
    await step(
      `applications (${s.applications.toLocaleString('en-US')})`,
      `INSERT INTO applications (participant_id, payment_service_id, applied_at, channel, created_at)
       SELECT id, 1 + floor(power(random(), 2.5) * ${s.paymentServices})::int, at,
              (ARRAY['self_smartphone','self_smartphone','self_pc','counter'])[1 + floor(random() * 4)::int], at
       FROM (SELECT id, least(reserved_at + floor(random() * 20) * interval '1 day', timestamptz '2021-12-31T14:00:00Z') AS at
             FROM bench_people WHERE id <= ${s.applications}) x
       ORDER BY id`,
    );
    // Awards in ledger order (participant, date, transaction id); each takes
    // min(floor(25%), what is left under the cap), so points_total = min(Σ base, cap).
    await step(
      `point awards (${s.pointAwards.toLocaleString('en-US')}, the cap applied)`,
      `CREATE UNLOGGED TABLE bench_awards AS
       SELECT k, 1 + floor(random() * ${s.applications})::int AS participant_id,
              date '2020-09-01' + floor(random() * 486)::int AS transaction_date,
              CASE WHEN random() < 0.5 THEN 'charge' ELSE 'purchase' END AS kind,
              (100 + floor(power(random(), 2) * 20000))::int AS amount_yen
       FROM generate_series(1, ${s.pointAwards}) k;
       INSERT INTO point_awards (participant_id, campaign_id, payment_service_id, external_id, transaction_date, kind, amount_yen, points, created_at)
       SELECT b.participant_id, 1, a.payment_service_id, 'BX' || lpad(b.k::text, 9, '0'), b.transaction_date, b.kind, b.amount_yen,
              greatest(0, least(b.base, 5000 - (b.running - b.base)))::int,
              (b.transaction_date + time '12:00') AT TIME ZONE 'Asia/Tokyo'
       FROM (SELECT *, amount_yen * 25 / 100 AS base,
                    sum(amount_yen * 25 / 100) OVER (PARTITION BY participant_id ORDER BY transaction_date, k ROWS UNBOUNDED PRECEDING) AS running
             FROM bench_awards) b
       JOIN applications a ON a.participant_id = b.participant_id
       ORDER BY b.participant_id, b.transaction_date, b.k`,
    );
    await step(
      'participants.points_total',
      `UPDATE participants p SET points_total = x.total
       FROM (SELECT participant_id, sum(points)::int AS total FROM point_awards GROUP BY 1) x
       WHERE p.id = x.participant_id`,
    );
    for (const x of [...structures].reverse()) {
      await step(
        `${x.kind === 'fk' ? 'check' : 'build'} ${x.name}`,
        x.kind === 'index' ? x.def : `ALTER TABLE ${x.tbl} ADD CONSTRAINT ${x.name} ${x.def}`,
      );
    }
    // Visits on weekdays, 8:30–17:15 JST, at the main office mostly; card applications
    // only at the main office, an unable reason exactly when unable (the CHECKs).
    await step(
      `assistance records (${s.assistanceRecords.toLocaleString('en-US')})`,
      `INSERT INTO assistance_records (visited_at, office, staff_id, assistance_types, payment_service_id, outcome, unable_reason,
                                       duration_minutes, age_band, district, created_at, updated_at)
       SELECT at, office, staff, types, svc, outcome, CASE WHEN outcome = 'unable' THEN reason END, dur, age, dist, at, at
       FROM (SELECT timestamptz '2020-06-30T23:30:00Z' + (d * interval '1 day') + (floor(random() * 525) * interval '1 minute') AS at,
                    CASE WHEN random() < 0.75 THEN 'main_office' ELSE 'branch_office' END AS office,
                    4 + 1 + floor(random() * 20)::int AS staff,
                    string_to_array((ARRAY['mykey_reservation', 'point_application', 'mykey_reservation,point_application',
                           'cert_renewal', 'pin_reset', 'inquiry', 'pc_lending', 'fraud_consultation'])[1 + floor(random() * 8)::int], ',') AS types,
                    CASE WHEN random() < 0.4 THEN 1 + floor(power(random(), 2.5) * ${s.paymentServices})::int END AS svc,
                    (ARRAY['completed','completed','completed','completed','follow_up','unable'])[1 + floor(random() * 6)::int] AS outcome,
                    (ARRAY['pin_locked','cert_expired','cert_renewed_within_24h','no_card','unsupported_device','quota_closed','other'])[1 + floor(random() * 7)::int] AS reason,
                    5 + floor(random() * 40)::int AS dur,
                    (ARRAY['under_20','20s','30s','40s','50s','60s','70_plus','70_plus','60s'])[1 + floor(random() * 9)::int] AS age,
                    (ARRAY['水原','京ヶ瀬','安田','笹神'])[1 + floor(random() * 4)::int] AS dist
             FROM (SELECT d FROM generate_series(0, 547) d
                   WHERE extract(isodow FROM date '2020-07-01' + d) < 6) days,
                  LATERAL generate_series(1, ${Math.ceil(s.assistanceRecords / 392)}) n) x
       ORDER BY at
       LIMIT ${s.assistanceRecords}`,
    );
    // Reports: personal information asked → at least medium; money, passbook or PIN
    // asked, or damage → high (the severity floors); some notices published.
    await step(
      `fraud alerts (${s.fraudAlerts.toLocaleString('en-US')})`,
      `INSERT INTO fraud_alerts (reported_at, channel, impersonated, requested_items, damage_yen, district, description, status, severity,
                                 notice_title, notice_body, notice_published_at, notice_published_by, reported_by, created_at, updated_at)
       SELECT at, ch, imp, items, dmg, dist, '不審な電話: マイナポイントの手続きを装い、情報を聞き出そうとした（ベンチ ' || g || '）', st,
              CASE WHEN dmg > 0 OR items && ARRAY['money_or_fee','passbook_or_cash_card','pin'] THEN 'high'
                   WHEN items && ARRAY['my_number','bank_account','assets','family'] THEN 'medium' ELSE 'low' END,
              CASE WHEN pub THEN 'マイナポイントを装った詐欺にご注意ください' END,
              CASE WHEN pub THEN '市や国の職員が暗証番号や口座番号を聞くことはありません。' END,
              CASE WHEN pub THEN at + interval '1 day' END, CASE WHEN pub THEN 4 END, 2, at, at
       FROM (SELECT g, timestamptz '2020-06-30T15:00:00Z' + (random() * 548) * interval '1 day' AS at,
                    (ARRAY['phone','phone','phone','visit','email','sms','letter','website','other'])[1 + floor(random() * 9)::int] AS ch,
                    (ARRAY['mic_staff','city_staff','payment_operator','police','other','unknown'])[1 + floor(random() * 6)::int] AS imp,
                    string_to_array((ARRAY['', 'my_number', 'bank_account,pin', 'money_or_fee', 'family'])[1 + floor(random() * 5)::int], ',') AS items,
                    CASE WHEN random() < 0.05 THEN 1000 * (1 + floor(random() * 300)::int) ELSE 0 END AS dmg,
                    (ARRAY['水原','京ヶ瀬','安田','笹神'])[1 + floor(random() * 4)::int] AS dist,
                    (ARRAY['new','investigating','referred_police','closed'])[1 + floor(random() * 4)::int] AS st,
                    g % 50 = 0 AS pub
             FROM generate_series(1, ${s.fraudAlerts}) g) x`,
    );
    await step('drop scratch tables', 'DROP TABLE bench_people; DROP TABLE bench_awards');
    for (const t of rollupTriggers) await c.query(`ALTER TABLE ${t.tbl} ENABLE TRIGGER ${t.name}`);
    const hasRebuild = (await c.query(`SELECT 1 FROM pg_proc WHERE proname = 'stats_rebuild'`)).rowCount;
    if (hasRebuild) await step('rollups: stats_rebuild()', 'SELECT stats_rebuild()');
    else log('  rollups: stats_rebuild() is not in this schema yet (skipped)');
    await step('VACUUM ANALYZE', 'VACUUM (ANALYZE)');
    await step(
      'check: the cap law over every participant',
      `DO $$ DECLARE wrong bigint; BEGIN
         SELECT count(*) INTO wrong FROM participants p
           LEFT JOIN (SELECT participant_id, sum(amount_yen::bigint * 25 / 100) AS base, sum(points) AS awarded FROM point_awards GROUP BY 1) x ON x.participant_id = p.id
          WHERE p.points_total <> LEAST(coalesce(x.base, 0), p.cap_yen) OR p.points_total <> coalesce(x.awarded, 0);
         IF wrong > 0 THEN RAISE EXCEPTION 'bench dataset: % participants break points_total = min(sum floor(25%%), cap)', wrong; END IF;
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
