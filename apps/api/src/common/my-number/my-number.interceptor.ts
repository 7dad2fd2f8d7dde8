import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Observable, from, switchMap } from 'rxjs';
import { AuditService } from '../audit/audit.service';
import { ACCESS_KEY, Access, AuthedRequest } from '../auth/permission.decorator';
import { CommonError, CommonException } from '../errors/domain.exception';
import { MY_NUMBER_REFUSED_MESSAGE, MyNumberHits, ScannableRequest, findMyNumbersInRequest, loggablePath } from '@mynapoint/domain';

type Request = AuthedRequest & ScannableRequest & { path: string; route?: { path?: string } };

// The My Number guard, once for the whole API: the body, every query parameter
// (list searches, export filters, stats dates) and the route parameters of every
// request are scanned before any handler, service or audit row sees them. It runs
// after AuthGuard, so the refusal is audit-logged with the user, and before the
// write transaction, the pipes and the handler. A hit is refused with 400 and
// logged by place (field or parameter names), never by value.
@Injectable()
export class MyNumberInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly audit: AuditService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<Request>();
    const hits = findMyNumbersInRequest(req);
    if (!hits) return next.handle();

    const access = this.reflector.getAllAndOverride<Access | undefined>(ACCESS_KEY, [context.getHandler(), context.getClass()]);
    const path = loggablePath(req);
    const resource = access?.kind === 'permission' ? access.resource : path;
    return from(
      this.audit.recordSeparately({
        user: req.user,
        action: 'my_number_refused',
        resource,
        ip: req.ip,
        changes: {
          fields: hits.body,
          ...(hits.query.length ? { query: hits.query } : {}),
          ...(hits.params.length ? { params: hits.params } : {}),
          method: req.method,
          path,
        },
      }),
    ).pipe(
      switchMap(() => {
        throw new CommonException(CommonError.MyNumberRefused, MY_NUMBER_REFUSED_MESSAGE.ja, fieldErrors(hits));
      }),
    );
  }
}

// Body fields by their own name (react-admin marks the form field); parameters
// prefixed so they cannot be taken for one.
function fieldErrors(hits: MyNumberHits): Record<string, string> {
  const names = [...hits.body, ...hits.query.map((q) => `query.${q}`), ...hits.params.map((p) => `params.${p}`)];
  return Object.fromEntries(names.map((n) => [n, MY_NUMBER_REFUSED_MESSAGE.ja]));
}
