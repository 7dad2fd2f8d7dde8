import { MigrationInterface, QueryRunner } from 'typeorm';

// The foundation: users and sessions, the append-only audit log, idempotency keys,
// the payment-service registry, and a key/value table for deployment facts.
export class Foundation1764000000000 implements MigrationInterface {
  name = 'Foundation1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- The municipality code every domain row carries (see data-source.ts).
      CREATE FUNCTION current_municipality() RETURNS char(6) LANGUAGE sql STABLE AS
        $$ SELECT current_setting('mynapoint.municipality_code')::char(6) $$;

      CREATE TABLE app_meta (
        key   text PRIMARY KEY,
        value jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE users (
        id                serial PRIMARY KEY,
        municipality_code char(6) NOT NULL DEFAULT current_municipality(),
        username          text NOT NULL CHECK (username ~ '^[A-Za-z0-9._-]{2,60}$'),
        display_name      text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 60),
        role              text NOT NULL CHECK (role IN ('admin','policy','counter','manager')),
        active            boolean NOT NULL DEFAULT true,
        password_hash     text NOT NULL,
        created_at        timestamptz NOT NULL DEFAULT now(),
        last_login_at     timestamptz
      );
      CREATE UNIQUE INDEX users_username_key ON users (lower(username));

      CREATE TABLE sessions (
        id          serial PRIMARY KEY,
        user_id     int NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        token_hash  bytea NOT NULL UNIQUE,
        created_at  timestamptz NOT NULL DEFAULT now(),
        expires_at  timestamptz NOT NULL,
        revoked_at  timestamptz
      );
      CREATE INDEX sessions_user_id_idx ON sessions (user_id);

      -- No foreign key to users: the log outlives the accounts it mentions.
      CREATE TABLE audit_logs (
        id                bigserial PRIMARY KEY,
        municipality_code char(6) NOT NULL DEFAULT current_municipality(),
        at                timestamptz NOT NULL DEFAULT now(),
        user_id           int,
        username          text,
        action            text NOT NULL CHECK (action IN ('create','update','delete','login','login_failed','logout','export','import','publish','my_number_refused')),
        resource          text NOT NULL,
        resource_id       text,
        ip                text,
        changes           jsonb
      );
      CREATE INDEX audit_logs_at_idx ON audit_logs (at DESC, id DESC);
      CREATE INDEX audit_logs_resource_idx ON audit_logs (resource, resource_id);

      CREATE FUNCTION audit_logs_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_logs is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$;
      CREATE TRIGGER audit_logs_no_update_delete BEFORE UPDATE OR DELETE ON audit_logs
        FOR EACH ROW EXECUTE FUNCTION audit_logs_append_only();
      CREATE TRIGGER audit_logs_no_truncate BEFORE TRUNCATE ON audit_logs
        FOR EACH STATEMENT EXECUTE FUNCTION audit_logs_append_only();

      CREATE TABLE idempotency_keys (
        user_id    int NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        key        text NOT NULL,
        method     text NOT NULL,
        path       text NOT NULL,
        response   jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, key)
      );

      CREATE TABLE payment_services (
        id                        serial PRIMARY KEY,
        municipality_code         char(6) NOT NULL DEFAULT current_municipality(),
        name                      text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        operator                  text NOT NULL CHECK (length(operator) BETWEEN 1 AND 100),
        kind                      text NOT NULL CHECK (kind IN ('ic_emoney','qr_code','credit_card','debit_card','prepaid','other')),
        pre_registration_required boolean NOT NULL DEFAULT false,
        applications_open_on      date NOT NULL,
        status                    text NOT NULL DEFAULT 'active' CHECK (status IN ('active','suspended','withdrawn')),
        award_timing              text CHECK (length(award_timing) <= 200),
        point_expiry              text CHECK (length(point_expiry) <= 200),
        url                       text CHECK (url ~ '^https?://'),
        notes                     text CHECK (length(notes) <= 2000),
        created_at                timestamptz NOT NULL DEFAULT now(),
        updated_at                timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX payment_services_name_key ON payment_services (municipality_code, lower(name));
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE payment_services;
      DROP TABLE idempotency_keys;
      DROP TABLE audit_logs;
      DROP FUNCTION audit_logs_append_only();
      DROP TABLE sessions;
      DROP TABLE users;
      DROP TABLE app_meta;
      DROP FUNCTION current_municipality();
    `);
  }
}
