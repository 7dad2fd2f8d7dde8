import type { QueryRunner } from 'typeorm';
import { defaultReading } from '@mynapoint/domain';
import { PaymentServiceReadings1764001716000 } from '../../apps/api/src/database/migrations/1764001716000-payment-service-readings';
import { DEMO_PAYMENT_SERVICES, paymentServicesSeed } from '../../apps/api/src/database/seed/payment-services.seed';
import { usersSeed } from '../../apps/api/src/database/seed/users.seed';
import { paymentServiceBody } from '../support/fixtures';
import { Client_, listQuery, TestApp, totalOf } from '../support/test-app';

describe('payment-services', () => {
  let t: TestApp;
  let policy: Client_;

  beforeAll(async () => {
    t = await TestApp.start({ seed: [usersSeed, paymentServicesSeed] });
    policy = await t.as('policy');
  });
  afterAll(() => t.close());

  describe('list', () => {
    it('returns a page with Content-Range and the total', async () => {
      const res = await policy.get(`/api/payment-services?${listQuery({ range: [0, 9] })}`).expect(200);
      expect(res.body).toHaveLength(10);
      expect(res.headers['content-range']).toBe(`payment-services 0-9/${DEMO_PAYMENT_SERVICES.length}`);
      expect(res.headers['access-control-expose-headers']).toContain('Content-Range');
    });

    it('gives the true total on the last page, past the end, and when nothing matches, with no extra field in the rows', async () => {
      const n = DEMO_PAYMENT_SERVICES.length;
      const last = await policy.get(`/api/payment-services?${listQuery({ range: [n - 3, n + 6] })}`).expect(200);
      expect(last.body).toHaveLength(3);
      expect(last.headers['content-range']).toBe(`payment-services ${n - 3}-${n - 1}/${n}`);
      // The total travels with the page's rows in one statement: it must not leak into them.
      expect(Object.keys(last.body[0]).some((k) => k.startsWith('__'))).toBe(false);
      const past = await policy.get(`/api/payment-services?${listQuery({ range: [n + 10, n + 19] })}`).expect(200);
      expect(past.body).toEqual([]);
      expect(past.headers['content-range']).toBe(`payment-services ${n + 10}-${n + 10}/${n}`);
      const none = await policy.get(`/api/payment-services?${listQuery({ filter: { q: 'どこにもない名前' }, range: [0, 9] })}`).expect(200);
      expect(none.body).toEqual([]);
      expect(none.headers['content-range']).toBe('payment-services 0-0/0');
      const nonePast = await policy.get(`/api/payment-services?${listQuery({ filter: { q: 'どこにもない名前' }, range: [20, 29] })}`).expect(200);
      expect(nonePast.headers['content-range']).toBe('payment-services 20-20/0');
    });

    it('sorts by any field, both ways, with stable pages', async () => {
      const asc = await policy.get(`/api/payment-services?${listQuery({ sort: ['applicationsOpenOn', 'ASC'], range: [0, 99] })}`).expect(200);
      const dates = asc.body.map((r: { applicationsOpenOn: string }) => r.applicationsOpenOn);
      expect(dates).toEqual([...dates].sort());
      const desc = await policy.get(`/api/payment-services?${listQuery({ sort: ['applicationsOpenOn', 'DESC'], range: [0, 99] })}`).expect(200);
      expect(desc.body.map((r: { id: number }) => r.id)).toEqual(asc.body.map((r: { id: number }) => r.id).reverse());
      const page1 = await policy.get(`/api/payment-services?${listQuery({ sort: ['kind', 'ASC'], range: [0, 14] })}`);
      const page2 = await policy.get(`/api/payment-services?${listQuery({ sort: ['kind', 'ASC'], range: [15, 29] })}`);
      const ids = [...page1.body, ...page2.body].map((r: { id: number }) => r.id);
      expect(new Set(ids).size).toBe(30);
    });

    it('filters by kind, status, pre-registration, date range and full text', async () => {
      const expected = (pred: (row: (typeof DEMO_PAYMENT_SERVICES)[number]) => boolean) => DEMO_PAYMENT_SERVICES.filter(pred).length;
      const count = async (filter: unknown) => totalOf(await policy.get(`/api/payment-services?${listQuery({ filter })}`).expect(200));

      expect(await count({ kind: 'ic_emoney' })).toBe(expected((r) => r[2] === 'ic_emoney'));
      expect(await count({ kind: ['credit_card', 'debit_card'] })).toBe(expected((r) => r[2] === 'credit_card' || r[2] === 'debit_card'));
      expect(await count({ preRegistrationRequired: true })).toBe(expected((r) => r[3]));
      expect(await count({ status: 'active' })).toBe(expected((r) => (r[7] ?? 'active') === 'active'));
      expect(await count({ applicationsOpenOn_gt: '2020-07-01' })).toBe(expected((r) => r[4] > '2020-07-01'));
      expect(await count({ q: 'ドコモ' })).toBe(expected((r) => r[1].includes('ドコモ')));
      expect(await count({ q: 'pay' })).toBe(expected((r) => /pay/i.test(r[0]) || /pay/i.test(r[1])));
    });

    it('fetches many by id (react-admin getMany)', async () => {
      const all = await policy.get(`/api/payment-services?${listQuery({ range: [0, 29] })}`);
      const ids = all.body.slice(0, 27).map((r: { id: number }) => r.id);
      const res = await policy.get(`/api/payment-services?${listQuery({ filter: { id: ids } })}`).expect(200);
      expect(res.body.map((r: { id: number }) => r.id).sort()).toEqual([...ids].sort());
    });

    it.each([
      ['unknown sort field', { sort: ['secret', 'ASC'] }],
      ['unknown filter field', { filter: { passwordHash: 'x' } }],
      ['bad enum value', { filter: { kind: 'cash' } }],
      ['bad date', { filter: { applicationsOpenOn: '2020-02-30' } }],
      ['bad range', { range: [5, 1] }],
    ])('answers 400 for %s', async (_name, params) => {
      const res = await policy.get(`/api/payment-services?${listQuery(params as never)}`).expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, code: 'bad_query', message: expect.any(String) });
    });

    it('answers 400 for malformed JSON parameters', async () => {
      await policy.get('/api/payment-services?filter={oops').expect(400);
      await policy.get('/api/payment-services?sort=name').expect(400);
    });
  });

  describe('create, show, update, delete', () => {
    it('creates with defaults, shows, updates and deletes', async () => {
      const body = paymentServiceBody({ preRegistrationRequired: undefined, status: undefined, url: 'https://example.jp/pay' });
      const created = await policy.post('/api/payment-services').send(body).expect(201);
      expect(created.body).toMatchObject({ id: expect.any(Number), name: body.name, status: 'active', preRegistrationRequired: false, applicationsOpenOn: '2020-07-01' });

      const shown = await policy.get(`/api/payment-services/${created.body.id}`).expect(200);
      expect(shown.body).toEqual(created.body);

      const updated = await policy.put(`/api/payment-services/${created.body.id}`).send({ status: 'suspended' }).expect(200);
      expect(updated.body.status).toBe('suspended');
      expect(updated.body.name).toBe(body.name);

      const admin = await t.as('admin');
      await admin.delete(`/api/payment-services/${created.body.id}`).expect(200);
      await policy.get(`/api/payment-services/${created.body.id}`).expect(404);
    });

    it('ignores read-only fields on PUT, as react-admin sends the whole record', async () => {
      const created = await policy.post('/api/payment-services').send(paymentServiceBody()).expect(201);
      const res = await policy
        .put(`/api/payment-services/${created.body.id}`)
        .send({ ...created.body, id: 999999, createdAt: '2000-01-01T00:00:00Z', notes: 'メモ' })
        .expect(200);
      expect(res.body.id).toBe(created.body.id);
      expect(res.body.createdAt).toBe(created.body.createdAt);
      expect(res.body.notes).toBe('メモ');
    });

    it('answers 400 with field errors for invalid bodies', async () => {
      const res = await policy.post('/api/payment-services').send({ name: '', kind: 'cash', applicationsOpenOn: '2020-13-01', url: 'ftp://x', extra: 1 }).expect(400);
      expect(Object.keys(res.body.errors).sort()).toEqual(['applicationsOpenOn', 'extra', 'kind', 'name', 'operator', 'url']);
    });

    it('answers 400 for wrong JSON types, never 500', async () => {
      for (const body of [{ ...paymentServiceBody(), preRegistrationRequired: 'yes' }, { ...paymentServiceBody(), name: 42 }, [], 'text', { ...paymentServiceBody(), notes: 'x'.repeat(2001) }]) {
        const res = await policy.post('/api/payment-services').send(body as object);
        expect(res.status).toBe(400);
      }
    });

    it('answers 409 for a duplicate name (case-insensitive) and 404 for unknown ids', async () => {
      const body = paymentServiceBody();
      await policy.post('/api/payment-services').send(body).expect(201);
      const dup = await policy.post('/api/payment-services').send({ ...body, name: body.name.toUpperCase() }).expect(409);
      expect(dup.body.code).toBe('payment_service_duplicate_name');
      await policy.get('/api/payment-services/987654').expect(404);
      await policy.put('/api/payment-services/987654').send({ notes: 'x' }).expect(404);
      await policy.get('/api/payment-services/99999999999').expect(404);
      await policy.get('/api/payment-services/abc').expect(400);
    });
  });

  describe('audit and safety', () => {
    it('writes the audit row with the change, in the same transaction', async () => {
      const created = await policy.post('/api/payment-services').send(paymentServiceBody()).expect(201);
      const rows = await t.sql<{ action: string; username: string; changes: Record<string, unknown> }>(
        `SELECT action, username, changes FROM audit_logs WHERE resource = 'payment-services' AND resource_id = $1`,
        [String(created.body.id)],
      );
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ action: 'create', username: 'policy' });
      expect(rows[0].changes.name).toBe(created.body.name);
    });

    it('writes no audit row when the write fails', async () => {
      const [before] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM audit_logs WHERE resource = 'payment-services'`);
      await policy.put('/api/payment-services/987654').send({ notes: 'x' }).expect(404);
      const [after] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM audit_logs WHERE resource = 'payment-services'`);
      expect(after.n).toBe(before.n);
    });

    it('refuses a My Number in any text field, stores nothing, and logs the refusal without the number', async () => {
      const body = paymentServiceBody({ notes: '申請者の番号 1234-5678-9018' });
      const res = await policy.post('/api/payment-services').send(body).expect(400);
      expect(res.body.code).toBe('my_number_refused');
      expect(res.body.errors).toHaveProperty('notes');
      expect(await t.sql('SELECT 1 FROM payment_services WHERE name = $1', [body.name])).toHaveLength(0);
      const [log] = await t.sql<{ changes: unknown }>(`SELECT changes FROM audit_logs WHERE action = 'my_number_refused' ORDER BY id DESC LIMIT 1`);
      expect(log.changes).toMatchObject({ fields: ['notes'] });
      expect(JSON.stringify(log.changes)).not.toMatch(/9018/);
      // a 12-digit number with a wrong check digit is fine
      await policy.post('/api/payment-services').send(paymentServiceBody({ notes: '受付番号 1234-5678-9012' })).expect(201);
    });

    it('creates one record for a double-clicked save with the same Idempotency-Key', async () => {
      const body = paymentServiceBody();
      const key = `ps-${Date.now()}-double`;
      const [a, b] = await Promise.all([
        policy.post('/api/payment-services').set('Idempotency-Key', key).send(body),
        policy.post('/api/payment-services').set('Idempotency-Key', key).send(body),
      ]);
      expect([a.status, b.status]).toEqual([201, 201]);
      expect(a.body.id).toBe(b.body.id);
      expect(await t.sql('SELECT 1 FROM payment_services WHERE name = $1', [body.name])).toHaveLength(1);
    });

    it('refuses changes to the audit log at the database level', async () => {
      await expect(t.sql('UPDATE audit_logs SET username = $1', ['x'])).rejects.toThrow(/append-only/);
      await expect(t.sql('DELETE FROM audit_logs')).rejects.toThrow(/append-only/);
      await expect(t.sql('TRUNCATE audit_logs')).rejects.toThrow(/append-only/);
    });
  });
});

describe('payment-services: readings (よみがな)', () => {
  let t: TestApp;
  let policy: Client_;

  beforeAll(async () => {
    t = await TestApp.start({ seed: [usersSeed] });
    policy = await t.as('policy');
  });
  afterAll(() => t.close());

  const create = async (name: string, nameKana?: string) =>
    (await policy.post('/api/payment-services').send(paymentServiceBody({ name, ...(nameKana === undefined ? {} : { nameKana }) })).expect(201)).body;

  it('sorts the list by reading: Latin names case-insensitively first, then kana in gojūon order', async () => {
    for (const name of ['ペイペイ', 'WAON', 'メルペイ', 'atone', 'がまぐち']) await create(name);
    await create('楽天ペイ', 'ラクテンペイ');
    const res = await policy.get(`/api/payment-services?${listQuery({ range: [0, 99] })}`).expect(200);
    const rows = res.body.map((r: { name: string; nameKana: string }) => [r.name, r.nameKana]);
    expect(rows).toEqual([
      ['atone', 'atone'],
      ['WAON', 'waon'],
      ['がまぐち', 'がまぐち'],
      ['ペイペイ', 'ぺいぺい'],
      ['メルペイ', 'めるぺい'],
      ['楽天ペイ', 'らくてんぺい'],
    ]);
    const desc = await policy.get(`/api/payment-services?${listQuery({ sort: ['nameKana', 'DESC'], range: [0, 99] })}`).expect(200);
    expect(desc.body.map((r: { name: string }) => r.name)).toEqual(rows.map(([name]: string[]) => name).reverse());
    // q finds a service by its reading too
    expect(totalOf(await policy.get(`/api/payment-services?${listQuery({ filter: { q: 'らくてん' } })}`).expect(200))).toBe(1);
  });

  it('refuses a reading that is not kana with a Japanese field error, and accepts katakana, half-width kana and spaces', async () => {
    for (const nameKana of ['楽天ぺい', 'rakuten', 'ぺい1', 'ぺい!']) {
      const res = await policy.post('/api/payment-services').send(paymentServiceBody({ nameKana })).expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, code: 'payment_service_reading_invalid', errors: { nameKana: expect.stringContaining('ひらがな') } });
    }
    expect((await create('テスト甲', 'ﾃｽﾄ　コウ')).nameKana).toBe('てすと こう');
    const tooLong = await policy.post('/api/payment-services').send(paymentServiceBody({ nameKana: 'あ'.repeat(101) })).expect(400);
    expect(tooLong.body.errors).toHaveProperty('nameKana');
  });

  it('keeps a reading sent back unchanged, fills a blank one from the name, and lets a default reading follow a rename', async () => {
    const svc = await create('Kyash Test');
    expect(svc.nameKana).toBe('kyash test');
    // react-admin sends the whole record back: the non-kana default must not be refused
    await policy.put(`/api/payment-services/${svc.id}`).send({ ...svc, notes: 'メモ' }).expect(200);
    const renamed = await policy.put(`/api/payment-services/${svc.id}`).send({ ...svc, name: 'Kyash Card' }).expect(200);
    expect(renamed.body.nameKana).toBe('kyash card');
    const typed = await policy.put(`/api/payment-services/${svc.id}`).send({ nameKana: 'キャッシュ' }).expect(200);
    expect(typed.body.nameKana).toBe('きゃっしゅ');
    const kept = await policy.put(`/api/payment-services/${svc.id}`).send({ name: 'Kyash Pay' }).expect(200);
    expect(kept.body.nameKana).toBe('きゃっしゅ');
    const blank = await policy.put(`/api/payment-services/${svc.id}`).send({ nameKana: '' }).expect(200);
    expect(blank.body.nameKana).toBe('kyash pay');
  });

  it('migrates existing rows: each gets the default reading of its name, as the domain rule derives it', async () => {
    const migration = new PaymentServiceReadings1764001716000();
    const runner = { query: (text: string) => t.sql(text) } as unknown as QueryRunner;
    await migration.down(runner);
    const names = ['ZPAY', 'ペイッド', 'ｱﾄﾈｰ', 'ＡＢＣ　Pay', '楽天Edy', 'ヴィザ ヽ'];
    for (const name of names) {
      await t.sql(`INSERT INTO payment_services (name, operator, kind, applications_open_on) VALUES ($1, 'x', 'other', '2020-07-01')`, [name]);
    }
    await migration.up(runner);
    const rows = await t.sql<{ name: string; name_kana: string }>(`SELECT name, name_kana FROM payment_services WHERE name = ANY($1)`, [names]);
    expect(rows).toHaveLength(names.length);
    for (const row of rows) expect(row.name_kana).toBe(defaultReading(row.name));
    // a row inserted later without a reading (scripts, fixtures) gets its default too
    const [late] = await t.sql<{ name_kana: string }>(
      `INSERT INTO payment_services (name, operator, kind, applications_open_on) VALUES ('ナナコ', 'x', 'other', '2020-07-01') RETURNING name_kana`,
    );
    expect(late.name_kana).toBe('ななこ');
  });
});
