import { Injectable } from '@nestjs/common';
import { AuthService } from '../auth/auth.service';
import type { AuthUser } from '../common/auth/permission.decorator';
import { Db } from '../common/db/db.service';
import { ListQuery } from '../common/list/list-query';
import { ListReader } from '../common/list/list-reader';
import { CreateUserDto, UpdateUserDto } from './dto/user.dto';
import { AuditService } from '../common/audit/audit.service';
import { hashPassword } from '../common/auth/password';
import { passwordProblem } from './password-policy';
import { UserEntity } from './user.entity';
import { UserError, UserException } from './user.exception';
import { usersListSpec } from './users.list-spec';

export type UserRecord = Record<keyof typeof usersListSpec.fields, unknown>;

@Injectable()
export class UsersService {
  constructor(
    private readonly db: Db,
    private readonly lists: ListReader,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
  ) {}

  list(q: ListQuery) {
    return this.lists.list<UserRecord>(usersListSpec, q);
  }

  async get(id: number): Promise<UserRecord> {
    const user = await this.lists.get<UserRecord>(usersListSpec, id);
    if (!user) throw new UserException(UserError.NotFound, `ユーザー（ID: ${id}）は見つかりません。`);
    return user;
  }

  async create(dto: CreateUserDto): Promise<UserRecord> {
    this.assertPasswordOk(dto.password, dto.username);
    await this.assertUsernameFree(dto.username);
    const { identifiers } = await this.db.repo(UserEntity).insert({
      username: dto.username,
      displayName: dto.displayName,
      role: dto.role,
      active: dto.active ?? true,
      passwordHash: await hashPassword(dto.password),
    });
    return this.get(identifiers[0].id);
  }

  async update(id: number, dto: UpdateUserDto, actor: AuthUser): Promise<UserRecord> {
    const current = await this.get(id);
    if (dto.password !== undefined) this.assertPasswordOk(dto.password, dto.username ?? (current.username as string));
    if (id === actor.id && (dto.active === false || (dto.role && dto.role !== actor.role))) {
      throw new UserException(UserError.SelfLockout, '自分自身のアカウントを無効化したり役割を変えたりすることはできません。');
    }
    if (dto.username !== undefined) await this.assertUsernameFree(dto.username, id);
    const changes: Partial<UserEntity> = {};
    if (dto.username !== undefined) changes.username = dto.username;
    if (dto.displayName !== undefined) changes.displayName = dto.displayName;
    if (dto.role !== undefined) changes.role = dto.role;
    if (dto.active !== undefined) changes.active = dto.active;
    if (dto.password !== undefined) changes.passwordHash = await hashPassword(dto.password);
    if (Object.keys(changes).length) await this.db.repo(UserEntity).update(id, changes);
    // A reset password or a disabled account ends the user's sessions at once.
    if (dto.password !== undefined || dto.active === false) await this.auth.revokeAll(id);
    return this.get(id);
  }

  async remove(id: number, actor: AuthUser): Promise<UserRecord> {
    const user = await this.get(id);
    if (id === actor.id) throw new UserException(UserError.SelfLockout, '自分自身のアカウントは削除できません。');
    await this.db.repo(UserEntity).delete(id);
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
    const taken = await this.db.one('SELECT 1 FROM users WHERE lower(username) = lower($1) AND id <> $2', [username, exceptId ?? 0]);
    if (taken) throw new UserException(UserError.UsernameTaken, `ユーザー名「${username}」は既に使われています。`);
  }
}
