import { AUDIT_ACTION } from '@mynapoint/domain';
import { defineListSpec } from '../common/list/list-spec';
import { CommonError } from '../common/errors/domain.exception';

const asObject = (expr: string) => `CASE WHEN jsonb_typeof(${expr}) = 'object' THEN ${expr} ELSE '{}'::jsonb END`;

// What the fields an update names held before it, as the log last recorded them: for
// each of its keys, the value in the latest earlier create/update row of the same
// record. The log holds the request bodies, not snapshots, so a field that no logged
// write set before (a record made by an import, a value changed by a rule) is absent.
// One index lookup on (resource, resource_id) per update row; other rows skip it.
const BEFORE = `CASE WHEN a.action = 'update' AND a.resource_id IS NOT NULL THEN (
  SELECT jsonb_object_agg(s.key, s.value) FROM (
    SELECT DISTINCT ON (e.key) e.key, e.value
    FROM audit_logs p CROSS JOIN LATERAL jsonb_each(${asObject('p.changes')}) e
    WHERE p.resource = a.resource AND p.resource_id = a.resource_id AND p.id < a.id AND p.action IN ('create', 'update')
      AND e.key IN (SELECT jsonb_object_keys(${asObject('a.changes')}))
    ORDER BY e.key, p.id DESC
  ) s) END`;

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
    before: { sql: BEFORE, kind: 'json', nullable: true, exportable: false },
  },
  search: ['a.username', 'a.resource', 'a.resource_id'],
  defaultSort: ['at', 'DESC'],
  notFound: CommonError.NotFound,
});
