import { MigrationInterface, QueryRunner } from 'typeorm';

// The whole city's counter figures, without clerk and office, in two small rollups:
//   assistance_city_daily_stats  visits and minutes per JST day × outcome × reason
//                                (the totals, the outcomes, the reasons, the series)
//   assistance_city_hour_stats   visits per JST day × hour (the weekday × hour heatmap)
// assistance_hourly_stats keeps the clerk (counter staff read their own figures) and
// the office, so on the benchmark's 300,000 visits it holds about 190,000 rows, and the
// city-wide counter panel scanned all of them three times per request (265 ms at p50
// under load). These hold about 3,500 and 3,900 rows there.
//
// Kept like every rollup: statement-level triggers with transition tables on
// assistance_records (one aggregate upsert per table and statement, in key order; rows
// brought to zero removed by the ctid the upsert returns), a TRUNCATE trigger, and
// stats_rebuild() recomputes them (the previous stats_rebuild() is kept under the name
// stats_rebuild_daily() and called first).

const DAILY_KEY = 'municipality_code, day, outcome, unable_reason';
const HOUR_KEY = 'municipality_code, day, hour';

const rows = (table: string, sign: 1 | -1) => `
  SELECT municipality_code,
         (visited_at AT TIME ZONE 'Asia/Tokyo')::date AS day,
         extract(hour FROM visited_at AT TIME ZONE 'Asia/Tokyo')::smallint AS hour,
         outcome, unable_reason,
         ${sign} AS visits, ${sign} * duration_minutes AS minutes
  FROM ${table}`;

const upsert = (table: string, key: string, values: string[], source: string) => `
  WITH up AS (
    INSERT INTO ${table} AS s (${key}, ${values.join(', ')})
    SELECT ${key}, ${values.map((v) => `sum(${v})`).join(', ')}
    FROM (${source}) d
    GROUP BY ${key}
    HAVING ${values.map((v) => `sum(${v}) <> 0`).join(' OR ')}
    ORDER BY ${key}
    ON CONFLICT ON CONSTRAINT ${table}_key
    DO UPDATE SET ${values.map((v) => `${v} = s.${v} + EXCLUDED.${v}`).join(', ')}
    RETURNING s.ctid AS row_id, ${values.map((v) => `s.${v}`).join(', ')})
  SELECT array_agg(row_id) INTO gone FROM up WHERE ${values.map((v) => `${v} = 0`).join(' AND ')};
  DELETE FROM ${table} WHERE ctid = ANY(gone);`;

const both = (source: string) => `
  ${upsert('assistance_city_daily_stats', DAILY_KEY, ['visits', 'minutes'], source)}
  ${upsert('assistance_city_hour_stats', HOUR_KEY, ['visits'], source)}`;

const REBUILD = `
  INSERT INTO assistance_city_daily_stats (${DAILY_KEY}, visits, minutes)
  SELECT ${DAILY_KEY}, sum(visits), sum(minutes) FROM (${rows('assistance_records', 1)}) d GROUP BY ${DAILY_KEY};
  INSERT INTO assistance_city_hour_stats (${HOUR_KEY}, visits)
  SELECT ${HOUR_KEY}, sum(visits) FROM (${rows('assistance_records', 1)}) d GROUP BY ${HOUR_KEY};`;

export class CounterCityStats1764001200000 implements MigrationInterface {
  name = 'CounterCityStats1764001200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- No CHECK (>= 0) on the counts: INSERT … ON CONFLICT checks the proposed (negative) delta row.
      CREATE TABLE assistance_city_daily_stats (
        municipality_code char(6) NOT NULL,
        day               date NOT NULL,
        outcome           text NOT NULL,
        unable_reason     text,
        visits            int NOT NULL,
        minutes           int NOT NULL,
        CONSTRAINT assistance_city_daily_stats_key UNIQUE NULLS NOT DISTINCT (${DAILY_KEY})
      );
      CREATE TABLE assistance_city_hour_stats (
        municipality_code char(6) NOT NULL,
        day               date NOT NULL,
        hour              smallint NOT NULL CHECK (hour BETWEEN 0 AND 23),
        visits            int NOT NULL,
        CONSTRAINT assistance_city_hour_stats_key UNIQUE (${HOUR_KEY})
      );

      CREATE FUNCTION assistance_city_stats_sync() RETURNS trigger LANGUAGE plpgsql AS $fn$
      DECLARE gone tid[];
      BEGIN
        -- Each branch names only the transition tables its trigger has.
        IF TG_OP = 'INSERT' THEN
          ${both(rows('new_rows', 1))}
        ELSIF TG_OP = 'DELETE' THEN
          ${both(rows('old_rows', -1))}
        ELSE
          ${both(`${rows('new_rows', 1)} UNION ALL ${rows('old_rows', -1)}`)}
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
        TRUNCATE assistance_city_daily_stats, assistance_city_hour_stats;
        RETURN NULL;
      END $fn$;
      CREATE TRIGGER assistance_records_city_stats_truncate AFTER TRUNCATE ON assistance_records
        FOR EACH STATEMENT EXECUTE FUNCTION assistance_city_stats_truncate();

      ALTER FUNCTION stats_rebuild() RENAME TO stats_rebuild_daily;
      CREATE FUNCTION stats_rebuild() RETURNS void LANGUAGE plpgsql AS $fn$
      BEGIN
        PERFORM stats_rebuild_daily();
        TRUNCATE assistance_city_daily_stats, assistance_city_hour_stats;
        ${REBUILD}
        ANALYZE assistance_city_daily_stats, assistance_city_hour_stats;
      END $fn$;

      ${REBUILD}
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
      DROP TABLE assistance_city_hour_stats;
      DROP TABLE assistance_city_daily_stats;
    `);
  }
}
