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
  /** Null for a directory account (the directory checks its password). */
  passwordHash: string | null;
  authSource: 'local' | 'directory';
  municipalityCode: string;
  prefectureCode: string | null;
  totpEnabled: boolean;
  /** Sealed (see totp.ts); null until the second factor is on. */
  totpSecret: Buffer | null;
  totpLastStep: number | null;
}

export type SessionPurpose = 'full' | 'mfa' | 'totp_setup';

export interface NewSession {
  userId: number;
  tokenHash: Buffer;
  expiresAt: Date;
  purpose: SessionPurpose;
  device: string | null;
  ip: string | null;
}

export interface SessionRow {
  id: number;
  device: string | null;
  ip: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
}

const LOGIN_USER = `SELECT id, username, display_name AS "displayName", role, active, password_hash AS "passwordHash",
              auth_source AS "authSource", municipality_code AS "municipalityCode", prefecture_code AS "prefectureCode",
              totp_enabled_at IS NOT NULL AS "totpEnabled", totp_secret AS "totpSecret", totp_last_step::int AS "totpLastStep"
         FROM users`;

// The user of a session that is valid now: not revoked, not expired, used within the
// idle timeout ($2 minutes), the account active. A session still waiting for its second
// factor ('mfa') is no session yet. `stale`: last use recorded over a minute ago, so the
// caller records this one (once a minute at most: not a write per request).
const SESSION_USER = `SELECT u.id, u.username, u.display_name AS "displayName", u.role, s.id AS "sessionId",
              u.municipality_code AS "municipalityCode", u.prefecture_code AS "prefectureCode",
              s.purpose AS "sessionPurpose", s.last_seen_at < now() - interval '1 minute' AS stale,
              s.expires_at AS "expiresAt", s.last_seen_at AS "lastSeenAt"
         FROM sessions s JOIN users u ON u.municipality_code = s.municipality_code AND u.id = s.user_id
        WHERE`;
const SESSION_VALID = "s.revoked_at IS NULL AND s.expires_at > now() AND s.last_seen_at > now() - make_interval(mins => $2) AND s.purpose <> 'mfa' AND u.active";
const LIVE = 'revoked_at IS NULL AND expires_at > now() AND last_seen_at > now() - make_interval(mins => $2)';

export type SessionUser = AuthUser & { stale: boolean; expiresAt: Date; lastSeenAt: Date };

// Examples: a token's SHA-256 is 32 bytes.
const EXAMPLE_TOKEN_HASH = Buffer.alloc(32, 7);
const EXAMPLE_INSTANT = new Date('2020-09-01T00:00:00Z');

@Injectable()
export class AuthRepository {
  constructor(private readonly db: Db) {}

  @GenerateSql({ params: ['policy'] })
  loginUser(username: string): Promise<LoginUser | undefined> {
    return this.db.one<LoginUser>(`${LOGIN_USER} WHERE lower(username) = lower($1)`, [username]);
  }

  @GenerateSql({ params: [1] })
  loginUserById(id: number): Promise<LoginUser | undefined> {
    return this.db.one<LoginUser>(`${LOGIN_USER} WHERE id = $1`, [id]);
  }

  /** The local record of a directory account, made at its first sign-in (no password). */
  @GenerateSql({ params: ['sato', '佐藤 花子', 'counter', 'uid=sato,ou=people,dc=city,dc=example'] })
  async insertDirectoryUser(username: string, displayName: string, role: Role, dn: string): Promise<number> {
    const row = await this.db.one<{ id: number }>(
      `INSERT INTO users (username, display_name, role, auth_source, directory_dn) VALUES ($1, $2, $3, 'directory', $4) RETURNING id`,
      [username, displayName, role, dn],
    );
    return row!.id;
  }

  /** What the directory says of an account at each sign-in: its name, role and entry. */
  @GenerateSql({ params: [1, '佐藤 花子', 'policy', 'uid=sato,ou=people,dc=city,dc=example'] })
  async updateDirectoryUser(id: number, displayName: string, role: Role, dn: string): Promise<void> {
    await this.db.query('UPDATE users SET display_name = $2, role = $3, directory_dn = $4 WHERE id = $1', [id, displayName, role, dn]);
  }

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

  @GenerateSql({ params: [{ userId: 1, tokenHash: EXAMPLE_TOKEN_HASH, expiresAt: EXAMPLE_INSTANT, purpose: 'full', device: 'Mozilla/5.0', ip: '192.0.2.1' }] })
  async insertSession(s: NewSession): Promise<number> {
    const row = await this.db.one<{ id: number }>(
      'INSERT INTO sessions (user_id, token_hash, expires_at, purpose, device, ip) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
      [s.userId, s.tokenHash, s.expiresAt, s.purpose, s.device, s.ip],
    );
    return row!.id;
  }

  /** The user's login recorded (the failure count starts over). */
  @GenerateSql({ params: [1] })
  async recordLogin(userId: number): Promise<void> {
    await this.db.query('UPDATE users SET last_login_at = now(), failed_logins = 0, locked_until = NULL WHERE id = $1', [userId]);
  }

  /** The session waiting for its second factor behind an mfaToken. */
  @GenerateSql({ params: [EXAMPLE_TOKEN_HASH] })
  mfaSession(tokenHash: Buffer): Promise<{ id: number; userId: number } | undefined> {
    return this.db.one(
      `SELECT id, user_id AS "userId" FROM sessions WHERE token_hash = $1 AND purpose = 'mfa' AND revoked_at IS NULL AND expires_at > now()`,
      [tokenHash],
    );
  }

  /** A set-up-only session becomes a full one once the second factor is on. */
  @GenerateSql({ params: [1] })
  async upgradeSession(sessionId: number): Promise<void> {
    await this.db.query(`UPDATE sessions SET purpose = 'full' WHERE id = $1 AND purpose = 'totp_setup'`, [sessionId]);
  }

  @GenerateSql({ params: [1] })
  async touchSession(sessionId: number): Promise<void> {
    await this.db.query('UPDATE sessions SET last_seen_at = now() WHERE id = $1', [sessionId], { prepared: true });
  }

  /** A user's live sessions, newest use first. */
  @GenerateSql({ params: [1, 30] })
  sessionsOf(userId: number, idleMinutes: number): Promise<SessionRow[]> {
    return this.db.query<SessionRow>(
      `SELECT id, device, ip, created_at AS "createdAt", last_seen_at AS "lastSeenAt", expires_at AS "expiresAt"
         FROM sessions WHERE user_id = $1 AND purpose <> 'mfa' AND ${LIVE}
        ORDER BY last_seen_at DESC, id DESC`,
      [userId, idleMinutes],
    );
  }

  /** Ends one live session of a user; false when it is not theirs or already over. */
  @GenerateSql({ params: [1, 2, 30] })
  async revokeSessionOf(userId: number, sessionId: number, idleMinutes: number): Promise<boolean> {
    const rows = await this.db.query(`UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND id = $3 AND ${LIVE} RETURNING id`, [
      userId,
      idleMinutes,
      sessionId,
    ]);
    return rows.length > 0;
  }

  // --- the second factor ---

  @GenerateSql({ params: [1, EXAMPLE_TOKEN_HASH] })
  async setPendingTotp(userId: number, sealed: Buffer): Promise<void> {
    await this.db.query('UPDATE users SET totp_pending_secret = $2 WHERE id = $1', [userId, sealed]);
  }

  @GenerateSql({ params: [1] })
  pendingTotp(userId: number): Promise<{ sealed: Buffer | null } | undefined> {
    return this.db.one('SELECT totp_pending_secret AS sealed FROM users WHERE id = $1', [userId]);
  }

  /** The pending secret becomes the secret; `step` was used to confirm it. */
  @GenerateSql({ params: [1, 56666666] })
  async enableTotp(userId: number, step: number): Promise<void> {
    await this.db.query(
      `UPDATE users SET totp_secret = totp_pending_secret, totp_pending_secret = NULL, totp_enabled_at = now(), totp_last_step = $2
        WHERE id = $1 AND totp_pending_secret IS NOT NULL`,
      [userId, step],
    );
  }

  /** Records `step` as used; false when it (or a later one) was used already, by a request racing this one too. */
  @GenerateSql({ params: [1, 56666666] })
  async useTotpStep(userId: number, step: number): Promise<boolean> {
    const rows = await this.db.query('UPDATE users SET totp_last_step = $2 WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2) RETURNING id', [
      userId,
      step,
    ]);
    return rows.length > 0;
  }

  /** The second factor off, its recovery codes gone (an admin's reset). */
  @GenerateSql({ params: [1] })
  async resetTotp(userId: number): Promise<boolean> {
    await this.db.query('DELETE FROM recovery_codes WHERE user_id = $1', [userId]);
    const rows = await this.db.query(
      'UPDATE users SET totp_secret = NULL, totp_pending_secret = NULL, totp_enabled_at = NULL, totp_last_step = NULL WHERE id = $1 RETURNING totp_enabled_at',
      [userId],
    );
    return rows.length > 0;
  }

  @GenerateSql({ params: [1, [EXAMPLE_TOKEN_HASH]] })
  async replaceRecoveryCodes(userId: number, hashes: Buffer[]): Promise<void> {
    await this.db.query('DELETE FROM recovery_codes WHERE user_id = $1', [userId]);
    await this.db.query('INSERT INTO recovery_codes (user_id, code_hash) SELECT $1, h FROM unnest($2::bytea[]) h', [userId, hashes]);
  }

  /** Spends a recovery code; false when it is unknown or spent. */
  @GenerateSql({ params: [1, EXAMPLE_TOKEN_HASH] })
  async useRecoveryCode(userId: number, hash: Buffer): Promise<boolean> {
    const rows = await this.db.query('UPDATE recovery_codes SET used_at = now() WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL RETURNING user_id', [
      userId,
      hash,
    ]);
    return rows.length > 0;
  }

  @GenerateSql({ params: [1] })
  async totpStatus(userId: number): Promise<{ enabledAt: Date | null; recoveryCodesLeft: number } | undefined> {
    return this.db.one(
      `SELECT totp_enabled_at AS "enabledAt",
              (SELECT count(*)::int FROM recovery_codes r WHERE r.user_id = u.id AND r.used_at IS NULL) AS "recoveryCodesLeft"
         FROM users u WHERE id = $1`,
      [userId],
    );
  }

  /** The roles the current municipality requires a second factor of; null for the installation (no row). */
  @GenerateSql()
  async totpRequiredRoles(): Promise<Role[] | null> {
    const row = await this.db.one<{ roles: Role[] }>('SELECT totp_required_roles AS roles FROM municipalities WHERE code = current_municipality()');
    return row ? row.roles : null;
  }

  @GenerateSql({ params: [1] })
  async unlock(userId: number): Promise<void> {
    await this.db.query('UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = $1', [userId]);
  }

  @GenerateSql({ params: [EXAMPLE_TOKEN_HASH, 30] })
  async userOfToken(tokenHash: Buffer, idleMinutes: number): Promise<SessionUser | null> {
    const row = await this.db.one<SessionUser>(
      `${SESSION_USER} s.token_hash = $1 AND ${SESSION_VALID}`,
      [tokenHash, idleMinutes],
      { prepared: true }, // every authenticated request runs it
    );
    return row ?? null;
  }

  @GenerateSql({ params: [1, 30] })
  async userOfSession(sessionId: number, idleMinutes: number): Promise<SessionUser | null> {
    const row = await this.db.one<SessionUser>(`${SESSION_USER} s.id = $1 AND ${SESSION_VALID}`, [sessionId, idleMinutes]);
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
