import { Injectable } from '@nestjs/common';
import { INSTALLATION_ROLES, MUNICIPALITY_ROLES, ROLE, type Role } from '@mynapoint/domain';
import { AuthService } from '../auth/auth.service';
import type { AuthUser } from '../common/auth/permission.decorator';
import { Db } from '../common/db/db.service';
import { INSTALLATION, requireTenant } from '../common/db/tenant';
import { ListQuery } from '../common/list/list-query';
import { CreateUserDto, UpdateUserDto } from './dto/user.dto';
import { AuditService } from '../common/audit/audit.service';
import { hashPassword } from '../common/auth/password';
import { passwordProblem } from './password-policy';
import { UserError, UserException } from './user.exception';
import { UserRecord, UserRow, UsersRepository, usersTable as table } from './users.repository';

// What the body writes as it is; the hash is made here from `password`, never taken from the body.
const FROM_BODY = table.writable.filter((f) => f !== 'passwordHash');

@Injectable()
export class UsersService {
  constructor(
    // Only for unlock's own transaction (its audit row is 'unlock', not 'update').
    private readonly db: Db,
    private readonly repo: UsersRepository,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
  ) {}

  list(q: ListQuery) {
    return this.repo.list(q);
  }

  get(id: number): Promise<UserRecord> {
    return this.repo.getOrFail(id);
  }

  async create(dto: CreateUserDto): Promise<UserRecord> {
    const prefectureCode = checkRole(dto.role, dto.prefectureCode ?? null);
    this.assertPasswordOk(dto.password, dto.username);
    await this.assertUsernameFree(dto.username);
    const id = await this.repo.insert({ ...table.pick(dto, FROM_BODY), prefectureCode, active: dto.active ?? true, passwordHash: await hashPassword(dto.password) });
    return this.get(id);
  }

  async update(id: number, dto: UpdateUserDto, actor: AuthUser): Promise<UserRecord> {
    const current = await this.get(id);
    if (dto.password !== undefined) this.assertPasswordOk(dto.password, dto.username ?? (current.username as string));
    if (id === actor.id && (dto.active === false || (dto.role && dto.role !== actor.role))) {
      throw new UserException(UserError.SelfLockout, '自分自身のアカウントを無効化したり役割を変えたりすることはできません。');
    }
    // The directory keeps a directory account's password (none is stored here).
    if (dto.password !== undefined && current.authSource === 'directory') {
      const message = 'このユーザーは庁内ディレクトリで認証するため、ここではパスワードを設定できません。';
      throw new UserException(UserError.DirectoryAccount, message, { password: message });
    }
    if (dto.username !== undefined) await this.assertUsernameFree(dto.username, id);
    const changes: UserRow = table.pick(dto, FROM_BODY);
    if (dto.role !== undefined || dto.prefectureCode !== undefined) {
      // The code follows the role: kept while it stays a prefecture user, dropped when it stops being one.
      const role = dto.role ?? (current.role as Role);
      const given = dto.prefectureCode !== undefined ? dto.prefectureCode : role === 'prefecture' ? (current.prefectureCode as string | null) : null;
      changes.prefectureCode = checkRole(role, given);
    }
    if (dto.password !== undefined) changes.passwordHash = await hashPassword(dto.password);
    if (Object.keys(changes).length) await this.repo.update(id, changes);
    // A reset password, a changed role or a disabled account ends the user's sessions at once.
    if (dto.password !== undefined || dto.active === false || (dto.role !== undefined && dto.role !== current.role)) await this.auth.revokeAll(id);
    return this.get(id);
  }

  /** The user's live sessions (admin). */
  async sessions(id: number) {
    await this.get(id);
    return this.auth.sessions(id);
  }

  /** Ends one session of a user, or all of them (admin; audited). */
  async endSessions(id: number, sessionId: number | null, actor: AuthUser, ip: string | undefined) {
    return this.db.transaction(async () => {
      await this.get(id);
      if (sessionId === null) return { ok: true, ended: await this.auth.endAllSessions(id, actor, ip) };
      await this.auth.endSession(id, sessionId, actor, ip);
      return { ok: true, ended: 1 };
    });
  }

  /** Turns a user's second factor off (a lost phone); their sessions end and they set it up again. */
  async resetTotp(id: number, actor: AuthUser, ip: string | undefined): Promise<UserRecord> {
    return this.db.transaction(async () => {
      await this.get(id);
      await this.auth.resetTotp(id, actor, ip);
      return this.get(id);
    });
  }

  async remove(id: number, actor: AuthUser): Promise<UserRecord> {
    const user = await this.get(id);
    if (id === actor.id) throw new UserException(UserError.SelfLockout, '自分自身のアカウントは削除できません。');
    await this.repo.delete(id);
    return user;
  }

  /** Lifts a login lock; the audit row says who did it. */
  async unlock(id: number, actor: AuthUser, ip: string | undefined): Promise<UserRecord> {
    return this.db.transaction(async () => {
      const before = await this.get(id);
      await this.auth.unlock(id);
      await this.audit.record({
        user: actor,
        action: 'unlock',
        resource: 'users',
        resourceId: id,
        ip,
        changes: { wasLocked: before.locked, failedLogins: before.failedLogins },
      });
      return this.get(id);
    });
  }

  private assertPasswordOk(password: string, username: string | undefined): void {
    const problem = passwordProblem(password, username);
    if (problem) throw new UserException(UserError.WeakPassword, problem, { password: problem });
  }

  private async assertUsernameFree(username: string, exceptId?: number): Promise<void> {
    if (await this.repo.usernameTaken(username, exceptId ?? 0)) throw new UserException(UserError.UsernameTaken, `ユーザー名「${username}」は既に使われています。`);
  }
}

/**
 * The roles an account of the current municipality may hold (a municipality's staff,
 * or the installation's operator and prefecture accounts), and the prefecture code that
 * goes with the role: the code to store, or a 400.
 */
function checkRole(role: Role, prefectureCode: string | null): string | null {
  const installation = requireTenant().municipalityCode === INSTALLATION;
  const allowed: readonly Role[] = installation ? INSTALLATION_ROLES : MUNICIPALITY_ROLES;
  if (!allowed.includes(role)) {
    const message = installation
      ? `運用事業者が登録できるのは${allowed.map((r) => ROLE.label(r)).join('・')}のアカウントだけです。市区町村の職員はその市区町村のシステム管理者が登録します。`
      : `市区町村の職員の役割は${allowed.map((r) => ROLE.label(r)).join('・')}のいずれかです。`;
    throw new UserException(UserError.RoleNotHere, message, { role: message });
  }
  const code = prefectureCode || null;
  if (role === 'prefecture' && !code) {
    const message = '都道府県の利用者には都道府県コード（2桁）を指定してください。';
    throw new UserException(UserError.PrefectureCode, message, { prefectureCode: message });
  }
  if (role !== 'prefecture' && code) {
    const message = '都道府県コードは都道府県の利用者にだけ指定できます。';
    throw new UserException(UserError.PrefectureCode, message, { prefectureCode: message });
  }
  return code;
}
