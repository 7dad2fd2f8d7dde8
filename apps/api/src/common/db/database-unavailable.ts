// When PostgreSQL is down, restarting or unreachable, every request that needs it
// fails with a connection error. Those are not bugs of the request: the API answers
// 503 (retry later) in the one error shape, quickly, instead of a 500 with a stack.

export const DATABASE_UNAVAILABLE = {
  statusCode: 503,
  code: 'database_unavailable',
  message: 'データベースに接続できないため、処理できませんでした。しばらく待ってからもう一度お試しください。',
} as const;

/** Seconds a client should wait before retrying (Retry-After). */
export const RETRY_AFTER_SECONDS = 5;

// Socket-level failures (Node), as thrown by pg when it cannot reach the server.
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNABORTED']);

// SQLSTATEs of a server that is going away or not taking connections: class 08
// (connection exception), 57P01 admin_shutdown (fast stop), 57P02 crash_shutdown
// (another backend crashed), 57P03 cannot_connect_now (starting up or shutting
// down), 53300 too_many_connections.
const SQLSTATES = /^(08...|57P0[123]|53300)$/;

// pg raises these without a code: a connection cut mid-query, a pool that could
// not hand out a connection in connectionTimeoutMillis, a client already broken.
const MESSAGES = [
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /is not queryable/i,
  /Cannot use a pool after calling end/i,
];

/** True when the error (or the driver error TypeORM wraps) means the database cannot be reached. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 3) return false;
  const e = error as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown };
  const code = typeof e.code === 'string' ? e.code : '';
  if (NETWORK_CODES.has(code) || SQLSTATES.test(code)) return true;
  // The database closed to connections (ALTER DATABASE … ALLOW_CONNECTIONS false, as for maintenance).
  if (code === '55000' && typeof e.message === 'string' && /not currently accepting connections/.test(e.message)) return true;
  // An SQLSTATE of any other kind is a real answer from a live server.
  if (/^[0-9A-Z]{5}$/.test(code)) return false;
  if (typeof e.message === 'string' && MESSAGES.some((m) => m.test(e.message as string))) return true;
  return isDatabaseUnavailable(e.driverError, depth + 1) || isDatabaseUnavailable(e.cause, depth + 1);
}

/** One line for the log: what failed, without a stack (an outage would flood the log otherwise). */
export function describeDatabaseError(error: unknown): string {
  const e = error as { code?: unknown; message?: unknown; driverError?: { code?: unknown; message?: unknown } } | null;
  const inner = e?.driverError ?? e;
  return [inner?.code, inner?.message].filter(Boolean).join(' ');
}

/**
 * Runs fn, and again every `delayMs` while it fails because the database is
 * unreachable (up to `tries` times): for bookkeeping that must not be lost to an
 * outage, such as marking an interrupted import failed.
 */
export async function whenDatabaseBack<T>(fn: () => Promise<T>, { tries = 30, delayMs = 2000 } = {}): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (e) {
      if (attempt >= tries || !isDatabaseUnavailable(e)) throw e;
      await new Promise((r) => setTimeout(r, delayMs));
    }
  }
}
