// The load generator, run as its own process (so it does not share the app's or the
// bench's event loop): autocannon against the app on loopback for a bounded time.
// Input: one JSON argument. Output: one JSON line on stdout with the rate of
// successful responses and the latency percentiles of every response.
//
//   { url, token, connections, seconds, method?, body?, kind?: 'get-by-id' | 'reservation' | 'appointment' | 'point-award' | 'login', ... }
import autocannon from 'autocannon';

const cfg = JSON.parse(process.argv[2]);
const latencies = [];
const statuses = {};
let n = 0;

// Each request of a write bench must be new (one reservation per MyKey ID, one award
// per transaction id), so bodies are made per request.
function requestFor() {
  switch (cfg.kind) {
    case 'get-by-id':
      return (req) => ({ ...req, path: `${cfg.path}/${cfg.ids[n++ % cfg.ids.length]}` });
    case 'reservation':
      return (req) => ({
        ...req,
        body: JSON.stringify({ quotaId: cfg.quotaId, myKeyId: `${cfg.prefix}${String(n++).padStart(6, '0')}`, channel: 'counter' }),
      });
    case 'appointment':
      // One seat of a bench slot per request, over the slots in turn (a slot holds at most 100).
      return (req) => ({
        ...req,
        body: JSON.stringify({ slotId: cfg.slotIds[n++ % cfg.slotIds.length], residentName: 'ベンチ 予約', purpose: ['point_application'], partySize: 1 }),
      });
    case 'point-award':
      return (req) => {
        const [participant, service] = cfg.targets[n % cfg.targets.length];
        const body = {
          myKeyId: `B${String(participant).padStart(7, '0')}`,
          paymentServiceId: service,
          externalId: `${cfg.prefix}${n++}`,
          transactionDate: '2021-06-01',
          kind: 'purchase',
          amountYen: 1000,
        };
        return { ...req, body: JSON.stringify(body) };
      };
    case 'login':
      // Sign-ins through the directory, one of `cfg.users` names after another.
      return (req) => ({ ...req, body: JSON.stringify({ username: `${cfg.prefix}${n++ % cfg.users}`, password: cfg.password }) });
    default:
      return undefined;
  }
}

const instance = autocannon({
  url: cfg.url,
  connections: cfg.connections,
  duration: cfg.seconds,
  method: cfg.method ?? 'GET',
  headers: { authorization: `Bearer ${cfg.token}`, 'content-type': 'application/json', ...(cfg.headers ?? {}) },
  requests: [requestFor() ? { method: cfg.method ?? 'GET', setupRequest: requestFor() } : { method: cfg.method ?? 'GET' }],
  timeout: 30,
});
instance.on('response', (_client, statusCode, _bytes, responseTime) => {
  latencies.push(responseTime);
  statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
});
instance.on('done', (result) => {
  latencies.sort((a, b) => a - b);
  const q = (p) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] : NaN);
  const ok = Object.entries(statuses).reduce((s, [code, count]) => (code >= 200 && code < 300 ? s + count : s), 0);
  const seconds = (result.finish - result.start) / 1000;
  process.stdout.write(
    `${JSON.stringify({
      requests: latencies.length,
      ok,
      okPerSecond: ok / seconds,
      seconds,
      statuses,
      errors: result.errors,
      timeouts: result.timeouts,
      p50: q(0.5),
      p95: q(0.95),
      p99: q(0.99),
      max: latencies[latencies.length - 1] ?? NaN,
    })}\n`,
  );
});
