import { Injectable } from '@nestjs/common';
import { AUTH_SOURCE, ROLE } from '@mynapoint/domain';
import { GenerateSql } from '../common/db/generate-sql';
import { SqlParams } from '../common/db/sql-params';
import { Row, defineTable } from '../common/db/table';
import { defineListSpec } from '../common/list/list-spec';
import { UserError } from './user.exception';
import { ListRepository } from '../common/list/list-repository';

// Every statement of the users feature. The service holds the rules. The login
// columns (last_login_at, failed_logins, locked_until) are written by auth's
// repository: auth reads the users table in SQL, never through this feature.

export const usersTable = defineTable('users', {
  id: { kind: 'int', readOnly: true },
  username: { kind: 'text' },
  displayName: { kind: 'text' },
  role: { kind: 'enum', enum: ROLE },
  // A prefecture user's prefecture (2 digits); null for everyone else (a CHECK holds it).
  prefectureCode: { kind: 'text', nullable: true },
  active: { kind: 'bool' },
  // bcrypt; never in the list spec, so never in a response or an export. Null for a
  // directory account (the directory checks its password).
  passwordHash: { kind: 'text', nullable: true },
  authSource: { kind: 'enum', enum: AUTH_SOURCE, readOnly: true },
  createdAt: { kind: 'instant', readOnly: true },
  lastLoginAt: { kind: 'instant', nullable: true, readOnly: true },
  failedLogins: { kind: 'int', readOnly: true },
  lockedUntil: { kind: 'instant', nullable: true, readOnly: true },
});
export type UserRow = Row<typeof usersTable.columns>;

export const usersListSpec = defineListSpec({
  resource: 'users',
  from: 'users u',
  fields: {
    ...usersTable.fields('u', ['id', 'username', 'displayName', 'role', 'prefectureCode', 'active', 'createdAt', 'lastLoginAt']),
    // Locked by repeated wrong passwords (an admin may unlock); 'infinity' shows as null.
    locked: { sql: 'coalesce(u.locked_until > now(), false)', kind: 'bool' },
    lockedUntil: { sql: "CASE WHEN u.locked_until > now() AND u.locked_until < 'infinity' THEN u.locked_until END", kind: 'instant', nullable: true },
    ...usersTable.fields('u', ['failedLogins', 'authSource']),
    // Whether the user signs in with a second factor (the secret itself never leaves the auth feature).
    totpEnabled: { sql: 'u.totp_enabled_at IS NOT NULL', kind: 'bool' },
  },
  search: ['u.username', 'u.display_name'],
  defaultSort: ['id', 'ASC'],
  notFound: UserError.NotFound,
});

export type UserRecord = Record<keyof typeof usersListSpec.fields, unknown>;

// A bcrypt hash of no password anyone uses: the example only has to be well formed.
const EXAMPLE_HASH = '$2a$11$' + 'x'.repeat(53);

@Injectable()
export class UsersRepository extends ListRepository<UserRecord> {
  protected readonly spec = usersListSpec;

  @GenerateSql({ params: [{ username: 'sato', displayName: '佐藤', role: 'counter', active: true, passwordHash: EXAMPLE_HASH }] })
  async insert(row: UserRow): Promise<number> {
    return this.insertRow(usersTable, row);
  }

  @GenerateSql({ params: [1, { displayName: '佐藤（窓口）', active: false }] })
  async update(id: number, changes: UserRow): Promise<void> {
    const p = new SqlParams();
    await this.db.query(`UPDATE users SET ${usersTable.set(changes, p)} WHERE id = ${p.add(id)}`, p.values);
  }

  @GenerateSql({ params: [1] })
  async delete(id: number): Promise<void> {
    await this.db.query('DELETE FROM users WHERE id = $1', [id]);
  }

  // Row-level security keeps it to the current municipality: usernames are unique per municipality.
  @GenerateSql({ params: ['sato', 0] })
  async usernameTaken(username: string, exceptId: number): Promise<boolean> {
    return Boolean(await this.db.one('SELECT 1 FROM users WHERE lower(username) = lower($1) AND id <> $2', [username, exceptId]));
  }
}
