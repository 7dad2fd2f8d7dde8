import { MY_NUMBER_REFUSED_MESSAGE } from '@mynapoint/domain';
import { usersSeed } from '../../apps/api/src/database/seed/users.seed';
import { paymentServicesSeed } from '../../apps/api/src/database/seed/payment-services.seed';
import { listQuery, TestApp } from '../support/test-app';

// A My Number typed into a search box, a date box or a URL is refused like one typed
// into a form: 400 my_number_refused, and no trace of it in the audit log or the
// app's own log (captured here with the logging `npm start` uses).
const DIGITS = '123456789018'; // check digit valid
const WRONG = '123456789010'; // check digit wrong: not a My Number
const fw = (s: string) => s.replace(/\d/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const FORMATS: Record<string, string> = {
  ascii: DIGITS,
  'full-width': fw(DIGITS),
  spaces: '1234 5678 9018',
  hyphens: '1234-5678-9018',
  'full-width hyphens': fw('1234－5678－9018'),
  'in a sentence, ideographic spaces': '個人番号 1234　5678　9018 の方',
};

/** Every form a trace of the number could take once written down. */
function traces(text: string): string[] {
  const normal = text.normalize('NFKC');
  // Its tail: the head "12345678" is shared with WRONG, which may be recorded.
  return ['123456789018', '5678 9018', '5678-9018', '56789018', '5678　9018'].filter((t) => normal.includes(t));
}

const refused = { statusCode: 400, code: 'my_number_refused', message: MY_NUMBER_REFUSED_MESSAGE.ja };

describe('My Number in query strings and URLs', () => {
  let t: TestApp;
  const logged: string[] = [];
  const spies: jest.SpyInstance[] = [];

  beforeAll(async () => {
    for (const stream of [process.stdout, process.stderr]) {
      const write = stream.write.bind(stream);
      spies.push(
        jest.spyOn(stream, 'write').mockImplementation(((chunk: unknown, ...rest: unknown[]) => {
          logged.push(String(chunk));
          return (write as (...a: unknown[]) => boolean)(chunk, ...rest);
        }) as never),
      );
    }
    t = await TestApp.start({ seed: [usersSeed, paymentServicesSeed], productionLogging: true });
  });
  afterAll(async () => {
    for (const spy of spies) spy.mockRestore();
    await t.close();
  });

  const auditTraces = async () => traces(JSON.stringify(await t.sql(`SELECT * FROM audit_logs`)));

  it.each(Object.entries(FORMATS))('refuses a list search (filter q) holding one: %s', async (_name, text) => {
    const admin = await t.as('admin');
    const res = await admin.get(`/api/assistance-records?${listQuery({ filter: { q: text } })}`).expect(400);
    expect(res.body).toMatchObject(refused);
    expect(traces(JSON.stringify(res.body))).toEqual([]);
  });

  it('lets a 12-digit number with a wrong check digit and phone numbers through', async () => {
    const admin = await t.as('admin');
    for (const q of [WRONG, '1234-5678-9010', fw(WRONG), '0250-62-2510']) {
      await admin.get(`/api/assistance-records?${listQuery({ filter: { q } })}`).expect(200);
    }
    await admin.get(`/api/exports/assistance-records?format=csv&${listQuery({ filter: { q: WRONG } })}`).expect(200);
  });

  it('refuses it in sort, range, a JSON escape, a parameter name and a repeated parameter', async () => {
    const admin = await t.as('admin');
    const escaped = `{"q":"${[...DIGITS].map((d) => `\\u00${d.charCodeAt(0).toString(16)}`).join('')}"}`;
    for (const url of [
      `/api/assistance-records?${listQuery({ sort: [DIGITS, 'ASC'] })}`,
      `/api/assistance-records?range=${encodeURIComponent(`[0,${DIGITS}]`)}`,
      `/api/assistance-records?filter=${encodeURIComponent(escaped)}`,
      `/api/assistance-records?${DIGITS}=1`,
      `/api/stats/summary?from=2020-07-01&from=${encodeURIComponent(FORMATS.spaces)}`,
    ]) {
      const res = await admin.get(url);
      expect({ url, status: res.status, body: res.body }).toMatchObject({ status: 400, body: refused });
    }
  });

  it('refuses an export filtered by one (and its download ticket), leaving no trace in the audit log', async () => {
    const admin = await t.as('admin');
    const [{ n: exportsBefore }] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM audit_logs WHERE action = 'export'`);
    for (const text of Object.values(FORMATS)) {
      const query = `format=csv&${listQuery({ filter: { q: text } })}`;
      expect((await admin.get(`/api/exports/assistance-records?${query}`).expect(400)).body).toMatchObject(refused);
      expect((await admin.post(`/api/exports/assistance-records/ticket?${query}`).expect(400)).body).toMatchObject(refused);
    }
    const [{ n: exportsAfter }] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM audit_logs WHERE action = 'export'`);
    expect(exportsAfter).toBe(exportsBefore);
    // The refusal itself is on record: who, where, which parameter; not what.
    const [row] = await t.sql<{ resource: string; username: string | null; changes: Record<string, unknown> }>(
      `SELECT resource, username, changes FROM audit_logs WHERE action = 'my_number_refused' ORDER BY id DESC LIMIT 1`,
    );
    expect(row).toMatchObject({ resource: 'exports', username: 'admin', changes: { query: ['filter.q'], method: 'POST' } });
    const audit = JSON.stringify(await t.sql(`SELECT * FROM audit_logs`));
    expect(traces(audit)).toEqual([]);
    expect(audit).toContain(WRONG); // the search above can see a filter: the allowed export's is on record
  });

  it('refuses stats and report parameters holding one', async () => {
    const admin = await t.as('admin');
    for (const url of [
      `/api/stats/summary?from=${DIGITS}`,
      `/api/stats/uptake?to=${encodeURIComponent(FORMATS.hyphens)}&interval=day`,
      `/api/stats/counter?from=${encodeURIComponent(FORMATS['full-width'])}`,
      `/api/reports/monthly?month=${encodeURIComponent(FORMATS.spaces)}&format=pdf`,
    ]) {
      const res = await admin.get(url);
      expect({ url, status: res.status, body: res.body }).toMatchObject({ status: 400, body: refused });
    }
  });

  it('refuses one in a path parameter, and one in the query of a write, storing nothing', async () => {
    const admin = await t.as('admin');
    for (const url of [`/api/exports/${DIGITS}`, `/api/assistance-records/${encodeURIComponent(FORMATS['full-width'])}`]) {
      const res = await admin.get(url);
      expect({ url, status: res.status, body: res.body }).toMatchObject({ status: 400, body: refused });
    }
    const [{ n: before }] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM payment_services`);
    const res = await admin
      .post(`/api/payment-services?memo=${DIGITS}`)
      .send({ name: '番号テスト', operator: 'テスト', kind: 'other', applicationsOpenOn: '2020-07-01' });
    expect({ status: res.status, body: res.body }).toMatchObject({ status: 400, body: refused });
    const [{ n: after }] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM payment_services`);
    expect(after).toBe(before);
    expect(await auditTraces()).toEqual([]);
  });

  it('refuses one in a multipart form field of an import, creating no job', async () => {
    const admin = await t.as('admin');
    const [{ n: before }] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM imports`);
    for (const [name, value] of [
      ['campaignId', FORMATS.spaces],
      ['memo', FORMATS['full-width']],
    ]) {
      const res = await admin
        .post('/api/imports')
        .field('type', 'reservations')
        .field(name, value)
        .attach('file', Buffer.from('予約番号\r\n'), { filename: 'r.csv', contentType: 'text/csv' });
      expect({ name, status: res.status, body: res.body }).toMatchObject({ status: 400, body: { ...refused, errors: { [name]: refused.message } } });
    }
    const [{ n: after }] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM imports`);
    expect(after).toBe(before);
    expect(await auditTraces()).toEqual([]);
  });

  it('prints no trace of any of it in the app’s log', async () => {
    // The access log ran for every request above (else this check would prove nothing).
    await new Promise((r) => setTimeout(r, 50));
    const text = logged.join('').replace(/\x1b\[[0-9;]*m/g, ''); // colours off
    // A refused request's access-log line: `GET /api/… 400 4.2 ms` (one line per request).
    expect(text).toMatch(/ GET \/api\/\S+ 400 [\d.]+ ms/);
    expect(text).toMatch(/\/api\/exports/);
    expect(traces(text)).toEqual([]);
  });
});
