import { SetMetadata, applyDecorators, createParamDecorator, ExecutionContext } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
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

// The declaration is also copied into the OpenAPI operation: common/openapi derives
// the route's security and its 401/403/409/429 responses from it.
export const ACCESS_EXTENSION = 'x-mynapoint-access';

const declare = (access: Access) => applyDecorators(SetMetadata(ACCESS_KEY, access), ApiExtension(ACCESS_EXTENSION, access));

export const Public = () => declare({ kind: 'public' });
export const Authenticated = () => declare({ kind: 'authenticated' });
export const Permission = (resource: Resource, action: Action) => declare({ kind: 'permission', resource, action });

// The route also accepts a signed download ticket instead of a bearer token
// (exports: the browser downloads natively and cannot send headers).
export const ALLOW_TICKET_KEY = 'mynapoint:allow-ticket';
export const AllowTicket = () => SetMetadata(ALLOW_TICKET_KEY, true);

// A session that must set up its second factor first (its municipality requires one
// for the role) passes only the routes marked with this: me, logout, TOTP set-up.
export const ALLOW_IN_TOTP_SETUP_KEY = 'mynapoint:allow-in-totp-setup';
export const AllowInTotpSetup = () => SetMetadata(ALLOW_IN_TOTP_SETUP_KEY, true);

export interface AuthUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  sessionId: number;
  /** The user's municipality, or 000000 (INSTALLATION) for operator and prefecture users. */
  municipalityCode: string;
  /** A prefecture user's prefecture (2 digits); null for everyone else. */
  prefectureCode: string | null;
  /** 'totp_setup': signed in with the password, but may only set up the second factor. */
  sessionPurpose?: 'full' | 'totp_setup';
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
