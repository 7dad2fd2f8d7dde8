import bcrypt from 'bcryptjs';
import fc from 'fast-check';
import type request from 'supertest';
import { can } from '@mynapoint/domain';
import { findListSpec } from '../../apps/api/src/common/list/list-spec';
import { listRoutes } from '../support/routes';
import { DEMO_PASSWORD } from '../../apps/api/src/database/seed/users.seed';
import { Client_, TestApp, listQuery, totalOf } from '../support/test-app';

// Issue #18 item 7, as a property: random writes through the API, split between two
// municipalities A and B of one database; then every read of A (each list with its total,
// every record by id, every stats endpoint) equals the same read in a second database
// where only A's writes were made. Ids and server timestamps differ between the two
// databases legitimately (B's writes take sequence values): ids are replaced by "the
// n-th record of that resource A made", server timestamps dropped. Both municipalities
// use the same national campaign and payment service (reference data, NULL code) and the
// same MyKey IDs, where a key, a quota, a cap or a rollup that ignored the municipality
// would show. Each run uses fresh municipality codes and removes their data afterwards,
// so the second database holds only the current A.

const ROLES = ['admin', 'counter'] as const;
// Each run signs in afresh in new municipalities: a cheap hash of the demo password keeps
// those sign-ins from spending the run's time in bcrypt (cost 11 is ~1 s on a busy machine).
const QUICK_HASH = bcrypt.hashSync(DEMO_PASSWORD, 4);
const PEOPLE = 3;
const DISTRICTS = ['北区', '南区', null];
const AGE_BANDS = ['20s', '40s', '70_plus'];
const CHANNELS = ['self_smartphone', 'self_pc', 'counter'];
/** Server-made instants: they differ between the databases by a few milliseconds. */
const VOLATILE = new Set(['createdAt', 'updatedAt', 'at', 'lastLoginAt', 'noticePublishedAt', 'changedAt', 'expiresAt', 'startedAt', 'finishedAt']);
/** Id-valued fields and the resource whose ids they hold. */
const ID_FIELDS: Record<string, string> = {
  quotaId: 'reservation-quotas',
  participantId: 'participants',
  campaignId: 'campaigns',
  paymentServiceId: 'payment-services',
  staffId: 'users',
  createdBy: 'users',
  userId: 'users',
  reportedBy: 'users',
  changedBy: 'users',
  deletedBy: 'users',
  noticePublishedBy: 'users',
  reservationId: 'reservations',
  applicationId: 'applications',
  fraudAlertId: 'fraud-alerts',
};

type Tenant = 'A' | 'B';
type Command =
  | { kind: 'quota'; tenant: Tenant; capacity: number }
  | { kind: 'reserve'; tenant: Tenant; quota: number; person: number; channel: string; ageBand: string; district: string | null; day: number }
  | { kind: 'apply'; tenant: Tenant; person: number; channel: string }
  | { kind: 'award'; tenant: Tenant; person: number; amountYen: number; tx: number }
  | { kind: 'unreserve'; tenant: Tenant; reservation: number }
  | { kind: 'capacity'; tenant: Tenant; quota: number; capacity: number }
  | { kind: 'assist'; tenant: Tenant; office: string; types: string[]; outcome: string; minutes: number; ageBand: string; district: string | null; day: number }
  | { kind: 'fraud'; tenant: Tenant; channel: string; damageYen: number; district: string | null; day: number }
  | { kind: 'fraudStatus'; tenant: Tenant; alert: number; status: string };

const tenant = fc.constantFrom<Tenant>('A', 'B');
const day = fc.integer({ min: 1, max: 28 });
const district = fc.constantFrom(...DISTRICTS);
// Weighted towards the writes that build on each other (a reservation, then its application, then awards).
const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('quota' as const), tenant, capacity: fc.integer({ min: 1, max: 4 }) }) },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('reserve' as const),
      tenant,
      quota: fc.nat(3),
      person: fc.nat(PEOPLE - 1),
      channel: fc.constantFrom(...CHANNELS),
      ageBand: fc.constantFrom(...AGE_BANDS),
      district,
      day,
    }),
  },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('apply' as const), tenant, person: fc.nat(PEOPLE - 1), channel: fc.constantFrom(...CHANNELS) }) },
  // Mostly the person every run reserves and applies at the start (OPENING).
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('award' as const), tenant, person: fc.constantFrom(0, 0, 0, 1, 2), amountYen: fc.integer({ min: 100, max: 12_000 }), tx: fc.nat(2) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('unreserve' as const), tenant, reservation: fc.nat(5) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('capacity' as const), tenant, quota: fc.nat(3), capacity: fc.integer({ min: 0, max: 4 }) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('assist' as const),
      tenant,
      office: fc.constantFrom('main_office', 'branch_office'),
      types: fc.subarray(['card_application', 'mykey_reservation', 'point_application', 'inquiry'], { minLength: 1 }),
      outcome: fc.constantFrom('completed', 'follow_up'),
      minutes: fc.integer({ min: 1, max: 60 }),
      ageBand: fc.constantFrom(...AGE_BANDS),
      district,
      day,
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('fraud' as const), tenant, channel: fc.constantFrom('phone', 'sms', 'visit'), damageYen: fc.constantFrom(0, 0, 30_000), district, day }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('fraudStatus' as const), tenant, alert: fc.nat(3), status: fc.constantFrom('investigating', 'closed', 'referred_police') }) },
);
/**
 * Each municipality starts with a quota and the same person reserved and applied in both
 * (a MyKey ID is per municipality), then B and A each record the operator's transaction
 * TX-0 for that person at the national service (its id is unique per municipality): the
 * random writes then have someone to award, cap and delete.
 */
const OPENING: Command[] = [
  ...(['B', 'A'] as const).flatMap((t): Command[] => [
    { kind: 'quota', tenant: t, capacity: 3 },
    { kind: 'reserve', tenant: t, quota: 0, person: 0, channel: 'counter', ageBand: '40s', district: '北区', day: 1 },
    { kind: 'apply', tenant: t, person: 0, channel: 'counter' },
  ]),
  { kind: 'award', tenant: 'B', person: 0, amountYen: 4000, tx: 0 },
  { kind: 'award', tenant: 'A', person: 0, amountYen: 2000, tx: 0 },
];

/** One municipality in one database: its clients and the ids of its records that exist, in order, per resource. */
interface Side {
  t: TestApp;
  code: string;
  clients: Record<(typeof ROLES)[number], Client_>;
  made: Map<string, number[]>;
  /** Real id → "resource#n" per resource (kept after a deletion: answers may still name it). */
  labels: Map<string, Map<number, string>>;
  /** A reservation's participant, who goes with it when it is deleted before any application. */
  participantOf: Map<number, number>;
}

function register(side: Side, resource: string, id: number): void {
  const list = side.made.get(resource) ?? side.made.set(resource, []).get(resource)!;
  const labels = side.labels.get(resource) ?? side.labels.set(resource, new Map()).get(resource)!;
  if (labels.has(id)) return;
  list.push(id);
  labels.set(id, `${resource}#${labels.size + 1}`);
}

function forget(side: Side, resource: string, id: number): void {
  const list = side.made.get(resource) ?? [];
  if (list.includes(id)) list.splice(list.indexOf(id), 1);
}

/** The answer with ids replaced by labels and server timestamps dropped; `resource` names what `id` is. */
function normalize(side: Side, value: unknown, resource: string): unknown {
  const label = (res: string, id: unknown) => (typeof id === 'number' ? (side.labels.get(res)?.get(id) ?? `${res}#other`) : id);
  if (Array.isArray(value)) return value.map((v) => normalize(side, v, resource));
  if (!value || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  const obj = value as Record<string, unknown>;
  for (const [k, v] of Object.entries(obj)) {
    if (VOLATILE.has(k)) continue;
    if (k === 'id') out[k] = label(resource, v);
    else if (ID_FIELDS[k]) out[k] = label(ID_FIELDS[k], v);
    // The audit log: the record's id is text, of the resource beside it (a sign-in's is the user's).
    else if (k === 'resourceId' && typeof obj.resource === 'string') out[k] = v === null ? null : label(obj.resource === 'auth' ? 'users' : String(obj.resource), Number(v));
    else out[k] = normalize(side, v, resource);
  }
  return out;
}

let run = 0;

describe('property: A’s every read is the same with or without B in the database', () => {
  let shared: TestApp;
  let solo: TestApp;
  let national: { campaignId: number; serviceId: number };
  const figures = { runs: 0, commands: 0, writesCompared: 0, readsCompared: 0 };
  /** How A's writes were answered, per kind and status: the runs must exercise successes as well as refusals. */
  const outcomes = new Map<string, number>();

  // The national campaign and payment service (NULL code: the operator's registry), made
  // first in each database, so they have the same ids in both.
  async function nationalData(t: TestApp): Promise<{ campaignId: number; serviceId: number }> {
    const [c] = await t.sql<{ id: number }>(
      `INSERT INTO campaigns (municipality_code, name, reservation_opens_on, reservation_closes_on, application_opens_on, application_closes_on,
                              earning_starts_on, earning_ends_on, award_rate_percent, cap_per_person_yen)
       VALUES (NULL, '国のキャンペーン', '2020-07-01', '2021-03-31', '2020-07-01', '2021-03-31', '2020-09-01', '2021-03-31', 25, 5000) RETURNING id`,
    );
    const [s] = await t.sql<{ id: number }>(
      `INSERT INTO payment_services (municipality_code, name, operator, kind, pre_registration_required, applications_open_on, status)
       VALUES (NULL, '全国共通Pay', '全国決済株式会社', 'qr_code', false, '2020-07-01', 'active') RETURNING id`,
    );
    return { campaignId: c.id, serviceId: s.id };
  }

  async function side(t: TestApp, code: string): Promise<Side> {
    await t.addMunicipality(code, `市${code}`);
    await t.sql('UPDATE users SET password_hash = $1 WHERE municipality_code = $2', [QUICK_HASH, code]);
    const s: Side = { t, code, clients: {} as Side['clients'], made: new Map(), labels: new Map(), participantOf: new Map() };
    for (const role of ROLES) {
      s.clients[role] = await t.as(role, code);
      register(s, 'users', (await s.clients[role].get('/api/auth/me').expect(200)).body.id);
    }
    register(s, 'campaigns', national.campaignId);
    register(s, 'payment-services', national.serviceId);
    return s;
  }

  async function removeMunicipality(t: TestApp, code: string): Promise<void> {
    const client = await t.db.connect();
    try {
      await client.query('BEGIN');
      await client.query("SELECT set_config('mynapoint.municipality_code', '000000', true)");
      await client.query('SELECT remove_municipality_data($1)', [code]);
      await client.query('COMMIT');
    } catch (e) {
      await client.query('ROLLBACK');
      throw e;
    } finally {
      client.release();
    }
  }

  /** Applies one command; the normalized answer (status and body), or null when it did not apply to this side's state. */
  async function apply(s: Side, c: Command, runTag: string): Promise<unknown> {
    const admin = s.clients.admin;
    const counter = s.clients.counter;
    const nth = (resource: string, i: number) => {
      const ids = s.made.get(resource) ?? [];
      return ids.length ? ids[i % ids.length] : null;
    };
    const myKeyId = (person: number) => `${runTag}${person}`.toUpperCase().padEnd(8, '0').slice(0, 8);
    let res: request.Response;
    let resource: string;
    switch (c.kind) {
      case 'quota': {
        resource = 'reservation-quotas';
        const n = (s.labels.get(resource)?.size ?? 0) + 1;
        res = await admin.post('/api/reservation-quotas').send({
          campaignId: national.campaignId,
          name: `予約枠${n}`,
          capacity: c.capacity,
          opensAt: '2020-07-01T00:00:00+09:00',
          closesAt: '2021-04-01T00:00:00+09:00',
        });
        break;
      }
      case 'reserve': {
        resource = 'reservations';
        const quotaId = nth('reservation-quotas', c.quota);
        if (quotaId === null) return null;
        res = await counter.post('/api/reservations').send({
          quotaId,
          myKeyId: myKeyId(c.person),
          channel: c.channel,
          reservedAt: `2020-09-${String(c.day).padStart(2, '0')}T10:00:00+09:00`,
          ageBand: c.ageBand,
          district: c.district,
        });
        if (res.status === 201) {
          register(s, 'participants', res.body.participantId);
          s.participantOf.set(res.body.id, res.body.participantId);
        }
        break;
      }
      case 'apply':
        resource = 'applications';
        res = await counter.post('/api/applications').send({
          myKeyId: myKeyId(c.person),
          paymentServiceId: national.serviceId,
          channel: c.channel,
          // After any reservation of the run (those are made on 1–28 September).
          appliedAt: '2020-09-29T15:00:00+09:00',
          preRegistered: false,
        });
        break;
      case 'award':
        resource = 'point-awards';
        // A few external ids, used in A and B alike: the operator's transaction id is unique
        // per municipality and service (a repeat in A is a 409 in both databases), never across municipalities.
        res = await admin.post('/api/point-awards').send({
          myKeyId: myKeyId(c.person),
          paymentServiceId: national.serviceId,
          externalId: `TX-${c.tx}`,
          transactionDate: '2020-10-01',
          kind: 'charge',
          amountYen: c.amountYen,
        });
        break;
      case 'unreserve': {
        resource = 'reservations';
        const id = nth('reservations', c.reservation);
        if (id === null) return null;
        res = await admin.delete(`/api/reservations/${id}`);
        if (res.status === 200) {
          forget(s, 'reservations', id);
          // Its participant goes too unless an application keeps it.
          const participant = s.participantOf.get(id)!;
          if ((await s.clients.admin.get(`/api/participants/${participant}`)).status === 404) forget(s, 'participants', participant);
        }
        break;
      }
      case 'capacity': {
        resource = 'reservation-quotas';
        const id = nth('reservation-quotas', c.quota);
        if (id === null) return null;
        res = await admin.put(`/api/reservation-quotas/${id}`).send({ capacity: c.capacity });
        break;
      }
      case 'assist':
        resource = 'assistance-records';
        res = await counter.post('/api/assistance-records').send({
          visitedAt: `2020-09-${String(c.day).padStart(2, '0')}T11:00:00+09:00`,
          office: c.office,
          assistanceTypes: c.types,
          outcome: c.outcome,
          durationMinutes: c.minutes,
          ageBand: c.ageBand,
          district: c.district,
        });
        break;
      case 'fraud':
        resource = 'fraud-alerts';
        res = await counter.post('/api/fraud-alerts').send({
          reportedAt: `2020-09-${String(c.day).padStart(2, '0')}T09:30:00+09:00`,
          channel: c.channel,
          impersonated: 'city_staff',
          requestedItems: c.damageYen ? ['money_or_fee'] : ['my_number'],
          damageYen: c.damageYen,
          district: c.district,
          description: '市役所の職員を名乗る電話があった。',
        });
        break;
      case 'fraudStatus': {
        resource = 'fraud-alerts';
        const id = nth('fraud-alerts', c.alert);
        if (id === null) return null;
        res = await admin.put(`/api/fraud-alerts/${id}`).send({ status: c.status });
        break;
      }
    }
    if (res.status >= 500) throw new Error(`${c.kind} → ${res.status} ${JSON.stringify(res.body)}`);
    if (res.status === 201 && typeof res.body?.id === 'number') register(s, resource, res.body.id);
    return { status: res.status, body: normalize(s, res.body, resource) };
  }

  /** Every read of the municipality: lists (each allowed role), every record it made by id, every stats endpoint. */
  async function reads(s: Side): Promise<Map<string, unknown>> {
    const out = new Map<string, unknown>();
    const routes = listRoutes(s.t.app).filter((r) => r.method === 'GET' && r.access?.kind === 'permission');
    for (const role of ROLES) {
      for (const r of routes.filter((x) => x.access?.kind === 'permission' && can(role, x.access.resource, x.access.action))) {
        const resource = r.path.split('/')[2];
        if (!r.path.includes(':') && findListSpec(resource)) {
          const res = await s.clients[role].get(`${r.path}?${listQuery({ range: [0, 999] })}`);
          out.set(`${role} ${r.key}`, { status: res.status, total: res.status === 200 ? totalOf(res) : null, body: normalize(s, res.body, resource) });
        } else if (r.path.startsWith('/api/stats/')) {
          const res = await s.clients[role].get(`${r.path}?from=2020-07-01&to=2020-12-31&interval=week`);
          out.set(`${role} ${r.key}`, { status: res.status, body: normalize(s, res.body, resource) });
        }
      }
    }
    for (const [resource, ids] of s.made) {
      if (resource === 'users' || resource === 'campaigns' || resource === 'payment-services') continue;
      for (const id of ids) {
        const res = await s.clients.admin.get(`/api/${resource}/${id}`);
        out.set(`admin GET ${s.labels.get(resource)!.get(id)}`, { status: res.status, body: normalize(s, res.body, resource) });
      }
    }
    return out;
  }

  beforeAll(async () => {
    const config = { rateLimitExportsPerMinute: 100_000, rateLimitImportsPerMinute: 100_000, loginIpMaxFailures: 1_000_000 };
    [shared, solo] = await Promise.all([TestApp.start({ config }), TestApp.start({ config })]);
    const [a, b] = await Promise.all([nationalData(shared), nationalData(solo)]);
    expect(b).toEqual(a);
    national = a;
  });
  afterAll(async () => {
    await Promise.all([shared?.close(), solo?.close()]);
    // eslint-disable-next-line no-console
    console.log(
      `tenant property: ${figures.runs} runs, ${figures.commands} commands (A and B), ${figures.writesCompared} of A's write answers and ${figures.readsCompared} of A's reads compared between the shared and the A-only database\n` +
        `A's writes by outcome: ${[...outcomes].sort().map(([k, n]) => `${k}: ${n}`).join(', ')}`,
    );
  });

  it('holds for random writes in A and B', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 8, maxLength: 30 }), async (commands) => {
        run++;
        // Fresh municipalities for each run (not 000000, not the installation's default).
        const codeA = `15${String(3000 + 2 * run).padStart(4, '0')}`;
        const codeB = `15${String(3001 + 2 * run).padStart(4, '0')}`;
        const runTag = `P${run.toString(36).padStart(3, '0')}`;
        const [inShared, inSolo, bSide] = [await side(shared, codeA), await side(solo, codeA), await side(shared, codeB)];
        try {
          for (const c of [...OPENING, ...commands]) {
            const target = c.tenant === 'A' ? inShared : bSide;
            const answer = await apply(target, c, runTag);
            if (c.tenant === 'A') {
              const alone = await apply(inSolo, c, runTag);
              expect({ command: c, answer }).toEqual({ command: c, answer: alone });
              figures.writesCompared++;
              const key = `${c.kind} ${(alone as { status?: number } | null)?.status ?? 'skipped'}`;
              outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
            }
          }
          const [got, want] = [await reads(inShared), await reads(inSolo)];
          expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
          for (const [key, value] of want) expect({ key, answer: got.get(key) }).toEqual({ key, answer: value });
          figures.readsCompared += want.size;
          figures.commands += commands.length;
          figures.runs++;
        } finally {
          await removeMunicipality(shared, codeA);
          await removeMunicipality(shared, codeB);
          await removeMunicipality(solo, codeA);
        }
      }),
      // A failure is reported at once with its commands (shrinking would replay runs for minutes).
      { numRuns: 6, endOnFailure: true },
    );
  });
});
