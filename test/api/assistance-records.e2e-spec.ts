import { paymentServicesSeed } from '../../apps/api/src/database/seed/payment-services.seed';
import { usersSeed } from '../../apps/api/src/database/seed/users.seed';
import { assistanceRecordBody, backdateAssistanceRecord, createAssistanceRecord } from '../support/assistance-fixtures';
import { Client_, listQuery, TestApp, totalOf } from '../support/test-app';

const MAIN_OFFICE_ONLY = 'マイナンバーカードの申請は本庁（市民生活課）の窓口でのみ受け付けています。支所では申請できません。';

describe('assistance-records', () => {
  let t: TestApp;
  let counter: Client_;
  let counter2: Client_;
  let admin: Client_;
  let policy: Client_;
  let manager: Client_;
  const ids: Record<string, number> = {};

  const countRecords = async () => (await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM assistance_records'))[0].n;
  const todayJst = () => new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10);

  beforeAll(async () => {
    t = await TestApp.start({ seed: [usersSeed, paymentServicesSeed] });
    [counter, counter2, admin, policy, manager] = await Promise.all(['counter', 'counter2', 'admin', 'policy', 'manager'].map((u) => t.as(u)));
    for (const u of ['counter', 'counter2', 'admin']) {
      ids[u] = (await t.sql<{ id: number }>('SELECT id FROM users WHERE username = $1', [u]))[0].id;
    }
  });
  afterAll(() => t.close());

  describe('create', () => {
    it('logs a visit as the signed-in clerk, with defaults and the clerk’s name', async () => {
      const before = Date.now();
      const res = await counter
        .post('/api/assistance-records')
        .send({ office: 'main_office', assistanceTypes: ['mykey_reservation', 'inquiry'], outcome: 'completed', durationMinutes: 15 })
        .expect(201);
      expect(res.body).toMatchObject({
        id: expect.any(Number),
        staffId: ids.counter,
        staffName: '市民係 窓口 鈴木',
        office: 'main_office',
        assistanceTypes: ['mykey_reservation', 'inquiry'],
        outcome: 'completed',
        unableReason: null,
        durationMinutes: 15,
        proxy: 'none',
        sharedTerminalUsed: false,
        terminalLoggedOut: false,
        serviceIdReadBack: false,
        paymentServiceId: null,
        ageBand: null,
        district: null,
        notes: null,
      });
      // visitedAt defaults to now
      expect(Date.parse(res.body.visitedAt)).toBeGreaterThanOrEqual(before - 1000);
      expect(Date.parse(res.body.visitedAt)).toBeLessThanOrEqual(Date.now() + 1000);
      const [row] = await t.sql<{ staff_id: number; assistance_types: string[] }>('SELECT staff_id, assistance_types FROM assistance_records WHERE id = $1', [res.body.id]);
      expect(row).toEqual({ staff_id: ids.counter, assistance_types: ['mykey_reservation', 'inquiry'] });
      await counter.get(`/api/assistance-records/${res.body.id}`).expect(200);
    });

    it('stores every field as sent, at the limits', async () => {
      const [ps] = await t.sql<{ id: number }>(`SELECT id FROM payment_services WHERE name = 'WAON'`);
      const body = assistanceRecordBody({
        visitedAt: '2020-09-01T10:15:00+09:00',
        assistanceTypes: ['mykey_reservation', 'point_application', 'pc_lending'],
        paymentServiceId: ps.id,
        durationMinutes: 240,
        ageBand: '70_plus',
        district: '京'.repeat(40),
        proxy: 'legal_representative',
        sharedTerminalUsed: true,
        terminalLoggedOut: true,
        serviceIdReadBack: true,
        notes: 'メ'.repeat(1000),
      });
      const res = await counter.post('/api/assistance-records').send(body).expect(201);
      expect(res.body).toMatchObject({ ...body, visitedAt: '2020-09-01T01:15:00.000Z', staffId: ids.counter });
      await counter.post('/api/assistance-records').send(assistanceRecordBody({ durationMinutes: 1 })).expect(201);
    });

    it('refuses staffId in a create body: the clerk is always the signed-in user', async () => {
      const res = await counter.post('/api/assistance-records').send(assistanceRecordBody({ staffId: ids.counter2 })).expect(400);
      expect(Object.keys(res.body.errors)).toEqual(['staffId']);
    });

    it.each([
      ['no assistance type', { assistanceTypes: [] }, ['assistanceTypes']],
      ['an unknown type', { assistanceTypes: ['haircut'] }, ['assistanceTypes']],
      ['a repeated type', { assistanceTypes: ['inquiry', 'inquiry'] }, ['assistanceTypes']],
      ['types not as a list', { assistanceTypes: 'inquiry' }, ['assistanceTypes']],
      ['duration 0', { durationMinutes: 0 }, ['durationMinutes']],
      ['duration 241', { durationMinutes: 241 }, ['durationMinutes']],
      ['a fractional duration', { durationMinutes: 1.5 }, ['durationMinutes']],
      ['notes over 1000 characters', { notes: 'x'.repeat(1001) }, ['notes']],
      ['a district over 40 characters', { district: 'x'.repeat(41) }, ['district']],
      ['an unknown office, outcome, proxy and age band', { office: 'post_office', outcome: 'done', proxy: 'friend', ageBand: '80s' }, ['ageBand', 'office', 'outcome', 'proxy']],
      ['an unknown reason', { outcome: 'unable', unableReason: 'tired' }, ['unableReason']],
      ['a visit time without offset', { visitedAt: '2020-09-01T10:00:00' }, ['visitedAt']],
      ['booleans as text', { sharedTerminalUsed: 'yes' }, ['sharedTerminalUsed']],
      ['missing required fields', { office: undefined, assistanceTypes: undefined, outcome: undefined, durationMinutes: undefined }, ['assistanceTypes', 'durationMinutes', 'office', 'outcome']],
      ['an unknown payment service', { paymentServiceId: 987654 }, ['paymentServiceId']],
    ])('answers 400 with field errors for %s, and stores nothing', async (_name, overrides, fields) => {
      const before = await countRecords();
      const res = await counter.post('/api/assistance-records').send(assistanceRecordBody(overrides)).expect(400);
      expect(Object.keys(res.body.errors).sort()).toEqual(fields);
      expect(res.body.message).toEqual(expect.any(String));
      expect(await countRecords()).toBe(before);
    });

    it('refuses a visit time in the future (a typo), tolerating a few minutes of clock drift', async () => {
      const res = await counter.post('/api/assistance-records').send(assistanceRecordBody({ visitedAt: new Date(Date.now() + 3600_000).toISOString() })).expect(400);
      expect(res.body).toMatchObject({ code: 'visit_in_future', errors: { visitedAt: expect.stringContaining('未来') } });
      await counter.post('/api/assistance-records').send(assistanceRecordBody({ visitedAt: new Date(Date.now() + 60_000).toISOString() })).expect(201);
    });
  });

  describe('rules', () => {
    it('requires an unable reason exactly when the outcome is unable', async () => {
      const missing = await counter.post('/api/assistance-records').send(assistanceRecordBody({ outcome: 'unable' })).expect(400);
      expect(missing.body).toMatchObject({ code: 'unable_reason_required', errors: { unableReason: expect.any(String) } });
      const extra = await counter.post('/api/assistance-records').send(assistanceRecordBody({ outcome: 'follow_up', unableReason: 'pin_locked' })).expect(400);
      expect(extra.body).toMatchObject({ code: 'unable_reason_only_when_unable', errors: { unableReason: expect.any(String) } });
      const ok = await counter.post('/api/assistance-records').send(assistanceRecordBody({ outcome: 'unable', unableReason: 'cert_renewed_within_24h' })).expect(201);
      expect(ok.body.unableReason).toBe('cert_renewed_within_24h');
      await counter.post('/api/assistance-records').send(assistanceRecordBody({ outcome: 'completed', unableReason: null })).expect(201);
    });

    it('takes Round 2’s counter work: the two registrations and the two new reasons for "unable" (API and database)', async () => {
      const types = ['health_insurance_registration', 'public_funds_account_registration'];
      const reg = await counter.post('/api/assistance-records').send(assistanceRecordBody({ assistanceTypes: types })).expect(201);
      expect(reg.body.assistanceTypes).toEqual(types);
      for (const unableReason of ['national_site_maintenance', 'service_closed']) {
        const res = await counter.post('/api/assistance-records').send(assistanceRecordBody({ assistanceTypes: ['public_funds_account_registration'], outcome: 'unable', unableReason })).expect(201);
        expect(res.body.unableReason).toBe(unableReason);
      }
      const [row] = await t.sql<{ assistance_types: string[] }>('SELECT assistance_types FROM assistance_records WHERE id = $1', [reg.body.id]);
      expect(row.assistance_types).toEqual(types);
      const bad = await counter.post('/api/assistance-records').send(assistanceRecordBody({ outcome: 'unable', unableReason: 'site_down' })).expect(400);
      expect(bad.body.errors).toHaveProperty('unableReason');
      const listed = await counter.get('/api/assistance-records').query({ filter: JSON.stringify({ unableReason: 'service_closed' }) }).expect(200);
      expect(listed.body.map((r: { unableReason: string }) => r.unableReason)).toEqual(['service_closed']);
    });

    it('keeps the reason consistent on update: leaving "unable" needs the reason cleared', async () => {
      const rec = await createAssistanceRecord(t, counter, { outcome: 'unable', unableReason: 'pin_locked' });
      const res = await counter.put(`/api/assistance-records/${rec.id}`).send({ outcome: 'completed' }).expect(400);
      expect(res.body.code).toBe('unable_reason_only_when_unable');
      const ok = await counter.put(`/api/assistance-records/${rec.id}`).send({ outcome: 'completed', unableReason: null }).expect(200);
      expect(ok.body).toMatchObject({ outcome: 'completed', unableReason: null });
    });

    it('refuses card applications at a branch office, telling staff to use the main office', async () => {
      const before = await countRecords();
      const res = await counter
        .post('/api/assistance-records')
        .send(assistanceRecordBody({ office: 'branch_office', assistanceTypes: ['inquiry', 'card_application'] }))
        .expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, code: 'card_application_main_office_only', message: MAIN_OFFICE_ONLY, errors: { assistanceTypes: MAIN_OFFICE_ONLY } });
      expect(await countRecords()).toBe(before);
      await counter.post('/api/assistance-records').send(assistanceRecordBody({ office: 'main_office', assistanceTypes: ['card_application'] })).expect(201);
      await counter.post('/api/assistance-records').send(assistanceRecordBody({ office: 'branch_office', assistanceTypes: ['inquiry'] })).expect(201);
      // …also when an edit moves a card application to a branch
      const rec = await createAssistanceRecord(t, counter, { assistanceTypes: ['card_application'] });
      const moved = await counter.put(`/api/assistance-records/${rec.id}`).send({ office: 'branch_office' }).expect(400);
      expect(moved.body.code).toBe('card_application_main_office_only');
    });

    it.each([['mykey_reservation'], ['point_application']])(
      'asks for both wrong-person checks when a shared terminal ran %s',
      async (type) => {
        const shared = { assistanceTypes: [type, 'pc_lending'], sharedTerminalUsed: true };
        const none = await counter.post('/api/assistance-records').send(assistanceRecordBody(shared)).expect(400);
        expect(none.body.code).toBe('wrong_person_checklist_required');
        expect(Object.keys(none.body.errors).sort()).toEqual(['serviceIdReadBack', 'terminalLoggedOut']);
        const half = await counter.post('/api/assistance-records').send(assistanceRecordBody({ ...shared, terminalLoggedOut: true, serviceIdReadBack: false })).expect(400);
        expect(Object.keys(half.body.errors)).toEqual(['serviceIdReadBack']);
        expect(half.body.errors.serviceIdReadBack).toContain('読み上げ');
        await counter.post('/api/assistance-records').send(assistanceRecordBody({ ...shared, terminalLoggedOut: true, serviceIdReadBack: true })).expect(201);
      },
    );

    it('needs no checklist for other work on a shared terminal, or for the resident’s own device', async () => {
      await counter.post('/api/assistance-records').send(assistanceRecordBody({ assistanceTypes: ['cert_renewal', 'pc_lending'], sharedTerminalUsed: true })).expect(201);
      await counter.post('/api/assistance-records').send(assistanceRecordBody({ assistanceTypes: ['point_application'], sharedTerminalUsed: false })).expect(201);
    });

    it('applies the checklist when an edit turns the shared terminal on', async () => {
      const rec = await createAssistanceRecord(t, counter, { assistanceTypes: ['point_application'] });
      const res = await counter.put(`/api/assistance-records/${rec.id}`).send({ sharedTerminalUsed: true }).expect(400);
      expect(res.body.code).toBe('wrong_person_checklist_required');
      const [row] = await t.sql<{ shared_terminal_used: boolean }>('SELECT shared_terminal_used FROM assistance_records WHERE id = $1', [rec.id]);
      expect(row.shared_terminal_used).toBe(false);
    });

    it('holds every rule in the database too (the last line)', async () => {
      const insert = (cols: string, vals: string) =>
        t.sql(`INSERT INTO assistance_records (visited_at, staff_id, duration_minutes, ${cols}) VALUES (now(), ${ids.counter}, 10, ${vals})`);
      await expect(insert('office, assistance_types, outcome', `'branch_office', '{card_application}', 'completed'`)).rejects.toThrow(/card_application_main_office/);
      await expect(insert('office, assistance_types, outcome', `'main_office', '{inquiry}', 'unable'`)).rejects.toThrow(/unable_reason/);
      await expect(insert('office, assistance_types, outcome, unable_reason', `'main_office', '{inquiry}', 'completed', 'other'`)).rejects.toThrow(/unable_reason/);
      await expect(
        insert('office, assistance_types, outcome, shared_terminal_used, terminal_logged_out', `'main_office', '{point_application}', 'completed', true, true`),
      ).rejects.toThrow(/wrong_person_checklist/);
      for (const types of [`'{}'`, `'{inquiry,inquiry}'`, `'{haircut}'`, `ARRAY[NULL]::text[]`]) {
        await expect(insert('office, assistance_types, outcome', `'main_office', ${types}, 'completed'`)).rejects.toThrow(/types_valid/);
      }
      await expect(
        t.sql(`INSERT INTO assistance_records (visited_at, staff_id, duration_minutes, office, assistance_types, outcome) VALUES (now(), 987654, 10, 'main_office', '{inquiry}', 'completed')`),
      ).rejects.toThrow(/foreign key/);
      await expect(t.sql(`UPDATE assistance_records SET duration_minutes = 241 WHERE id = (SELECT max(id) FROM assistance_records)`)).rejects.toThrow(/duration_minutes/);
    });
  });

  describe('who sees and changes what', () => {
    let mine: number;
    let theirs: number;

    beforeAll(async () => {
      mine = (await createAssistanceRecord(t, counter, { notes: '鈴木の記録' })).id;
      theirs = (await createAssistanceRecord(t, counter2, { notes: '田中の記録', office: 'branch_office' })).id;
    });

    it('counter staff list only their own records', async () => {
      const res = await counter.get(`/api/assistance-records?${listQuery({ range: [0, 999] })}`).expect(200);
      expect(res.body.length).toBeGreaterThan(0);
      expect(res.body.every((r: { staffId: number }) => r.staffId === ids.counter)).toBe(true);
      expect(res.body.map((r: { id: number }) => r.id)).toContain(mine);
      expect(totalOf(res)).toBe((await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM assistance_records WHERE staff_id = $1', [ids.counter]))[0].n);
      // asking for the other clerk's rows finds nothing rather than leaking them
      const other = await counter.get(`/api/assistance-records?${listQuery({ filter: { staffId: ids.counter2 } })}`).expect(200);
      expect(other.body).toEqual([]);
      const byId = await counter.get(`/api/assistance-records?${listQuery({ filter: { id: [mine, theirs] } })}`).expect(200);
      expect(byId.body.map((r: { id: number }) => r.id)).toEqual([mine]);
    });

    it('another clerk’s record is 404 to counter staff, for show and for edit', async () => {
      const show = await counter.get(`/api/assistance-records/${theirs}`).expect(404);
      expect(show.body.code).toBe('assistance_record_not_found');
      await counter.put(`/api/assistance-records/${theirs}`).send({ notes: '書き換え' }).expect(404);
      const [row] = await t.sql<{ notes: string }>('SELECT notes FROM assistance_records WHERE id = $1', [theirs]);
      expect(row.notes).toBe('田中の記録');
    });

    it('policy staff, managers and admins read every clerk’s records', async () => {
      for (const client of [policy, manager, admin]) {
        const res = await client.get(`/api/assistance-records?${listQuery({ filter: { id: [mine, theirs] } })}`).expect(200);
        expect(res.body.map((r: { staffName: string }) => r.staffName).sort()).toEqual(['市民係 窓口 田中', '市民係 窓口 鈴木']);
        await client.get(`/api/assistance-records/${theirs}`).expect(200);
      }
    });

    it('counter staff correct their own record on the day they logged it', async () => {
      const res = await counter.put(`/api/assistance-records/${mine}`).send({ durationMinutes: 25, notes: '訂正' }).expect(200);
      expect(res.body).toMatchObject({ durationMinutes: 25, notes: '訂正', staffId: ids.counter });
      expect(Date.parse(res.body.updatedAt)).toBeGreaterThanOrEqual(Date.parse(res.body.createdAt));
    });

    it('counter staff cannot edit yesterday’s own record (403 with a clear message); an admin can', async () => {
      const rec = await createAssistanceRecord(t, counter, { notes: '昨日の記録' });
      await backdateAssistanceRecord(t, rec.id, 1);
      const shown = await counter.get(`/api/assistance-records/${rec.id}`).expect(200);
      const res = await counter.put(`/api/assistance-records/${rec.id}`).send({ ...shown.body, notes: '書き換え' }).expect(403);
      expect(res.body).toMatchObject({ statusCode: 403, code: 'assistance_record_edit_window_closed' });
      expect(res.body.message).toContain('当日');
      expect(res.body.message).toContain('管理者');
      const [row] = await t.sql<{ notes: string }>('SELECT notes FROM assistance_records WHERE id = $1', [rec.id]);
      expect(row.notes).toBe('昨日の記録');

      const fixed = await admin.put(`/api/assistance-records/${rec.id}`).send({ notes: '管理者が訂正' }).expect(200);
      expect(fixed.body).toMatchObject({ notes: '管理者が訂正', staffId: ids.counter });
    });

    it('ignores read-only fields on PUT (react-admin sends the whole record)', async () => {
      const shown = await counter.get(`/api/assistance-records/${mine}`).expect(200);
      const res = await counter
        .put(`/api/assistance-records/${mine}`)
        .send({ ...shown.body, id: theirs, staffId: ids.counter2, staffName: '誰か', createdAt: '2000-01-01T00:00:00Z', district: '安田' })
        .expect(200);
      expect(res.body).toMatchObject({ id: mine, staffId: ids.counter, staffName: '市民係 窓口 鈴木', createdAt: shown.body.createdAt, district: '安田' });
    });

    it('admins delete; the record is gone', async () => {
      const rec = await createAssistanceRecord(t, admin);
      const res = await admin.delete(`/api/assistance-records/${rec.id}`).expect(200);
      expect(res.body.id).toBe(rec.id);
      await admin.get(`/api/assistance-records/${rec.id}`).expect(404);
    });

    it('answers 404 for unknown ids and 400 for malformed ones', async () => {
      await admin.get('/api/assistance-records/987654').expect(404);
      await admin.put('/api/assistance-records/987654').send({ notes: 'x' }).expect(404);
      await admin.get('/api/assistance-records/abc').expect(400);
    });
  });

  describe('list', () => {
    it('sorts by newest visit first by default, and filters by day, type, outcome, office and text', async () => {
      await createAssistanceRecord(t, counter2, { visitedAt: '2020-09-01T09:00:00+09:00', assistanceTypes: ['pin_reset'], outcome: 'unable', unableReason: 'pin_locked', district: '笹神' });
      await createAssistanceRecord(t, counter2, { visitedAt: '2020-09-01T23:30:00+09:00', assistanceTypes: ['fraud_consultation'], notes: '不審な電話の相談' });
      await createAssistanceRecord(t, counter2, { visitedAt: '2020-09-02T00:10:00+09:00', assistanceTypes: ['inquiry'] });

      const all = await policy.get(`/api/assistance-records?${listQuery({ range: [0, 999] })}`).expect(200);
      const times = all.body.map((r: { visitedAt: string }) => Date.parse(r.visitedAt));
      expect(times).toEqual([...times].sort((a, b) => b - a));

      const count = async (filter: unknown) => totalOf(await policy.get(`/api/assistance-records?${listQuery({ filter })}`).expect(200));
      // a date on visitedAt means that JST day: 23:30 JST is in, 00:10 the next day is not
      expect(await count({ visitedAt: '2020-09-01', staffId: ids.counter2 })).toBe(2);
      expect(await count({ assistanceTypes: 'pin_reset' })).toBe(1);
      expect(await count({ assistanceTypes: ['pin_reset', 'fraud_consultation'], visitedAt: '2020-09-01' })).toBe(2);
      expect(await count({ outcome: 'unable', unableReason: 'pin_locked', visitedAt: '2020-09-01' })).toBe(1);
      expect(await count({ q: '不審' })).toBe(1);
      expect(await count({ q: '田中', visitedAt_gte: '2020-09-01', visitedAt_lte: '2020-09-02' })).toBe(3);

      await policy.get(`/api/assistance-records?${listQuery({ filter: { outcome: 'done' } })}`).expect(400);
      await policy.get(`/api/assistance-records?${listQuery({ sort: ['secret', 'ASC'] })}`).expect(400);
    });

    it('gives a clerk today’s own entries for the quick-entry screen', async () => {
      const fresh = await TestApp.start();
      try {
        const c = await fresh.as('counter');
        for (let i = 0; i < 3; i++) await createAssistanceRecord(fresh, c, { durationMinutes: 10 + i });
        await createAssistanceRecord(fresh, 'counter2');
        const res = await c.get(`/api/assistance-records?${listQuery({ filter: { visitedAt: todayJst() }, sort: ['visitedAt', 'DESC'], range: [0, 99] })}`).expect(200);
        expect(totalOf(res)).toBe(3);
        expect(res.body.reduce((s: number, r: { durationMinutes: number }) => s + r.durationMinutes, 0)).toBe(33);
      } finally {
        await fresh.close();
      }
    });
  });

  describe('safety', () => {
    it('creates one record for a double-clicked save with the same Idempotency-Key', async () => {
      const body = assistanceRecordBody({ notes: `double-${Date.now()}` });
      const key = `qe-${Date.now()}-double`;
      const [a, b] = await Promise.all([
        counter.post('/api/assistance-records').set('Idempotency-Key', key).send(body),
        counter.post('/api/assistance-records').set('Idempotency-Key', key).send(body),
      ]);
      expect([a.status, b.status]).toEqual([201, 201]);
      expect(a.body.id).toBe(b.body.id);
      expect(await t.sql('SELECT 1 FROM assistance_records WHERE notes = $1', [body.notes])).toHaveLength(1);
    });

    it('writes the audit row for creates and updates in the same transaction', async () => {
      const rec = await createAssistanceRecord(t, counter, { notes: '監査' });
      await counter.put(`/api/assistance-records/${rec.id}`).send({ durationMinutes: 30 }).expect(200);
      const rows = await t.sql<{ action: string; username: string }>(
        `SELECT action, username FROM audit_logs WHERE resource = 'assistance-records' AND resource_id = $1 ORDER BY id`,
        [String(rec.id)],
      );
      expect(rows).toEqual([
        { action: 'create', username: 'counter' },
        { action: 'update', username: 'counter' },
      ]);
    });

    it('refuses a My Number in the notes or district, stores nothing, logs the refusal without it', async () => {
      const before = await countRecords();
      for (const field of ['notes', 'district']) {
        const res = await counter.post('/api/assistance-records').send(assistanceRecordBody({ [field]: '番号 １２３４ ５６７８ ９０１８' })).expect(400);
        expect(res.body.code).toBe('my_number_refused');
        expect(Object.keys(res.body.errors)).toEqual([field]);
      }
      expect(await countRecords()).toBe(before);
      const [log] = await t.sql<{ changes: unknown; username: string }>(`SELECT changes, username FROM audit_logs WHERE action = 'my_number_refused' ORDER BY id DESC LIMIT 1`);
      expect(log).toMatchObject({ username: 'counter', changes: { fields: ['district'] } });
      expect(JSON.stringify(log.changes)).not.toMatch(/9018|９０１８/);
      // a phone number and a 12-digit number with a wrong check digit are fine
      await counter.post('/api/assistance-records').send(assistanceRecordBody({ notes: '折り返し 0250-62-2510、受付 1234-5678-9012' })).expect(201);
    });
  });
});
