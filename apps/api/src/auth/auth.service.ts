import { Inject, Injectable } from '@nestjs/common';
import type { Role } from '@mynapoint/domain';
import { createHash, randomBytes } from 'node:crypto';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { AuditService } from '../common/audit/audit.service';
import type { AuthUser } from '../common/auth/permission.decorator';
import { Db } from '../common/db/db.service';
import { tooManyRequests } from '../common/errors/domain.exception';
import { dummyHash, verifyPassword } from '../common/auth/password';
import { AuthError, AuthException } from './auth.exception';
import { SessionEntity } from './session.entity';

const BAD_CREDENTIALS = 'ユーザー名またはパスワードが正しくありません。';
const ACCOUNT_LOCKED = 'ログインに続けて失敗したため、このアカウントはロックされています。しばらく待つか、システム管理者にロック解除を依頼してください。';
const TOO_MANY_ATTEMPTS = 'ログインの失敗が続いたため、しばらくログインできません。時間をおいて再度お試しください。';

// The users table is read here in SQL, not through the users feature: users calls auth
// (to end sessions, to unlock), so auth importing users would close a circle.
interface LoginUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  active: boolean;
  passwordHash: string;
}

function tokenHash(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

@Injectable()
export class AuthService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(username: string, password: string, ip: string | undefined) {
    await this.throttle(ip);
    const user = await this.db.one<LoginUser>(
      `SELECT id, username, display_name AS "displayName", role, active, password_hash AS "passwordHash"
         FROM users WHERE lower(username) = lower($1)`,
      [username],
    );
    const failed = (reason: string) =>
      this.audit.recordSeparately({
        user: user ?? null,
        username: user ? undefined : username.slice(0, 60),
        action: 'login_failed',
        resource: 'auth',
        ip,
        changes: { reason },
      });

    // A locked account is refused before its password is even checked: guessing on
    // gains nothing. An unknown name that has failed as often answers the same, so the
    // lock message does not tell which names exist.
    if (user ? await this.isLocked(user.id) : await this.unknownNameLocked(username)) {
      await failed(user ? 'locked' : 'unknown_user');
      throw new AuthException(AuthError.AccountLocked, ACCOUNT_LOCKED);
    }

    // Same message, and the same bcrypt work, for an unknown user and a wrong password.
    const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), password);
    if (!user || !ok || !user.active) {
      await failed(!user ? 'unknown_user' : !ok ? 'wrong_password' : 'inactive');
      if (user && !ok && (await this.countFailure(user, ip))) throw new AuthException(AuthError.AccountLocked, ACCOUNT_LOCKED);
      throw new AuthException(AuthError.InvalidCredentials, BAD_CREDENTIALS);
    }

    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.tokenTtlMinutes * 60_000);
    await this.db.transaction(async () => {
      await this.db.repo(SessionEntity).insert({ userId: user.id, tokenHash: tokenHash(token), expiresAt });
      await this.db.query('UPDATE users SET last_login_at = now(), failed_logins = 0, locked_until = NULL WHERE id = $1', [user.id]);
      await this.audit.record({ user, action: 'login', resource: 'auth', resourceId: user.id, ip });
    });
    return {
      accessToken: token,
      expiresAt: expiresAt.toISOString(),
      user: { id: user.id, username: user.username, displayName: user.displayName, role: user.role },
    };
  }

  /**
   * Too many failed logins from one address in the window → 429 until the oldest of
   * them leaves the window. Counted from the audit log, so it holds across API
   * processes and restarts.
   */
  private async throttle(ip: string | undefined): Promise<void> {
    if (!ip) return;
    const { loginIpMaxFailures: max, loginIpWindowMinutes: minutes } = this.config;
    const row = await this.db.one<{ n: number; wait: number | null }>(
      `SELECT count(*)::int AS n,
              extract(epoch FROM min(at) + make_interval(mins => $2) - now())::float8 AS wait
         FROM (SELECT at FROM audit_logs
                WHERE action = 'login_failed' AND ip = $1 AND at > now() - make_interval(mins => $2)
                ORDER BY at DESC LIMIT $3) recent`,
      [ip, minutes, max],
    );
    if (row && row.n >= max) throw tooManyRequests(TOO_MANY_ATTEMPTS, row.wait ?? minutes * 60);
  }

  /** Counts a wrong password; true when this one locked the account (audit-logged). */
  private async countFailure(user: LoginUser, ip: string | undefined): Promise<boolean> {
    const { loginMaxFailures: max, loginLockMinutes: minutes } = this.config;
    // One statement: concurrent wrong guesses each count. An expired lock starts over.
    const row = await this.db.one<{ failed_logins: number; locked: boolean }>(
      `UPDATE users
          SET failed_logins = CASE WHEN locked_until IS NOT NULL AND locked_until <= now() THEN 1 ELSE failed_logins + 1 END,
              locked_until = CASE
                WHEN (CASE WHEN locked_until IS NOT NULL AND locked_until <= now() THEN 1 ELSE failed_logins + 1 END) >= $2
                THEN CASE WHEN $3::int = 0 THEN 'infinity'::timestamptz ELSE now() + make_interval(mins => $3::int) END
                ELSE NULL END
        WHERE id = $1
        RETURNING failed_logins, locked_until IS NOT NULL AS locked`,
      [user.id, max, minutes],
    );
    if (!row?.locked || row.failed_logins !== max) return Boolean(row?.locked);
    await this.audit.recordSeparately({
      user,
      action: 'account_locked',
      resource: 'users',
      resourceId: user.id,
      ip,
      changes: { failedLogins: row.failed_logins, lockMinutes: minutes || null },
    });
    return true;
  }

  private async isLocked(userId: number): Promise<boolean> {
    // In SQL: locked_until may be 'infinity', which JavaScript dates cannot hold.
    const row = await this.db.one<{ locked: boolean }>('SELECT coalesce(locked_until > now(), false) AS locked FROM users WHERE id = $1', [userId]);
    return Boolean(row?.locked);
  }

  private async unknownNameLocked(username: string): Promise<boolean> {
    const { loginMaxFailures: max, loginLockMinutes: minutes } = this.config;
    const row = await this.db.one<{ n: number }>(
      `SELECT count(*)::int AS n FROM (
         SELECT 1 FROM audit_logs
          WHERE action = 'login_failed' AND lower(username) = lower($1) AND user_id IS NULL
            AND at > now() - make_interval(mins => $2)
          LIMIT $3) recent`,
      [username.slice(0, 60), minutes || 24 * 60, max],
    );
    return (row?.n ?? 0) >= max;
  }

  /** Lifts a lock (admin): the count starts over. */
  async unlock(userId: number): Promise<void> {
    await this.db.query('UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = $1', [userId]);
  }

  /** The user behind a bearer token, or null when it is unknown, revoked, expired or the user is disabled. */
  async authenticate(token: string): Promise<AuthUser | null> {
    if (token.length < 20 || token.length > 100) return null;
    const row = await this.db.one<AuthUser>(
      `SELECT u.id, u.username, u.display_name AS "displayName", u.role, s.id AS "sessionId"
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.active`,
      [tokenHash(token)],
      { prepared: true }, // every authenticated request runs it
    );
    return row ?? null;
  }

  /** The user of a session that is still valid (download tickets name a session). */
  async authenticateSession(sessionId: number): Promise<AuthUser | null> {
    const row = await this.db.one<AuthUser>(
      `SELECT u.id, u.username, u.display_name AS "displayName", u.role, s.id AS "sessionId"
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.id = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.active`,
      [sessionId],
    );
    return row ?? null;
  }

  async logout(user: AuthUser, ip: string | undefined): Promise<void> {
    await this.db.transaction(async () => {
      await this.db.query('UPDATE sessions SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL', [user.sessionId]);
      await this.audit.record({ user, action: 'logout', resource: 'auth', resourceId: user.id, ip });
    });
  }

  /** Ends every session of a user (password reset, account disabled). */
  async revokeAll(userId: number): Promise<void> {
    await this.db.query('UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [userId]);
  }
}
