import ExcelJS from 'exceljs';
import { DEMO_PASSWORD } from '../../apps/api/src/database/seed/users.seed';
import { Client_, TestApp, listQuery, totalOf } from '../support/test-app';

// The municipalities resource (issue #18 item 3): the operator keeps them and their first
// admin; a municipality's admin reads and updates its own settings only; the settings,
// the dashboard's districts and the monthly report read the row, not the environment.
// And the users rule that goes with it: the operator creates only installation accounts,
// a municipality's admin only its staff.
const binary = (res: import('superagent').Response, cb: (e: Error | null, b: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

const STRONG = 'shibata-first-kanri-pass';

describe('municipalities', () => {
  let t: TestApp;
  let operator: Client_;
  let admin: Client_;
  let ownId: number;

  beforeAll(async () => {
    t = await TestApp.start();
    await t.addInstallationUser('operator', 'operator');
    await t.addInstallationUser('niigata', 'prefecture', '15');
    operator = await t.as('operator');
    admin = await t.as('admin');
    [{ id: ownId }] = await t.sql<{ id: number }>('SELECT id FROM municipalities WHERE code = $1', [t.config.municipalityCode]);
  });
  afterAll(() => t.close());

  const shibata = (overrides: Record<string, unknown> = {}) => ({
    code: '152064',
    name: '新発田市',
    districts: ['新発田', '豊浦', '紫雲寺', '加治川'],
    districtPopulation: { 新発田: 70000, 豊浦: 9000 },
    contactPhone: '0254-22-3101',
    contactEmail: 'mynapoint@city.shibata.example.jp',
    ...overrides,
  });

  describe('the operator', () => {
    let created: { id: number; code: string };

    it('creates a municipality with its first admin, written as that municipality, who signs in with the code', async () => {
      const res = await operator.post('/api/municipalities').send({ ...shibata(), firstAdmin: { username: 'admin', displayName: '新発田市 システム管理者', password: STRONG } }).expect(201);
      created = res.body;
      expect(res.body).toMatchObject({ code: '152064', name: '新発田市', prefectureCode: '15', districts: ['新発田', '豊浦', '紫雲寺', '加治川'], active: true });
      expect(res.body.districtPopulation).toEqual({ 新発田: 70000, 豊浦: 9000 });
      expect(res.body).not.toHaveProperty('firstAdmin');

      // The same username as the default municipality's admin: usernames are unique per municipality.
      const users = await t.sql<{ municipality_code: string; role: string }>(`SELECT municipality_code, role FROM users WHERE username = 'admin' ORDER BY municipality_code`);
      expect(users).toEqual([
        { municipality_code: '152064', role: 'admin' },
        { municipality_code: t.config.municipalityCode, role: 'admin' },
      ]);

      const login = await t.anon.post('/api/auth/login').send({ username: 'admin', password: STRONG, municipalityCode: '152064' }).expect(200);
      const shibataAdmin = t.client(login.body.accessToken);
      expect((await shibataAdmin.get('/api/auth/me').expect(200)).body).toMatchObject({ role: 'admin', municipalityCode: '152064' });
      expect((await shibataAdmin.get('/api/settings').expect(200)).body).toEqual({
        cityName: '新発田市',
        municipalityCode: '152064',
        prefectureCode: '15',
        districts: ['新発田', '豊浦', '紫雲寺', '加治川'],
        districtPopulation: { 新発田: 70000, 豊浦: 9000 },
        contactPhone: '0254-22-3101',
        contactEmail: 'mynapoint@city.shibata.example.jp',
      });
      // Without the code the password is another municipality's: refused.
      await t.anon.post('/api/auth/login').send({ username: 'admin', password: STRONG }).expect(401);

      // Audit-logged in the operator's own log, without the password.
      const [log] = await t.sql<{ municipality_code: string; action: string; changes: string }>(
        `SELECT municipality_code, action, changes::text FROM audit_logs WHERE resource = 'municipalities' AND resource_id = $1`,
        [String(created.id)],
      );
      expect(log).toMatchObject({ municipality_code: '000000', action: 'create' });
      expect(log.changes).toContain('新発田市');
      expect(log.changes).not.toContain(STRONG);
    });

    it('lists every municipality; reads and updates any', async () => {
      const list = await operator.get(`/api/municipalities?${listQuery({ sort: ['code', 'ASC'] })}`).expect(200);
      expect(list.body.map((m: { code: string }) => m.code)).toEqual(['152064', t.config.municipalityCode]);
      expect(totalOf(list)).toBe(2);
      await operator.get(`/api/municipalities/${ownId}`).expect(200);
      const put = await operator.put(`/api/municipalities/${created.id}`).send({ contactPhone: '0254-22-0000' }).expect(200);
      expect(put.body.contactPhone).toBe('0254-22-0000');
      // The second-factor requirement of a municipality is the operator's to set too (issue #22).
      expect(put.body.totpRequiredRoles).toEqual([]);
      const totp = await operator.put(`/api/municipalities/${created.id}`).send({ totpRequiredRoles: ['manager', 'admin'] }).expect(200);
      expect(totp.body.totpRequiredRoles).toEqual(['admin', 'manager']);
      const [row] = await t.sql('SELECT totp_required_roles FROM municipalities WHERE id = $1', [created.id]);
      expect(row.totp_required_roles).toEqual(['admin', 'manager']);
      await operator.put(`/api/municipalities/${created.id}`).send({ totpRequiredRoles: [] }).expect(200);
    });

    it('refuses a taken code (409), a malformed one, 000000, a wrong check digit or prefecture (400)', async () => {
      const taken = await operator.post('/api/municipalities').send(shibata()).expect(409);
      expect(taken.body).toMatchObject({ code: 'municipality_code_taken', errors: { code: expect.stringContaining('152064') } });
      for (const code of ['15206', '1520644', 'abcdef', '000000', '152065', '992011']) {
        const res = await operator.post('/api/municipalities').send(shibata({ code }));
        expect([code, res.status, res.body.errors?.code]).toEqual([code, 400, expect.any(String)]);
      }
      expect(await t.sql('SELECT code FROM municipalities ORDER BY code')).toHaveLength(2);
    });

    it('writes nothing when the first admin cannot be created (weak password): one transaction', async () => {
      const res = await operator
        .post('/api/municipalities')
        .send({ ...shibata({ code: '152048', name: '村上市' }), firstAdmin: { username: 'admin', displayName: '管理者', password: 'short-pass' } })
        .expect(400);
      expect(Object.keys(res.body.errors)).toEqual(['firstAdmin.password']);
      const weak = await operator
        .post('/api/municipalities')
        .send({ ...shibata({ code: '152048', name: '村上市' }), firstAdmin: { username: 'admin', displayName: '管理者', password: 'passwordpassword' } })
        .expect(400);
      expect(weak.body.errors).toEqual({ 'firstAdmin.password': expect.stringContaining('よく知られた') });
      expect(await t.sql(`SELECT 1 FROM municipalities WHERE code = '152048'`)).toEqual([]);
      expect(await t.sql(`SELECT 1 FROM users WHERE municipality_code = '152048'`)).toEqual([]);
      await operator.post('/api/municipalities').send({ ...shibata({ code: '152048' }), firstAdmin: { username: 'admin', displayName: '管理者', password: STRONG, role: 'operator' } }).expect(400);
    });

    it('adds a further admin (audit row names the municipality), refusing a username taken there', async () => {
      const res = await operator.post(`/api/municipalities/${created.id}/admins`).send({ username: 'admin2', displayName: '新発田市 副管理者', password: STRONG }).expect(201);
      expect(res.body).toEqual({ id: expect.any(Number), username: 'admin2', displayName: '新発田市 副管理者', role: 'admin', active: true, createdAt: expect.any(String) });
      await t.anon.post('/api/auth/login').send({ username: 'admin2', password: STRONG, municipalityCode: '152064' }).expect(200);
      await operator.post(`/api/municipalities/${created.id}/admins`).send({ username: 'ADMIN2', displayName: '重複', password: STRONG }).expect(409);
      await operator.post('/api/municipalities/987654/admins').send({ username: 'x-admin', displayName: '誰か', password: STRONG }).expect(404);
      const [log] = await t.sql<{ municipality_code: string; changes: { admin: { username: string } } }>(
        `SELECT municipality_code, changes FROM audit_logs WHERE resource = 'municipalities' AND resource_id = $1 AND changes ? 'admin'`,
        [String(created.id)],
      );
      expect(log).toMatchObject({ municipality_code: '000000', changes: { admin: { id: res.body.id, username: 'admin2' } } });
      expect(JSON.stringify(log)).not.toContain(STRONG);
    });

    it('closes a municipality: its staff are signed out and cannot sign in; opening it lets them back', async () => {
      const token = await t.token('admin2', STRONG, '152064');
      await t.client(token).get('/api/auth/me').expect(200);
      await operator.put(`/api/municipalities/${created.id}`).send({ active: false }).expect(200);
      await t.client(token).get('/api/auth/me').expect(401);
      await t.anon.post('/api/auth/login').send({ username: 'admin2', password: STRONG, municipalityCode: '152064' }).expect(401);
      // The other municipality's sessions are untouched.
      await admin.get('/api/auth/me').expect(200);
      await operator.put(`/api/municipalities/${created.id}`).send({ active: true }).expect(200);
      await t.anon.post('/api/auth/login').send({ username: 'admin2', password: STRONG, municipalityCode: '152064' }).expect(200);
    });

    it('never changes a code; deletes only a municipality without accounts or history (409 otherwise)', async () => {
      const fixed = await operator.put(`/api/municipalities/${created.id}`).send({ code: '152048' }).expect(400);
      expect(fixed.body.code).toBe('municipality_code_fixed');
      // The whole record back, as react-admin sends it: the read-only and unchanged fields are ignored.
      const record = (await operator.get(`/api/municipalities/${created.id}`).expect(200)).body;
      await operator.put(`/api/municipalities/${created.id}`).send({ ...record, name: '新発田市' }).expect(200);

      await operator.delete(`/api/municipalities/${created.id}`).expect(409);
      const empty = await operator.post('/api/municipalities').send(shibata({ code: '152048', name: '村上市' })).expect(201);
      const gone = await operator.delete(`/api/municipalities/${empty.body.id}`).expect(200);
      expect(gone.body).toMatchObject({ code: '152048', name: '村上市' });
      expect(await t.sql(`SELECT 1 FROM municipalities WHERE code = '152048'`)).toEqual([]);
    });

    it('refuses districts or populations that do not fit (400), and unknown fields', async () => {
      const outside = await operator.put(`/api/municipalities/${created.id}`).send({ districtPopulation: { 月岡: 3000 } }).expect(400);
      expect(outside.body.errors).toEqual({ districtPopulation: expect.stringContaining('月岡') });
      // Removing a district that has a population is refused the same way.
      await operator.put(`/api/municipalities/${created.id}`).send({ districts: ['紫雲寺'] }).expect(400);
      for (const body of [
        { districts: ['新発田', '新発田'] },
        { districts: [''] },
        { districts: ['あ'.repeat(41)] },
        { districtPopulation: { 新発田: -1 } },
        { districtPopulation: { 新発田: 1.5 } },
        { districtPopulation: ['新発田'] },
        { contactEmail: 'not-an-address' },
        { name: '' },
        { mayor: '市長' },
      ]) {
        const res = await operator.put(`/api/municipalities/${created.id}`).send(body);
        expect([body, res.status]).toEqual([body, 400]);
      }
    });
  });

  describe("a municipality's admin", () => {
    it('lists only its own municipality and gets 404 for another', async () => {
      const list = await admin.get('/api/municipalities').expect(200);
      expect(list.body.map((m: { code: string }) => m.code)).toEqual([t.config.municipalityCode]);
      expect(totalOf(list)).toBe(1);
      const [other] = await t.sql<{ id: number }>(`SELECT id FROM municipalities WHERE code = '152064'`);
      await admin.get(`/api/municipalities/${other.id}`).expect(404);
      await admin.put(`/api/municipalities/${other.id}`).send({ name: '乗っ取り' }).expect(404);
      expect(await t.sql(`SELECT name FROM municipalities WHERE code = '152064'`)).toEqual([{ name: '新発田市' }]);
    });

    it('updates its own settings, not its code nor whether it is open (403)', async () => {
      const res = await admin
        .put(`/api/municipalities/${ownId}`)
        .send({ name: '阿賀野市（テスト）', districts: ['水原', '京ヶ瀬', '安田', '笹神', '新地区'], districtPopulation: { 水原: 21000, 新地区: 50 }, contactPhone: '0250-62-2510', contactEmail: '' })
        .expect(200);
      expect(res.body).toMatchObject({ name: '阿賀野市（テスト）', contactPhone: '0250-62-2510', contactEmail: null, active: true });
      const closing = await admin.put(`/api/municipalities/${ownId}`).send({ active: false }).expect(403);
      expect(closing.body).toMatchObject({ code: 'municipality_operator_only', errors: { active: expect.any(String) } });
      await admin.put(`/api/municipalities/${ownId}`).send({ code: '152064' }).expect(400);
      // The whole record back (react-admin): unchanged code and active pass.
      const record = (await admin.get(`/api/municipalities/${ownId}`).expect(200)).body;
      await admin.put(`/api/municipalities/${ownId}`).send(record).expect(200);
      await admin.post('/api/municipalities').send(shibata({ code: '152048' })).expect(403);
      await admin.delete(`/api/municipalities/${ownId}`).expect(403);
      await admin.post(`/api/municipalities/${ownId}/admins`).send({ username: 'admin9', displayName: '追加', password: STRONG }).expect(403);
    });

    it('sees the new name and districts in the settings, the dashboard and the monthly report', async () => {
      const settings = await (await t.as('counter')).get('/api/settings').expect(200);
      expect(settings.body).toMatchObject({ cityName: '阿賀野市（テスト）', districts: ['水原', '京ヶ瀬', '安田', '笹神', '新地区'], districtPopulation: { 水原: 21000, 新地区: 50 }, contactPhone: '0250-62-2510' });

      const uptake = await (await t.as('policy')).get('/api/stats/uptake?from=2020-07-01&to=2020-07-31').expect(200);
      expect(uptake.body.byDistrict.map((d: { district: string; population: number | null }) => [d.district, d.population])).toEqual([
        ['水原', 21000],
        ['京ヶ瀬', null],
        ['安田', null],
        ['笹神', null],
        ['新地区', 50],
      ]);

      const report = await (await t.as('manager')).get('/api/reports/monthly?month=2020-09&format=xlsx').buffer(true).parse(binary).expect(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(report.body as never);
      const rows = new Map<string, unknown>();
      wb.getWorksheet('概要')!.eachRow((row) => rows.set(String(row.getCell(1).value), row.getCell(2).value));
      expect(rows.get('自治体')).toBe('阿賀野市（テスト）');
    });
  });

  it('is closed to policy, counter and manager (403), and read-only for a prefecture', async () => {
    for (const role of ['policy', 'counter', 'manager']) {
      const as = await t.as(role);
      await as.get('/api/municipalities').expect(403);
      await as.get(`/api/municipalities/${ownId}`).expect(403);
      await as.put(`/api/municipalities/${ownId}`).send({ name: '変更' }).expect(403);
      await as.post('/api/municipalities').send(shibata({ code: '152048' })).expect(403);
    }
    const prefecture = await t.as('niigata');
    await prefecture.get(`/api/municipalities/${ownId}`).expect(200);
    // Only its own prefecture's municipalities, though it shares 000000 with the operator.
    const elsewhere = await t.sql<{ id: number }>("INSERT INTO municipalities (code, name) VALUES ('131016', '千代田区') ON CONFLICT (code) DO UPDATE SET name = excluded.name RETURNING id");
    await prefecture.get(`/api/municipalities/${elsewhere[0].id}`).expect(404);
    const listed = (await prefecture.get('/api/municipalities').expect(200)).body as { code: string }[];
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.every((m) => m.code.startsWith('15'))).toBe(true);
    await prefecture.put(`/api/municipalities/${ownId}`).send({ name: '変更' }).expect(403);
    await prefecture.post('/api/municipalities').send(shibata({ code: '152048' })).expect(403);
    expect((await prefecture.get('/api/settings').expect(200)).body).toEqual({
      cityName: null,
      municipalityCode: null,
      prefectureCode: '15',
      districts: [],
      districtPopulation: {},
      contactPhone: null,
      contactEmail: null,
    });
  });
});

describe('users of the installation and of a municipality', () => {
  let t: TestApp;
  let operator: Client_;
  let admin: Client_;
  const account = (overrides: Record<string, unknown>) => ({ username: `u${Math.random().toString(36).slice(2, 10)}`, displayName: '利用者', password: 'a-long-enough-pass', ...overrides });

  beforeAll(async () => {
    t = await TestApp.start();
    await t.addInstallationUser('operator', 'operator');
    operator = await t.as('operator');
    admin = await t.as('admin');
  });
  afterAll(() => t.close());

  it('lets the operator create only operator and prefecture accounts, a prefecture one with its prefecture', async () => {
    for (const role of ['admin', 'policy', 'counter', 'manager']) {
      const res = await operator.post('/api/users').send(account({ role })).expect(400);
      expect(res.body).toMatchObject({ code: 'user_role_not_here', errors: { role: expect.stringContaining('運用事業者') } });
    }
    const missing = await operator.post('/api/users').send(account({ role: 'prefecture' })).expect(400);
    expect(missing.body.errors).toEqual({ prefectureCode: expect.any(String) });
    await operator.post('/api/users').send(account({ role: 'prefecture', prefectureCode: '48' })).expect(400);
    await operator.post('/api/users').send(account({ role: 'operator', prefectureCode: '15' })).expect(400);

    const pref = await operator.post('/api/users').send(account({ role: 'prefecture', prefectureCode: '15' })).expect(201);
    expect(pref.body).toMatchObject({ role: 'prefecture', prefectureCode: '15' });
    const op = await operator.post('/api/users').send(account({ role: 'operator' })).expect(201);
    expect(op.body).toMatchObject({ role: 'operator', prefectureCode: null });
    const rows = await t.sql<{ municipality_code: string }>('SELECT municipality_code FROM users WHERE id = ANY($1)', [[pref.body.id, op.body.id]]);
    expect(rows.map((r) => r.municipality_code)).toEqual(['000000', '000000']);
    // The operator's list is the installation's accounts only.
    const list = await operator.get('/api/users').expect(200);
    expect(new Set(list.body.map((u: { role: string }) => u.role))).toEqual(new Set(['operator', 'prefecture']));

    // The code follows the role: dropped when a prefecture user becomes an operator, required the other way.
    const changed = await operator.put(`/api/users/${pref.body.id}`).send({ role: 'operator' }).expect(200);
    expect(changed.body.prefectureCode).toBeNull();
    await operator.put(`/api/users/${op.body.id}`).send({ role: 'prefecture' }).expect(400);
    await operator.put(`/api/users/${op.body.id}`).send({ role: 'prefecture', prefectureCode: '15' }).expect(200);
  });

  it("lets a municipality's admin create only its four roles, without a prefecture code", async () => {
    for (const role of ['operator', 'prefecture']) {
      const res = await admin.post('/api/users').send(account({ role, prefectureCode: '15' })).expect(400);
      expect(res.body.code).toBe('user_role_not_here');
    }
    await admin.post('/api/users').send(account({ role: 'counter', prefectureCode: '15' })).expect(400);
    const ok = await admin.post('/api/users').send(account({ role: 'counter', prefectureCode: null })).expect(201);
    expect(ok.body).toMatchObject({ role: 'counter', prefectureCode: null });
    // The whole record back, as react-admin sends it.
    await admin.put(`/api/users/${ok.body.id}`).send({ ...ok.body, displayName: '窓口 新人' }).expect(200);
    await admin.put(`/api/users/${ok.body.id}`).send({ role: 'operator' }).expect(400);
    const [row] = await t.sql<{ municipality_code: string }>('SELECT municipality_code FROM users WHERE id = $1', [ok.body.id]);
    expect(row.municipality_code).toBe(t.config.municipalityCode);
  });

  it('keeps usernames unique per municipality only', async () => {
    // "operator" exists in the installation; a municipality may still name a clerk so.
    await admin.post('/api/users').send(account({ username: 'operator', role: 'counter' })).expect(201);
    await admin.post('/api/users').send(account({ username: 'OPERATOR', role: 'counter' })).expect(409);
    await operator.post('/api/users').send(account({ username: 'admin', role: 'operator' })).expect(201);
    // Each signs in where it belongs: the default municipality first, the installation with no such name there.
    const me = (token: string) => t.client(token).get('/api/auth/me');
    const clerk = (await t.anon.post('/api/auth/login').send({ username: 'operator', password: 'a-long-enough-pass' }).expect(200)).body.accessToken;
    expect((await me(clerk)).body).toMatchObject({ role: 'counter', municipalityCode: t.config.municipalityCode });
    // The installation's "operator" is then shadowed without a code; 000000 names the installation.
    await t.anon.post('/api/auth/login').send({ username: 'operator', password: DEMO_PASSWORD }).expect(401);
    const op = (await t.anon.post('/api/auth/login').send({ username: 'operator', password: DEMO_PASSWORD, municipalityCode: '000000' }).expect(200)).body.accessToken;
    expect((await me(op)).body).toMatchObject({ role: 'operator' });
  });
});
