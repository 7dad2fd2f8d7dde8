import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { AuthUser } from '../common/auth/permission.decorator';
import type { Tenant } from '../common/db/tenant';
import { APP_CONFIG, AppConfig } from '../config/app-config';

/** The channel the database's triggers notify when a session, a user or a municipality changes (migration 1764002600000). */
export const AUTH_CHANGES_CHANNEL = 'mynapoint_auth';

/** A signed-in request's identity: who, and which municipality's rows its statements see. */
export interface SessionIdentity {
  user: AuthUser;
  tenant: Tenant;
}

/** What the database said of a session when it was read: its user and the instants the cache checks. */
export interface SessionRead extends SessionIdentity {
  expiresAt: Date;
  lastSeenAt: Date;
}

interface Entry extends SessionIdentity {
  expiresAt: number;
  /** The session's last recorded use, as read (another process may have recorded a later one). */
  lastSeenAt: number;
  readAt: number;
  userKey: string;
}

/**
 * How long an entry is trusted without asking the database again. Also the bound on
 * how stale the idle-timeout record gets (the read that refreshes an entry records the
 * use once a minute, as before the cache) and on what a notification lost with a
 * dropped connection could leave behind (the cache is cleared on reconnecting anyway).
 */
export const ENTRY_MAX_AGE_MS = 60_000;
const MAX_ENTRIES = 50_000;
const RECONNECT_MS = [250, 1_000, 5_000, 15_000];
const FENCE_TIMEOUT_MS = 2_000;

/**
 * Sessions served from memory, revoked at once by PostgreSQL's LISTEN/NOTIFY.
 *
 * Every authenticated request needed the session row, its user and (for a prefecture
 * user) the municipalities it reads: a round trip through the pool, under row-level
 * security, that cost more than the small query a get-by-id request then runs
 * (docs/benchmarks.md, issue #24). The triggers of migration 1764002600000 notify
 * `mynapoint_auth` when a session is revoked or ends, when a user's role, name or
 * activity changes, or when a municipality changes: whatever wrote it (this process,
 * another API process, an operator's psql), every API process drops what it holds for
 * that user.
 *
 * "The next request sees a revocation" does not rest on timing. A notice reaches a
 * listener a moment after its transaction commits, and under load the moment can be
 * longer than a client takes to send its next request elsewhere. So an entry is served
 * only after a **fence**: this process notifies a channel of its own and waits for the
 * echo on its listening connection. PostgreSQL delivers the notices of committed
 * transactions in commit order, so every change committed before the fence was sent
 * (every change whose request has been answered) has been applied when the echo
 * arrives. Requests that arrive while a fence is out share the next one: under load one
 * tiny statement on one connection serves many requests, instead of a session query
 * each through the pool.
 *
 * And:
 * - While the listening connection is down (or not yet up), nothing is cached or
 *   served from the cache: every request reads the database, as before.
 * - A read that started before a notice arrived is not stored (the generation check),
 *   so a revocation that commits between a read and its storing is not undone.
 * - An entry is served only while the session is within its expiry and idle timeout as
 *   read, and for at most ENTRY_MAX_AGE_MS; then the database is asked again.
 */
@Injectable()
export class SessionCache implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('SessionCache');
  private readonly entries = new Map<string, Entry>();
  private generation = 0;
  private listening = false;
  private client: Client | undefined;
  private stopped = false;
  private attempt = 0;
  private timer: NodeJS.Timeout | undefined;
  /** This process's fence channel (see above). */
  private readonly fenceChannel = `mynapoint_fence_${randomBytes(8).toString('hex')}`;
  /** The fence that is out, and the requests waiting for the one after it. */
  private fenceOut: Array<(ok: boolean) => void> | null = null;
  private fenceNext: Array<(ok: boolean) => void> = [];
  private fenceTimer: NodeJS.Timeout | undefined;
  private fenceSoon = false;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  onApplicationBootstrap(): Promise<void> {
    return this.listen();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.forget();
    await this.client?.end().catch(() => undefined);
  }

  /** A mark to take before reading a session from the database, for `put`. */
  mark(): number {
    return this.generation;
  }

  /**
   * The identity behind a token's hash, when cached and still valid by what was read,
   * once every change committed before this call has been applied (the fence).
   */
  async get(key: string, idleMinutes: number): Promise<SessionIdentity | null> {
    if (!this.listening || !this.entries.has(key)) return null;
    if (!(await this.fence())) return null;
    const e = this.entries.get(key);
    if (!e) return null;
    const t = Date.now();
    if (t >= e.expiresAt || t >= e.lastSeenAt + idleMinutes * 60_000 || t - e.readAt >= ENTRY_MAX_AGE_MS) {
      this.entries.delete(key);
      return null;
    }
    return { user: e.user, tenant: e.tenant };
  }

  /** Resolves true once a fence sent after this call has come back; false when the listener is (or goes) down. */
  private fence(): Promise<boolean> {
    return new Promise((resolve) => {
      this.fenceNext.push(resolve);
      // Sent after this turn of the event loop, so that the requests read in the same turn share it.
      if (this.fenceOut || this.fenceSoon) return;
      this.fenceSoon = true;
      setImmediate(() => {
        this.fenceSoon = false;
        if (!this.fenceOut) this.sendFence();
      });
    });
  }

  private sendFence(): void {
    const client = this.client;
    if (!client || !this.listening) return this.endFences(false);
    if (!this.fenceNext.length) return;
    this.fenceOut = this.fenceNext;
    this.fenceNext = [];
    // A fence that does not come back in time means the connection is not what it seems.
    this.fenceTimer = setTimeout(() => this.lost(client), FENCE_TIMEOUT_MS);
    client.query(`NOTIFY ${this.fenceChannel}`).catch(() => this.lost(client));
  }

  private fenceBack(): void {
    clearTimeout(this.fenceTimer);
    const waiting = this.fenceOut ?? [];
    this.fenceOut = null;
    for (const resolve of waiting) resolve(true);
    if (this.fenceNext.length) this.sendFence();
  }

  private endFences(ok: boolean): void {
    clearTimeout(this.fenceTimer);
    const waiting = [...(this.fenceOut ?? []), ...this.fenceNext];
    this.fenceOut = null;
    this.fenceNext = [];
    for (const resolve of waiting) resolve(ok);
  }

  /** Keeps what was read, unless a change was notified since `mark` was taken. */
  put(key: string, read: SessionRead, mark: number): void {
    if (!this.listening || mark !== this.generation) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(key, {
      user: read.user,
      tenant: read.tenant,
      expiresAt: read.expiresAt.getTime(),
      lastSeenAt: read.lastSeenAt.getTime(),
      readAt: Date.now(),
      userKey: userKey(read.user.municipalityCode, read.user.id),
    });
  }

  /** Applies one notification: `<municipality>:<user id>` drops that user's sessions; anything else drops all. */
  changed(payload: string): void {
    this.generation++;
    if (!/^\d{6}:\d+$/.test(payload)) {
      this.entries.clear();
      return;
    }
    for (const [key, e] of this.entries) if (e.userKey === payload) this.entries.delete(key);
  }

  private forget(): void {
    this.endFences(false);
    this.listening = false;
    this.generation++;
    this.entries.clear();
  }

  private async listen(): Promise<void> {
    if (this.stopped) return;
    // LISTEN and NOTIFY only. A NOTIFY commits a transaction: a fence need not wait for
    // its commit to reach the disk (the notice is delivered at commit either way).
    const client = new Client({
      connectionString: this.config.appDatabaseUrl,
      options: '-c synchronous_commit=off',
      keepAlive: true,
      application_name: 'mynapoint-listen',
    });
    this.client = client;
    client.on('notification', (n) => (n.channel === this.fenceChannel ? this.fenceBack() : this.changed(n.payload ?? '')));
    // A lost connection may have lost notifications with it: forget everything, read
    // the database until listening again.
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${AUTH_CHANGES_CHANNEL}; LISTEN ${this.fenceChannel}`);
      if (this.stopped || this.client !== client) return;
      this.attempt = 0;
      this.generation++;
      this.listening = true;
    } catch (e) {
      this.logger.warn(`sessions are read from the database until the change listener connects: ${(e as Error).message}`);
      this.lost(client);
    }
  }

  private lost(client: Client): void {
    if (this.client !== client) return;
    this.client = undefined;
    this.forget();
    client.end().catch(() => undefined);
    if (this.stopped) return;
    const delay = RECONNECT_MS[Math.min(this.attempt++, RECONNECT_MS.length - 1)];
    this.timer = setTimeout(() => void this.listen(), delay);
    this.timer.unref();
  }
}

export const userKey = (municipalityCode: string, userId: number) => `${municipalityCode}:${userId}`;
