import { CallHandler, ExecutionContext, Injectable, NestInterceptor, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Action, AuditAction } from '@mynapoint/domain';
import { Observable, from, lastValueFrom } from 'rxjs';
import { AuditService } from '../audit/audit.service';
import { ACCESS_KEY, Access, AuthedRequest } from '../auth/permission.decorator';
import { Db } from '../db/db.service';
import { IdempotencyService } from '../idempotency/idempotency.service';

export const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

// Routes that manage their own transactions (login, logout, long imports).
const OWN_TRANSACTION = 'mynapoint:own-transaction';
export const OwnTransaction = () => SetMetadata(OWN_TRANSACTION, true);

const AUDITED: Partial<Record<Action, AuditAction>> = {
  create: 'create',
  edit: 'update',
  delete: 'delete',
  publish: 'publish',
  // The appointment becomes checked_in (the visit record it opens is logged by the service).
  check_in: 'update',
};

// Every write request is one unit of work: the change, its audit row and its
// idempotency record commit together or not at all.
@Injectable()
export class WriteInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly idempotency: IdempotencyService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<AuthedRequest & { params: Record<string, string>; path: string }>();
    if (!WRITE_METHODS.has(req.method)) return next.handle();
    if (this.reflector.get<boolean>(OWN_TRANSACTION, context.getHandler())) return next.handle();

    const access = this.reflector.getAllAndOverride<Access | undefined>(ACCESS_KEY, [context.getHandler(), context.getClass()]);
    const action = access?.kind === 'permission' ? AUDITED[access.action] : undefined;
    const rawKey = req.headers['idempotency-key'];
    const key = Array.isArray(rawKey) ? rawKey[0] : rawKey;

    return from(
      this.db.transaction(async () => {
        let claim;
        if (key && req.user && req.method === 'POST') {
          const outcome = await this.idempotency.claim(req.user.id, key, req.method, req.path);
          if (outcome.kind === 'replay') return outcome.body;
          claim = outcome.claim;
        }
        const result = await lastValueFrom(next.handle(), { defaultValue: undefined });
        if (action && access?.kind === 'permission') {
          const record = result as { id?: number } | undefined;
          await this.audit.record({
            user: req.user,
            action,
            resource: access.resource,
            resourceId: record?.id ?? req.params?.id ?? null,
            ip: req.ip,
            changes: action === 'delete' ? result : req.body,
          });
        }
        if (claim) await this.idempotency.complete(claim, result);
        return result;
      }),
    );
  }
}
