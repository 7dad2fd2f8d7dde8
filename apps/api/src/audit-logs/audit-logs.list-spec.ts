import { AUDIT_ACTION } from '@mynapoint/domain';
import { defineListSpec } from '../common/list/list-spec';
import { CommonError } from '../common/errors/domain.exception';

export const auditLogsListSpec = defineListSpec({
  resource: 'audit-logs',
  from: 'audit_logs a',
  fields: {
    id: { sql: 'a.id', kind: 'int' },
    at: { sql: 'a.at', kind: 'instant' },
    userId: { sql: 'a.user_id', kind: 'int', nullable: true },
    username: { sql: 'a.username', kind: 'text', nullable: true },
    action: { sql: 'a.action', kind: 'enum', enum: AUDIT_ACTION },
    resource: { sql: 'a.resource', kind: 'text' },
    resourceId: { sql: 'a.resource_id', kind: 'text', nullable: true },
    ip: { sql: 'a.ip', kind: 'text', nullable: true },
    changes: { sql: 'a.changes', kind: 'json', nullable: true },
  },
  search: ['a.username', 'a.resource', 'a.resource_id'],
  defaultSort: ['at', 'DESC'],
  notFound: CommonError.NotFound,
});
