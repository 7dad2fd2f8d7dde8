import { MigrationInterface, QueryRunner } from 'typeorm';

// Issue #18: many municipalities on one installation, isolated by PostgreSQL.
//
// - `municipalities` holds each municipality's own settings (they were environment
//   variables); the installation's first one is written at start-up from the old
//   variables (see database/installation.ts).
// - Every municipality-owned table keys on `municipality_code`: primary keys, unique
//   keys and the foreign keys between owned tables all start with it, so the schema
//   distributes by it on Citus unchanged (docs/scaling.md). Payment services and
//   campaigns are shared reference data: a NULL code is the national registry, a code
//   a municipality's own service or top-up programme.
// - Row-level security on every owned table: a row is visible and writable only when
//   its code is the transaction's `mynapoint.municipality_code` (set by the API from
//   the signed-in user's session). Without the setting nothing is visible.
// - The API connects as `mynapoint_app`, which owns nothing: it cannot turn RLS or the
//   audit log's guard off, and may not UPDATE or DELETE the audit log at all. The
//   migration role (DATABASE_URL's) owns the tables.
//
// Existing rows keep the code they were written with (the installation's); nothing is
// copied or lost. Users, sessions and the rest keep their ids.

/** Tables of one municipality's data whose primary key was (id). */
const OWNED_BY_ID = [
  'users',
  'sessions',
  'audit_logs',
  'reservation_quotas',
  'participants',
  'reservations',
  'applications',
  'imports',
  'point_awards',
  'fraud_alerts',
  'fraud_alert_history',
  'assistance_records',
  'application_deletions',
];

/** Rollups: read by the dashboards, and by a prefecture across its municipalities. */
export const ROLLUP_TABLES = [
  'uptake_daily_stats',
  'application_service_daily_stats',
  'application_service_monthly_stats',
  'point_award_daily_stats',
  'point_award_monthly_stats',
  'participant_point_stats',
  'assistance_hourly_stats',
  'assistance_city_daily_stats',
  'assistance_city_hour_stats',
  'fraud_daily_stats',
];

/** Owned tables that got the column here, filled from the row they belong to. */
const NEW_CODE_COLUMN: [table: string, parent: string, join: string][] = [
  ['sessions', 'users', 'p.id = t.user_id'],
  ['idempotency_keys', 'users', 'p.id = t.user_id'],
  ['import_errors', 'imports', 'p.id = t.import_id'],
];

/** Foreign keys between owned tables, now through (municipality_code, …). */
const OWNED_FKS: [table: string, name: string, column: string, target: string, onDelete?: string][] = [
  ['sessions', 'sessions_user_id_fkey', 'user_id', 'users', 'CASCADE'],
  ['idempotency_keys', 'idempotency_keys_user_id_fkey', 'user_id', 'users', 'CASCADE'],
  ['reservations', 'reservations_created_by_fkey', 'created_by', 'users'],
  ['applications', 'applications_import_fk', 'import_id', 'imports'],
  ['applications', 'applications_created_by_fkey', 'created_by', 'users'],
  ['applications', 'applications_participant_id_fkey', 'participant_id', 'participants'],
  ['imports', 'imports_created_by_fkey', 'created_by', 'users'],
  ['import_errors', 'import_errors_import_id_fkey', 'import_id', 'imports', 'CASCADE'],
  ['point_awards', 'point_awards_created_by_fkey', 'created_by', 'users'],
  ['fraud_alerts', 'fraud_alerts_reported_by_fkey', 'reported_by', 'users'],
  ['fraud_alerts', 'fraud_alerts_notice_published_by_fkey', 'notice_published_by', 'users'],
  ['fraud_alert_history', 'fraud_alert_history_fraud_alert_id_fkey', 'fraud_alert_id', 'fraud_alerts', 'CASCADE'],
  ['fraud_alert_history', 'fraud_alert_history_changed_by_fkey', 'changed_by', 'users'],
  ['assistance_records', 'assistance_records_staff_id_fkey', 'staff_id', 'users'],
  ['application_deletions', 'application_deletions_participant_id_fkey', 'participant_id', 'participants', 'SET NULL (participant_id)'],
  ['application_deletions', 'application_deletions_deleted_by_fkey', 'deleted_by', 'users'],
];

/** Unique keys that now lead with the code (names kept: ON CONFLICT names some). */
const OWNED_UNIQUES: [table: string, name: string, columns: string][] = [
  ['participants', 'participants_one_per_mykey', 'campaign_id, mykey_hash'],
  ['reservations', 'reservations_one_per_participant', 'participant_id'],
  ['applications', 'applications_one_per_participant', 'participant_id'],
  ['point_awards', 'point_awards_external_id_once', 'payment_service_id, external_id'],
  ['sessions', 'sessions_token_hash_key', 'token_hash'],
];

const APP_ROLE = 'mynapoint_app';
const ME = '(SELECT current_municipality())';
// Cast: `= ANY ((SELECT …))` would read as "any row of the subquery".
const STATS_SCOPE = '(SELECT stats_municipalities())::char(6)[]';

export class Municipalities1764001800000 implements MigrationInterface {
  name = 'Municipalities1764001800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- No setting, or an empty one, is no municipality: every owned table then shows nothing.
      CREATE OR REPLACE FUNCTION current_municipality() RETURNS char(6) LANGUAGE sql STABLE AS
        $$ SELECT nullif(current_setting('mynapoint.municipality_code', true), '')::char(6) $$;
      -- The municipalities whose rollups a prefecture user reads (comma-separated codes).
      CREATE FUNCTION stats_municipalities() RETURNS char(6)[] LANGUAGE sql STABLE AS
        $$ SELECT string_to_array(nullif(current_setting('mynapoint.stats_municipalities', true), ''), ',')::char(6)[] $$;

      CREATE TABLE municipalities (
        id                  serial PRIMARY KEY,
        code                char(6) NOT NULL CONSTRAINT municipalities_code_key UNIQUE CHECK (code ~ '^[0-9]{6}$' AND code <> '000000'),
        name                text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 40),
        prefecture_code     char(2) NOT NULL GENERATED ALWAYS AS (left(code, 2)) STORED,
        districts           text[] NOT NULL DEFAULT '{}' CHECK (cardinality(districts) <= 100),
        district_population jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(district_population) = 'object'),
        contact_phone       text CHECK (length(contact_phone) <= 30),
        contact_email       text CHECK (length(contact_email) <= 254),
        active              boolean NOT NULL DEFAULT true,
        created_at          timestamptz NOT NULL DEFAULT now(),
        updated_at          timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX municipalities_prefecture_idx ON municipalities (prefecture_code, code);

      -- Installation accounts (operator, prefecture) belong to the pseudo-municipality
      -- 000000; a prefecture user also names its prefecture.
      ALTER TABLE users DROP CONSTRAINT users_role_check;
      ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('admin','policy','counter','manager','operator','prefecture'));
      ALTER TABLE users ADD COLUMN prefecture_code char(2) CHECK (prefecture_code ~ '^[0-9]{2}$');
      ALTER TABLE users ADD CONSTRAINT users_installation_roles CHECK (
        (role IN ('operator','prefecture')) = (municipality_code = '000000')
        AND (role = 'prefecture') = (prefecture_code IS NOT NULL));
      DROP INDEX users_username_key;
      CREATE UNIQUE INDEX users_username_key ON users (municipality_code, lower(username));
    `);

    for (const [table, parent, join] of NEW_CODE_COLUMN) {
      await q.query(`
        ALTER TABLE ${table} ADD COLUMN municipality_code char(6);
        UPDATE ${table} t SET municipality_code = p.municipality_code FROM ${parent} p WHERE ${join};
        ALTER TABLE ${table} ALTER COLUMN municipality_code SET NOT NULL,
                             ALTER COLUMN municipality_code SET DEFAULT current_municipality();`);
    }

    // Keys: foreign keys first (they hang on the primary keys), then the keys themselves.
    for (const [table, name] of OWNED_FKS) await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${name}`);
    for (const [table, name] of OWNED_UNIQUES) await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${name}`);
    for (const table of OWNED_BY_ID) {
      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_pkey, ADD CONSTRAINT ${table}_pkey PRIMARY KEY (municipality_code, id)`);
    }
    await q.query(`
      ALTER TABLE idempotency_keys DROP CONSTRAINT idempotency_keys_pkey, ADD CONSTRAINT idempotency_keys_pkey PRIMARY KEY (municipality_code, user_id, key);
      ALTER TABLE import_errors DROP CONSTRAINT import_errors_pkey, ADD CONSTRAINT import_errors_pkey PRIMARY KEY (municipality_code, import_id, line);
      -- A bearer token is found by its hash before the municipality is known (the token
      -- names its municipality too: auth.service.ts).
      CREATE INDEX sessions_token_hash_idx ON sessions (token_hash);
    `);
    for (const [table, name, columns] of OWNED_UNIQUES) await q.query(`ALTER TABLE ${table} ADD CONSTRAINT ${name} UNIQUE (municipality_code, ${columns})`);
    for (const [table, name, column, target, onDelete] of OWNED_FKS) {
      await q.query(
        `ALTER TABLE ${table} ADD CONSTRAINT ${name} FOREIGN KEY (municipality_code, ${column}) REFERENCES ${target} (municipality_code, id)${onDelete ? ` ON DELETE ${onDelete}` : ''}`,
      );
    }

    // Reference data: national rows (NULL code) and each municipality's own.
    await q.query(`
      ALTER TABLE payment_services ALTER COLUMN municipality_code DROP NOT NULL,
                                   ALTER COLUMN municipality_code SET DEFAULT nullif(current_municipality(), '000000');
      ALTER TABLE campaigns ALTER COLUMN municipality_code DROP NOT NULL,
                            ALTER COLUMN municipality_code SET DEFAULT nullif(current_municipality(), '000000');
      DROP INDEX payment_services_name_key;
      CREATE UNIQUE INDEX payment_services_name_key ON payment_services (municipality_code, lower(name)) NULLS NOT DISTINCT;
      DROP INDEX campaigns_name_key;
      CREATE UNIQUE INDEX campaigns_name_key ON campaigns (municipality_code, lower(name)) NULLS NOT DISTINCT;
    `);

    // Row-level security. The settings are read through scalar subqueries: PostgreSQL
    // then evaluates them once per statement (an InitPlan) instead of once per row,
    // which a dashboard's scan of thousands of rollup rows felt (docs/benchmarks.md);
    // `municipality_code = $param` also stays usable by an index.
    const owned = [...OWNED_BY_ID, 'idempotency_keys', 'import_errors', ...ROLLUP_TABLES];
    for (const table of owned) {
      await q.query(`
        ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
        CREATE POLICY tenant ON ${table} USING (municipality_code = ${ME}) WITH CHECK (municipality_code = ${ME});`);
    }
    for (const table of [...ROLLUP_TABLES, 'reservation_quotas']) {
      await q.query(`CREATE POLICY prefecture_read ON ${table} FOR SELECT USING (municipality_code = ANY (${STATS_SCOPE}))`);
    }
    for (const table of ['payment_services', 'campaigns']) {
      await q.query(`
        ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
        CREATE POLICY reference_read ON ${table} FOR SELECT USING (municipality_code IS NULL OR municipality_code = ${ME});
        -- National rows are the operator's (000000) to write; a municipality writes its own.
        CREATE POLICY reference_write ON ${table} FOR ALL
          USING (coalesce(municipality_code, '000000') = ${ME})
          WITH CHECK (coalesce(municipality_code, '000000') = ${ME});`);
    }
    await q.query(`
      ALTER TABLE municipalities ENABLE ROW LEVEL SECURITY;
      -- The operator (000000) sees and keeps every municipality; a municipality sees and
      -- updates its own row; a prefecture user reads its municipalities'.
      CREATE POLICY operator_all ON municipalities USING (${ME} = '000000') WITH CHECK (${ME} = '000000');
      CREATE POLICY own_row ON municipalities USING (code = ${ME}) WITH CHECK (code = ${ME});
      CREATE POLICY prefecture_read ON municipalities FOR SELECT USING (code = ANY (${STATS_SCOPE}));
    `);

    // The API's role. Cluster-wide, so it may exist already (another database of the
    // same server); created without LOGIN, which start-up grants with a password.
    await q.query(`
      DO $$ BEGIN
        CREATE ROLE ${APP_ROLE} NOLOGIN;
      EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
      END $$;
      GRANT USAGE ON SCHEMA public TO ${APP_ROLE};
      GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${APP_ROLE};
      GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${APP_ROLE};
      ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${APP_ROLE};
      ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${APP_ROLE};
      -- The audit log is append-only for the API by privilege as well as by trigger.
      REVOKE UPDATE, DELETE, TRUNCATE ON audit_logs FROM ${APP_ROLE};
      REVOKE INSERT, UPDATE, DELETE ON migrations FROM ${APP_ROLE};
      -- Point-award imports build their work tables here (owned by the API's role, so
      -- they live outside the owned schema and its checks).
      CREATE SCHEMA import_work;
      GRANT USAGE, CREATE ON SCHEMA import_work TO ${APP_ROLE};
    `);

    // Start-up's housekeeping of import jobs left by a stopped process spans every
    // municipality: the one cross-municipality read the API makes, by a function.
    await q.query(`
      CREATE FUNCTION unfinished_import_workers() RETURNS TABLE (municipality_code char(6), worker int)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
        $$ SELECT DISTINCT municipality_code, worker FROM imports WHERE status IN ('queued', 'running') $$;
      REVOKE ALL ON FUNCTION unfinished_import_workers() FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION unfinished_import_workers() TO ${APP_ROLE};
    `);

    // The operator's removal of a municipality's data (remove_municipality_data) is
    // migration 1764001810000's: it needs the imports' delete guard lifted too.
  }

  async down(): Promise<void> {
    throw new Error('Municipalities1764001800000 cannot be reverted: restore a backup taken before it');
  }
}
