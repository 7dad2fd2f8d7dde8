import { MigrationInterface, QueryRunner } from 'typeorm';

// Month rollups of the two daily rollups that carry the payment service:
//   point_award_monthly_stats         points and awards per campaign × month (of the
//                                     transaction date) × payment service
//   application_service_monthly_stats applications per campaign × month × payment service
//
// Why: the dashboard's default period is "since the campaign began", by month. Over
// the benchmark's 18 months the daily tables hold 58,320 and 32,928 rows (day ×
// service × kind), and summing them was most of /stats/points (p95 79 ms at 4
// clients) and of the by-service part of /stats/uptake. These hold about 1,100 and
// 1,100 rows. A request takes the whole months of its range from here and the days
// at its edges from the daily tables (see MonthSplit in the stats service), so every
// range gives exactly what the daily tables alone would.
//
// They are rollups of the rollups: statement-level triggers on the daily tables
// (INSERT, UPDATE, DELETE with transition tables; an INSERT … ON CONFLICT DO UPDATE
// fires the first two), one aggregate upsert per statement, in key order, rows
// brought to zero removed, and a TRUNCATE trigger. So whatever keeps the daily tables
// (the base tables' triggers, stats_rebuild(), which truncates and refills them)
// keeps these too, in the same transaction, with no change to those functions.
//
// Locks: a write locks its daily rows (key order), then its month rows (key order),
// in one statement's triggers; two single-statement writers therefore never wait on
// each other in a cycle.

const KEY = 'municipality_code, campaign_id, month, payment_service_id';

/** Delta rows of a daily table's transition table, with the month of their day. */
const monthRows = (table: string, values: string[], sign: 1 | -1) => `
  SELECT municipality_code, campaign_id, date_trunc('month', day)::date AS month, payment_service_id,
         ${values.map((v) => `${sign} * ${v} AS ${v}`).join(', ')}
  FROM ${table}`;

/** One aggregate upsert in key order; rows it brings to zero are removed by their ctid. */
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

interface Derived {
  daily: string;
  monthly: string;
  values: string[];
}

const DERIVED: Derived[] = [
  { daily: 'point_award_daily_stats', monthly: 'point_award_monthly_stats', values: ['points', 'awards'] },
  { daily: 'application_service_daily_stats', monthly: 'application_service_monthly_stats', values: ['applications'] },
];

const sync = (d: Derived) => `
  CREATE FUNCTION ${d.monthly}_sync() RETURNS trigger LANGUAGE plpgsql AS $fn$
  DECLARE gone tid[];
  BEGIN
    -- Each branch names only the transition tables its trigger has.
    IF TG_OP = 'INSERT' THEN
      ${upsert(d.monthly, KEY, d.values, monthRows('new_rows', d.values, 1))}
    ELSIF TG_OP = 'DELETE' THEN
      ${upsert(d.monthly, KEY, d.values, monthRows('old_rows', d.values, -1))}
    ELSE
      ${upsert(d.monthly, KEY, d.values, `${monthRows('new_rows', d.values, 1)} UNION ALL ${monthRows('old_rows', d.values, -1)}`)}
    END IF;
    RETURN NULL;
  END $fn$;
  CREATE TRIGGER ${d.daily}_month_insert AFTER INSERT ON ${d.daily}
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${d.monthly}_sync();
  CREATE TRIGGER ${d.daily}_month_update AFTER UPDATE ON ${d.daily}
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${d.monthly}_sync();
  CREATE TRIGGER ${d.daily}_month_delete AFTER DELETE ON ${d.daily}
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${d.monthly}_sync();

  CREATE FUNCTION ${d.monthly}_truncate() RETURNS trigger LANGUAGE plpgsql AS $fn$
  BEGIN
    TRUNCATE ${d.monthly};
    RETURN NULL;
  END $fn$;
  CREATE TRIGGER ${d.daily}_month_truncate AFTER TRUNCATE ON ${d.daily}
    FOR EACH STATEMENT EXECUTE FUNCTION ${d.monthly}_truncate();

  INSERT INTO ${d.monthly} (${KEY}, ${d.values.join(', ')})
  SELECT ${KEY}, ${d.values.map((v) => `sum(${v})`).join(', ')} FROM (${monthRows(d.daily, d.values, 1)}) m GROUP BY ${KEY};
  ANALYZE ${d.monthly};`;

const drop = (d: Derived) => `
  DROP TRIGGER ${d.daily}_month_truncate ON ${d.daily};
  DROP TRIGGER ${d.daily}_month_delete ON ${d.daily};
  DROP TRIGGER ${d.daily}_month_update ON ${d.daily};
  DROP TRIGGER ${d.daily}_month_insert ON ${d.daily};
  DROP FUNCTION ${d.monthly}_truncate();
  DROP FUNCTION ${d.monthly}_sync();
  DROP TABLE ${d.monthly};`;

export class MonthlyStats1764001600000 implements MigrationInterface {
  name = 'MonthlyStats1764001600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- No CHECK (>= 0) on the counts: INSERT … ON CONFLICT checks the proposed (negative) delta row.
      CREATE TABLE point_award_monthly_stats (
        municipality_code  char(6) NOT NULL,
        campaign_id        int NOT NULL,
        month              date NOT NULL CHECK (extract(day FROM month) = 1),
        payment_service_id int NOT NULL,
        points             bigint NOT NULL,
        awards             int NOT NULL,
        CONSTRAINT point_award_monthly_stats_key UNIQUE (${KEY})
      );
      CREATE TABLE application_service_monthly_stats (
        municipality_code  char(6) NOT NULL,
        campaign_id        int NOT NULL,
        month              date NOT NULL CHECK (extract(day FROM month) = 1),
        payment_service_id int NOT NULL,
        applications       int NOT NULL,
        CONSTRAINT application_service_monthly_stats_key UNIQUE (${KEY})
      );
      ${DERIVED.map(sync).join('\n')}
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(DERIVED.map(drop).join('\n'));
  }
}
