import ExcelJS from 'exceljs';
import { assistanceSeed } from '../../apps/api/src/database/seed/assistance.seed';
import { paymentServicesSeed } from '../../apps/api/src/database/seed/payment-services.seed';
import { pointAwardsSeed } from '../../apps/api/src/database/seed/point-awards.seed';
import { uptakeSeed } from '../../apps/api/src/database/seed/uptake.seed';
import { usersSeed } from '../../apps/api/src/database/seed/users.seed';
import { paymentServiceBody } from '../support/fixtures';
import { Client_, listQuery, TestApp, totalOf } from '../support/test-app';

// Parses what the server sent, so the assertions are about its bytes.
function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += c;
  }
  return rows;
}

const binary = (res: import('superagent').Response, cb: (e: Error | null, b: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

describe('exports', () => {
  let t: TestApp;
  let manager: Client_;

  beforeAll(async () => {
    t = await TestApp.start({ seed: [usersSeed, paymentServicesSeed] });
    manager = await t.as('manager');
  });
  afterAll(() => t.close());

  async function exportCsv(resource: string, params: Record<string, unknown> = {}, as = manager) {
    const q = new URLSearchParams({ format: 'csv', ...Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)])) });
    const res = await as.get(`/api/exports/${resource}?${q}`).buffer(true).parse(binary).expect(200);
    return { res, text: (res.body as Buffer).toString('utf8') };
  }

  it('streams every row matching the same filters as the list', async () => {
    for (const filter of [{}, { kind: 'qr_code' }, { preRegistrationRequired: true, status: 'active' }, { q: 'カード' }, { applicationsOpenOn_gte: '2020-09-01' }]) {
      const total = totalOf(await manager.get(`/api/payment-services?${listQuery({ filter, range: [0, 0] })}`).expect(200));
      const { text } = await exportCsv('payment-services', { filter });
      expect(csvRows(text.replace(/^\uFEFF/, '')).length - 1).toBe(total);
    }
  });

  it('writes UTF-8 with BOM, CRLF, Japanese headers and labels by default', async () => {
    const { res, text } = await exportCsv('payment-services', { filter: { name: 'PayPay' }, sort: ['name', 'ASC'] });
    expect(res.headers['content-type']).toMatch(/text\/csv; charset=utf-8/);
    expect(res.headers['content-disposition']).toMatch(/attachment/);
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.split('\r\n').length).toBeGreaterThan(2);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
    const [header, first] = csvRows(text.slice(1));
    expect(header.slice(0, 4)).toEqual(['ID', 'サービス名', '決済事業者', '種類']);
    expect(first[header.indexOf('種類')]).toBe('QRコード決済');
    expect(first[header.indexOf('事前登録')]).toBe('いいえ');
    expect(first[header.indexOf('申し込み開始日')]).toBe('2020/07/01');
  });

  it('writes English headers and labels with lang=en, and codes with raw=true', async () => {
    const en = csvRows((await exportCsv('payment-services', { lang: 'en', filter: { name: 'PayPay' } })).text.slice(1));
    expect(en[0][1]).toBe('Name');
    expect(en[1][en[0].indexOf('Kind')]).toBe('QR-code payment');
    const raw = csvRows((await exportCsv('payment-services', { raw: 'true', filter: { name: 'PayPay' } })).text.slice(1));
    expect(raw[1][raw[0].indexOf('種類')]).toBe('qr_code');
    expect(raw[1][raw[0].indexOf('申し込み開始日')]).toBe('2020-07-01');
  });

  it('makes formula-like cells inert (CSV injection)', async () => {
    const policy = await t.as('policy');
    const evil = ['=HYPERLINK("http://x")', '+81', '-1+1', '@SUM(A1)', '\tcmd'];
    for (const [i, notes] of evil.entries()) {
      await policy.post('/api/payment-services').send(paymentServiceBody({ name: `inj-${i}`, notes })).expect(201);
    }
    const rows = csvRows((await exportCsv('payment-services', { filter: { q: 'inj-' } })).text.slice(1));
    const notes = rows.slice(1).map((r) => r[rows[0].indexOf('備考')]);
    expect(notes.sort()).toEqual(evil.map((e) => `'${e}`).sort());
  });

  it('keeps formula-like text exactly as stored in Excel, where a string cell is never a formula', async () => {
    const policy = await t.as('policy');
    const notes = '=HYPERLINK("http://x","y")';
    await policy.post('/api/payment-services').send(paymentServiceBody({ name: 'xlsx-inj', notes })).expect(201);
    const filter = encodeURIComponent(JSON.stringify({ name: 'xlsx-inj' }));
    const res = await manager.get(`/api/exports/payment-services?format=xlsx&filter=${filter}`).buffer(true).parse(binary).expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as never);
    const sheet = wb.worksheets[0];
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    const cell = sheet.getRow(2).getCell(headers.indexOf('備考') + 1);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe(notes);
    // The same row in CSV keeps its guard.
    const csv = csvRows((await exportCsv('payment-services', { filter: { name: 'xlsx-inj' } })).text.slice(1));
    expect(csv[1][csv[0].indexOf('備考')]).toBe(`'${notes}`);
  });

  it('writes an Excel workbook that opens with the same rows', async () => {
    const res = await manager.get(`/api/exports/payment-services?format=xlsx&filter=${encodeURIComponent('{"kind":"ic_emoney"}')}`).buffer(true).parse(binary).expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as never);
    const sheet = wb.worksheets[0];
    const total = totalOf(await manager.get(`/api/payment-services?${listQuery({ filter: { kind: 'ic_emoney' } })}`));
    expect(sheet.rowCount - 1).toBe(total);
    expect(sheet.getRow(1).getCell(2).value).toBe('サービス名');
    expect(typeof sheet.getRow(2).getCell(1).value).toBe('number');
    expect(sheet.getRow(2).getCell(4).value).toBe('IC型電子マネー');
  });

  it('audit-logs every export with its filter and row count', async () => {
    await exportCsv('payment-services', { filter: { kind: 'credit_card' } });
    const [row] = await t.sql<{ username: string; changes: { rows: number; filter: unknown } }>(
      `SELECT username, changes FROM audit_logs WHERE action = 'export' ORDER BY id DESC LIMIT 1`,
    );
    const total = totalOf(await manager.get(`/api/payment-services?${listQuery({ filter: { kind: 'credit_card' } })}`));
    expect(row.username).toBe('manager');
    expect(row.changes).toMatchObject({ filter: { kind: 'credit_card' }, rows: total });
  });

  it('is for managers and admins only; other lists follow the list permissions', async () => {
    await (await t.as('policy')).get('/api/exports/payment-services').expect(403);
    await (await t.as('counter')).get('/api/exports/payment-services').expect(403);
    await t.anon.get('/api/exports/payment-services').expect(401);
    await manager.get('/api/exports/users').expect(403); // managers cannot read users
    await (await t.as('admin')).get('/api/exports/users').expect(200);
    await manager.get('/api/exports/nothing').expect(404);
    await manager.get('/api/exports/payment-services?format=pdf').expect(400);
    await manager.get('/api/exports/payment-services?filter={"secret":1}').expect(400);
  });

  it('downloads with a short-lived ticket instead of a header, bound to its URL and session', async () => {
    const filter = encodeURIComponent(JSON.stringify({ kind: 'qr_code' }));
    const { body } = await manager.post(`/api/exports/payment-services/ticket?format=csv&filter=${filter}`).expect(201);
    const ok = await t.anon.get(body.url).buffer(true).parse(binary).expect(200);
    expect((ok.body as Buffer).toString()).toContain('PayPay');
    // the ticket does not open another export
    const other = body.url.replace('payment-services', 'audit-logs');
    await t.anon.get(other).expect(401);
    await t.anon.get(body.url.replace('qr_code', 'credit_card')).expect(401);
    // nor survive the session
    const login = await t.anon.post('/api/auth/login').send({ username: 'manager', password: 'mynapoint-demo' });
    const c = t.client(login.body.accessToken);
    const t2 = await c.post(`/api/exports/payment-services/ticket?format=csv`).expect(201);
    await c.post('/api/auth/logout').expect(200);
    await t.anon.get(t2.body.url).expect(401);
  });
});

// Where a list holds another record's id, its export names it: a person reads the
// file, not the database. The ids stay in the API's responses.
describe('exports show names, not ids', () => {
  let t: TestApp;
  let admin: Client_;

  beforeAll(async () => {
    t = await TestApp.start({ seed: [usersSeed, paymentServicesSeed, uptakeSeed, pointAwardsSeed, assistanceSeed] });
    admin = await t.as('admin');
  });
  afterAll(() => t.close());

  // One row of each resource with every named column filled, and the names it must show by header.
  const CASES: Array<{ resource: string; sql: string }> = [
    {
      resource: 'reservations',
      sql: `SELECT r.id, q.name AS "予約枠", c.name AS "キャンペーン", u.display_name AS "登録した職員"
            FROM reservations r JOIN reservation_quotas q ON q.id = r.quota_id JOIN participants p ON p.id = r.participant_id
            JOIN campaigns c ON c.id = p.campaign_id JOIN users u ON u.id = r.created_by ORDER BY r.id LIMIT 1`,
    },
    {
      resource: 'applications',
      sql: `SELECT a.id, s.name AS "決済サービス", c.name AS "キャンペーン", u.display_name AS "登録した職員"
            FROM applications a JOIN payment_services s ON s.id = a.payment_service_id JOIN participants p ON p.id = a.participant_id
            JOIN campaigns c ON c.id = p.campaign_id JOIN users u ON u.id = a.created_by ORDER BY a.id LIMIT 1`,
    },
    {
      resource: 'participants',
      sql: `SELECT p.id, c.name AS "キャンペーン", q.name AS "予約枠", s.name AS "決済サービス"
            FROM participants p JOIN campaigns c ON c.id = p.campaign_id JOIN reservations r ON r.participant_id = p.id
            JOIN reservation_quotas q ON q.id = r.quota_id JOIN payment_services s ON s.id = p.payment_service_id ORDER BY p.id LIMIT 1`,
    },
    {
      resource: 'point-awards',
      sql: `SELECT pa.id, s.name AS "決済サービス", c.name AS "キャンペーン"
            FROM point_awards pa JOIN payment_services s ON s.id = pa.payment_service_id JOIN campaigns c ON c.id = pa.campaign_id ORDER BY pa.id LIMIT 1`,
    },
    {
      resource: 'reservation-quotas',
      sql: `SELECT q.id, c.name AS "キャンペーン" FROM reservation_quotas q JOIN campaigns c ON c.id = q.campaign_id ORDER BY q.id LIMIT 1`,
    },
    {
      resource: 'assistance-records',
      sql: `SELECT ar.id, s.name AS "決済サービス" FROM assistance_records ar JOIN payment_services s ON s.id = ar.payment_service_id ORDER BY ar.id LIMIT 1`,
    },
  ];

  it.each(CASES)('$resource: one column per named record, holding its name', async ({ resource, sql }) => {
    const [expected] = await t.sql<Record<string, string | number>>(sql);
    expect(expected).toBeDefined();
    const q = new URLSearchParams({ format: 'csv', filter: JSON.stringify({ id: expected.id }) });
    const res = await admin.get(`/api/exports/${resource}?${q}`).buffer(true).parse(binary).expect(200);
    const [header, row, ...rest] = csvRows((res.body as Buffer).toString('utf8').slice(1));
    expect(rest).toEqual([]);
    for (const [label, name] of Object.entries(expected).filter(([k]) => k !== 'id')) {
      expect(header.filter((h) => h === label)).toEqual([label]); // no second, bare-id column under the same header
      expect(row[header.indexOf(label)]).toBe(name);
    }
  });

  it('keeps the ids in the API responses, without the export-only names', async () => {
    const [r] = (await admin.get(`/api/reservations?${listQuery({ range: [0, 0] })}`).expect(200)).body;
    expect(typeof r.quotaId).toBe('number');
    expect(r).not.toHaveProperty('quotaName');
    const [pa] = (await admin.get(`/api/point-awards?${listQuery({ range: [0, 0] })}`).expect(200)).body;
    expect(typeof pa.paymentServiceId).toBe('number');
    expect(pa).not.toHaveProperty('paymentServiceName');
  });
});
