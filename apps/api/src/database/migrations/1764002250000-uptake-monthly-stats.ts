import { MigrationInterface, QueryRunner } from 'typeorm';

// uptake_monthly_stats: reservations and applications per municipality × campaign ×
// month × dimension (channel, age band, district) × value, a month rollup of
// uptake_daily_stats kept exactly as migration 1764001600000 keeps the payment-service
// month rollups (statement-level triggers on the daily table, one aggregate statement
// each, a TRUNCATE trigger).
//
// Why: a prefecture user's dashboard sums the daily rollup of every municipality of the
// prefecture. On the bench's 30 municipalities that is about 250,000 daily rows per
// /stats/uptake (p95 185 ms at 4 clients, target 100 ms); by month it is about 8,000.
// The stats take the whole months of a range from here and the days at its edges from
// the daily table (wholeMonths in libs/domain), so every range gives what the daily
// table alone would.
//
// An UPDATE or DELETE of daily rows only changes month rows that exist (an UPDATE, not an
// upsert): a daily row's key never changes and its month row exists while it does, and
// the operator's removal of a municipality's data, which may empty this table before the
// daily one (whose rows its deletes of reservations still change), leaves no negative row
// behind.

const KEY = 'municipality_code, campaign_id, month, dimension, value';
const VALUES = ['reservations', 'applications'];
const ME = '(SELECT current_municipality())';
const STATS_SCOPE = '(SELECT stats_municipalities())::char(6)[]';

const monthRows = (table: string, sign: 1 | -1) => `
  SELECT municipality_code, campaign_id, date_trunc('month', day)::date AS month, dimension, value,
         ${VALUES.map((v) => `${sign} * ${v} AS ${v}`).join(', ')}
  FROM ${table}`;

const grouped = (source: string) => `
  SELECT ${KEY}, ${VALUES.map((v) => `sum(${v}) AS ${v}`).join(', ')}
  FROM (${source}) d
  GROUP BY ${KEY}
  HAVING ${VALUES.map((v) => `sum(${v}) <> 0`).join(' OR ')}
  ORDER BY ${KEY}`;

// Rows brought to zero are removed by their ctid, in the same statement's trigger.
const removeZeros = (returning: string) => `
  WITH up AS (${returning})
  SELECT array_agg(row_id) INTO gone FROM up WHERE ${VALUES.map((v) => `${v} = 0`).join(' AND ')};
  DELETE FROM uptake_monthly_stats WHERE ctid = ANY(gone);`;

const upsert = (source: string) =>
  removeZeros(`
    INSERT INTO uptake_monthly_stats AS s (${KEY}, ${VALUES.join(', ')})
    ${grouped(source)}
    ON CONFLICT ON CONSTRAINT uptake_monthly_stats_key
    DO UPDATE SET ${VALUES.map((v) => `${v} = s.${v} + EXCLUDED.${v}`).join(', ')}
    RETURNING s.ctid AS row_id, ${VALUES.map((v) => `s.${v}`).join(', ')}`);

const adjust = (source: string) =>
  removeZeros(`
    UPDATE uptake_monthly_stats s SET ${VALUES.map((v) => `${v} = s.${v} + d.${v}`).join(', ')}
      FROM (${grouped(source)}) d
     WHERE s.municipality_code = d.municipality_code AND s.campaign_id = d.campaign_id AND s.month = d.month
       AND s.dimension = d.dimension AND s.value IS NOT DISTINCT FROM d.value
    RETURNING s.ctid AS row_id, ${VALUES.map((v) => `s.${v}`).join(', ')}`);

export class UptakeMonthlyStats1764002250000 implements MigrationInterface {
  name = 'UptakeMonthlyStats1764002250000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- No CHECK (>= 0) on the counts: INSERT … ON CONFLICT checks the proposed (negative) delta row.
      CREATE TABLE uptake_monthly_stats (
        municipality_code char(6) NOT NULL,
        campaign_id       int NOT NULL,
        month             date NOT NULL CHECK (extract(day FROM month) = 1),
        dimension         text NOT NULL CHECK (dimension IN ('channel','age_band','district')),
        value             text,
        reservations      int NOT NULL,
        applications      int NOT NULL,
        CONSTRAINT uptake_monthly_stats_key UNIQUE NULLS NOT DISTINCT (${KEY})
      );

      CREATE FUNCTION uptake_monthly_stats_sync() RETURNS trigger LANGUAGE plpgsql AS $fn$
      DECLARE gone tid[];
      BEGIN
        -- Each branch names only the transition tables its trigger has.
        IF TG_OP = 'INSERT' THEN
          ${upsert(monthRows('new_rows', 1))}
        ELSIF TG_OP = 'DELETE' THEN
          ${adjust(monthRows('old_rows', -1))}
        ELSE
          ${adjust(`${monthRows('new_rows', 1)} UNION ALL ${monthRows('old_rows', -1)}`)}
        END IF;
        RETURN NULL;
      END $fn$;
      CREATE TRIGGER uptake_daily_stats_month_insert AFTER INSERT ON uptake_daily_stats
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION uptake_monthly_stats_sync();
      CREATE TRIGGER uptake_daily_stats_month_update AFTER UPDATE ON uptake_daily_stats
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION uptake_monthly_stats_sync();
      CREATE TRIGGER uptake_daily_stats_month_delete AFTER DELETE ON uptake_daily_stats
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION uptake_monthly_stats_sync();

      CREATE FUNCTION uptake_monthly_stats_truncate() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        TRUNCATE uptake_monthly_stats;
        RETURN NULL;
      END $fn$;
      CREATE TRIGGER uptake_daily_stats_month_truncate AFTER TRUNCATE ON uptake_daily_stats
        FOR EACH STATEMENT EXECUTE FUNCTION uptake_monthly_stats_truncate();

      INSERT INTO uptake_monthly_stats (${KEY}, ${VALUES.join(', ')})
      SELECT ${KEY}, ${VALUES.map((v) => `sum(${v})`).join(', ')} FROM (${monthRows('uptake_daily_stats', 1)}) m GROUP BY ${KEY};
      ANALYZE uptake_monthly_stats;

      -- A municipality's own rows, and a prefecture's municipalities' for reading, like every rollup.
      ALTER TABLE uptake_monthly_stats ENABLE ROW LEVEL SECURITY;
      CREATE POLICY tenant ON uptake_monthly_stats USING (municipality_code = ${ME}) WITH CHECK (municipality_code = ${ME});
      CREATE POLICY prefecture_read ON uptake_monthly_stats FOR SELECT USING (municipality_code = ANY (${STATS_SCOPE}));
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER uptake_daily_stats_month_truncate ON uptake_daily_stats;
      DROP TRIGGER uptake_daily_stats_month_delete ON uptake_daily_stats;
      DROP TRIGGER uptake_daily_stats_month_update ON uptake_daily_stats;
      DROP TRIGGER uptake_daily_stats_month_insert ON uptake_daily_stats;
      DROP FUNCTION uptake_monthly_stats_truncate();
      DROP FUNCTION uptake_monthly_stats_sync();
      DROP TABLE uptake_monthly_stats;
    `);
  }
}
