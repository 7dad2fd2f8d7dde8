import fc from 'fast-check';
import { can } from '@mynapoint/domain';
import { paymentServicesSeed } from '../../apps/api/src/database/seed/payment-services.seed';
import { usersSeed } from '../../apps/api/src/database/seed/users.seed';
import { listWriteRoutes, WriteRoute } from '../support/body-dtos';
import { assistanceRecordBody, createAssistanceRecord } from '../support/assistance-fixtures';
import { createPaymentService, createUser, paymentServiceBody, userBody } from '../support/fixtures';
import { createFraudAlert, fraudAlertBody } from '../support/fraud-fixtures';
import { applyMutations, fingerprint, hostileBody, leakIn, mutations } from '../support/hostile';
import { unique } from '../support/route-cases';
import { appointmentBody, createAppointment, createDesk, createIncident, createSlot, createTerminal, deskBody, incidentBody, slotBody } from '../support/desk-fixtures';
import { applicationBody, campaignBody, createApplication, createCampaign, createMeasure, createQuota, createReservation, measureBody, quotaBody, reservationBody } from '../support/uptake-fixtures';
import { checkDigit } from '@mynapoint/domain';
import { ALL_ROLES, TestApp } from '../support/test-app';

// Property-based fuzzing of every write route the application registered (found from
// its own metadata, so a new route is fuzzed without editing this file): bodies with
// wrong types, huge strings, deep JSON, unicode edge cases, injection strings, invalid
// dates and out-of-range numbers, mixed with plausible values so requests reach the
// services. For every request:
//   - never a 5xx, and no stack trace or SQL in the body;
//   - a 400 comes in the error shape, with field errors when the body was refused by
//     validation;
//   - a refused request (any 4xx) writes nothing: every table's row count and newest
//     row version are the same before and after (the audit log aside).
// 15 cases per route with a body (74 routes) keep the file under a minute in `npm test` (each
// case fingerprints every table twice). For a deeper run: FUZZ_RUNS=200 (and another
// FUZZ_SEED); the first cases of a seed are the same whatever the number of runs.
const RUNS = Number(process.env.FUZZ_RUNS ?? 15);
const SEED = Number(process.env.FUZZ_SEED ?? 20201101);

interface Tally {
  route: string;
  cases: number;
  '2xx': number;
  '400': number;
  'other 4xx': number;
  '5xx': number;
}

describe('fuzz: write bodies', () => {
  let t: TestApp;
  let routes: WriteRoute[];
  const tallies: Tally[] = [];

  beforeAll(async () => {
    t = await TestApp.start({
      seed: [usersSeed, paymentServicesSeed],
      // The fuzzer is one client hammering: lift the per-user and per-address limits.
      config: { loginIpMaxFailures: 1_000_000, loginMaxFailures: 100, rateLimitImportsPerMinute: 100_000, rateLimitExportsPerMinute: 100_000 },
    });
    await t.addInstallationUsers();
    routes = listWriteRoutes(t.app);

    // Rows for the routes with an id, and bodies the API accepts for the creating routes:
    // each case changes a fresh valid body a little, so it is one bad value from success.
    const campaign = await createCampaign(t);
    const quota = await createQuota(t, { campaignId: campaign.id });
    const reservation = await createReservation(t, { quotaId: quota.id });
    const ps = await createPaymentService(t);
    const applied = await createReservation(t, { quotaId: quota.id });
    const application = await createApplication(t, { myKeyId: applied.myKeyId, paymentServiceId: ps.id });
    const alert = await createFraudAlert(t);
    const measure = await createMeasure(t, { campaignId: campaign.id });
    const record = await createAssistanceRecord(t, 'admin');
    const desk = await createDesk(t);
    const slot = await createSlot(t, desk.id, { capacity: 100 });
    const appointment = await createAppointment(t, slot.id);
    const terminal = await createTerminal(t, desk.id);
    const incident = await createIncident(t);
    const [municipality] = await t.sql<{ id: number }>('SELECT id FROM municipalities WHERE code = $1', [t.config.municipalityCode]);
    // DELETE /api/auth/sessions/:id as the admin: a session of its own opened for it, so
    // an accepted case ends that one and not the admin's cached token.
    const spare = t.client((await t.anon.post('/api/auth/login').send({ username: 'admin', password: 'mynapoint-demo' })).body.accessToken);
    const spareSession = (await spare.get('/api/auth/sessions')).body.find((s: { current: boolean }) => s.current).id as number;
    ids = {
      municipalities: municipality.id,
      campaigns: campaign.id,
      measures: measure.id as number,
      'reservation-quotas': quota.id,
      reservations: reservation.id,
      applications: application.id,
      'payment-services': ps.id,
      'fraud-alerts': alert.id,
      'assistance-records': record.id,
      desks: desk.id,
      'appointment-slots': slot.id,
      appointments: appointment.id,
      terminals: terminal.id,
      'wrong-person-incidents': incident.id,
      auth: spareSession,
    };
    // Point awards first: the campaign is found by the transaction date, and the campaigns
    // the other cases create overlap it.
    bases = {
      'POST /api/point-awards': () => ({ myKeyId: application.myKeyId, paymentServiceId: application.paymentServiceId, externalId: unique('TX'), transactionDate: '2020-10-15', kind: 'purchase', amountYen: 1000 }),
      'POST /api/payment-services': () => paymentServiceBody(),
      'POST /api/users': () => userBody(),
      // A fresh valid code each time (prefecture 15, a running number, its check digit).
      'POST /api/municipalities': () => {
        const five = `15${String(municipalityNumber++ % 1000).padStart(3, '0')}`;
        return { code: five + checkDigit(five), name: '試験町', districts: ['本町'], districtPopulation: { 本町: 1200 } };
      },
      'POST /api/municipalities/:id/admins': () => ({ username: unique('kanri').slice(0, 40), displayName: '管理者', password: 'a-long-enough-pass' }),
      // Ten years on, so the campaigns the fuzzer creates do not overlap the point awards' one.
      'POST /api/campaigns': () =>
        campaignBody({ reservationOpensOn: '2030-07-01', reservationClosesOn: '2031-03-31', applicationOpensOn: '2030-07-01', applicationClosesOn: '2031-03-31', earningStartsOn: '2030-09-01', earningEndsOn: '2031-03-31' }),
      'POST /api/measures': () => measureBody(campaign.id),
      'POST /api/reservation-quotas': () => quotaBody(campaign.id),
      'POST /api/reservations': () => reservationBody(quota.id),
      'POST /api/applications': () => applicationBody(reservation.myKeyId, ps.id),
      'POST /api/fraud-alerts': () => fraudAlertBody(),
      'POST /api/assistance-records': () => assistanceRecordBody(),
      'POST /api/desks': () => deskBody(),
      'POST /api/appointment-slots': () => slotBody(desk.id),
      'POST /api/appointment-slots/generate': () => ({ deskId: desk.id, from: '2031-06-02', to: '2031-06-06', weekdays: [1, 2, 3, 4, 5], startTime: '09:00', endTime: '10:00', everyMinutes: 30, seats: 2 }),
      'POST /api/appointments': () => appointmentBody(slot.id),
      'POST /api/terminals': () => ({ deskId: desk.id, name: unique('端末').slice(0, 60) }),
      'POST /api/wrong-person-incidents': () => incidentBody(),
      'POST /api/auth/login': () => ({ username: 'policy', password: 'mynapoint-demo' }),
    };
  });
  let ids: Record<string, number> = {};
  let municipalityNumber = 300;
  let bases: Record<string, () => Record<string, unknown>> = {};
  afterAll(async () => {
    await t.close();
    const total = tallies.reduce((n, x) => n + x.cases, 0);
    // eslint-disable-next-line no-console
    console.log(`fuzz: write bodies — ${tallies.length} routes, ${total} cases (seed ${SEED}, ${RUNS} runs per route with a body)`);
    // eslint-disable-next-line no-console
    console.table(tallies);
  });

  it('finds the write routes', () => {
    expect(routes.length).toBeGreaterThan(15);
    expect(routes.filter((r) => r.dto).length).toBeGreaterThan(10);
  });

  it('starts from bodies the API accepts, so mutated cases reach the services and the database', async () => {
    const refused: string[] = [];
    for (const [key, base] of Object.entries(bases)) {
      const route = routes.find((r) => r.key === key);
      if (!route) throw new Error(`no route ${key}`);
      const role = route.access?.kind === 'permission' ? ALL_ROLES.find((r) => route.access?.kind === 'permission' && can(r, route.access.resource, route.access.action))! : 'admin';
      const path = route.path.replace(':id', String(ids[route.path.split('/')[2]]));
      const res = route.access?.kind === 'public' ? await t.anon.post(path).send(base()) : await (await t.as(role)).post(path).send(base());
      if (res.status >= 300) refused.push(`${key} → ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
    }
    expect(refused).toEqual([]);
  });

  it('never answers 5xx, refuses with the error shape and writes nothing when it refuses', async () => {
    const failures: string[] = [];
    // Deletes last, so the rows the other routes work on are still there.
    // Point awards first: their campaign is found by date, and the campaigns the fuzzer creates overlap it.
    const rank = (r: WriteRoute) => (r.path.startsWith('/api/point-awards') ? 0 : r.method === 'DELETE' ? 2 : 1);
    const ordered = [...routes].sort((a, b) => rank(a) - rank(b));
    for (const route of ordered) {
      // A throwaway user for the user routes with an id, so accepted bodies change it, not the demo users.
      const victim = route.path.startsWith('/api/users/:id') ? await createUser(t) : null;
      if (route.path.startsWith('/api/imports')) continue; // multipart: fuzz-imports covers it
      const role = route.access?.kind === 'permission' ? ALL_ROLES.find((r) => route.access?.kind === 'permission' && can(r, route.access.resource, route.access.action)) : 'admin';
      if (!role) continue;
      const client = await t.as(role);
      const resource = route.path.split('/')[2];
      const url = route.path.replace(/:(\w+)/g, (_m, name: string) => (name === 'id' ? String(victim?.id ?? ids[resource] ?? 1) : 'payment-services'));
      const base: (() => Record<string, unknown>) | undefined = bases[route.key];
      const method = route.method.toLowerCase() as 'post';
      const tally: Tally = { route: route.key, cases: 0, '2xx': 0, '400': 0, 'other 4xx': 0, '5xx': 0 };
      tallies.push(tally);

      let known: string | null = null;
      const fieldNames = route.fields.map((f) => f.name);
      const dto = route.dto;
      const arbitrary: fc.Arbitrary<() => unknown> =
        base !== undefined && dto !== null
          ? fc.oneof(
              { weight: 4, arbitrary: mutations(dto, fieldNames).map((ms) => () => applyMutations(base(), ms)) },
              { weight: 1, arbitrary: hostileBody(route.dto, fieldNames).map((b) => () => b) },
            )
          : hostileBody(route.dto, fieldNames).map((b) => () => b);
      await fc.assert(
        fc.asyncProperty(arbitrary, async (make) => {
          const body = make();
          // Logging out ends the session it is sent with: give it one of its own.
          const as = route.key === 'POST /api/auth/logout' ? t.client((await t.anon.post('/api/auth/login').send({ username: 'counter', password: 'mynapoint-demo' })).body.accessToken) : client;
          // The last refused case's "after" is this one's "before": nothing changed since.
          const before = known ?? (await fingerprint(t.db));
          known = null;
          const res = await as[method](url).set('Content-Type', 'application/json').send(JSON.stringify(body));
          tally.cases++;
          const text = JSON.stringify(res.body);
          const where = `${route.key} ${JSON.stringify(body)?.slice(0, 300)} → ${res.status} ${text?.slice(0, 300)}`;
          if (res.status >= 500) {
            tally['5xx']++;
            failures.push(where);
            return;
          }
          if (res.status < 300) {
            tally['2xx']++;
            return;
          }
          let after: string | null = null;
          if (res.status === 400) tally['400']++;
          else tally['other 4xx']++;
          if (leakIn(text, JSON.stringify(body) ?? '')) failures.push(`leak: ${where}`);
          if (typeof res.body?.code !== 'string' || typeof res.body?.message !== 'string' || res.body.statusCode !== res.status) failures.push(`shape: ${where}`);
          if (res.body.code === 'validation_failed' && !(res.body.errors && Object.keys(res.body.errors).length) && isObject(body)) failures.push(`no field errors: ${where}`);
          // A refused login still counts the failure on the account: that write is the point.
          if (!(route.key === 'POST /api/auth/login' && res.status === 401) && route.key !== 'POST /api/auth/logout') {
            after = await fingerprint(t.db);
            if (after !== before) failures.push(`wrote on refusal: ${where}\n  before ${before}\n  after  ${after}`);
          }
          known = after;
        }),
        { numRuns: route.dto ? RUNS : Math.ceil(RUNS / 6), seed: SEED, endOnFailure: true },
      );
    }
    expect(failures.slice(0, 20)).toEqual([]);
  }, 300_000);
});

function isObject(v: unknown): boolean {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length > 0;
}
