import { Injectable } from '@nestjs/common';
import type { AuditAction } from '@mynapoint/domain';
import { Db } from '../db/db.service';
import type { Sql } from '../db/sql-runner';

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

// One statement for every audit row, whichever connection writes it. Plain SQL rather
// than the repository's insert: the row is written by every write request, and the
// query builder's work per insert was measurable CPU under load (docs/benchmarks.md).
const INSERT = `INSERT INTO audit_logs (user_id, username, action, resource, resource_id, ip, changes) VALUES ($1, $2, $3, $4, $5, $6, $7)`;

function auditParams(entry: AuditEntry): unknown[] {
  const changes = entry.changes === undefined ? null : sanitizeForAudit(entry.changes);
  return [
    entry.user?.id ?? null,
    entry.user?.username ?? entry.username ?? null,
    entry.action,
    entry.resource,
    entry.resourceId == null ? null : String(entry.resourceId),
    entry.ip ?? null,
    changes === null ? null : JSON.stringify(changes),
  ];
}

@Injectable()
export class AuditService {
  constructor(private readonly db: Db) {}

  /** Inserts the row in the caller's transaction (the write it records). */
  async record(entry: AuditEntry): Promise<void> {
    await this.db.query(INSERT, auditParams(entry), { prepared: true });
  }

  /**
   * The same row through a connection of its own that is not the request's (an
   * import's worker), in that connection's open transaction: the row commits with
   * the write it records, so whoever sees the write sees its audit row.
   */
  async recordWith(sql: Sql, entry: AuditEntry): Promise<void> {
    await sql(INSERT, auditParams(entry));
  }

  /** For events whose own transaction fails (a refused login, a refused write). */
  recordSeparately(entry: AuditEntry): Promise<void> {
    return this.db.separateTransaction(() => this.record(entry));
  }
}
