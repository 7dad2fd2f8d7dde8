import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import QRCode from 'qrcode';
import { type Role } from '@mynapoint/domain';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { AuditService } from '../common/audit/audit.service';
import type { AuthUser } from '../common/auth/permission.decorator';
import { Db } from '../common/db/db.service';
import { INSTALLATION, Tenant, currentTenant, withTenant } from '../common/db/tenant';
import { tooManyRequests } from '../common/errors/domain.exception';
import { dummyHash, verifyPassword } from '../common/auth/password';
import { Directory } from './directory';
import { AuthError, AuthException } from './auth.exception';
import { AuthRepository, LoginUser, SessionPurpose, SessionUser } from './auth.repository';
import { SessionCache, SessionIdentity, SessionRead } from './session-cache';
import { AUTH_CLOCK, Clock, Totp, looksLikeRecoveryCode, newRecoveryCodes, recoveryCodeHash } from './totp';

const BAD_CREDENTIALS = 'ユーザー名またはパスワードが正しくありません。';
const ACCOUNT_LOCKED = 'ログインに続けて失敗したため、このアカウントはロックされています。しばらく待つか、システム管理者にロック解除を依頼してください。';
const TOO_MANY_ATTEMPTS = 'ログインの失敗が続いたため、しばらくログインできません。時間をおいて再度お試しください。';
const WRONG_CODE = '確認コードが正しくありません。認証アプリに表示されている6桁の数字（または復旧コード）を入力してください。';
const MFA_EXPIRED = '確認の有効期限が切れました。もう一度ユーザー名とパスワードからログインしてください。';
const SETUP_REQUIRED = 'この役割では二要素認証が必須です。先に「セキュリティ」画面で認証アプリを設定してください。';

/** How long the password step stays good while the user types the code. */
const MFA_MINUTES = 5;

function tokenHash(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

// A bearer token names its municipality before the random part ("152234.…"): the
// session is then looked up as that municipality, under row-level security, and on a
// distributed database on that municipality's shard. A token whose prefix was changed
// finds no session. The mfaToken of a sign-in waiting for its code has the same form.
const TOKEN = /^(\d{6})\.([A-Za-z0-9_-]{20,100})$/;

/** Where a sign-in comes from, shown on the sessions page. */
export interface Client {
  ip?: string;
  device?: string;
}

export interface SessionView {
  id: number;
  device: string | null;
  ip: string | null;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  current: boolean;
}

@Injectable()
export class AuthService {
  private readonly logger = new Logger('Auth');
  private readonly directory: Directory | null;
  private readonly totp: Totp;

  constructor(
    // Only to open the transactions of login and logout (their routes run outside a request transaction).
    private readonly db: Db,
    private readonly repo: AuthRepository,
    private readonly audit: AuditService,
    private readonly sessionCache: SessionCache,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(AUTH_CLOCK) clock: Clock,
  ) {
    this.directory = config.directory ? new Directory(config.directory) : null;
    this.totp = new Totp(config.myKeyHmacSecret, clock);
  }

  /**
   * Signs in as a user of `municipalityCode`; without one, of the installation's default
   * municipality, else an installation account (operator, prefecture) of that name.
   */
  async login(username: string, password: string, client: Client, municipalityCode?: string) {
    const tenant = await this.loginTenant(username, municipalityCode);
    return withTenant(tenant, () => this.loginAs(username, password, client));
  }

  private async loginTenant(username: string, municipalityCode: string | undefined): Promise<Tenant> {
    if (municipalityCode) return { municipalityCode };
    const fallback: Tenant = { municipalityCode: this.config.municipalityCode };
    for (const tenant of [fallback, { municipalityCode: INSTALLATION }]) {
      if (await withTenant(tenant, () => this.repo.loginUser(username))) return tenant;
    }
    return fallback;
  }

  private async loginAs(username: string, password: string, client: Client) {
    const { ip } = client;
    await this.throttle(ip);
    const municipalityCode = currentTenant()!.municipalityCode;
    let user = await this.repo.loginUser(username);
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

    // Who checks the password: the local hash for a local account (the first admin,
    // operator and prefecture accounts, break-glass accounts; they work when the
    // directory is down), the directory for a directory account or a name not known here
    // yet (its first sign-in creates the record).
    const directory = this.directory?.serves(municipalityCode) ? this.directory : null;
    let ok: boolean;
    let reason: string | null = null;
    if (user?.authSource === 'directory' || (!user && directory)) {
      // A directory account with no directory configured for it cannot be checked.
      const outcome = directory ? await directory.authenticate(municipalityCode, username, password) : ({ ok: false, reason: 'directory_unavailable' } as const);
      ok = outcome.ok && outcome.role !== null;
      if (!outcome.ok) {
        reason = outcome.reason;
        if (reason === 'directory_unavailable') this.logger.error(`The directory (${this.config.directory?.url ?? 'LDAP_URL unset'}) could not check a sign-in: directory accounts cannot sign in; local accounts still can`);
      } else if (outcome.role === null) {
        // Not (or no longer) in any mapped group: no access, and whatever sessions the
        // account still has end now.
        reason = 'no_mapped_group';
        if (user) await this.repo.revokeAll(user.id);
      } else {
        user = await this.syncDirectoryUser(user, username, outcome.displayName, outcome.role, outcome.dn, ip);
      }
    } else {
      // Same message, and the same bcrypt work, for an unknown user and a wrong password.
      ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), password);
      if (!ok) reason = user ? 'wrong_password' : 'unknown_user';
    }

    // A municipality the operator closed signs nobody in (same answer as a wrong password).
    if (ok && user && !user.active) [ok, reason] = [false, 'inactive'];
    if (ok && user && !(await this.repo.municipalityOpen())) [ok, reason] = [false, 'municipality_inactive'];
    if (!ok || !user) {
      await failed(reason ?? 'unknown_user');
      if (user && reason === 'wrong_password' && (await this.countFailure(user, ip))) throw new AuthException(AuthError.AccountLocked, ACCOUNT_LOCKED);
      throw new AuthException(AuthError.InvalidCredentials, BAD_CREDENTIALS);
    }

    const method = user.authSource;
    if (user.totpEnabled) {
      // The password was right; the session starts once the code is. The failure count
      // is not reset here, or a known password would allow endless code guessing.
      const mfaToken = this.newToken(user.municipalityCode);
      const expiresAt = new Date(Date.now() + MFA_MINUTES * 60_000);
      await this.repo.insertSession({ userId: user.id, tokenHash: tokenHash(mfaToken), expiresAt, purpose: 'mfa', device: this.device(client), ip: ip ?? null });
      return { mfaRequired: true as const, mfaToken, expiresAt: expiresAt.toISOString() };
    }
    const setup = !isInstallation(user) && (await this.totpRequired(user.role));
    return this.startSession(user, client, setup ? 'totp_setup' : 'full', { method, ...(setup ? { totpSetupRequired: true } : {}) });
  }

  /** POST /api/auth/login/totp: the second step, with the code of the authenticator app or a recovery code. */
  async loginWithCode(mfaToken: string, code: string, client: Client) {
    const m = TOKEN.exec(mfaToken);
    if (!m) throw new AuthException(AuthError.MfaExpired, MFA_EXPIRED);
    return withTenant({ municipalityCode: m[1] }, async () => {
      await this.throttle(client.ip);
      const pending = await this.repo.mfaSession(tokenHash(mfaToken));
      const user = pending && (await this.repo.loginUserById(pending.userId));
      if (!pending || !user || !user.active || !user.totpEnabled) throw new AuthException(AuthError.MfaExpired, MFA_EXPIRED);
      const failed = (reason: string) =>
        this.audit.recordSeparately({ user, action: 'login_failed', resource: 'auth', ip: client.ip, changes: { reason } });
      if (await this.repo.isLocked(user.id)) {
        await this.repo.revokeSession(pending.id);
        await failed('locked');
        throw new AuthException(AuthError.AccountLocked, ACCOUNT_LOCKED);
      }
      const factor = await this.checkSecondFactor(user, code);
      if (!factor) {
        await failed('wrong_code');
        // Wrong codes count toward the same lockout as wrong passwords.
        if (await this.countFailure(user, client.ip)) {
          await this.repo.revokeSession(pending.id);
          throw new AuthException(AuthError.AccountLocked, ACCOUNT_LOCKED);
        }
        throw new AuthException(AuthError.WrongCode, WRONG_CODE);
      }
      await this.repo.revokeSession(pending.id);
      return this.startSession(user, client, 'full', { method: user.authSource, secondFactor: factor });
    });
  }

  /** The factor that matched ('totp' or 'recovery_code'), or null; a code counts once. */
  private async checkSecondFactor(user: LoginUser, code: string): Promise<'totp' | 'recovery_code' | null> {
    const trimmed = code.trim();
    if (looksLikeRecoveryCode(trimmed)) return (await this.repo.useRecoveryCode(user.id, recoveryCodeHash(user.id, trimmed))) ? 'recovery_code' : null;
    const secret = user.totpSecret && this.totp.open(user.totpSecret);
    const step = secret ? this.totp.verify(secret, trimmed.replace(/\s/g, ''), user.totpLastStep) : null;
    return step !== null && (await this.repo.useTotpStep(user.id, step)) ? 'totp' : null;
  }

  private async startSession(user: LoginUser, client: Client, purpose: SessionPurpose, changes: Record<string, unknown>) {
    const token = this.newToken(user.municipalityCode);
    const expiresAt = new Date(Date.now() + this.config.tokenTtlMinutes * 60_000);
    await this.db.transaction(async () => {
      await this.repo.insertSession({ userId: user.id, tokenHash: tokenHash(token), expiresAt, purpose, device: this.device(client), ip: client.ip ?? null });
      await this.repo.recordLogin(user.id);
      await this.audit.record({ user, action: 'login', resource: 'auth', resourceId: user.id, ip: client.ip, changes });
    });
    return {
      accessToken: token,
      expiresAt: expiresAt.toISOString(),
      // The contract's four fields; the municipality is on GET /api/auth/me.
      user: { id: user.id, username: user.username, displayName: user.displayName, role: user.role },
      ...(purpose === 'totp_setup' ? { totpSetupRequired: true } : {}),
    };
  }

  /**
   * A directory account's local record, as the directory says now: created at the first
   * sign-in; a changed role is written and ends the account's other sessions (audited).
   */
  private async syncDirectoryUser(user: LoginUser | undefined, username: string, displayName: string, role: Role, dn: string, ip: string | undefined): Promise<LoginUser> {
    if (!user) {
      const id = await this.db.transaction(async () => {
        const newId = await this.repo.insertDirectoryUser(username, displayName, role, dn);
        await this.audit.record({ user: { id: newId, username }, action: 'create', resource: 'users', resourceId: newId, ip, changes: { via: 'directory', role, displayName } });
        return newId;
      });
      return (await this.repo.loginUserById(id))!;
    }
    if (user.role !== role) {
      await this.db.transaction(async () => {
        await this.repo.revokeAll(user.id);
        await this.audit.record({ user, action: 'update', resource: 'users', resourceId: user.id, ip, changes: { via: 'directory', role: { from: user.role, to: role } } });
      });
    }
    if (user.role !== role || user.displayName !== displayName) await this.repo.updateDirectoryUser(user.id, displayName, role, dn);
    return { ...user, role, displayName };
  }

  private newToken(municipalityCode: string): string {
    return `${municipalityCode}.${randomBytes(32).toString('base64url')}`;
  }

  private device(client: Client): string | null {
    return client.device ? client.device.slice(0, 200) : null;
  }

  private async totpRequired(role: Role): Promise<boolean> {
    return ((await this.repo.totpRequiredRoles()) ?? []).includes(role);
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

  /** Counts a wrong password or code; true when this one locked the account (audit-logged). */
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

  /**
   * Who is behind a bearer token, and which rows their requests see; null when the
   * token is unknown, revoked, expired, idle too long or its user is disabled. Served
   * from memory while the change listener is up (session-cache.ts), else read.
   */
  async identify(token: string): Promise<SessionIdentity | null> {
    const m = TOKEN.exec(token);
    if (!m) return null;
    const hash = tokenHash(token);
    const key = hash.toString('base64');
    const idleMinutes = this.config.sessionIdleMinutes;
    const cached = await this.sessionCache.get(key, idleMinutes);
    if (cached) return cached;
    const mark = this.sessionCache.mark();
    const row = await withTenant({ municipalityCode: m[1] }, () => this.repo.userOfToken(hash, idleMinutes));
    const read = await this.read(row);
    if (read) this.sessionCache.put(key, read, mark);
    return read;
  }

  /** The identity of a session that is still valid (download tickets name a session; read every time). */
  async identifySession(municipalityCode: string, sessionId: number): Promise<SessionIdentity | null> {
    const row = await withTenant({ municipalityCode }, () => this.repo.userOfSession(sessionId, this.config.sessionIdleMinutes));
    return this.read(row);
  }

  /** A session row as read: its use recorded when the last record is over a minute old, and what its requests see. */
  private async read(row: SessionUser | null): Promise<SessionRead | null> {
    if (!row) return null;
    const { stale, expiresAt, lastSeenAt, ...user } = row;
    if (stale) await withTenant({ municipalityCode: user.municipalityCode }, () => this.repo.touchSession(user.sessionId));
    return { user, tenant: await this.tenantOf(user), expiresAt, lastSeenAt: stale ? new Date() : lastSeenAt };
  }

  /** What the user's requests may see: its municipality, or a prefecture user's municipalities' stats. */
  private async tenantOf(user: AuthUser): Promise<Tenant> {
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

  /** Ends every session of a user (password reset, role change, account disabled). */
  async revokeAll(userId: number): Promise<void> {
    await this.repo.revokeAll(userId);
  }

  // --- sessions ---

  /** A user's live sessions; `current` marks the caller's own. */
  async sessions(userId: number, currentSessionId?: number): Promise<SessionView[]> {
    const rows = await this.repo.sessionsOf(userId, this.config.sessionIdleMinutes);
    return rows.map((r) => ({
      id: r.id,
      device: r.device,
      ip: r.ip,
      createdAt: r.createdAt.toISOString(),
      lastSeenAt: r.lastSeenAt.toISOString(),
      expiresAt: r.expiresAt.toISOString(),
      current: r.id === currentSessionId,
    }));
  }

  /** Ends one of `userId`'s sessions (theirs or an admin's doing; audited in the caller's transaction). */
  async endSession(userId: number, sessionId: number, actor: AuthUser, ip: string | undefined): Promise<void> {
    const own = actor.id === userId;
    if (!(await this.repo.revokeSessionOf(userId, sessionId, this.config.sessionIdleMinutes))) {
      throw new AuthException(AuthError.SessionNotFound, 'そのセッションは見つからないか、既に終了しています。');
    }
    await this.audit.record({
      user: actor,
      action: 'session_ended',
      resource: own ? 'auth' : 'users',
      resourceId: own ? sessionId : userId,
      ip,
      changes: { sessionId, userId },
    });
  }

  /** Ends every session of a user (an admin's doing; audited). */
  async endAllSessions(userId: number, actor: AuthUser, ip: string | undefined): Promise<number> {
    const n = (await this.repo.sessionsOf(userId, this.config.sessionIdleMinutes)).length;
    await this.repo.revokeAll(userId);
    await this.audit.record({ user: actor, action: 'session_ended', resource: 'users', resourceId: userId, ip, changes: { userId, all: true, sessions: n } });
    return n;
  }

  // --- the second factor ---

  async totpStatus(user: AuthUser) {
    const status = await this.repo.totpStatus(user.id);
    return {
      enabled: Boolean(status?.enabledAt),
      enabledAt: status?.enabledAt ? status.enabledAt.toISOString() : null,
      recoveryCodesLeft: status?.recoveryCodesLeft ?? 0,
      required: user.municipalityCode !== INSTALLATION && (await this.totpRequired(user.role)),
    };
  }

  /** A new secret for the signed-in user, pending until confirmed with a code (a second factor already on stays on until then). */
  async startTotpSetup(user: AuthUser) {
    const secret = this.totp.newSecret();
    await this.repo.setPendingTotp(user.id, this.totp.seal(secret));
    const otpauthUrl = this.totp.uri(this.config.totpIssuer, user.username, secret);
    // The QR code is drawn here, as a data URL: no outside service sees the secret.
    const qrDataUrl = await QRCode.toDataURL(otpauthUrl, { errorCorrectionLevel: 'M', margin: 2, width: 240 });
    return { secret, otpauthUrl, qrDataUrl };
  }

  /** Turns the second factor on with a code of the pending secret; returns the ten recovery codes (shown once). */
  async confirmTotp(user: AuthUser, code: string, ip: string | undefined) {
    const pending = await this.repo.pendingTotp(user.id);
    const secret = pending?.sealed && this.totp.open(pending.sealed);
    if (!secret) throw new AuthException(AuthError.TotpNotStarted, '先に「設定を始める」で認証アプリに登録してください。');
    const step = this.totp.verify(secret, code.replace(/\s/g, ''), null);
    if (step === null) throw new AuthException(AuthError.CodeRejected, WRONG_CODE, { code: WRONG_CODE });
    await this.repo.enableTotp(user.id, step);
    const recoveryCodes = await this.issueRecoveryCodes(user.id);
    // A set-up-only session becomes a full one: the user may now work.
    if (user.sessionPurpose === 'totp_setup') await this.repo.upgradeSession(user.sessionId);
    await this.audit.record({ user, action: 'totp_enabled', resource: 'auth', resourceId: user.id, ip });
    return { enabled: true, recoveryCodes };
  }

  /** Ten new recovery codes (the old ones stop working), after a current code. */
  async renewRecoveryCodes(user: AuthUser, code: string, ip: string | undefined) {
    const login = await this.repo.loginUserById(user.id);
    if (!login?.totpEnabled) throw new AuthException(AuthError.TotpNotEnabled, '二要素認証が有効になっていません。');
    const secret = login.totpSecret && this.totp.open(login.totpSecret);
    const step = secret ? this.totp.verify(secret, code.replace(/\s/g, ''), login.totpLastStep) : null;
    if (step === null || !(await this.repo.useTotpStep(user.id, step))) throw new AuthException(AuthError.CodeRejected, WRONG_CODE, { code: WRONG_CODE });
    const recoveryCodes = await this.issueRecoveryCodes(user.id);
    await this.audit.record({ user, action: 'recovery_codes_issued', resource: 'auth', resourceId: user.id, ip });
    return { recoveryCodes };
  }

  private async issueRecoveryCodes(userId: number): Promise<string[]> {
    const codes = newRecoveryCodes();
    await this.repo.replaceRecoveryCodes(
      userId,
      codes.map((c) => recoveryCodeHash(userId, c)),
    );
    return codes;
  }

  /** An admin turns a user's second factor off (lost phone): the user sets it up again at the next sign-in. */
  async resetTotp(userId: number, actor: AuthUser, ip: string | undefined): Promise<void> {
    const before = await this.repo.totpStatus(userId);
    await this.repo.resetTotp(userId);
    await this.repo.revokeAll(userId);
    await this.audit.record({ user: actor, action: 'totp_reset', resource: 'users', resourceId: userId, ip, changes: { wasEnabled: Boolean(before?.enabledAt) } });
  }

  /** Whether a user has the second factor on (the users list shows it). */
  async totpEnabled(userId: number): Promise<boolean> {
    return Boolean((await this.repo.totpStatus(userId))?.enabledAt);
  }
}

function isInstallation(user: LoginUser): boolean {
  return user.municipalityCode === INSTALLATION;
}
