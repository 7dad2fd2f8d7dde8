import type { Action, Resource } from '@mynapoint/domain';
import type { AppConfig } from '../../config/app-config';
import { tooManyRequests } from '../errors/domain.exception';

// The one place that says which routes are rate-limited: the expensive ones a user
// can start in a loop (an import job, a full export stream, a monthly report). The
// auth guard consults it after the permission check, so the limit is per user and
// a refused (401/403) request never spends anyone's budget.
//
// Sliding window of one minute, kept in this process's memory: one API process per
// deployment is the supported setup (docs/security.md); with several, each applies
// the limit on its own.
export type RateBucket = 'imports' | 'exports';

export const RATE_LIMITED: ReadonlyArray<{ bucket: RateBucket; method: string; resource: Resource; action: Action }> = [
  { bucket: 'imports', method: 'POST', resource: 'imports', action: 'create' },
  // The download itself; asking for a ticket is cheap and is not counted.
  { bucket: 'exports', method: 'GET', resource: 'exports', action: 'export' },
  { bucket: 'exports', method: 'GET', resource: 'reports', action: 'show' },
  { bucket: 'exports', method: 'GET', resource: 'municipalities', action: 'export' },
];

const WINDOW_MS = 60_000;

const MESSAGES: Record<RateBucket, string> = {
  imports: '取り込みの開始が短時間に集中しています。しばらく待ってから再度お試しください。',
  exports: 'ダウンロード（エクスポート・帳票）が短時間に集中しています。しばらく待ってから再度お試しください。',
};

export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly limits: Record<RateBucket, number>,
    private readonly now: () => number = Date.now,
  ) {}

  static fromConfig(config: AppConfig): RateLimiter {
    return new RateLimiter({ imports: config.rateLimitImportsPerMinute, exports: config.rateLimitExportsPerMinute });
  }

  /** The bucket a route spends from, if any. */
  static bucketOf(method: string, resource: Resource, action: Action): RateBucket | null {
    return RATE_LIMITED.find((r) => r.method === method && r.resource === resource && r.action === action)?.bucket ?? null;
  }

  /** Spends one unit of the user's budget, or throws 429 with the seconds until one frees up. */
  take(bucket: RateBucket, userId: number): void {
    const key = `${bucket}:${userId}`;
    const t = this.now();
    const recent = (this.hits.get(key) ?? []).filter((at) => at > t - WINDOW_MS);
    if (recent.length >= this.limits[bucket]) {
      this.hits.set(key, recent);
      throw tooManyRequests(MESSAGES[bucket], (recent[0] + WINDOW_MS - t) / 1000);
    }
    recent.push(t);
    this.hits.set(key, recent);
  }
}
