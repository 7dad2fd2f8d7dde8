import { can, myNumberCheckDigit, type Role } from '@mynapoint/domain';
import { paymentServicesSeed } from '../../apps/api/src/database/seed/payment-services.seed';
import { usersSeed } from '../../apps/api/src/database/seed/users.seed';
import { listWriteRoutes, WriteRoute } from '../support/body-dtos';
import { concretePath } from '../support/routes';
import { Client_, ROLES, TestApp } from '../support/test-app';

// The My Number guard covers every string field of every write in the API. This
// test does not list the fields: it walks every write route the app registered,
// reads each @Body() DTO's properties from class-validator's and swagger's metadata,
// and sends a valid My Number in each one. A field or DTO added by any feature is
// probed the day it is added; if it escaped the guard, this test fails.

// Deterministic valid My Numbers in the formats staff type.
const base = ['12345678901', '98765432109', '31415926535', '27182818284', '16180339887'];
const toFullWidth = (s: string) => s.replace(/\d/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const FORMATS = [
  (n: string) => n,
  (n: string) => `${n.slice(0, 4)}-${n.slice(4, 8)}-${n.slice(8)}`,
  (n: string) => `${n.slice(0, 4)} ${n.slice(4, 8)} ${n.slice(8)}`,
  (n: string) => toFullWidth(`${n.slice(0, 4)} ${n.slice(4, 8)} ${n.slice(8)}`),
  (n: string) => `個人番号 ${n} です`,
];
let probeNo = 0;
function nextMyNumber(): { text: string; digits: string } {
  const first11 = base[probeNo % base.length];
  const digits = first11 + String(myNumberCheckDigit(first11));
  const text = FORMATS[probeNo % FORMATS.length](digits);
  probeNo++;
  return { text, digits };
}

describe('My Number guard on every write', () => {
  let t: TestApp;
  let routes: WriteRoute[];

  beforeAll(async () => {
    t = await TestApp.start({ seed: [usersSeed, paymentServicesSeed] });
    routes = listWriteRoutes(t.app);
    // Sign everyone in first: the row counts below must not move because of a login.
    for (const role of ROLES) await t.as(role);
  });
  afterAll(() => t.close());

  async function clientFor(route: WriteRoute): Promise<Client_ | null> {
    const a = route.access;
    if (a?.kind === 'public') return t.anon;
    if (a?.kind === 'authenticated') return t.as('admin');
    if (a?.kind !== 'permission') return null;
    const role = ROLES.find((r: Role) => can(r, a.resource, a.action));
    return role ? t.as(role) : null;
  }

  // A refused import start has spent from the user's rate limit (the guard counts it before
  // the body is read): rate_limit_windows holds times, nothing that was sent.
  async function rowCounts(): Promise<Record<string, number>> {
    const tables = await t.sql<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
         AND table_name NOT IN ('audit_logs', 'migrations', 'rate_limit_windows') ORDER BY 1`,
    );
    const out: Record<string, number> = {};
    for (const { name } of tables) out[name] = (await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM "${name}"`))[0].n;
    return out;
  }

  it('finds the write routes and their DTOs from the app’s own metadata', () => {
    const keys = routes.map((r) => r.key);
    expect(keys).toEqual(expect.arrayContaining(['POST /api/assistance-records', 'PUT /api/assistance-records/:id', 'POST /api/payment-services', 'POST /api/users']));
    const fieldsOf = (key: string) => routes.find((r) => r.key === key)!.fields;
    const strings = (key: string) => fieldsOf(key).filter((f) => f.kind === 'string').map((f) => f.name);
    expect(strings('POST /api/assistance-records')).toEqual(expect.arrayContaining(['notes', 'district', 'office', 'outcome', 'unableReason', 'ageBand', 'proxy', 'visitedAt']));
    expect(fieldsOf('POST /api/assistance-records').find((f) => f.name === 'assistanceTypes')?.kind).toBe('stringArray');
    expect(strings('PUT /api/payment-services/:id')).toEqual(expect.arrayContaining(['name', 'operator', 'notes', 'url', 'awardTiming', 'pointExpiry']));
    expect(strings('POST /api/users')).toEqual(expect.arrayContaining(['username', 'displayName', 'password']));
    expect(strings('POST /api/auth/login')).toEqual(['municipalityCode', 'password', 'username']);
  });

  it('refuses a valid My Number in every string field of every create/update DTO (400 my_number_refused), storing nothing', async () => {
    const before = await rowCounts();
    const [{ n: refusalsBefore }] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM audit_logs WHERE action = 'my_number_refused'`);
    const failures: string[] = [];
    const probed: string[] = [];
    let stringFields = 0;

    for (const route of routes) {
      const client = await clientFor(route);
      if (!client) continue; // a route no role may call cannot store anything
      const send = (body: unknown) => client[route.method.toLowerCase() as 'post'](concretePath(route.path)).send(body as object);

      // Every property a client may send: strings, sets of strings, and the rest too
      // (the guard reads the raw body, so a number field holding text is refused as well).
      const fields = route.fields.length ? route.fields : [{ name: route.bodyKey ?? 'anyField', kind: 'string' as const }];
      for (const field of fields) {
        if (field.kind !== 'other') stringFields++;
        const { text, digits } = nextMyNumber();
        const value = field.kind === 'stringArray' ? [text] : text;
        const res = await send({ [field.name]: value });
        const errorKey = field.kind === 'stringArray' ? `${field.name}.0` : field.name;
        probed.push(`${route.key} ${field.name}`);
        if (res.status !== 400 || res.body.code !== 'my_number_refused' || !(errorKey in (res.body.errors ?? {}))) {
          failures.push(`${route.key} ${field.name} (${field.kind}): ${res.status} ${JSON.stringify(res.body).slice(0, 160)}`);
        }
        if (JSON.stringify(res.body).includes(digits)) failures.push(`${route.key} ${field.name}: the response echoes the number`);
      }
    }

    expect(failures).toEqual([]);
    expect(stringFields).toBeGreaterThan(30);
    expect(await rowCounts()).toEqual(before);
    const logs = await t.sql<{ changes: { fields: string[] } }>(`SELECT changes FROM audit_logs WHERE action = 'my_number_refused' ORDER BY id`);
    expect(logs.length - refusalsBefore).toBe(probed.length);
    // the log names the field, never the number (in any width)
    const logged = JSON.stringify(logs);
    for (const first11 of base) {
      const digits = first11 + String(myNumberCheckDigit(first11));
      expect(logged).not.toContain(digits);
      expect(logged).not.toContain(toFullWidth(digits.slice(8)));
    }
  });

  it('never writes the number into the log, even when the URL carries one too', async () => {
    const admin = await t.as('admin');
    const res = await admin.put('/api/payment-services/123456789018').send({ notes: '123456789018' }).expect(400);
    expect(res.body.code).toBe('my_number_refused');
    const [log] = await t.sql<{ changes: unknown; resource: string }>(`SELECT changes, resource FROM audit_logs WHERE action = 'my_number_refused' ORDER BY id DESC LIMIT 1`);
    expect(log.resource).toBe('payment-services');
    expect(JSON.stringify(log)).not.toContain('123456789018');
    expect(log.changes).toMatchObject({ fields: ['notes'], path: '/api/payment-services/:id' });
  });

  it('lets phone numbers and 12-digit numbers with a wrong check digit through in the same fields', async () => {
    const admin = await t.as('admin');
    const notes = '電話 0250-62-2510 / 受付番号 1234-5678-9012 / 123456789010';
    await admin.post('/api/payment-services').send({ name: `番号テスト${Date.now()}`, operator: '0120-95-0178', kind: 'other', applicationsOpenOn: '2020-07-01', notes }).expect(201);
    const res = await admin
      .post('/api/assistance-records')
      .send({ office: 'main_office', assistanceTypes: ['inquiry'], outcome: 'completed', durationMinutes: 5, notes, district: '#9110 188' })
      .expect(201);
    expect(res.body.notes).toBe(notes);
  });
});
