import type { Pool } from 'pg';

// A load of concurrent HTTP clients doing what office staff do all day: reading
// lists and records, taking reservations and applications, recording awards,
// counter assistance and fraud reports. Each client is a loop with a short random
// pause between requests; every response is kept (time, latency, status) and every
// acknowledged write (2xx with an id) is remembered, so the test can look for each
// one in the database afterwards.

export type WriteResource = 'reservations' | 'applications' | 'point-awards' | 'assistance-records' | 'fraud-alerts';

export const TABLES: Record<WriteResource, string> = {
  reservations: 'reservations',
  applications: 'applications',
  'point-awards': 'point_awards',
  'assistance-records': 'assistance_records',
  'fraud-alerts': 'fraud_alerts',
};

export interface Sample {
  /** Start, ms since the load began. */
  start: number;
  ms: number;
  /** HTTP status, or 0 when no answer came within the client timeout. */
  status: number;
  op: string;
  write: boolean;
}

export interface LoadSetup {
  baseUrl: string;
  /** Tokens: admin (most work) and counter (assistance records). */
  tokens: { admin: string; counter: string };
  quotaId: number;
  serviceId: number;
}

export interface LoadOptions {
  clients: number;
  durationMs: number;
  /** Upper bound of the random pause between two requests of one client. */
  thinkMs: number;
  /** A request with no answer after this long counts as hung (status 0). */
  timeoutMs: number;
  /** Ends the run early (checked before each request). */
  shouldStop?: () => boolean;
}

export interface LoadResult {
  samples: Sample[];
  acked: Record<WriteResource, number[]>;
  elapsedMs: number;
}

const LISTS = ['reservations', 'applications', 'participants', 'point-awards', 'assistance-records', 'fraud-alerts', 'reservation-quotas', 'payment-services'];

let keySeq = 0;
const PREFIX = `${Math.floor(Math.random() * 36 ** 2)
  .toString(36)
  .padStart(2, '0')}`.toUpperCase();
/** A MyKey ID (8 alphanumerics) unique within this process. */
export function loadMyKeyId(): string {
  return `L${PREFIX}${(++keySeq).toString(36).toUpperCase().padStart(5, '0')}`;
}

export function runLoad(setup: LoadSetup, opts: LoadOptions): Promise<LoadResult> {
  const t0 = Date.now();
  const samples: Sample[] = [];
  const acked: Record<WriteResource, number[]> = { reservations: [], applications: [], 'point-awards': [], 'assistance-records': [], 'fraud-alerts': [] };
  let awardSeq = 0;

  async function call(op: string, method: string, path: string, token: string, body?: unknown): Promise<{ status: number; body: unknown }> {
    const start = Date.now();
    let status = 0;
    let json: unknown = null;
    try {
      const res = await fetch(`${setup.baseUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(opts.timeoutMs),
      });
      status = res.status;
      json = await res.json().catch(() => null);
    } catch {
      status = 0; // timed out, or the connection failed
    }
    samples.push({ start: start - t0, ms: Date.now() - start, status, op, write: method !== 'GET' });
    return { status, body: json };
  }

  async function write(resource: WriteResource, token: string, body: unknown): Promise<number | null> {
    const res = await call(`POST ${resource}`, 'POST', `/api/${resource}`, token, body);
    const id = (res.body as { id?: unknown } | null)?.id;
    if (res.status >= 200 && res.status < 300 && typeof id === 'number') {
      acked[resource].push(id);
      return id;
    }
    return null;
  }

  async function client(n: number): Promise<void> {
    const reserved: string[] = []; // MyKey IDs with a reservation, not yet applied
    const applied: string[] = []; // MyKey IDs applied to the service
    const seen: Array<[string, number]> = [];
    const { admin, counter } = setup.tokens;
    while (Date.now() - t0 < opts.durationMs && !opts.shouldStop?.()) {
      const r = Math.random();
      if (r < 0.3) {
        const resource = LISTS[(n + Math.floor(Math.random() * LISTS.length)) % LISTS.length];
        await call(`GET ${resource}`, 'GET', `/api/${resource}?range=${encodeURIComponent('[0,24]')}&sort=${encodeURIComponent('["id","DESC"]')}`, admin);
      } else if (r < 0.45 && seen.length) {
        const [resource, id] = seen[Math.floor(Math.random() * seen.length)];
        await call(`GET ${resource}/:id`, 'GET', `/api/${resource}/${id}`, admin);
      } else if (r < 0.6) {
        const myKeyId = loadMyKeyId();
        const id = await write('reservations', admin, {
          quotaId: setup.quotaId,
          myKeyId,
          channel: 'counter',
          reservedAt: '2020-09-01T10:00:00+09:00',
          ageBand: '40s',
          district: '水原',
        });
        if (id) {
          reserved.push(myKeyId);
          seen.push(['reservations', id]);
        }
      } else if (r < 0.7 && reserved.length) {
        const myKeyId = reserved.shift()!;
        const id = await write('applications', admin, { myKeyId, paymentServiceId: setup.serviceId, channel: 'counter', appliedAt: '2020-09-10T10:00:00+09:00', preRegistered: false });
        if (id) {
          applied.push(myKeyId);
          seen.push(['applications', id]);
        }
      } else if (r < 0.8 && applied.length) {
        const myKeyId = applied[Math.floor(Math.random() * applied.length)];
        const id = await write('point-awards', admin, {
          myKeyId,
          paymentServiceId: setup.serviceId,
          externalId: `LOAD-${process.pid}-${n}-${++awardSeq}`,
          transactionDate: '2020-10-01',
          kind: 'charge',
          amountYen: 2000,
        });
        if (id) seen.push(['point-awards', id]);
      } else if (r < 0.9) {
        const id = await write('assistance-records', counter, {
          visitedAt: new Date(Date.now() - 5 * 60_000).toISOString(),
          office: 'main_office',
          assistanceTypes: ['inquiry'],
          outcome: 'completed',
          durationMinutes: 10,
        });
        if (id) seen.push(['assistance-records', id]);
      } else {
        const id = await write('fraud-alerts', admin, {
          reportedAt: '2020-09-14T10:30:00+09:00',
          channel: 'phone',
          impersonated: 'mic_staff',
          requestedItems: ['my_number'],
          damageYen: 0,
          district: '水原',
          description: '総務省の職員を名乗る電話で、口座番号を聞かれた。答えずに切った。',
        });
        if (id) seen.push(['fraud-alerts', id]);
      }
      if (opts.thinkMs) await new Promise((r2) => setTimeout(r2, Math.random() * opts.thinkMs));
    }
  }

  return Promise.all(Array.from({ length: opts.clients }, (_, i) => client(i))).then(() => ({ samples, acked, elapsedMs: Date.now() - t0 }));
}

/** Acknowledged writes missing from the database, per resource. */
export async function lostWrites(db: Pool, acked: Record<WriteResource, number[]>): Promise<Record<WriteResource, number[]>> {
  const lost = {} as Record<WriteResource, number[]>;
  for (const [resource, ids] of Object.entries(acked) as Array<[WriteResource, number[]]>) {
    const { rows } = await db.query<{ id: number }>(`SELECT id FROM ${TABLES[resource]} WHERE id = ANY($1::int[])`, [ids]);
    const found = new Set(rows.map((r) => r.id));
    lost[resource] = ids.filter((id) => !found.has(id));
  }
  return lost;
}

export function percentile(values: number[], p: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function histogram(samples: Sample[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of samples) out[s.status || 'no answer'] = (out[s.status || 'no answer'] ?? 0) + 1;
  return out;
}

export function count(acked: Record<WriteResource, number[]>): number {
  return Object.values(acked).reduce((n, ids) => n + ids.length, 0);
}
