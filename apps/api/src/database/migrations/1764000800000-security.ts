import { MigrationInterface, QueryRunner } from 'typeorm';

// Account lockout and the audit actions of it.
//   - users.failed_logins counts consecutive wrong passwords; users.locked_until is set
//     when it reaches LOGIN_MAX_FAILURES ('infinity' = until an admin unlocks). One
//     UPDATE … RETURNING moves both, so concurrent guesses cannot slip past the count.
//   - audit_logs gains 'account_locked' and 'unlock' (still append-only).
//   - login throttling counts recent 'login_failed' rows per address and per tried
//     name straight from the audit log: partial indexes keep that a short range scan.
export class Security1764000800000 implements MigrationInterface {
  name = 'Security1764000800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE users
        ADD COLUMN failed_logins int NOT NULL DEFAULT 0 CHECK (failed_logins >= 0),
        ADD COLUMN locked_until  timestamptz;

      ALTER TABLE audit_logs DROP CONSTRAINT audit_logs_action_check;
      ALTER TABLE audit_logs ADD CONSTRAINT audit_logs_action_check CHECK (action IN
        ('create','update','delete','login','login_failed','logout','export','import','publish','my_number_refused','account_locked','unlock'));

      CREATE INDEX audit_logs_login_failed_ip_idx ON audit_logs (ip, at) WHERE action = 'login_failed';
      CREATE INDEX audit_logs_login_failed_name_idx ON audit_logs (lower(username), at) WHERE action = 'login_failed';
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX audit_logs_login_failed_name_idx;
      DROP INDEX audit_logs_login_failed_ip_idx;
      ALTER TABLE audit_logs DROP CONSTRAINT audit_logs_action_check;
      ALTER TABLE audit_logs ADD CONSTRAINT audit_logs_action_check CHECK (action IN
        ('create','update','delete','login','login_failed','logout','export','import','publish','my_number_refused'));
      ALTER TABLE users DROP COLUMN locked_until, DROP COLUMN failed_logins;
    `);
  }
}
