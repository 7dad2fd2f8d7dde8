import { MigrationInterface, QueryRunner } from 'typeorm';

// The whole city's counter figures per JST day × hour × outcome × reason, without
// clerk and office. assistance_hourly_stats keeps the clerk (counter staff read their
// own figures) and the office, so on the benchmark's 300,000 visits it holds about
// 190,000 rows and the city-wide counter panel scanned all of them three times per
// request (265 ms at p50 under load). This table is what the city-wide panel and the
// summary read: days × opening hours × a handful of outcomes, a few thousand rows.
//
// Kept like every rollup: statement-level triggers with transition tables on
// assistance_records (one aggregate upsert per statement, in key order), a TRUNCATE
// trigger, and stats_rebuild() recomputes it (the previous stats_rebuild() is kept
// under the name stats_rebuild_daily() and called first).

const KEY = 'municipality_code, day, hour, outcome, unable_reason';

const rows = (table: string, sign: 1 | -1) => `
  SELECT municipality_code,
         (visited_at AT TIME ZONE 'Asia/Tokyo')::date AS day,
         extract(hour FROM visited_at AT TIME ZONE 'Asia/Tokyo')::smallint AS hour,
         outcome, unable_reason,
         ${sign} AS visits, ${sign} * duration_minutes AS minutes
  FROM ${table}`;

// Rows brought to zero are removed in the same statement (found by the ctid the
// upsert returns), so the table always equals what stats_rebuild() computes.
const upsert = (source: string) => `
  WITH up AS (
    INSERT INTO assistance_city_hourly_stats AS s (${KEY}, visits, minutes)
    SELECT ${KEY}, sum(visits), sum(minutes)
    FROM (${source}) d
    GROUP BY ${KEY}
    HAVING sum(visits) <> 0 OR sum(minutes) <> 0
    ORDER BY ${KEY}
    ON CONFLICT ON CONSTRAINT assistance_city_hourly_stats_key
    DO UPDATE SET visits = s.visits + EXCLUDED.visits, minutes = s.minutes + EXCLUDED.minutes
    RETURNING s.ctid AS row_id, s.visits, s.minutes)
  SELECT array_agg(row_id) INTO gone FROM up WHERE visits = 0 AND minutes = 0;
  DELETE FROM assistance_city_hourly_stats WHERE ctid = ANY(gone);`;

export class CounterCityStats1764001200000 implements MigrationInterface {
  name = 'CounterCityStats1764001200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE assistance_city_hourly_stats (
        municipality_code char(6) NOT NULL,
        day               date NOT NULL,
        hour              smallint NOT NULL CHECK (hour BETWEEN 0 AND 23),
        outcome           text NOT NULL,
        unable_reason     text,
        -- No CHECK (>= 0): INSERT … ON CONFLICT checks the proposed (negative) delta row.
        visits            int NOT NULL,
        minutes           int NOT NULL,
        CONSTRAINT assistance_city_hourly_stats_key UNIQUE NULLS NOT DISTINCT (${KEY})
      );

      CREATE FUNCTION assistance_city_stats_sync() RETURNS trigger LANGUAGE plpgsql AS $fn$
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

      CREATE TRIGGER assistance_records_city_stats_insert AFTER INSERT ON assistance_records
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION assistance_city_stats_sync();
      CREATE TRIGGER assistance_records_city_stats_update AFTER UPDATE ON assistance_records
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION assistance_city_stats_sync();
      CREATE TRIGGER assistance_records_city_stats_delete AFTER DELETE ON assistance_records
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION assistance_city_stats_sync();

      CREATE FUNCTION assistance_city_stats_truncate() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        TRUNCATE assistance_city_hourly_stats;
        RETURN NULL;
      END $fn$;
      CREATE TRIGGER assistance_records_city_stats_truncate AFTER TRUNCATE ON assistance_records
        FOR EACH STATEMENT EXECUTE FUNCTION assistance_city_stats_truncate();

      ALTER FUNCTION stats_rebuild() RENAME TO stats_rebuild_daily;
      CREATE FUNCTION stats_rebuild() RETURNS void LANGUAGE plpgsql AS $fn$
      BEGIN
        PERFORM stats_rebuild_daily();
        TRUNCATE assistance_city_hourly_stats;
        INSERT INTO assistance_city_hourly_stats (${KEY}, visits, minutes)
        SELECT ${KEY}, sum(visits), sum(minutes) FROM (${rows('assistance_records', 1)}) d GROUP BY ${KEY};
        ANALYZE assistance_city_hourly_stats;
      END $fn$;

      INSERT INTO assistance_city_hourly_stats (${KEY}, visits, minutes)
      SELECT ${KEY}, sum(visits), sum(minutes) FROM (${rows('assistance_records', 1)}) d GROUP BY ${KEY};
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP FUNCTION stats_rebuild();
      ALTER FUNCTION stats_rebuild_daily() RENAME TO stats_rebuild;
      DROP TRIGGER assistance_records_city_stats_truncate ON assistance_records;
      DROP TRIGGER assistance_records_city_stats_delete ON assistance_records;
      DROP TRIGGER assistance_records_city_stats_update ON assistance_records;
      DROP TRIGGER assistance_records_city_stats_insert ON assistance_records;
      DROP FUNCTION assistance_city_stats_truncate();
      DROP FUNCTION assistance_city_stats_sync();
      DROP TABLE assistance_city_hourly_stats;
    `);
  }
}
