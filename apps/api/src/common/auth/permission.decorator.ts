import { SetMetadata, createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Action, Resource, Role } from '@mynapoint/domain';

// Every route declares who may call it, exactly one of:
//   @Public()                      no token needed (health, login)
//   @Authenticated()               any signed-in user (me, logout)
//   @Permission(resource, action)  the permissions table decides
// The guard refuses a route that declares none, and a test walks every route.
export const ACCESS_KEY = 'mynapoint:access';

export type Access =
  | { kind: 'public' }
  | { kind: 'authenticated' }
  | { kind: 'permission'; resource: Resource; action: Action };

export const Public = () => SetMetadata(ACCESS_KEY, { kind: 'public' } satisfies Access);
export const Authenticated = () => SetMetadata(ACCESS_KEY, { kind: 'authenticated' } satisfies Access);
export const Permission = (resource: Resource, action: Action) =>
  SetMetadata(ACCESS_KEY, { kind: 'permission', resource, action } satisfies Access);

// The route also accepts a signed download ticket instead of a bearer token
// (exports: the browser downloads natively and cannot send headers).
export const ALLOW_TICKET_KEY = 'mynapoint:allow-ticket';
export const AllowTicket = () => SetMetadata(ALLOW_TICKET_KEY, true);

export interface AuthUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  sessionId: number;
}

export interface AuthedRequest {
  user?: AuthUser;
  ip?: string;
  headers: Record<string, string | string[] | undefined>;
  method: string;
  body?: unknown;
  path?: string;
  query?: Record<string, unknown>;
}

export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): AuthUser => {
  const user = ctx.switchToHttp().getRequest<AuthedRequest>().user;
  if (!user) throw new Error('CurrentUser used on a route without authentication');
  return user;
});
