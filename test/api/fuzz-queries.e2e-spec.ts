import fc from 'fast-check';
import { can } from '@mynapoint/domain';
import { findListSpec, listSpecResources, type FieldSpec, type ListSpec } from '../../apps/api/src/common/list/list-spec';
import { paymentServicesSeed } from '../../apps/api/src/database/seed/payment-services.seed';
import { usersSeed } from '../../apps/api/src/database/seed/users.seed';
import { BAD_DATES, BAD_NUMBERS, hostileValue, INJECTION, leakIn, UNICODE } from '../support/hostile';
import { listRoutes, queryParams, RouteInfo } from '../support/routes';
import { ROLES, TestApp } from '../support/test-app';

// Property-based fuzzing of every GET route's query string and path parameters:
// react-admin's filter/sort/range (built from the resource's own ListSpec: real field
// names with comparator suffixes and hostile values, plus garbage), every documented
// query parameter (from/to/interval, format, month, lang, raw, …) and hostile ids.
// Never a 5xx; a refusal is a 4xx in the error shape with nothing leaked.
// 30 cases per list route (fewer for the others; 69 routes) keep the file under a minute in
// `npm test`. For a deeper run: FUZZ_RUNS=200 (and another FUZZ_SEED); the first cases
// of a seed are the same whatever the number of runs.
const RUNS = Number(process.env.FUZZ_RUNS ?? 30);
const SEED = Number(process.env.FUZZ_SEED ?? 20201101);

const SUFFIXES = ['', '_gte', '_lte', '_gt', '_lt', '_neq', '_like', '_in', '.x', '[0]'];

const jsonish: fc.Arbitrary<string> = fc.oneof(
  hostileValue.map((v) => JSON.stringify(v) ?? 'undefined'),
  fc.constantFrom('{', '[', '{"a":', '[1,', '"', 'null', '[]', '{}', '[[]]', '{"q":null}', '1e999', '-0', '%00', '\u0000', 'undefined'),
  fc.string({ maxLength: 30 }),
);

// A value a field of this kind would take: real enum codes, dates, numbers, and text
// with LIKE wildcards, quotes and odd Unicode, so the query reaches SQL.
function plausibleFor(field: FieldSpec | undefined): fc.Arbitrary<unknown> {
  switch (field?.kind) {
    case 'int':
    case 'intArray':
      return fc.oneof(fc.integer({ min: -5, max: 100_000 }), fc.integer({ min: 0, max: 100 }).map(String));
    case 'decimal':
      return fc.oneof(fc.double({ min: -1, max: 200, noNaN: true }), fc.constantFrom<unknown>('53.9', '1e5', '0.05'));
    case 'bool':
      return fc.constantFrom<unknown>(true, false, 'true', 'false');
    case 'date':
      return fc.date({ min: new Date('2019-01-01'), max: new Date('2022-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    case 'instant':
      return fc.date({ min: new Date('2019-01-01'), max: new Date('2022-12-31'), noInvalidDate: true }).map((d) => d.toISOString());
    case 'enum':
    case 'enumArray':
      return field.enum ? fc.constantFrom<unknown>(...field.enum.values) : fc.constant('x');
    default:
      return fc.oneof(fc.constantFrom<unknown>(...INJECTION, ...UNICODE.filter((u) => !u.includes('\u0000'))), fc.string({ maxLength: 20 }));
  }
}

function filterArb(spec: ListSpec | undefined): fc.Arbitrary<string> {
  const names = spec ? [...Object.keys(spec.fields), ...Object.keys(spec.filters ?? {}), 'q'] : ['q', 'id'];
  const pair = fc.oneof(
    {
      weight: 4,
      arbitrary: fc.constantFrom(...names).chain((name) =>
        fc.tuple(
          fc.constantFrom(...SUFFIXES).map((suffix) => name + suffix),
          fc.oneof(
            { weight: 3, arbitrary: plausibleFor(spec?.fields[name]) },
            { weight: 1, arbitrary: fc.array(plausibleFor(spec?.fields[name]), { maxLength: 4 }) },
            { weight: 2, arbitrary: hostileValue },
            { weight: 1, arbitrary: fc.constantFrom<unknown>(...BAD_DATES, ...BAD_NUMBERS, null) },
          ),
        ),
      ),
    },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...INJECTION, '__proto__', 'constructor', ''), hostileValue) },
  );
  const object = fc.array(pair, { maxLength: 3 }).map((pairs) => {
    const o: Record<string, unknown> = {};
    for (const [k, v] of pairs) Object.defineProperty(o, k, { value: v, enumerable: true, configurable: true, writable: true });
    return JSON.stringify(o);
  });
  return fc.oneof({ weight: 5, arbitrary: object }, { weight: 1, arbitrary: jsonish });
}

function sortArb(spec: ListSpec | undefined): fc.Arbitrary<string> {
  const names = spec ? [...Object.keys(spec.fields), ...Object.keys(spec.sorts ?? {})] : ['id'];
  const field = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...names) }, { weight: 1, arbitrary: fc.constantFrom(...INJECTION, ...UNICODE) });
  const order = fc.oneof({ weight: 4, arbitrary: fc.constantFrom('ASC', 'DESC', 'asc', 'desc') }, { weight: 1, arbitrary: fc.constantFrom('ASC; DROP TABLE users', 'NULLS FIRST', '', 'random()') });
  return fc.oneof(
    { weight: 4, arbitrary: fc.tuple(field, order).map((p) => JSON.stringify(p)) },
    { weight: 1, arbitrary: fc.array(fc.oneof(field, fc.integer()), { maxLength: 4 }).map((a) => JSON.stringify(a)) },
    { weight: 1, arbitrary: jsonish },
  );
}

const rangeArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(fc.nat({ max: 50 }), fc.nat({ max: 1100 })).map((p) => JSON.stringify(p)) },
  fc.tuple(fc.constantFrom<unknown>(...BAD_NUMBERS, 0, 10, 999, 1000, 'a', null), fc.constantFrom<unknown>(...BAD_NUMBERS, 0, 24, 999, 100_000, null)).map((p) => JSON.stringify(p)),
  fc.tuple(fc.nat(), fc.nat()).map((p) => JSON.stringify(p)),
  jsonish,
);

const idArb: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('0', '-1', '1.5', '1e3', '0x10', '00001', '2147483648', '9'.repeat(30), 'NaN', 'null', ' 1', '1 ', '%00', '%E3%81%82', '..', '%2e%2e', "1'", '1;DROP'),
  fc.nat().map(String),
  fc.string({ minLength: 1, maxLength: 20 }).map(encodeURIComponent),
);

describe('fuzz: list queries and GET parameters', () => {
  let t: TestApp;
  let routes: RouteInfo[];
  const tallies: Array<{ route: string; cases: number; '2xx': number; '4xx': number; '431 (URL too long)': number; '5xx': number }> = [];

  beforeAll(async () => {
    t = await TestApp.start({ seed: [usersSeed, paymentServicesSeed], config: { rateLimitExportsPerMinute: 100_000 } });
    routes = listRoutes(t.app).filter((r) => r.method === 'GET');
  });
  afterAll(async () => {
    await t.close();
    const total = tallies.reduce((n, x) => n + x.cases, 0);
    // eslint-disable-next-line no-console
    console.log(`fuzz: GET query strings — ${tallies.length} routes, ${total} cases (seed ${SEED})`);
    // eslint-disable-next-line no-console
    console.table(tallies);
  });

  it('never answers 5xx to any query string or path parameter', async () => {
    const failures: string[] = [];
    for (const route of routes) {
      const role = route.access?.kind === 'permission' ? ROLES.find((r) => route.access?.kind === 'permission' && can(r, route.access.resource, route.access.action)) : 'admin';
      if (!role) continue;
      const client = route.access?.kind === 'public' ? t.anon : await t.as(role);
      const resource = route.access?.kind === 'permission' ? route.access.resource : undefined;
      const spec = resource ? findListSpec(resource) : undefined;
      // Routes that read a @Query() DTO document no parameters one by one: try the usual ones.
      const documented = queryParams(route).length ? queryParams(route) : ['from', 'to', 'interval', 'campaignId', 'month'].map((name) => ({ name, enum: undefined }));
      const isList = documented.some((p) => p.name === 'filter');

      const params: Record<string, fc.Arbitrary<string>> = {};
      for (const p of documented) {
        if (p.name === 'filter') params.filter = filterArb(route.path.startsWith('/api/exports') ? undefined : spec);
        else if (p.name === 'sort') params.sort = sortArb(spec);
        else if (p.name === 'range') params.range = rangeArb;
        else if (p.name === 'ticket') params.ticket = fc.oneof(fc.constantFrom('x.y', '.', 'eyJ9.AAAA'), fc.string({ maxLength: 40 }));
        else params[p.name] = fc.oneof(...(p.enum?.length ? [fc.constantFrom(...p.enum.map(String))] : []), fc.constantFrom(...BAD_DATES, ...INJECTION, '2020-09', '2020-13', '0', '-1', '2020-09-01'), jsonish);
      }
      const query = fc.record(Object.fromEntries(Object.entries(params).map(([k, a]) => [k, fc.option(a, { freq: 2 })])), { requiredKeys: [] }) as fc.Arbitrary<Record<string, string | null>>;
      const pathParams = fc.record({
        id: fc.oneof({ weight: 3, arbitrary: fc.constantFrom('1', '2') }, { weight: 2, arbitrary: idArb }),
        resource: fc.oneof(fc.constantFrom(...listSpecResources()), fc.constantFrom('users', 'stats', '..', '%2e%2e', 'payment-services.json', "x'"), fc.string({ minLength: 1, maxLength: 12 }).map(encodeURIComponent)),
      });
      const tally = { route: route.key, cases: 0, '2xx': 0, '4xx': 0, '431 (URL too long)': 0, '5xx': 0 };
      tallies.push(tally);
      const heavy = route.path.startsWith('/api/reports') || route.path.startsWith('/api/exports');
      if (!Object.keys(params).length && !route.path.includes(':')) continue;

      await fc.assert(
        fc.asyncProperty(query, pathParams, async (q, p) => {
          const qs = new URLSearchParams();
          for (const [k, v] of Object.entries(q)) if (v !== null && v !== undefined) qs.set(k, v);
          const path = route.path.replace(/:(\w+)/g, (_m, name: string) => (name === 'id' ? p.id : p.resource));
          const url = `${path}${qs.size ? `?${qs}` : ''}`;
          const res = await client.get(url).buffer(true).parse((r, cb) => {
            const chunks: Buffer[] = [];
            r.on('data', (c: Buffer) => chunks.push(c));
            r.on('end', () => {
              const text = Buffer.concat(chunks).toString('utf8');
              let body: unknown = text;
              try {
                body = JSON.parse(text);
              } catch {
                /* a file */
              }
              cb(null, body);
            });
          });
          tally.cases++;
          const where = `${route.key} ${decodeURIComponent(url).slice(0, 300)} → ${res.status} ${JSON.stringify(res.body)?.slice(0, 200)}`;
          if (res.status >= 500) {
            tally['5xx']++;
            failures.push(where);
          } else if (res.status === 431 || res.status === 414) {
            // Node's HTTP server refuses an over-long request line before the app sees it.
            tally['4xx']++;
            tally['431 (URL too long)']++;
          } else if (res.status >= 400) {
            tally['4xx']++;
            const b = res.body as { statusCode?: number; code?: unknown; message?: unknown };
            if (b?.statusCode !== res.status || typeof b.code !== 'string' || typeof b.message !== 'string') failures.push(`shape: ${where}`);
            if (leakIn(JSON.stringify(res.body), decodeURIComponent(url))) failures.push(`leak: ${where}`);
          } else tally['2xx']++;
        }),
        { numRuns: heavy ? Math.ceil(RUNS / 3) : isList ? RUNS : Math.ceil(RUNS / 2), seed: SEED },
      );
    }
    expect(failures.slice(0, 20)).toEqual([]);
  }, 300_000);
});
