import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { AuditService } from '../common/audit/audit.service';
import type { AuthUser } from '../common/auth/permission.decorator';
import { Db } from '../common/db/db.service';
import { INSTALLATION, Tenant, withTenant } from '../common/db/tenant';
import { tooManyRequests } from '../common/errors/domain.exception';
import { dummyHash, verifyPassword } from '../common/auth/password';
import { AuthError, AuthException } from './auth.exception';
import { AuthRepository, LoginUser } from './auth.repository';

const BAD_CREDENTIALS = 'ユーザー名またはパスワードが正しくありません。';
const ACCOUNT_LOCKED = 'ログインに続けて失敗したため、このアカウントはロックされています。しばらく待つか、システム管理者にロック解除を依頼してください。';
const TOO_MANY_ATTEMPTS = 'ログインの失敗が続いたため、しばらくログインできません。時間をおいて再度お試しください。';

function tokenHash(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

// A bearer token names its municipality before the random part ("152234.…"): the
// session is then looked up as that municipality, under row-level security, and on a
// distributed database on that municipality's shard. A token whose prefix was changed
// finds no session.
const TOKEN = /^(\d{6})\.([A-Za-z0-9_-]{20,100})$/;

@Injectable()
export class AuthService {
  constructor(
    // Only to open the transactions of login and logout (their routes run outside a request transaction).
    private readonly db: Db,
    private readonly repo: AuthRepository,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Signs in as a user of `municipalityCode`; without one, of the installation's default
   * municipality, else an installation account (operator, prefecture) of that name.
   */
  async login(username: string, password: string, ip: string | undefined, municipalityCode?: string) {
    const tenant = await this.loginTenant(username, municipalityCode);
    return withTenant(tenant, () => this.loginAs(username, password, ip));
  }

  private async loginTenant(username: string, municipalityCode: string | undefined): Promise<Tenant> {
    if (municipalityCode) return { municipalityCode };
    const fallback: Tenant = { municipalityCode: this.config.municipalityCode };
    for (const tenant of [fallback, { municipalityCode: INSTALLATION }]) {
      if (await withTenant(tenant, () => this.repo.loginUser(username))) return tenant;
    }
    return fallback;
  }

  private async loginAs(username: string, password: string, ip: string | undefined) {
    await this.throttle(ip);
    const user = await this.repo.loginUser(username);
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
    if (user ? await this.repo.isLocked(user.id) : await this.unknownNameLocked(username)) {
      await failed(user ? 'locked' : 'unknown_user');
      throw new AuthException(AuthError.AccountLocked, ACCOUNT_LOCKED);
    }

    // Same message, and the same bcrypt work, for an unknown user and a wrong password.
    const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), password);
    // A municipality the operator closed signs nobody in (same answer as a wrong password).
    const open = user && ok && user.active ? await this.repo.municipalityOpen() : false;
    if (!user || !ok || !user.active || !open) {
      await failed(!user ? 'unknown_user' : !ok ? 'wrong_password' : !user.active ? 'inactive' : 'municipality_inactive');
      if (user && !ok && (await this.countFailure(user, ip))) throw new AuthException(AuthError.AccountLocked, ACCOUNT_LOCKED);
      throw new AuthException(AuthError.InvalidCredentials, BAD_CREDENTIALS);
    }

    const token = `${user.municipalityCode}.${randomBytes(32).toString('base64url')}`;
    const expiresAt = new Date(Date.now() + this.config.tokenTtlMinutes * 60_000);
    await this.db.transaction(async () => {
      await this.repo.startSession(user.id, tokenHash(token), expiresAt);
      await this.audit.record({ user, action: 'login', resource: 'auth', resourceId: user.id, ip });
    });
    return {
      accessToken: token,
      expiresAt: expiresAt.toISOString(),
      // The contract's four fields; the municipality is on GET /api/auth/me.
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
    const row = await this.repo.recentFailuresFromIp(ip, minutes, max);
    if (row.n >= max) throw tooManyRequests(TOO_MANY_ATTEMPTS, row.wait ?? minutes * 60);
  }

  /** Counts a wrong password; true when this one locked the account (audit-logged). */
  private async countFailure(user: LoginUser, ip: string | undefined): Promise<boolean> {
    const { loginMaxFailures: max, loginLockMinutes: minutes } = this.config;
    const row = await this.repo.countFailure(user.id, max, minutes);
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

  private async unknownNameLocked(username: string): Promise<boolean> {
    const { loginMaxFailures: max, loginLockMinutes: minutes } = this.config;
    return (await this.repo.unknownNameFailures(username.slice(0, 60), minutes || 24 * 60, max)) >= max;
  }

  /** Lifts a lock (admin): the count starts over. */
  async unlock(userId: number): Promise<void> {
    await this.repo.unlock(userId);
  }

  /** The user behind a bearer token, or null when it is unknown, revoked, expired or the user is disabled. */
  async authenticate(token: string): Promise<AuthUser | null> {
    const m = TOKEN.exec(token);
    if (!m) return null;
    return withTenant({ municipalityCode: m[1] }, () => this.repo.userOfToken(tokenHash(token)));
  }

  /** The user of a session that is still valid (download tickets name a session). */
  async authenticateSession(municipalityCode: string, sessionId: number): Promise<AuthUser | null> {
    return withTenant({ municipalityCode }, () => this.repo.userOfSession(sessionId));
  }

  /** What the user's requests may see: its municipality, or a prefecture user's municipalities' stats. */
  async tenantOf(user: AuthUser): Promise<Tenant> {
    if (!user.prefectureCode) return { municipalityCode: user.municipalityCode };
    const codes = await withTenant({ municipalityCode: INSTALLATION }, () => this.repo.prefectureMunicipalities(user.prefectureCode!));
    // Never empty: the scope is what tells a prefecture user from the operator (the
    // municipalities table's operator policy, migration 1764001880000).
    return { municipalityCode: user.municipalityCode, statsMunicipalities: codes.length ? codes : [INSTALLATION] };
  }

  async logout(user: AuthUser, ip: string | undefined): Promise<void> {
    await this.db.transaction(async () => {
      await this.repo.revokeSession(user.sessionId);
      await this.audit.record({ user, action: 'logout', resource: 'auth', resourceId: user.id, ip });
    });
  }

  /** Ends every session of the current municipality (the operator closed it). */
  async endMunicipalitySessions(): Promise<void> {
    await this.repo.revokeAllOfMunicipality();
  }

  /** Ends every session of a user (password reset, account disabled). */
  async revokeAll(userId: number): Promise<void> {
    await this.repo.revokeAll(userId);
  }
}
