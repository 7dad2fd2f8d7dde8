import { MigrationInterface, QueryRunner } from 'typeorm';

// Counter assistance records (窓口支援), and the hourly rollup the counter statistics
// read. Every rule of a record the database can hold, it holds, mirroring
// libs/domain/src/assistance-rules.ts:
//   - card applications only at the main office (支所で申請はできません)
//   - an unable reason exactly when the outcome is unable
//   - the wrong-person checklist when a shared terminal ran a reservation/application
// The rollup is kept by statement-level triggers with transition tables, so any
// write — the API, a bulk seed, an administrator's SQL — keeps it exact, set-based.

const TYPES = ['card_application', 'mykey_reservation', 'point_application', 'cert_renewal', 'pin_reset', 'pc_lending', 'inquiry', 'fraud_consultation'];
const REASONS = ['pin_locked', 'cert_expired', 'cert_renewed_within_24h', 'no_card', 'unsupported_device', 'quota_closed', 'other'];
const list = (values: string[]) => values.map((v) => `'${v}'`).join(',');

const ROLLUP_KEY = 'municipality_code, day, hour, staff_id, office, outcome, unable_reason';

// Rows of a transition table, as (key…, visits, minutes) with the given sign.
const rollupRows = (table: string, sign: 1 | -1) => `
  SELECT municipality_code,
         (visited_at AT TIME ZONE 'Asia/Tokyo')::date AS day,
         extract(hour FROM visited_at AT TIME ZONE 'Asia/Tokyo')::smallint AS hour,
         staff_id, office, outcome, unable_reason,
         ${sign} AS visits, ${sign} * duration_minutes AS minutes
  FROM ${table}`;

const upsert = (rows: string) => `
  INSERT INTO assistance_hourly_stats AS s (${ROLLUP_KEY}, visits, minutes)
  SELECT ${ROLLUP_KEY}, sum(visits), sum(minutes)
  FROM (${rows}) d
  GROUP BY ${ROLLUP_KEY}
  HAVING sum(visits) <> 0 OR sum(minutes) <> 0
  ORDER BY ${ROLLUP_KEY}
  ON CONFLICT ON CONSTRAINT assistance_hourly_stats_key
  DO UPDATE SET visits = s.visits + EXCLUDED.visits, minutes = s.minutes + EXCLUDED.minutes;`;

export class AssistanceRecords1764000600000 implements MigrationInterface {
  name = 'AssistanceRecords1764000600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION assistance_types_are_distinct(a text[]) RETURNS boolean
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
        $$ SELECT count(*) = count(DISTINCT x) FROM unnest(a) AS x $$;

      CREATE TABLE assistance_records (
        id                   serial PRIMARY KEY,
        municipality_code    char(6) NOT NULL DEFAULT current_municipality(),
        visited_at           timestamptz NOT NULL,
        office               text NOT NULL CHECK (office IN ('main_office','branch_office')),
        -- The logged-in user who logged the visit; never taken from the request body.
        staff_id             int NOT NULL REFERENCES users(id),
        assistance_types     text[] NOT NULL,
        payment_service_id   int REFERENCES payment_services(id),
        outcome              text NOT NULL CHECK (outcome IN ('completed','follow_up','unable')),
        unable_reason        text CHECK (unable_reason IN (${list(REASONS)})),
        duration_minutes     int NOT NULL CHECK (duration_minutes BETWEEN 1 AND 240),
        age_band             text CHECK (age_band IN ('under_20','20s','30s','40s','50s','60s','70_plus')),
        district             text CHECK (length(district) <= 40),
        proxy                text NOT NULL DEFAULT 'none' CHECK (proxy IN ('none','legal_representative')),
        shared_terminal_used boolean NOT NULL DEFAULT false,
        terminal_logged_out  boolean NOT NULL DEFAULT false,
        service_id_read_back boolean NOT NULL DEFAULT false,
        notes                text CHECK (length(notes) <= 1000),
        created_at           timestamptz NOT NULL DEFAULT now(),
        updated_at           timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT assistance_records_types_valid CHECK (
          array_ndims(assistance_types) = 1
          AND cardinality(assistance_types) >= 1
          AND array_position(assistance_types, NULL) IS NULL
          AND assistance_types <@ ARRAY[${list(TYPES)}]::text[]
          AND assistance_types_are_distinct(assistance_types)
        ),
        CONSTRAINT assistance_records_card_application_main_office CHECK (
          office = 'main_office' OR NOT ('card_application' = ANY (assistance_types))
        ),
        CONSTRAINT assistance_records_unable_reason CHECK ((outcome = 'unable') = (unable_reason IS NOT NULL)),
        CONSTRAINT assistance_records_wrong_person_checklist CHECK (
          NOT (shared_terminal_used AND assistance_types && ARRAY['mykey_reservation','point_application']::text[])
          OR (terminal_logged_out AND service_id_read_back)
        )
      );
      -- The list's default order (newest visit first) and a clerk's own day.
      CREATE INDEX assistance_records_visited_at_idx ON assistance_records (visited_at DESC, id DESC);
      CREATE INDEX assistance_records_staff_visited_at_idx ON assistance_records (staff_id, visited_at DESC);
      -- The quick-entry screen opens at the office of the clerk's last logged record.
      CREATE INDEX assistance_records_staff_created_at_idx ON assistance_records (staff_id, created_at DESC);
      CREATE INDEX assistance_records_payment_service_idx ON assistance_records (payment_service_id) WHERE payment_service_id IS NOT NULL;

      -- Visits and minutes per JST day × hour × clerk × office × outcome × reason.
      -- Small whatever the number of records; the counter statistics read only this.
      CREATE TABLE assistance_hourly_stats (
        municipality_code char(6) NOT NULL,
        day               date NOT NULL,
        hour              smallint NOT NULL CHECK (hour BETWEEN 0 AND 23),
        staff_id          int NOT NULL,
        office            text NOT NULL,
        outcome           text NOT NULL,
        unable_reason     text,
        -- No CHECK (>= 0) here: INSERT … ON CONFLICT checks the proposed row, and a
        -- delete proposes negative counts before they merge into the existing row.
        visits            int NOT NULL,
        minutes           int NOT NULL,
        CONSTRAINT assistance_hourly_stats_key UNIQUE NULLS NOT DISTINCT (${ROLLUP_KEY})
      );
      CREATE INDEX assistance_hourly_stats_staff_day_idx ON assistance_hourly_stats (staff_id, day);

      CREATE FUNCTION assistance_hourly_stats_sync() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        -- PL/pgSQL plans a statement when it first runs it, so each branch may name
        -- only the transition tables its trigger has.
        IF TG_OP = 'INSERT' THEN
          ${upsert(rollupRows('new_rows', 1))}
        ELSIF TG_OP = 'DELETE' THEN
          ${upsert(rollupRows('old_rows', -1))}
        ELSE
          ${upsert(`${rollupRows('new_rows', 1)} UNION ALL ${rollupRows('old_rows', -1)}`)}
        END IF;
        RETURN NULL;
      END $fn$;

      CREATE TRIGGER assistance_records_stats_insert AFTER INSERT ON assistance_records
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION assistance_hourly_stats_sync();
      CREATE TRIGGER assistance_records_stats_update AFTER UPDATE ON assistance_records
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION assistance_hourly_stats_sync();
      CREATE TRIGGER assistance_records_stats_delete AFTER DELETE ON assistance_records
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION assistance_hourly_stats_sync();

      CREATE FUNCTION assistance_hourly_stats_truncate() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        TRUNCATE assistance_hourly_stats;
        RETURN NULL;
      END $fn$;
      CREATE TRIGGER assistance_records_stats_truncate AFTER TRUNCATE ON assistance_records
        FOR EACH STATEMENT EXECUTE FUNCTION assistance_hourly_stats_truncate();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE assistance_records;
      DROP FUNCTION assistance_hourly_stats_truncate();
      DROP FUNCTION assistance_hourly_stats_sync();
      DROP TABLE assistance_hourly_stats;
      DROP FUNCTION assistance_types_are_distinct(text[]);
    `);
  }
}
