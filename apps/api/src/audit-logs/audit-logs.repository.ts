import { Injectable } from '@nestjs/common';
import { AUDIT_ACTION } from '@mynapoint/domain';
import { defineTable } from '../common/db/table';
import { CommonError } from '../common/errors/domain.exception';
import { defineListSpec } from '../common/list/list-spec';
import { ListRepository } from '../common/list/list-repository';

// Reading the log. It is written by AuditService (common/audit) with one plain INSERT,
// and only appended to: a trigger refuses UPDATE, DELETE and TRUNCATE, so every
// column is read-only here.
export const auditLogsTable = defineTable('audit_logs', {
  id: { kind: 'int', readOnly: true },
  at: { kind: 'instant', readOnly: true },
  userId: { kind: 'int', nullable: true, readOnly: true },
  username: { kind: 'text', nullable: true, readOnly: true },
  action: { kind: 'enum', enum: AUDIT_ACTION, readOnly: true },
  resource: { kind: 'text', readOnly: true },
  resourceId: { kind: 'text', nullable: true, readOnly: true },
  ip: { kind: 'text', nullable: true, readOnly: true },
  changes: { kind: 'json', nullable: true, readOnly: true },
});

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
    ...auditLogsTable.fields('a'),
    before: { sql: BEFORE, kind: 'json', nullable: true, exportable: false },
  },
  search: ['a.username', 'a.resource', 'a.resource_id'],
  defaultSort: ['at', 'DESC'],
  notFound: CommonError.NotFound,
});

export type AuditLogRecord = Record<keyof typeof auditLogsListSpec.fields, unknown>;

// Read-only: the audit log is written by AuditService (common/audit), one plain INSERT.
@Injectable()
export class AuditLogsRepository extends ListRepository<AuditLogRecord> {
  protected readonly spec = auditLogsListSpec;
}
