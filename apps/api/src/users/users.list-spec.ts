import { ROLE } from '@mynapoint/domain';
import { defineListSpec } from '../common/list/list-spec';
import { UserError } from './user.exception';

export const usersListSpec = defineListSpec({
  resource: 'users',
  from: 'users u',
  fields: {
    id: { sql: 'u.id', kind: 'int' },
    username: { sql: 'u.username', kind: 'text' },
    displayName: { sql: 'u.display_name', kind: 'text' },
    role: { sql: 'u.role', kind: 'enum', enum: ROLE },
    active: { sql: 'u.active', kind: 'bool' },
    createdAt: { sql: 'u.created_at', kind: 'instant' },
    lastLoginAt: { sql: 'u.last_login_at', kind: 'instant', nullable: true },
    // Locked by repeated wrong passwords (an admin may unlock); 'infinity' shows as null.
    locked: { sql: 'coalesce(u.locked_until > now(), false)', kind: 'bool' },
    lockedUntil: { sql: "CASE WHEN u.locked_until > now() AND u.locked_until < 'infinity' THEN u.locked_until END", kind: 'instant', nullable: true },
    failedLogins: { sql: 'u.failed_logins', kind: 'int' },
  },
  search: ['u.username', 'u.display_name'],
  defaultSort: ['id', 'ASC'],
  notFound: UserError.NotFound,
});
