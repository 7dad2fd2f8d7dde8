import { MigrationInterface, QueryRunner } from 'typeorm';

// Issue #24: each API process keeps the sessions it has read in memory
// (auth/session-cache.ts) and drops them when PostgreSQL notifies `mynapoint_auth`.
// The notices come from the tables themselves, so every way a session ends or a user
// changes tells every process: the API's own writes, another process's, an operator's
// psql, the removal of a municipality, a test's TRUNCATE.
// - sessions: revoked, expiry or purpose changed, moved, deleted, its last use set back
//   (not the once-a-minute record of use, which only moves forward and takes nothing away);
// - users: what a session's user carries (names, role, activity, municipality,
//   prefecture), or deleted;
// - municipalities: anything (a prefecture user's municipalities are read through them).
// The payload names the user (`<municipality>:<user id>`); `*` drops everything.
// PostgreSQL sends one notice per distinct payload per transaction, at its commit, so
// ending every session of a municipality sends one per user.

export class AuthChangeNotices1764002600000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION notify_auth_change() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        user_column text := TG_ARGV[0];
      BEGIN
        IF user_column IS NULL OR TG_LEVEL = 'STATEMENT' THEN
          PERFORM pg_notify('mynapoint_auth', '*');
          RETURN NULL;
        END IF;
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          PERFORM pg_notify('mynapoint_auth', OLD.municipality_code || ':' || (to_jsonb(OLD) ->> user_column));
        END IF;
        IF TG_OP = 'UPDATE' THEN
          PERFORM pg_notify('mynapoint_auth', NEW.municipality_code || ':' || (to_jsonb(NEW) ->> user_column));
        END IF;
        RETURN NULL;
      END $$;

      CREATE TRIGGER sessions_auth_change AFTER UPDATE ON sessions FOR EACH ROW
        WHEN ((OLD.revoked_at, OLD.expires_at, OLD.purpose, OLD.user_id, OLD.municipality_code, OLD.token_hash)
              IS DISTINCT FROM (NEW.revoked_at, NEW.expires_at, NEW.purpose, NEW.user_id, NEW.municipality_code, NEW.token_hash)
              OR NEW.last_seen_at < OLD.last_seen_at)
        EXECUTE FUNCTION notify_auth_change('user_id');
      CREATE TRIGGER sessions_auth_change_delete AFTER DELETE ON sessions FOR EACH ROW EXECUTE FUNCTION notify_auth_change('user_id');
      CREATE TRIGGER sessions_auth_change_truncate AFTER TRUNCATE ON sessions FOR EACH STATEMENT EXECUTE FUNCTION notify_auth_change();

      CREATE TRIGGER users_auth_change AFTER UPDATE ON users FOR EACH ROW
        WHEN ((OLD.username, OLD.display_name, OLD.role, OLD.active, OLD.municipality_code, OLD.prefecture_code)
              IS DISTINCT FROM (NEW.username, NEW.display_name, NEW.role, NEW.active, NEW.municipality_code, NEW.prefecture_code))
        EXECUTE FUNCTION notify_auth_change('id');
      CREATE TRIGGER users_auth_change_delete AFTER DELETE ON users FOR EACH ROW EXECUTE FUNCTION notify_auth_change('id');
      CREATE TRIGGER users_auth_change_truncate AFTER TRUNCATE ON users FOR EACH STATEMENT EXECUTE FUNCTION notify_auth_change();

      CREATE TRIGGER municipalities_auth_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON municipalities
        FOR EACH STATEMENT EXECUTE FUNCTION notify_auth_change();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER municipalities_auth_change ON municipalities;
      DROP TRIGGER users_auth_change_truncate ON users;
      DROP TRIGGER users_auth_change_delete ON users;
      DROP TRIGGER users_auth_change ON users;
      DROP TRIGGER sessions_auth_change_truncate ON sessions;
      DROP TRIGGER sessions_auth_change_delete ON sessions;
      DROP TRIGGER sessions_auth_change ON sessions;
      DROP FUNCTION notify_auth_change();
    `);
  }
}
