import { Injectable } from '@nestjs/common';
import type { AuditAction } from '@mynapoint/domain';
import { Db } from '../common/db/db.service';
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

@Injectable()
export class AuditService {
  constructor(private readonly db: Db) {}

  /** Inserts the row in the caller's transaction (the write it records). */
  async record(entry: AuditEntry): Promise<void> {
    const changes = entry.changes === undefined ? null : (sanitizeForAudit(entry.changes) as Record<string, unknown>);
    await this.db.repo(AuditLogEntity).insert({
      userId: entry.user?.id ?? null,
      username: entry.user?.username ?? entry.username ?? null,
      action: entry.action,
      resource: entry.resource,
      resourceId: entry.resourceId == null ? null : String(entry.resourceId),
      ip: entry.ip ?? null,
      changes: changes as never,
    });
  }

  /** For events whose own transaction fails (a refused login, a refused write). */
  recordSeparately(entry: AuditEntry): Promise<void> {
    return this.db.separateTransaction(() => this.record(entry));
  }
}
