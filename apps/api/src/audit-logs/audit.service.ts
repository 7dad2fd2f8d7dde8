import { Injectable } from '@nestjs/common';
import type { AuditAction } from '@mynapoint/domain';
import { Db } from '../common/db/db.service';
import type { Sql } from '../common/db/sql-runner';
import { AuditLogEntity } from './audit-log.entity';

export interface AuditEntry {
  user?: { id: number; username: string } | null;
  /** For failed logins: the name that was tried. */
  username?: string;
  action: AuditAction;
  resource: string;
  resourceId?: string | number | null;
  ip?: string | null;
  changes?: unknown;
}

// Write-only fields never reach the log, at any depth.
const SECRET_KEYS = new Set(['password', 'myKeyId', 'accessToken', 'token', 'currentPassword']);

export function sanitizeForAudit(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sanitizeForAudit);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([k]) => !SECRET_KEYS.has(k))
        .map(([k, v]) => [k, sanitizeForAudit(v)]),
    );
  }
  return value;
}

function auditRow(entry: AuditEntry) {
  return {
    userId: entry.user?.id ?? null,
    username: entry.user?.username ?? entry.username ?? null,
    action: entry.action,
    resource: entry.resource,
    resourceId: entry.resourceId == null ? null : String(entry.resourceId),
    ip: entry.ip ?? null,
    changes: (entry.changes === undefined ? null : sanitizeForAudit(entry.changes)) as never,
  };
}

@Injectable()
export class AuditService {
  constructor(private readonly db: Db) {}

  /** Inserts the row in the caller's transaction (the write it records). */
  async record(entry: AuditEntry): Promise<void> {
    await this.db.repo(AuditLogEntity).insert(auditRow(entry));
  }

  /**
   * The same row through a connection of its own that is not the request's (an
   * import's worker), in that connection's open transaction: the row commits with
   * the write it records, so whoever sees the write sees its audit row.
   */
  async recordWith(sql: Sql, entry: AuditEntry): Promise<void> {
    const r = auditRow(entry);
    await sql(`INSERT INTO audit_logs (user_id, username, action, resource, resource_id, ip, changes) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
      r.userId,
      r.username,
      r.action,
      r.resource,
      r.resourceId,
      r.ip,
      r.changes === null ? null : JSON.stringify(r.changes),
    ]);
  }

  /** For events whose own transaction fails (a refused login, a refused write). */
  recordSeparately(entry: AuditEntry): Promise<void> {
    return this.db.separateTransaction(() => this.record(entry));
  }
}
