import { Injectable } from '@nestjs/common';
import type { Role } from '@mynapoint/domain';
import type { AuthUser } from '../common/auth/permission.decorator';
import { Db } from '../common/db/db.service';
import { GenerateSql } from '../common/db/generate-sql';

// Every statement of the auth feature: sessions, and the login columns of users.
// The users table is read here in SQL, not through the users feature: users calls auth
// (to end sessions, to unlock), so auth importing users would close a circle.
// Bearer tokens are random; sessions keep only their SHA-256, so a database dump holds
// no usable token. Sessions live in PostgreSQL so the API itself stays stateless.

export interface LoginUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  active: boolean;
  passwordHash: string;
  municipalityCode: string;
  prefectureCode: string | null;
}

// The user of a session that is valid now: not revoked, not expired, the account active.
const SESSION_USER = `SELECT u.id, u.username, u.display_name AS "displayName", u.role, s.id AS "sessionId",
              u.municipality_code AS "municipalityCode", u.prefecture_code AS "prefectureCode"
         FROM sessions s JOIN users u ON u.municipality_code = s.municipality_code AND u.id = s.user_id
        WHERE`;
const SESSION_VALID = 's.revoked_at IS NULL AND s.expires_at > now() AND u.active';

// Examples: a token's SHA-256 is 32 bytes.
const EXAMPLE_TOKEN_HASH = Buffer.alloc(32, 7);
const EXAMPLE_INSTANT = new Date('2020-09-01T00:00:00Z');

@Injectable()
export class AuthRepository {
  constructor(private readonly db: Db) {}

  @GenerateSql({ params: ['policy'] })
  loginUser(username: string): Promise<LoginUser | undefined> {
    return this.db.one<LoginUser>(
      `SELECT id, username, display_name AS "displayName", role, active, password_hash AS "passwordHash",
              municipality_code AS "municipalityCode", prefecture_code AS "prefectureCode"
         FROM users WHERE lower(username) = lower($1)`,
      [username],
    );
  }

  /** Failed logins from `ip` in the last `minutes` (at most `max` counted), and the seconds until the oldest leaves the window. */
  /** Whether the current municipality may sign in (the installation's own accounts always may). */
  @GenerateSql()
  async municipalityOpen(): Promise<boolean> {
    const row = await this.db.one<{ open: boolean }>(
      `SELECT current_municipality() = '000000' OR coalesce((SELECT active FROM municipalities WHERE code = current_municipality()), false) AS open`,
    );
    return Boolean(row?.open);
  }

  /** The municipalities of a prefecture, for a prefecture user's stats (read as the installation). */
  @GenerateSql({ params: ['15'] })
  async prefectureMunicipalities(prefectureCode: string): Promise<string[]> {
    const rows = await this.db.query<{ code: string }>('SELECT code FROM municipalities WHERE prefecture_code = $1 AND active ORDER BY code', [prefectureCode], {
      prepared: true,
    });
    return rows.map((r) => r.code);
  }

  @GenerateSql({ params: ['192.0.2.1', 15, 20] })
  async recentFailuresFromIp(ip: string, minutes: number, max: number): Promise<{ n: number; wait: number | null }> {
    const [row] = await this.db.query<{ n: number; wait: number | null }>(
      `SELECT count(*)::int AS n,
              extract(epoch FROM min(at) + make_interval(mins => $2) - now())::float8 AS wait
         FROM (SELECT at FROM audit_logs
                WHERE action = 'login_failed' AND ip = $1 AND at > now() - make_interval(mins => $2)
                ORDER BY at DESC LIMIT $3) recent`,
      [ip, minutes, max],
    );
    return row;
  }

  /**
   * Counts a wrong password and locks the account at `max` (for `minutes`, or until an
   * admin unlocks when 0). One statement: concurrent wrong guesses each count. An
   * expired lock starts over.
   */
  @GenerateSql({ params: [1, 5, 15] })
  countFailure(userId: number, max: number, minutes: number): Promise<{ failed_logins: number; locked: boolean } | undefined> {
    return this.db.one<{ failed_logins: number; locked: boolean }>(
      `UPDATE users
          SET failed_logins = CASE WHEN locked_until IS NOT NULL AND locked_until <= now() THEN 1 ELSE failed_logins + 1 END,
              locked_until = CASE
                WHEN (CASE WHEN locked_until IS NOT NULL AND locked_until <= now() THEN 1 ELSE failed_logins + 1 END) >= $2
                THEN CASE WHEN $3::int = 0 THEN 'infinity'::timestamptz ELSE now() + make_interval(mins => $3::int) END
                ELSE NULL END
        WHERE id = $1
        RETURNING failed_logins, locked_until IS NOT NULL AS locked`,
      [userId, max, minutes],
    );
  }

  @GenerateSql({ params: [1] })
  async isLocked(userId: number): Promise<boolean> {
    // In SQL: locked_until may be 'infinity', which JavaScript dates cannot hold.
    const row = await this.db.one<{ locked: boolean }>('SELECT coalesce(locked_until > now(), false) AS locked FROM users WHERE id = $1', [userId]);
    return Boolean(row?.locked);
  }

  /** Failed logins under a name no account has, in the last `minutes` (at most `max` counted). */
  @GenerateSql({ params: ['nobody', 15, 5] })
  async unknownNameFailures(username: string, minutes: number, max: number): Promise<number> {
    const row = await this.db.one<{ n: number }>(
      `SELECT count(*)::int AS n FROM (
         SELECT 1 FROM audit_logs
          WHERE action = 'login_failed' AND lower(username) = lower($1) AND user_id IS NULL
            AND at > now() - make_interval(mins => $2)
          LIMIT $3) recent`,
      [username, minutes, max],
    );
    return row?.n ?? 0;
  }

  /** A new session, and the user's login recorded (the failure count starts over). */
  @GenerateSql({ params: [1, EXAMPLE_TOKEN_HASH, EXAMPLE_INSTANT] })
  async startSession(userId: number, tokenHash: Buffer, expiresAt: Date): Promise<void> {
    await this.db.query('INSERT INTO sessions (user_id, token_hash, expires_at) VALUES ($1, $2, $3)', [userId, tokenHash, expiresAt]);
    await this.db.query('UPDATE users SET last_login_at = now(), failed_logins = 0, locked_until = NULL WHERE id = $1', [userId]);
  }

  @GenerateSql({ params: [1] })
  async unlock(userId: number): Promise<void> {
    await this.db.query('UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = $1', [userId]);
  }

  @GenerateSql({ params: [EXAMPLE_TOKEN_HASH] })
  async userOfToken(tokenHash: Buffer): Promise<AuthUser | null> {
    const row = await this.db.one<AuthUser>(
      `${SESSION_USER} s.token_hash = $1 AND ${SESSION_VALID}`,
      [tokenHash],
      { prepared: true }, // every authenticated request runs it
    );
    return row ?? null;
  }

  @GenerateSql({ params: [1] })
  async userOfSession(sessionId: number): Promise<AuthUser | null> {
    const row = await this.db.one<AuthUser>(`${SESSION_USER} s.id = $1 AND ${SESSION_VALID}`, [sessionId]);
    return row ?? null;
  }

  @GenerateSql({ params: [1] })
  async revokeSession(sessionId: number): Promise<void> {
    await this.db.query('UPDATE sessions SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL', [sessionId]);
  }

  /** Every open session of the current municipality (row-level security keeps it to that one). */
  @GenerateSql()
  async revokeAllOfMunicipality(): Promise<void> {
    await this.db.query('UPDATE sessions SET revoked_at = now() WHERE revoked_at IS NULL');
  }

  @GenerateSql({ params: [1] })
  async revokeAll(userId: number): Promise<void> {
    await this.db.query('UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [userId]);
  }
}
