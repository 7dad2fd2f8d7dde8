import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { MY_NUMBER_REFUSED_MESSAGE, containsMyNumber, findMyNumberFields } from '@mynapoint/domain';
import { Observable, from, switchMap } from 'rxjs';
import { AuditService } from '../audit/audit.service';
import { ACCESS_KEY, Access, AuthedRequest } from '../auth/permission.decorator';
import { CommonError, CommonException } from '../errors/domain.exception';
import { WRITE_METHODS } from '../http/write.interceptor';

// The My Number guard, once for the whole API: every string anywhere in the body
// of every write is scanned before any handler sees it. A hit is refused with 400
// and audit-logged with the field names only, never the number.
@Injectable()
export class MyNumberInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly audit: AuditService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<AuthedRequest & { path: string; route?: { path?: string } }>();
    if (!WRITE_METHODS.has(req.method)) return next.handle();
    const fields = findMyNumberFields(req.body);
    if (!fields.length) return next.handle();

    const access = this.reflector.getAllAndOverride<Access | undefined>(ACCESS_KEY, [context.getHandler(), context.getClass()]);
    // The log must not carry the number even when a client put it into the URL too.
    const path = containsMyNumber(req.path) ? (req.route?.path ?? '(path withheld)') : req.path;
    const resource = access?.kind === 'permission' ? access.resource : path;
    return from(
      this.audit.recordSeparately({
        user: req.user,
        action: 'my_number_refused',
        resource,
        ip: req.ip,
        changes: { fields, method: req.method, path },
      }),
    ).pipe(
      switchMap(() => {
        throw new CommonException(
          CommonError.MyNumberRefused,
          MY_NUMBER_REFUSED_MESSAGE.ja,
          Object.fromEntries(fields.map((f) => [f, MY_NUMBER_REFUSED_MESSAGE.ja])),
        );
      }),
    );
  }
}
