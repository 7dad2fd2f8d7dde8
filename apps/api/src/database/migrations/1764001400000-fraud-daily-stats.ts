import { MigrationInterface, QueryRunner } from 'typeorm';

// GET /api/stats/fraud from a rollup, like every other stats endpoint: one row per JST
// day holding the counts the panel shows, one column per value —
//   reports, damage_yen, damaged                 the series and the totals
//   channel_<v>, impersonated_<v>                the series' breakdowns
//   item_<v>, severity_<v>, status_<v>           the range's breakdowns
// The panel never crosses two dimensions, so one wide row per day replaces the
// aggregate over every alert: on the benchmark's 10,000 alerts over 18 months the
// day × channel × impersonated groups alone were 7,700 (a rollup of them would be
// as large as the table), and the three aggregates with their per-row date and array
// work cost about 27 ms of CPU per request. Here: about 550 rows.
//
// Kept like every rollup: a statement-level trigger with transition tables on
// fraud_alerts (an aggregate upsert per statement, a row brought to zero reports
// removed), a TRUNCATE trigger, and stats_rebuild() recomputes it (the previous
// stats_rebuild() is kept as stats_rebuild_without_fraud() and called first).
//
// The values are frozen here, as the CHECK constraints of fraud_alerts freeze them: a
// new channel or status is a migration of both. A test checks that every value of the
// domain's enums has its column.

export const FRAUD_DAILY_COLUMNS = {
  channel: ['phone', 'visit', 'email', 'sms', 'letter', 'website', 'other'],
  impersonated: ['mic_staff', 'city_staff', 'payment_operator', 'police', 'other', 'unknown'],
  item: ['my_number', 'bank_account', 'pin', 'assets', 'family', 'passbook_or_cash_card', 'money_or_fee', 'other'],
  severity: ['low', 'medium', 'high'],
  status: ['new', 'investigating', 'referred_police', 'closed'],
} as const;

const KEY = 'municipality_code, day';

// Each alert's contribution (sign −1 for the rows a statement took away).
const contributions: Array<[string, (sign: string) => string]> = [
  ['reports', (s) => s],
  ['damage_yen', (s) => `${s}::bigint * damage_yen`],
  ['damaged', (s) => `${s} * (damage_yen > 0)::int`],
  ...FRAUD_DAILY_COLUMNS.channel.map((v): [string, (s: string) => string] => [`channel_${v}`, (s) => `${s} * (channel = '${v}')::int`]),
  ...FRAUD_DAILY_COLUMNS.impersonated.map((v): [string, (s: string) => string] => [`impersonated_${v}`, (s) => `${s} * (impersonated = '${v}')::int`]),
  ...FRAUD_DAILY_COLUMNS.item.map((v): [string, (s: string) => string] => [`item_${v}`, (s) => `${s} * ('${v}' = ANY(requested_items))::int`]),
  ...FRAUD_DAILY_COLUMNS.severity.map((v): [string, (s: string) => string] => [`severity_${v}`, (s) => `${s} * (severity = '${v}')::int`]),
  ...FRAUD_DAILY_COLUMNS.status.map((v): [string, (s: string) => string] => [`status_${v}`, (s) => `${s} * (status = '${v}')::int`]),
];
const COLUMNS = contributions.map(([name]) => name);

const rows = (table: string, sign: 1 | -1) => `
  SELECT municipality_code, (reported_at AT TIME ZONE 'Asia/Tokyo')::date AS day,
         ${contributions.map(([name, expr]) => `${expr(String(sign))} AS ${name}`).join(',\n         ')}
  FROM ${table}`;

// A status change nets to zero reports but moves one count from a status to another,
// so a delta row is kept when any of its sums is not zero.
const upsert = (source: string) => `
  WITH up AS (
    INSERT INTO fraud_daily_stats AS s (${KEY}, ${COLUMNS.join(', ')})
    SELECT ${KEY}, ${COLUMNS.map((c) => `sum(${c})`).join(', ')}
    FROM (${source}) d
    GROUP BY ${KEY}
    HAVING ${COLUMNS.map((c) => `sum(${c}) <> 0`).join(' OR ')}
    ORDER BY ${KEY}
    ON CONFLICT ON CONSTRAINT fraud_daily_stats_key
    DO UPDATE SET ${COLUMNS.map((c) => `${c} = s.${c} + EXCLUDED.${c}`).join(', ')}
    RETURNING s.ctid AS row_id, s.reports)
  SELECT array_agg(row_id) INTO gone FROM up WHERE reports = 0;
  DELETE FROM fraud_daily_stats WHERE ctid = ANY(gone);`;

const REBUILD = `
  INSERT INTO fraud_daily_stats (${KEY}, ${COLUMNS.join(', ')})
  SELECT ${KEY}, ${COLUMNS.map((c) => `sum(${c})`).join(', ')} FROM (${rows('fraud_alerts', 1)}) d GROUP BY ${KEY};`;

export class FraudDailyStats1764001400000 implements MigrationInterface {
  name = 'FraudDailyStats1764001400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- No CHECK (>= 0) on the counts: INSERT … ON CONFLICT checks the proposed (negative) delta row.
      CREATE TABLE fraud_daily_stats (
        municipality_code char(6) NOT NULL,
        day               date NOT NULL,
        reports           int NOT NULL,
        damage_yen        bigint NOT NULL,
        ${COLUMNS.filter((c) => c !== 'reports' && c !== 'damage_yen').map((c) => `${c} int NOT NULL`).join(',\n        ')},
        CONSTRAINT fraud_daily_stats_key UNIQUE (${KEY})
      );

      CREATE FUNCTION fraud_daily_stats_sync() RETURNS trigger LANGUAGE plpgsql AS $fn$
      DECLARE gone tid[];
      BEGIN
        -- Each branch names only the transition tables its trigger has.
        IF TG_OP = 'INSERT' THEN
          ${upsert(rows('new_rows', 1))}
        ELSIF TG_OP = 'DELETE' THEN
          ${upsert(rows('old_rows', -1))}
        ELSE
          ${upsert(`${rows('new_rows', 1)} UNION ALL ${rows('old_rows', -1)}`)}
        END IF;
        RETURN NULL;
      END $fn$;

      CREATE TRIGGER fraud_alerts_stats_insert AFTER INSERT ON fraud_alerts
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION fraud_daily_stats_sync();
      CREATE TRIGGER fraud_alerts_stats_update AFTER UPDATE ON fraud_alerts
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION fraud_daily_stats_sync();
      CREATE TRIGGER fraud_alerts_stats_delete AFTER DELETE ON fraud_alerts
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION fraud_daily_stats_sync();

      CREATE FUNCTION fraud_daily_stats_truncate() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        TRUNCATE fraud_daily_stats;
        RETURN NULL;
      END $fn$;
      CREATE TRIGGER fraud_alerts_stats_truncate AFTER TRUNCATE ON fraud_alerts
        FOR EACH STATEMENT EXECUTE FUNCTION fraud_daily_stats_truncate();

      ALTER FUNCTION stats_rebuild() RENAME TO stats_rebuild_without_fraud;
      CREATE FUNCTION stats_rebuild() RETURNS void LANGUAGE plpgsql AS $fn$
      BEGIN
        PERFORM stats_rebuild_without_fraud();
        TRUNCATE fraud_daily_stats;
        ${REBUILD}
        ANALYZE fraud_daily_stats;
      END $fn$;

      ${REBUILD}
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP FUNCTION stats_rebuild();
      ALTER FUNCTION stats_rebuild_without_fraud() RENAME TO stats_rebuild;
      DROP TRIGGER fraud_alerts_stats_truncate ON fraud_alerts;
      DROP TRIGGER fraud_alerts_stats_delete ON fraud_alerts;
      DROP TRIGGER fraud_alerts_stats_update ON fraud_alerts;
      DROP TRIGGER fraud_alerts_stats_insert ON fraud_alerts;
      DROP FUNCTION fraud_daily_stats_truncate();
      DROP FUNCTION fraud_daily_stats_sync();
      DROP TABLE fraud_daily_stats;
    `);
  }
}
