import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { AuditService } from '../audit-logs/audit.service';
import type { AuthUser } from '../common/auth/permission.decorator';
import { Db } from '../common/db/db.service';
import { dummyHash, verifyPassword } from '../users/password';
import { UserEntity } from '../users/user.entity';
import { AuthError, AuthException } from './auth.exception';
import { SessionEntity } from './session.entity';

const BAD_CREDENTIALS = 'ユーザー名またはパスワードが正しくありません。';

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
    const user = await this.db.repo(UserEntity).createQueryBuilder('u').where('lower(u.username) = lower(:username)', { username }).getOne();
    // Same message, and the same argon2 work, for an unknown user and a wrong password.
    const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), password);
    if (!user || !ok || !user.active) {
      await this.audit.recordSeparately({
        user: user ?? null,
        username: user ? undefined : username.slice(0, 60),
        action: 'login_failed',
        resource: 'auth',
        ip,
        changes: { reason: !user ? 'unknown_user' : !ok ? 'wrong_password' : 'inactive' },
      });
      throw new AuthException(AuthError.InvalidCredentials, BAD_CREDENTIALS);
    }

    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.tokenTtlMinutes * 60_000);
    await this.db.transaction(async () => {
      await this.db.repo(SessionEntity).insert({ userId: user.id, tokenHash: tokenHash(token), expiresAt });
      await this.db.repo(UserEntity).update(user.id, { lastLoginAt: () => 'now()' });
      await this.audit.record({ user, action: 'login', resource: 'auth', resourceId: user.id, ip });
    });
    return {
      accessToken: token,
      expiresAt: expiresAt.toISOString(),
      user: { id: user.id, username: user.username, displayName: user.displayName, role: user.role },
    };
  }

  /** The user behind a bearer token, or null when it is unknown, revoked, expired or the user is disabled. */
  async authenticate(token: string): Promise<AuthUser | null> {
    if (token.length < 20 || token.length > 100) return null;
    const row = await this.db.one<AuthUser>(
      `SELECT u.id, u.username, u.display_name AS "displayName", u.role, s.id AS "sessionId"
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.active`,
      [tokenHash(token)],
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
