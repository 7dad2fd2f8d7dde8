import type { Action, Resource } from '@mynapoint/domain';
import type { AppConfig } from '../../config/app-config';
import type { Db } from '../db/db.service';
import { tooManyRequests } from '../errors/domain.exception';

// The one place that says which routes are rate-limited: the expensive ones a user
// can start in a loop (an import job, a full export stream, a monthly report). The
// auth guard consults it after the permission check, so the limit is per user and
// a refused (401/403) request never spends anyone's budget.
//
// Sliding window of one minute, kept in PostgreSQL (rate_limit_windows, migration
// 1764002610000) so that every API process of a deployment spends from one budget.
export type RateBucket = 'imports' | 'exports';

export const RATE_LIMITED: ReadonlyArray<{ bucket: RateBucket; method: string; resource: Resource; action: Action }> = [
  { bucket: 'imports', method: 'POST', resource: 'imports', action: 'create' },
  // The download itself; asking for a ticket is cheap and is not counted.
  { bucket: 'exports', method: 'GET', resource: 'exports', action: 'export' },
  { bucket: 'exports', method: 'GET', resource: 'reports', action: 'show' },
  { bucket: 'exports', method: 'GET', resource: 'municipalities', action: 'export' },
];

const WINDOW = "interval '1 minute'";

// One statement takes a unit: the user's row is locked by ON CONFLICT, so two processes
// (or two requests of one) cannot both take the last unit. The hits that left the window
// are dropped on the way; no row back means the budget is spent. The database's clock is
// the one clock all processes share.
const TAKE = `
  INSERT INTO rate_limit_windows AS w (user_id, bucket, hits) VALUES ($1, $2, ARRAY[now()])
  ON CONFLICT (municipality_code, user_id, bucket) DO UPDATE
     SET hits = ARRAY(SELECT h FROM unnest(w.hits) h WHERE h > now() - ${WINDOW} ORDER BY h) || now()
   WHERE (SELECT count(*) FROM unnest(w.hits) h WHERE h > now() - ${WINDOW}) < $3
  RETURNING true AS taken`;

// Seconds until the oldest hit in the window leaves it (a unit frees up).
const WAIT = `
  SELECT extract(epoch FROM min(h) + ${WINDOW} - now())::float8 AS wait
    FROM rate_limit_windows w, unnest(w.hits) h
   WHERE w.user_id = $1 AND w.bucket = $2 AND h > now() - ${WINDOW}`;

const MESSAGES: Record<RateBucket, string> = {
  imports: '取り込みの開始が短時間に集中しています。しばらく待ってから再度お試しください。',
  exports: 'ダウンロード（エクスポート・帳票）が短時間に集中しています。しばらく待ってから再度お試しください。',
};

export class RateLimiter {
  constructor(
    private readonly db: Db,
    private readonly limits: Record<RateBucket, number>,
  ) {}

  static fromConfig(config: AppConfig, db: Db): RateLimiter {
    return new RateLimiter(db, { imports: config.rateLimitImportsPerMinute, exports: config.rateLimitExportsPerMinute });
  }

  /** The bucket a route spends from, if any. */
  static bucketOf(method: string, resource: Resource, action: Action): RateBucket | null {
    return RATE_LIMITED.find((r) => r.method === method && r.resource === resource && r.action === action)?.bucket ?? null;
  }

  /** Spends one unit of the user's budget (in the current municipality), or throws 429 with the seconds until one frees up. */
  async take(bucket: RateBucket, userId: number): Promise<void> {
    const taken = await this.db.query(TAKE, [userId, bucket, this.limits[bucket]], { prepared: true });
    if (taken.length) return;
    const row = await this.db.one<{ wait: number | null }>(WAIT, [userId, bucket], { prepared: true });
    // No hit left in the window by now: the next try gets through.
    throw tooManyRequests(MESSAGES[bucket], row?.wait ?? 1);
  }
}
