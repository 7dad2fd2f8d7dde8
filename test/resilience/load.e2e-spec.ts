import { createPaymentService } from '../support/fixtures';
import { TestApp } from '../support/test-app';
import { createQuota } from '../support/uptake-fixtures';
import { Sample, TABLES, WriteResource, count, histogram, lostWrites, percentile, runLoad } from './support/load-driver';

// Load: 50 concurrent clients mixing reads and writes over HTTP for 30 s against the
// app on its own database. Zero 5xx, and every acknowledged write is in the
// database afterwards — and nothing else is (the id sets are compared both ways).
// LOAD_SECONDS / LOAD_CLIENTS / LOAD_THINK_MS change the size; the pause between a
// client's requests keeps the run from starving the test files running beside it.
const SECONDS = Number(process.env.LOAD_SECONDS ?? 30);
const CLIENTS = Number(process.env.LOAD_CLIENTS ?? 50);
const THINK_MS = Number(process.env.LOAD_THINK_MS ?? 100);

/** The most requests open at the same moment. */
function maxInFlight(samples: Sample[]): number {
  const events = samples.flatMap((s) => [[s.start, 1], [s.start + s.ms, -1]] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let open = 0;
  let max = 0;
  for (const [, d] of events) max = Math.max(max, (open += d));
  return max;
}

describe(`load: ${CLIENTS} clients for ${SECONDS} s`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start({ listen: true });
  });
  afterAll(() => t.close());

  it('answers every request without a 5xx and keeps every acknowledged write', async () => {
    const quota = await createQuota(t, { capacity: 1_000_000 });
    const service = await createPaymentService(t);
    const before = {} as Record<WriteResource, number>;
    for (const [resource, table] of Object.entries(TABLES) as Array<[WriteResource, string]>) {
      before[resource] = (await t.sql<{ max: number }>(`SELECT COALESCE(max(id), 0)::int AS max FROM ${table}`))[0].max;
    }

    const result = await runLoad(
      { baseUrl: t.baseUrl!, tokens: { admin: await t.token('admin'), counter: await t.token('counter') }, quotaId: quota.id, serviceId: service.id },
      { clients: CLIENTS, durationMs: SECONDS * 1000, thinkMs: THINK_MS, timeoutMs: 30_000 },
    );

    const { samples, acked } = result;
    const lost = await lostWrites(t.db, acked);
    // The other way round: rows written during the run that no client was told about.
    const unacked: Record<string, number[]> = {};
    for (const [resource, table] of Object.entries(TABLES) as Array<[WriteResource, string]>) {
      const rows = await t.sql<{ id: number }>(`SELECT id FROM ${table} WHERE id > $1`, [before[resource]]);
      const told = new Set(acked[resource]);
      unacked[resource] = rows.map((r) => r.id).filter((id) => !told.has(id));
    }
    const latencies = samples.map((s) => s.ms);
    const byOp: Record<string, string> = {};
    for (const op of [...new Set(samples.map((s) => s.op))].sort()) {
      const of = samples.filter((s) => s.op === op);
      byOp[op] = `${of.length} requests, p95 ${percentile(of.map((s) => s.ms), 95)} ms`;
    }
    const figures = {
      clients: CLIENTS,
      seconds: Math.round(result.elapsedMs / 100) / 10,
      requests: samples.length,
      requestsPerSecond: Math.round(samples.length / (result.elapsedMs / 1000)),
      writes: samples.filter((s) => s.write).length,
      statuses: histogram(samples),
      maxInFlight: maxInFlight(samples),
      p50Ms: percentile(latencies, 50),
      p95Ms: percentile(latencies, 95),
      p99Ms: percentile(latencies, 99),
      maxMs: Math.max(...latencies),
      acknowledgedWrites: count(acked),
      acknowledgedByResource: Object.fromEntries(Object.entries(acked).map(([k, v]) => [k, v.length])),
      lostWrites: Object.values(lost).flat().length,
      unacknowledgedRows: Object.values(unacked).flat().length,
      byOperation: byOp,
    };
    process.stdout.write(`\nLOAD FIGURES ${JSON.stringify(figures, null, 2)}\n`);

    // The load really ran concurrently (throughput itself depends on the machine and on
    // what else runs on it: the figures above say how much it was).
    expect(samples.length).toBeGreaterThan(CLIENTS * 5);
    expect(samples.filter((s) => s.status >= 500 || s.status === 0)).toEqual([]);
    // Every request of the mix is valid, so anything but 2xx is a fault of the API.
    expect(samples.filter((s) => s.status < 200 || s.status >= 300).map((s) => `${s.op} ${s.status}`)).toEqual([]);
    for (const resource of Object.keys(TABLES)) expect(acked[resource as WriteResource].length).toBeGreaterThan(0);
    expect(lost).toEqual({ reservations: [], applications: [], 'point-awards': [], 'assistance-records': [], 'fraud-alerts': [] });
    expect(unacked).toEqual({ reservations: [], applications: [], 'point-awards': [], 'assistance-records': [], 'fraud-alerts': [] });
    // The quota counted exactly the reservations made.
    const [q] = await t.sql<{ used: number; n: number }>(`SELECT used, (SELECT count(*)::int FROM reservations WHERE quota_id = $1) AS n FROM reservation_quotas WHERE id = $1`, [quota.id]);
    expect(q).toEqual({ used: acked.reservations.length, n: acked.reservations.length });
  });
});
