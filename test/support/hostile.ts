import fc from 'fast-check';
import type { Pool } from 'pg';

// Hostile values for the fuzz suites: what a careless or malicious client can put in a
// JSON body or a query string. Plausible values (from the DTO's own OpenAPI metadata)
// are mixed in so that requests also get past validation and reach the services and
// the database, where the 500s would hide.

const SWAGGER_PROPERTY = 'swagger/apiModelProperties';

export interface PropertyMeta {
  type?: unknown;
  enum?: unknown[];
  format?: string;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  minLength?: number;
  isArray?: boolean;
  items?: { enum?: unknown[]; type?: unknown };
}

export function propertyMeta(dto: new (...args: never[]) => unknown, name: string): PropertyMeta {
  return (Reflect.getMetadata(SWAGGER_PROPERTY, dto.prototype, name) ?? {}) as PropertyMeta;
}

export const INJECTION = [
  "'; DROP TABLE users; --",
  "' OR '1'='1",
  '" OR 1=1 --',
  '1; SELECT pg_sleep(5)',
  "'); DELETE FROM audit_logs; --",
  '$1',
  '%',
  '_',
  '\\',
  "\\'",
  '{"$gt":""}',
  '{"__proto__":{"admin":true}}',
  '__proto__',
  'constructor',
  '${7*7}',
  '{{7*7}}',
  '<script>alert(1)</script>',
  '=cmd|" /C calc"!A0',
  '@SUM(1+1)',
  '../../../../etc/passwd',
  'NaN',
  'Infinity',
  'null',
  'true',
  '[]',
  '{}',
];

export const UNICODE = [
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff\ud800',
  '\u202e\u202dreversed',
  '\u200b\u200c\u200d\ufeff',
  '𠮷野家🍣👨‍👩‍👧‍👦',
  'e\u0301\u0301\u0301\u0301',
  '\uffff\ufffe',
  'ｱｲｳｴｵ',
  '　', // ideographic space only
  ' ',
  '',
  '\r\n\t',
  '１２３４５６７８９０１８', // 12 full-width digits: the My Number guard must refuse, not crash
  '123456789018',
];

export const BAD_DATES = [
  '2020-02-30',
  '2021-02-29',
  '2020-13-01',
  '2020-00-10',
  '0000-00-00',
  '99999-01-01',
  '-2020-09-01',
  '2020-9-1',
  '2020/09/01',
  '令和2年9月1日',
  '2020-09-01T25:00:00Z',
  '2020-09-01T10:00:00',
  '2020-09-01T10:00:00+99:00',
  '1970-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '275760-09-13T00:00:00Z',
  '2020-09-01T10:00:00.1234567Z',
];

export const BAD_NUMBERS = [-1, 0, -0, 0.5, -2147483649, 2147483648, 4294967296, Number.MAX_SAFE_INTEGER + 2, 1e308, -1e308, 1e-7, 2 ** 31 - 1];

/** Nested arrays/objects `depth` deep around a leaf. */
export function nest(depth: number, leaf: unknown = 1, object = false): unknown {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = object ? { a: v } : [v];
  return v;
}

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(...INJECTION),
  fc.constantFrom<unknown>(...UNICODE),
  fc.constantFrom<unknown>(...BAD_DATES),
  fc.constantFrom<unknown>(...BAD_NUMBERS),
  fc.constantFrom<unknown>(null, true, false, [], {}, [null], { id: 1 }, ['a', 1, null]),
  fc.integer({ min: 1, max: 20 }).map((d) => nest(d)),
  fc.integer({ min: 25, max: 40 }).map((d) => nest(d, 'x', true)),
  fc.integer({ min: 100, max: 60_000 }).map((n) => 'あ'.repeat(n)),
  fc.integer({ min: 100, max: 200_000 }).map((n) => 'x'.repeat(n)),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.double(),
  fc.integer(),
  fc.array(fc.oneof(fc.string({ maxLength: 5 }), fc.integer()), { maxLength: 30 }),
);

/** A value the field would plausibly accept, from its OpenAPI description. */
export function plausible(meta: PropertyMeta): fc.Arbitrary<unknown> {
  const items = meta.items?.enum ?? (meta.isArray ? meta.enum : undefined);
  if ((meta.type === 'array' || meta.isArray) && items?.length) return fc.uniqueArray(fc.constantFrom(...items), { minLength: 1, maxLength: items.length });
  if (meta.enum?.length) return fc.constantFrom(...meta.enum);
  if (meta.type === Boolean || meta.type === 'boolean') return fc.boolean();
  if (meta.type === 'integer' || meta.type === Number || meta.type === 'number') {
    return fc.integer({ min: Math.max(meta.minimum ?? 0, -1_000_000), max: Math.min(meta.maximum ?? 1000, 1_000_000) });
  }
  if (meta.format === 'date') return fc.date({ min: new Date('2020-01-01'), max: new Date('2021-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  if (meta.format === 'date-time') return fc.date({ min: new Date('2020-01-01'), max: new Date('2021-12-31'), noInvalidDate: true }).map((d) => d.toISOString());
  const max = Math.min(meta.maxLength ?? 40, 40);
  return fc.string({ minLength: Math.min(meta.minLength ?? 1, max), maxLength: max });
}

/**
 * A body for a DTO: plausible values for a random subset of its fields, some of them
 * replaced by hostile values, sometimes an unknown key; or not an object at all.
 */
export function hostileBody(dto: (new (...args: never[]) => unknown) | null, fields: string[]): fc.Arbitrary<unknown> {
  const notAnObject = fc.constantFrom<unknown>([], [{}], 'text', 42, true, null, nest(10));
  if (!dto || !fields.length) return fc.oneof(notAnObject, fc.dictionary(fc.constantFrom('id', 'x', '__proto__', 'constructor', 'role'), hostileValue, { maxKeys: 3 }));
  const entry = (name: string) =>
    fc.tuple(fc.constant(name), fc.oneof({ weight: 7, arbitrary: plausible(propertyMeta(dto, name)) }, { weight: 1, arbitrary: hostileValue }));
  // Half the time every field is there, so complete bodies with one or two bad values are common.
  const names = fc.oneof(fc.constant(fields), fc.subarray(fields, { minLength: 0 }));
  const object = fc
    .tuple(
      names.chain((names) => (names.length ? fc.tuple(...names.map(entry)) : fc.constant([] as Array<[string, unknown]>))),
      fc.oneof(
        { weight: 4, arbitrary: fc.constant(null) },
        { weight: 1, arbitrary: fc.tuple(fc.constantFrom('unknownField', 'passwordHash', 'staffId', 'municipalityCode', '__proto__', 'createdBy'), hostileValue) },
      ),
    )
    .map(([pairs, extra]) => {
      const body: Record<string, unknown> = {};
      for (const [k, v] of pairs) body[k] = v;
      if (extra) Object.defineProperty(body, extra[0], { value: extra[1], enumerable: true, configurable: true, writable: true });
      return body;
    });
  return fc.oneof({ weight: 9, arbitrary: object }, { weight: 1, arbitrary: notAnObject });
}

export const REMOVE = Symbol('remove');
export type Mutation = [string, unknown];

/**
 * Changes to a body the API accepts: one to three fields set to a hostile or another
 * plausible value, or removed, sometimes an unknown key. Applied to a fresh valid body
 * per case, so most requests are one bad value away from being accepted.
 */
export function mutations(dto: new (...args: never[]) => unknown, fields: string[]): fc.Arbitrary<Mutation[]> {
  const one = fc.constantFrom(...fields).chain((name) =>
    fc.tuple(
      fc.constant(name),
      fc.oneof({ weight: 4, arbitrary: hostileValue }, { weight: 3, arbitrary: plausible(propertyMeta(dto, name)) }, { weight: 1, arbitrary: fc.constant<unknown>(REMOVE) }),
    ),
  );
  const unknownKey = fc.tuple(fc.constantFrom('unknownField', 'passwordHash', 'staffId', 'municipalityCode', 'createdBy', 'isAdmin'), hostileValue);
  return fc.tuple(fc.array(one, { minLength: 1, maxLength: 2 }), fc.oneof({ weight: 6, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: unknownKey })).map(([ms, extra]) => (extra ? [...ms, extra] : ms));
}

export function applyMutations(base: Record<string, unknown>, ms: Mutation[]): Record<string, unknown> {
  const body = { ...base };
  for (const [k, v] of ms) {
    if (v === REMOVE) delete body[k];
    else body[k] = v;
  }
  return body;
}

/**
 * What the database holds, table by table: the row count and the newest row version
 * (xmin changes on every insert and update). Equal before and after = nothing written.
 * The audit log is left out: refusals are logged on purpose (login_failed, my_number_refused).
 * Sessions are compared by what a request could do to them (a new one, an ended one), not
 * by row version: any signed-in request, refused or not, records the session's last use
 * (at most once a minute, for the idle timeout).
 */
export async function fingerprint(db: Pool): Promise<string> {
  const tables = (
    await db.query<{ t: string }>(
      `SELECT quote_ident(table_name) AS t FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT IN ('audit_logs', 'migrations') ORDER BY 1`,
    )
  ).rows.map((r) => r.t);
  const version = (t: string) =>
    t === 'sessions' ? `coalesce(max(id), 0)::text || ':' || count(revoked_at)::text || ':' || count(*) FILTER (WHERE purpose = 'full')::text` : 'coalesce(max(xmin::text::bigint), 0)::text';
  const sql = tables.map((t) => `SELECT '${t}' AS t, count(*)::text || ':' || ${version(t)} AS v FROM ${t}`).join(' UNION ALL ');
  const rows = (await db.query<{ t: string; v: string }>(sql)).rows;
  return rows
    .sort((a, b) => a.t.localeCompare(b.t))
    .map((r) => `${r.t}=${r.v}`)
    .join(' ');
}

/** What an error body must never carry: a stack frame, SQL, driver or class names. */
export const LEAKS = /\bat [\w.<>]+ \(|node_modules|\/src\/|\bSELECT\b|\bINSERT INTO\b|QueryFailedError|TypeError|SyntaxError|RangeError|ReferenceError/g;

/** A leak in an error body, not counting text the client sent itself (a message may quote the bad value). */
export function leakIn(body: string, sent: string): string | null {
  for (const m of body.matchAll(LEAKS)) if (!sent.includes(m[0])) return m[0];
  return null;
}
