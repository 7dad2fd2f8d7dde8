import { MigrationInterface, QueryRunner } from 'typeorm';

// Issue #22: signing in like a city network.
//
// - users: `auth_source` says who checks the password: 'local' (bcrypt hash here) or
//   'directory' (the city's LDAP/Active Directory; no password is stored, the record is
//   created at the first sign-in). TOTP: the secret (AES-GCM sealed with a key derived
//   from MYKEY_HMAC_SECRET, so a dump alone yields no codes), a pending secret while the
//   user confirms the setup, when it was turned on, and the last time step used (a code
//   is accepted once).
// - sessions: device, address and last use (the idle timeout and the "sessions" page),
//   and `purpose`: 'full', 'mfa' (password checked, waiting for the code; the token is
//   the mfaToken) or 'totp_setup' (a role that must use TOTP and has none: may only set
//   it up).
// - recovery_codes: ten one-time codes per user, SHA-256 only; keys led by
//   municipality_code like every owned table, row-level security `tenant`; removed with
//   their user (so remove_municipality_data needs no change).
// - municipalities.totp_required_roles: the roles that must use a second factor.
const ROLES = "ARRAY['admin','policy','counter','manager']::text[]";
const ME = '(SELECT current_municipality())';

export class SignIn1764002200000 implements MigrationInterface {
  name = 'SignIn1764002200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE users
        ADD COLUMN auth_source text NOT NULL DEFAULT 'local' CHECK (auth_source IN ('local', 'directory')),
        ALTER COLUMN password_hash DROP NOT NULL,
        ADD CONSTRAINT users_password_of_local CHECK ((auth_source = 'local') = (password_hash IS NOT NULL)),
        ADD COLUMN directory_dn text CHECK (length(directory_dn) <= 1000),
        ADD COLUMN totp_secret bytea,
        ADD COLUMN totp_pending_secret bytea,
        ADD COLUMN totp_enabled_at timestamptz,
        ADD COLUMN totp_last_step bigint,
        ADD CONSTRAINT users_totp_enabled_has_secret CHECK (totp_enabled_at IS NULL OR totp_secret IS NOT NULL);

      ALTER TABLE sessions
        ADD COLUMN purpose text NOT NULL DEFAULT 'full' CHECK (purpose IN ('full', 'mfa', 'totp_setup')),
        ADD COLUMN device text CHECK (length(device) <= 200),
        ADD COLUMN ip text CHECK (length(ip) <= 64),
        ADD COLUMN last_seen_at timestamptz NOT NULL DEFAULT now();
      -- The sessions page and "end them all" read a user's live sessions.
      CREATE INDEX sessions_user_live_idx ON sessions (municipality_code, user_id) WHERE revoked_at IS NULL;

      CREATE TABLE recovery_codes (
        municipality_code char(6) NOT NULL DEFAULT current_municipality(),
        user_id           int NOT NULL,
        code_hash         bytea NOT NULL CHECK (length(code_hash) = 32),
        created_at        timestamptz NOT NULL DEFAULT now(),
        used_at           timestamptz,
        PRIMARY KEY (municipality_code, user_id, code_hash),
        FOREIGN KEY (municipality_code, user_id) REFERENCES users (municipality_code, id) ON DELETE CASCADE
      );
      ALTER TABLE recovery_codes ENABLE ROW LEVEL SECURITY;
      CREATE POLICY tenant ON recovery_codes USING (municipality_code = ${ME}) WITH CHECK (municipality_code = ${ME});

      ALTER TABLE municipalities
        ADD COLUMN totp_required_roles text[] NOT NULL DEFAULT '{}' CHECK (totp_required_roles <@ ${ROLES});

      ALTER TABLE audit_logs DROP CONSTRAINT audit_logs_action_check;
      ALTER TABLE audit_logs ADD CONSTRAINT audit_logs_action_check CHECK (action IN
        ('create','update','delete','login','login_failed','logout','export','import','publish','my_number_refused','account_locked','unlock',
         'totp_enabled','totp_reset','recovery_codes_issued','session_ended'));
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE audit_logs DROP CONSTRAINT audit_logs_action_check;
      ALTER TABLE audit_logs ADD CONSTRAINT audit_logs_action_check CHECK (action IN
        ('create','update','delete','login','login_failed','logout','export','import','publish','my_number_refused','account_locked','unlock'));
      ALTER TABLE municipalities DROP COLUMN totp_required_roles;
      DROP TABLE recovery_codes;
      DROP INDEX sessions_user_live_idx;
      ALTER TABLE sessions DROP COLUMN purpose, DROP COLUMN device, DROP COLUMN ip, DROP COLUMN last_seen_at;
      DELETE FROM users WHERE auth_source = 'directory';
      ALTER TABLE users DROP CONSTRAINT users_password_of_local, DROP CONSTRAINT users_totp_enabled_has_secret,
        DROP COLUMN auth_source, DROP COLUMN directory_dn, DROP COLUMN totp_secret, DROP COLUMN totp_pending_secret,
        DROP COLUMN totp_enabled_at, DROP COLUMN totp_last_step,
        ALTER COLUMN password_hash SET NOT NULL;
    `);
  }
}
