import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { can } from '@mynapoint/domain';
import { ACCESS_KEY, ALLOW_IN_TOTP_SETUP_KEY, ALLOW_TICKET_KEY, Access, AuthedRequest } from '../common/auth/permission.decorator';
import { Db } from '../common/db/db.service';
import { RateLimiter } from '../common/rate-limit/rate-limiter';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ticketTarget, verifyTicket } from '../common/auth/export-ticket';
import { enterTenant } from '../common/db/tenant';
import { AuthError, AuthException } from './auth.exception';
import { AuthService } from './auth.service';
import type { SessionIdentity } from './session-cache';

const LOGIN_REQUIRED = 'ログインが必要です。ログインし直してください。';
const NOT_ALLOWED = 'この操作を行う権限がありません。';
const SETUP_FIRST = 'この役割では二要素認証が必須です。先に「セキュリティ」画面で認証アプリを設定してください。';

// The one gate in front of every route: token → user, then the permissions table.
// A route without an access declaration is refused (fail closed).
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly limiter: RateLimiter;

  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    db: Db,
  ) {
    this.limiter = RateLimiter.fromConfig(config, db);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const access = this.reflector.getAllAndOverride<Access | undefined>(ACCESS_KEY, [context.getHandler(), context.getClass()]);
    if (access?.kind === 'public') {
      // What a public route writes (a refused My Number's audit row) belongs to the
      // installation's default municipality; login picks its own.
      enterTenant({ municipalityCode: this.config.municipalityCode });
      return true;
    }

    const req = context.switchToHttp().getRequest<AuthedRequest>();
    const header = req.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    let identity: SessionIdentity | null = match ? await this.auth.identify(match[1]) : null;
    if (!match && typeof req.query?.ticket === 'string' && this.reflector.get<boolean>(ALLOW_TICKET_KEY, context.getHandler())) {
      const claims = verifyTicket(this.config.myKeyHmacSecret, req.query.ticket, ticketTarget(req.path ?? '', req.query));
      identity = claims ? await this.auth.identifySession(claims.municipalityCode, claims.sessionId) : null;
    }
    if (!identity) throw new AuthException(AuthError.Unauthorized, LOGIN_REQUIRED);
    const user = identity.user;
    req.user = user;
    enterTenant(identity.tenant);
    // Signed in with the password, but the municipality requires a second factor the
    // user has not set up: only the set-up routes (and me, logout) answer.
    if (user.sessionPurpose === 'totp_setup' && !this.reflector.get<boolean>(ALLOW_IN_TOTP_SETUP_KEY, context.getHandler())) {
      throw new AuthException(AuthError.TotpSetupRequired, SETUP_FIRST);
    }

    if (access?.kind === 'authenticated') return true;
    if (access?.kind === 'permission' && can(user.role, access.resource, access.action)) {
      const bucket = RateLimiter.bucketOf(req.method, access.resource, access.action);
      if (bucket) await this.limiter.take(bucket, user.id);
      return true;
    }
    throw new AuthException(AuthError.Forbidden, NOT_ALLOWED);
  }
}
