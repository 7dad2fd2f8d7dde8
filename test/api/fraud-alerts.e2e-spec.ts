import { canTransitionFraud, FraudStatus } from '@mynapoint/domain';
import { fraudSeed } from '../../apps/api/src/database/seed/fraud.seed';
import { usersSeed } from '../../apps/api/src/database/seed/users.seed';
import { createFraudAlert, createFraudAlertWithNotice, fraudAlertBody, moveFraudAlert } from '../support/fraud-fixtures';
import { Client_, listQuery, TestApp, totalOf } from '../support/test-app';

describe('fraud-alerts', () => {
  let t: TestApp;
  let counter: Client_;
  let policy: Client_;
  let manager: Client_;
  let admin: Client_;

  beforeAll(async () => {
    t = await TestApp.start();
    [counter, policy, manager, admin] = await Promise.all([t.as('counter'), t.as('policy'), t.as('manager'), t.as('admin')]);
  });
  afterAll(() => t.close());

  const history = (id: number) => t.sql<{ from_status: string | null; to_status: string; username: string; comment: string | null }>(
    `SELECT h.from_status, h.to_status, u.username, h.comment FROM fraud_alert_history h JOIN users u ON u.id = h.changed_by WHERE fraud_alert_id = $1 ORDER BY h.id`,
    [id],
  );

  describe('intake', () => {
    it('records a counter report as new, with the rule’s severity, the reporter and a first history row', async () => {
      const res = await counter.post('/api/fraud-alerts').send(fraudAlertBody()).expect(201);
      expect(res.body).toMatchObject({
        id: expect.any(Number),
        status: 'new',
        severity: 'medium',
        channel: 'phone',
        impersonated: 'mic_staff',
        requestedItems: ['my_number'],
        damageYen: 0,
        district: '水原',
        noticeTitle: null,
        noticePublishedAt: null,
        noticeState: 'none',
        reportedByName: '市民係 窓口 鈴木',
      });
      expect(new Date(res.body.reportedAt).toISOString()).toBe('2020-09-14T01:30:00.000Z');
      const [row] = await t.sql<{ reported_by: number; status: string }>('SELECT reported_by, status FROM fraud_alerts WHERE id = $1', [res.body.id]);
      const [me] = await t.sql<{ id: number }>(`SELECT id FROM users WHERE username = 'counter'`);
      expect(row).toEqual({ reported_by: me.id, status: 'new' });
      expect(await history(res.body.id)).toEqual([{ from_status: null, to_status: 'new', username: 'counter', comment: null }]);
    });

    it.each([
      [{ requestedItems: [], damageYen: 0 }, 'low'],
      [{ requestedItems: ['other'] }, 'low'],
      [{ requestedItems: ['family', 'assets'] }, 'medium'],
      [{ requestedItems: ['money_or_fee'] }, 'high'],
      [{ requestedItems: ['passbook_or_cash_card'] }, 'high'],
      [{ requestedItems: ['pin'] }, 'high'],
      [{ requestedItems: [], damageYen: 3000 }, 'high'],
    ])('defaults the severity of %j to %s', async (overrides, severity) => {
      const res = await counter.post('/api/fraud-alerts').send(fraudAlertBody(overrides)).expect(201);
      expect(res.body.severity).toBe(severity);
    });

    it('fills defaults: reportedAt now, no items, no damage', async () => {
      const before = Date.now();
      const res = await counter.post('/api/fraud-alerts').send({ channel: 'sms', impersonated: 'payment_operator', description: '不審なSMS' }).expect(201);
      expect(res.body).toMatchObject({ requestedItems: [], damageYen: 0, district: null, severity: 'low' });
      expect(Date.parse(res.body.reportedAt)).toBeGreaterThanOrEqual(before - 1000);
    });

    it('answers 400 with field errors for invalid bodies, and writes nothing', async () => {
      const [before] = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM fraud_alerts');
      const res = await counter
        .post('/api/fraud-alerts')
        .send({ channel: 'fax', impersonated: 'mayor', requestedItems: ['pin', 'pin', 'soul'], damageYen: -1, district: 'x'.repeat(41), description: '', reportedAt: '2020-09-14 10:00', extra: 1 })
        .expect(400);
      expect(Object.keys(res.body.errors).sort()).toEqual(['channel', 'damageYen', 'description', 'district', 'extra', 'impersonated', 'reportedAt', 'requestedItems']);
      const nulls = await counter.post('/api/fraud-alerts').send(fraudAlertBody({ damageYen: null, requestedItems: null })).expect(400);
      expect(Object.keys(nulls.body.errors).sort()).toEqual(['damageYen', 'requestedItems']);
      for (const body of [[], 'text', fraudAlertBody({ damageYen: 1.5 }), fraudAlertBody({ requestedItems: 'pin' }), fraudAlertBody({ damageYen: '100' })]) {
        expect((await counter.post('/api/fraud-alerts').send(body as object)).status).toBe(400);
      }
      const [after] = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM fraud_alerts');
      expect(after.n).toBe(before.n);
    });

    it('accepts status "new" on create (a field of the contract) and refuses any other status with the reason', async () => {
      const res = await counter.post('/api/fraud-alerts').send(fraudAlertBody({ status: 'new' })).expect(201);
      expect(res.body.status).toBe('new');
      for (const status of ['investigating', 'closed', 'referred_police', 'bogus']) {
        const refused = await counter.post('/api/fraud-alerts').send(fraudAlertBody({ status })).expect(400);
        expect(refused.body).toMatchObject({ statusCode: 400, errors: { status: expect.stringContaining('「新規」') } });
        expect(refused.body.errors.status).toContain('更新');
      }
    });

    it('refuses a report dated in the future', async () => {
      const res = await counter.post('/api/fraud-alerts').send(fraudAlertBody({ reportedAt: new Date(Date.now() + 86_400_000).toISOString() })).expect(400);
      expect(res.body).toMatchObject({ code: 'fraud_alert_reported_in_future', errors: { reportedAt: expect.any(String) } });
    });

    it('refuses a My Number in the description and keeps nothing of it', async () => {
      const body = fraudAlertBody({ description: '相手が言った番号 1234 5678 9018 をメモした' });
      const res = await counter.post('/api/fraud-alerts').send(body).expect(400);
      expect(res.body).toMatchObject({ code: 'my_number_refused', errors: { description: expect.any(String) } });
      expect(await t.sql(`SELECT 1 FROM fraud_alerts WHERE description LIKE '%9018%'`)).toHaveLength(0);
    });

    it('leaves severity and the notice to policy staff: counter staff get 403 for them', async () => {
      const sev = await counter.post('/api/fraud-alerts').send(fraudAlertBody({ severity: 'high' })).expect(403);
      expect(sev.body).toMatchObject({ code: 'fraud_alert_triage_not_allowed', errors: { severity: expect.any(String) } });
      const notice = await counter.post('/api/fraud-alerts').send(fraudAlertBody({ noticeTitle: '注意' })).expect(403);
      expect(notice.body.errors).toHaveProperty('noticeTitle');
      // Sending the default itself is not a choice.
      await counter.post('/api/fraud-alerts').send(fraudAlertBody({ severity: 'medium', noticeTitle: '' })).expect(201);
    });

    it('creates one report for a double-clicked save with the same Idempotency-Key', async () => {
      const body = fraudAlertBody({ description: `二重送信の確認 ${Date.now()}` });
      const key = `fraud-${Date.now()}-double`;
      const [a, b] = await Promise.all([
        counter.post('/api/fraud-alerts').set('Idempotency-Key', key).send(body),
        counter.post('/api/fraud-alerts').set('Idempotency-Key', key).send(body),
      ]);
      expect([a.status, b.status]).toEqual([201, 201]);
      expect(a.body.id).toBe(b.body.id);
      expect(await t.sql('SELECT 1 FROM fraud_alerts WHERE description = $1', [body.description])).toHaveLength(1);
    });
  });

  describe('severity', () => {
    it('may be raised by policy staff, never set below the rule’s default', async () => {
      const raised = await policy.post('/api/fraud-alerts').send(fraudAlertBody({ requestedItems: [], severity: 'high' })).expect(201);
      expect(raised.body.severity).toBe('high');
      const low = await policy.post('/api/fraud-alerts').send(fraudAlertBody({ requestedItems: ['pin'], severity: 'medium' })).expect(400);
      expect(low.body).toMatchObject({ code: 'fraud_alert_severity_below_default', errors: { severity: expect.stringContaining('高') } });

      const a = await createFraudAlert(t, { requestedItems: ['money_or_fee'] });
      const down = await policy.put(`/api/fraud-alerts/${a.id}`).send({ severity: 'low' }).expect(400);
      expect(down.body.code).toBe('fraud_alert_severity_below_default');
      expect((await t.sql<{ severity: string }>('SELECT severity FROM fraud_alerts WHERE id = $1', [a.id]))[0].severity).toBe('high');
    });

    it('rises with the facts when an edit adds damage, and is not lowered when they shrink', async () => {
      const a = await createFraudAlert(t, { requestedItems: ['other'] });
      expect(a.severity).toBe('low');
      const up = await policy.put(`/api/fraud-alerts/${a.id}`).send({ ...a, damageYen: 20000 }).expect(200);
      expect(up.body.severity).toBe('high');
      const back = await policy.put(`/api/fraud-alerts/${a.id}`).send({ ...up.body, damageYen: 0 }).expect(200);
      expect(back.body.severity).toBe('high');
      // Lowering it is a choice, within the floor.
      const chosen = await policy.put(`/api/fraud-alerts/${a.id}`).send({ ...back.body, severity: 'low' }).expect(200);
      expect(chosen.body.severity).toBe('low');
    });
  });

  describe('PUT of the whole record', () => {
    it('saves what react-admin sends back, ignoring the read-only fields', async () => {
      const a = await createFraudAlert(t, {}, 'counter');
      const res = await policy
        .put(`/api/fraud-alerts/${a.id}`)
        .send({ ...a, id: 999999, reportedBy: 1, reportedByName: 'x', noticePublishedAt: '2020-01-01T00:00:00Z', noticeState: 'published', createdAt: '2000-01-01T00:00:00Z', district: '笹神' })
        .expect(200);
      expect(res.body).toMatchObject({ id: a.id, reportedBy: a.reportedBy, reportedByName: a.reportedByName, noticePublishedAt: null, createdAt: a.createdAt, district: '笹神', status: 'new' });
      expect(await history(a.id)).toHaveLength(1);
    });

    it('is refused to counter staff and managers (403) and answers 404 for unknown ids', async () => {
      const a = await createFraudAlert(t);
      await counter.put(`/api/fraud-alerts/${a.id}`).send({ district: '安田' }).expect(403);
      await manager.put(`/api/fraud-alerts/${a.id}`).send({ district: '安田' }).expect(403);
      await policy.put('/api/fraud-alerts/987654').send({ district: '安田' }).expect(404);
      await policy.get('/api/fraud-alerts/987654').expect(404);
      await policy.get('/api/fraud-alerts/987654/history').expect(404);
      await policy.get('/api/fraud-alerts/abc').expect(400);
    });
  });

  describe('triage workflow', () => {
    it('walks new → investigating → referred_police → investigating → closed, keeping who, when and the comment', async () => {
      const a = await createFraudAlert(t, {}, 'counter');
      const steps: [FraudStatus, string | undefined][] = [
        ['investigating', '相談者に折り返し連絡'],
        ['referred_police', '阿賀野警察署へ情報提供'],
        ['investigating', undefined],
        ['closed', '終了'],
      ];
      for (const [status, statusComment] of steps) {
        const res = await policy.put(`/api/fraud-alerts/${a.id}`).send({ status, statusComment }).expect(200);
        expect(res.body.status).toBe(status);
      }
      const res = await counter.get(`/api/fraud-alerts/${a.id}/history`).expect(200);
      expect(res.body.map((h: { fromStatus: string | null; toStatus: string }) => [h.fromStatus, h.toStatus])).toEqual([
        [null, 'new'],
        ['new', 'investigating'],
        ['investigating', 'referred_police'],
        ['referred_police', 'investigating'],
        ['investigating', 'closed'],
      ]);
      expect(res.body[0]).toMatchObject({ changedByName: '市民係 窓口 鈴木', comment: null });
      expect(res.body[1]).toMatchObject({ changedByName: '政策推進係 佐藤', comment: '相談者に折り返し連絡', changedAt: expect.any(String) });
      const times = res.body.map((h: { changedAt: string }) => Date.parse(h.changedAt));
      expect(times).toEqual([...times].sort((x: number, y: number) => x - y));
      const audit = await t.sql<{ action: string; username: string }>(`SELECT action, username FROM audit_logs WHERE resource = 'fraud-alerts' AND resource_id = $1 ORDER BY id`, [String(a.id)]);
      expect(audit.map((r) => `${r.action}:${r.username}`)).toEqual(['create:counter', 'update:policy', 'update:policy', 'update:policy', 'update:policy']);
    });

    it.each([
      [[], 'closed', '「調査中」'],
      [[], 'referred_police', '「調査中」'],
      [['investigating'], 'new', '「警察へ連絡済み」、「完了」'],
      [['investigating', 'closed'], 'referred_police', '「調査中」'],
      [['investigating', 'closed'], 'new', '「調査中」'],
      [['investigating', 'referred_police'], 'closed', '「調査中」'],
    ] as [FraudStatus[], FraudStatus, string][])('after %j refuses → %s with 409 naming the allowed steps, and writes nothing', async (path, to, allowed) => {
      const a = await createFraudAlert(t);
      await moveFraudAlert(t, a.id, ...path);
      const before = await history(a.id);
      const res = await policy.put(`/api/fraud-alerts/${a.id}`).send({ status: to, statusComment: 'x', district: '変更されないはず' }).expect(409);
      expect(res.body).toMatchObject({ statusCode: 409, code: 'fraud_alert_illegal_transition' });
      expect(res.body.message).toContain(allowed);
      const [row] = await t.sql<{ status: string; district: string }>('SELECT status, district FROM fraud_alerts WHERE id = $1', [a.id]);
      expect(row).toEqual({ status: path[path.length - 1] ?? 'new', district: '水原' });
      expect(await history(a.id)).toEqual(before);
    });

    it('treats the current status as no change, and refuses a comment without a change', async () => {
      const a = await createFraudAlert(t);
      await policy.put(`/api/fraud-alerts/${a.id}`).send({ status: 'new' }).expect(200);
      const res = await policy.put(`/api/fraud-alerts/${a.id}`).send({ status: 'new', statusComment: 'メモ' }).expect(400);
      expect(res.body).toMatchObject({ code: 'fraud_alert_status_comment_without_change', errors: { statusComment: expect.any(String) } });
      expect(await history(a.id)).toHaveLength(1);
    });

    it('lets only one of two racing status changes win', async () => {
      const a = await createFraudAlert(t);
      await moveFraudAlert(t, a.id, 'investigating');
      const other = await t.as('admin');
      const [x, y] = await Promise.all([
        policy.put(`/api/fraud-alerts/${a.id}`).send({ status: 'closed' }),
        other.put(`/api/fraud-alerts/${a.id}`).send({ status: 'referred_police' }),
      ]);
      expect([x.status, y.status].sort()).toEqual([200, 409]);
      const rows = await history(a.id);
      expect(rows).toHaveLength(3);
      const [row] = await t.sql<{ status: string }>('SELECT status FROM fraud_alerts WHERE id = $1', [a.id]);
      expect(row.status).toBe(rows[2].to_status);
    });
  });

  describe('warning notices', () => {
    it('publishes a drafted notice once, as a manager: stamped, audit-logged, then frozen', async () => {
      const a = await createFraudAlert(t, {}, 'counter');
      const draft = await policy
        .put(`/api/fraud-alerts/${a.id}`)
        .send({ noticeTitle: '総務省職員をかたる電話にご注意ください', noticeBody: 'マイナンバーを電話で聞くことはありません。' })
        .expect(200);
      expect(draft.body.noticeState).toBe('draft');

      await counter.post(`/api/fraud-alerts/${a.id}/publish`).expect(403);
      await policy.post(`/api/fraud-alerts/${a.id}/publish`).expect(403);
      const before = Date.now();
      const res = await manager.post(`/api/fraud-alerts/${a.id}/publish`).expect(200);
      expect(res.body).toMatchObject({ id: a.id, noticeState: 'published', noticePublishedByName: '市民生活課長 高橋' });
      expect(Date.parse(res.body.noticePublishedAt)).toBeGreaterThanOrEqual(before - 1000);

      const again = await admin.post(`/api/fraud-alerts/${a.id}/publish`).expect(409);
      expect(again.body).toMatchObject({ code: 'fraud_alert_notice_already_published', message: expect.stringContaining('公開済み') });
      const [row] = await t.sql<{ notice_published_at: Date }>('SELECT notice_published_at FROM fraud_alerts WHERE id = $1', [a.id]);
      expect(row.notice_published_at.toISOString()).toBe(new Date(res.body.noticePublishedAt).toISOString());

      const audit = await t.sql<{ action: string; username: string }>(`SELECT action, username FROM audit_logs WHERE resource = 'fraud-alerts' AND resource_id = $1 AND action = 'publish'`, [String(a.id)]);
      expect(audit).toEqual([{ action: 'publish', username: 'manager' }]);

      const frozen = await policy.put(`/api/fraud-alerts/${a.id}`).send({ noticeBody: '書き換え' }).expect(409);
      expect(frozen.body).toMatchObject({ code: 'fraud_alert_notice_frozen', errors: { noticeBody: expect.any(String) } });
      // The whole record sent back unchanged still saves (the status moves on).
      const saved = await policy.put(`/api/fraud-alerts/${a.id}`).send({ ...res.body, status: 'investigating' }).expect(200);
      expect(saved.body).toMatchObject({ status: 'investigating', noticeBody: 'マイナンバーを電話で聞くことはありません。', noticePublishedAt: res.body.noticePublishedAt });
    });

    it('refuses to publish without a title and a body (400) and for unknown ids (404)', async () => {
      const none = await createFraudAlert(t);
      const res = await manager.post(`/api/fraud-alerts/${none.id}/publish`).expect(400);
      expect(res.body).toMatchObject({ code: 'fraud_alert_notice_incomplete', errors: { noticeTitle: expect.any(String), noticeBody: expect.any(String) } });
      const blank = await createFraudAlert(t, { noticeTitle: '見出しだけ', noticeBody: '   ' });
      const res2 = await manager.post(`/api/fraud-alerts/${blank.id}/publish`).expect(400);
      expect(Object.keys(res2.body.errors)).toEqual(['noticeBody']);
      expect((await t.sql('SELECT 1 FROM fraud_alerts WHERE id = ANY($1) AND notice_published_at IS NOT NULL', [[none.id, blank.id]])).length).toBe(0);
      expect(await t.sql(`SELECT 1 FROM audit_logs WHERE action = 'publish' AND resource_id = ANY($1)`, [[String(none.id), String(blank.id)]])).toHaveLength(0);
      await manager.post('/api/fraud-alerts/987654/publish').expect(404);
    });

    it('refuses to publish a notice with a draft marker left in it (400), naming the marker and the field', async () => {
      const a = await createFraudAlertWithNotice(t, { noticeTitle: '「上乗せキャンペーン当選」をかたる電話にご注意ください（案）' });
      const res = await manager.post(`/api/fraud-alerts/${a.id}/publish`).expect(400);
      expect(res.body).toMatchObject({ code: 'fraud_alert_notice_draft_marker', errors: { noticeTitle: expect.stringContaining('「（案）」') } });
      expect(Object.keys(res.body.errors)).toEqual(['noticeTitle']);
      const b = await createFraudAlertWithNotice(t, { noticeBody: '〇〇課（電話 ＿＿＿＿）までご相談ください。' });
      const res2 = await admin.post(`/api/fraud-alerts/${b.id}/publish`).expect(400);
      expect(res2.body.errors.noticeBody).toEqual(expect.stringContaining('「〇〇」'));
      expect(res2.body.errors.noticeBody).toContain('「＿＿」');
      expect(await t.sql('SELECT 1 FROM fraud_alerts WHERE id = ANY($1) AND notice_published_at IS NOT NULL', [[a.id, b.id]])).toHaveLength(0);

      // Once policy staff finish the text, it publishes.
      await policy.put(`/api/fraud-alerts/${a.id}`).send({ noticeTitle: '「上乗せキャンペーン当選」をかたる電話にご注意ください' }).expect(200);
      await manager.post(`/api/fraud-alerts/${a.id}/publish`).expect(200);
    });

    it('stamps once when two managers publish at the same moment', async () => {
      const a = await createFraudAlertWithNotice(t);
      const [x, y] = await Promise.all([manager.post(`/api/fraud-alerts/${a.id}/publish`), admin.post(`/api/fraud-alerts/${a.id}/publish`)]);
      expect([x.status, y.status].sort()).toEqual([200, 409]);
      expect(await t.sql(`SELECT 1 FROM audit_logs WHERE action = 'publish' AND resource_id = $1`, [String(a.id)])).toHaveLength(1);
    });

    it('lists published notices for every role, newest first', async () => {
      const older = await createFraudAlertWithNotice(t, { noticeTitle: '古い注意喚起' });
      const newer = await createFraudAlertWithNotice(t, { noticeTitle: '新しい注意喚起' });
      await manager.post(`/api/fraud-alerts/${older.id}/publish`).expect(200);
      await manager.post(`/api/fraud-alerts/${newer.id}/publish`).expect(200);
      await createFraudAlertWithNotice(t, { noticeTitle: '下書きのまま' });
      for (const as of [counter, policy, manager, admin]) {
        const res = await as.get(`/api/fraud-alerts?${listQuery({ filter: { published: true }, sort: ['noticePublishedAt', 'DESC'], range: [0, 99] })}`).expect(200);
        const titles = res.body.map((r: { noticeTitle: string }) => r.noticeTitle);
        expect(titles.indexOf('新しい注意喚起')).toBeLessThan(titles.indexOf('古い注意喚起'));
        expect(titles).not.toContain('下書きのまま');
        expect(res.body.every((r: { noticePublishedAt: string | null }) => r.noticePublishedAt)).toBe(true);
      }
      const drafts = await manager.get(`/api/fraud-alerts?${listQuery({ filter: { noticeState: 'draft' }, range: [0, 99] })}`).expect(200);
      expect(drafts.body.map((r: { noticeTitle: string }) => r.noticeTitle)).toContain('下書きのまま');
      await manager.get(`/api/fraud-alerts?${listQuery({ filter: { published: 'yes' } })}`).expect(400);
    });
  });

  describe('list', () => {
    it('filters by status, severity, channel, items, district text, date range and keyword; sorts severity by rank', async () => {
      const mark = `検索用-${Date.now()}`;
      await createFraudAlert(t, { description: `${mark} A`, channel: 'sms', requestedItems: ['pin'], reportedAt: '2021-03-01T09:00:00+09:00' });
      await createFraudAlert(t, { description: `${mark} B`, channel: 'email', requestedItems: [], district: '安田', reportedAt: '2021-03-02T09:00:00+09:00' });
      const count = async (filter: Record<string, unknown>) => totalOf(await policy.get(`/api/fraud-alerts?${listQuery({ filter: { q: mark, ...filter } })}`).expect(200));
      expect(await count({})).toBe(2);
      expect(await count({ channel: 'sms' })).toBe(1);
      expect(await count({ severity: 'high' })).toBe(1);
      expect(await count({ requestedItems: 'pin' })).toBe(1);
      expect(await count({ district: '安田' })).toBe(1);
      expect(await count({ reportedAt_gte: '2021-03-02', reportedAt_lte: '2021-03-02' })).toBe(1);
      expect(await count({ status: 'new' })).toBe(2);
      const sorted = await policy.get(`/api/fraud-alerts?${listQuery({ filter: { q: mark }, sort: ['severity', 'DESC'] })}`).expect(200);
      expect(sorted.body.map((r: { severity: string }) => r.severity)).toEqual(['high', 'low']);
      await policy.get(`/api/fraud-alerts?${listQuery({ filter: { status: 'open' } })}`).expect(400);
    });
  });

  describe('delete', () => {
    it('lets admins delete a report with its history; others get 403', async () => {
      const a = await createFraudAlert(t);
      await moveFraudAlert(t, a.id, 'investigating');
      await policy.delete(`/api/fraud-alerts/${a.id}`).expect(403);
      await counter.delete(`/api/fraud-alerts/${a.id}`).expect(403);
      await admin.delete(`/api/fraud-alerts/${a.id}`).expect(200);
      await admin.get(`/api/fraud-alerts/${a.id}`).expect(404);
      expect(await history(a.id)).toHaveLength(0);
    });
  });

  describe('the database’s own rules', () => {
    it('refuses rows that break the enums, the items set, the severity floor or the workflow', async () => {
      const [u] = await t.sql<{ id: number }>(`SELECT id FROM users WHERE username = 'counter'`);
      const insert = (cols: Record<string, unknown>) => {
        const row = { channel: 'phone', impersonated: 'mic_staff', description: 'x', severity: 'high', reported_by: u.id, ...cols };
        const keys = Object.keys(row);
        return t.sql(`INSERT INTO fraud_alerts (${keys.join(', ')}) VALUES (${keys.map((_, i) => `$${i + 1}`).join(', ')})`, Object.values(row));
      };
      await expect(insert({ channel: 'fax' })).rejects.toThrow(/check constraint/);
      await expect(insert({ requested_items: ['pin', 'pin'] })).rejects.toThrow(/requested_items_subset/);
      await expect(insert({ requested_items: ['soul'] })).rejects.toThrow(/requested_items_subset/);
      await expect(insert({ damage_yen: -1 })).rejects.toThrow(/check constraint/);
      await expect(insert({ severity: 'medium', damage_yen: 100 })).rejects.toThrow(/severity_high_floor/);
      await expect(insert({ severity: 'low', requested_items: ['family'] })).rejects.toThrow(/severity_medium_floor/);
      await expect(insert({ notice_published_at: new Date(), notice_title: 't' })).rejects.toThrow(/published_notice_complete/);
      await expect(insert({ reported_by: 999999 })).rejects.toThrow(/foreign key/);

      const a = await createFraudAlertWithNotice(t);
      await expect(t.sql(`UPDATE fraud_alerts SET status = 'closed' WHERE id = $1`, [a.id])).rejects.toThrow(/cannot change from new to closed/);
      await expect(t.sql(`INSERT INTO fraud_alert_history (fraud_alert_id, from_status, to_status, changed_by) VALUES ($1, 'new', 'closed', $2)`, [a.id, u.id])).rejects.toThrow(/allowed_step/);
      await manager.post(`/api/fraud-alerts/${a.id}/publish`).expect(200);
      await expect(t.sql(`UPDATE fraud_alerts SET notice_body = 'x' WHERE id = $1`, [a.id])).rejects.toThrow(/published notice/);
      await expect(t.sql(`UPDATE fraud_alerts SET notice_published_at = now() WHERE id = $1`, [a.id])).rejects.toThrow(/published notice/);
    });
  });
});

describe('the fraud demo seed', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start({ seed: [usersSeed, fraudSeed] });
  });
  afterAll(() => t.close());

  it('lays out 60–120 believable reports over 2020-07 … 2021-12 with valid histories and 3–4 published notices', async () => {
    const [s] = await t.sql<{ n: number; first: string; last: string; damaged: number; phone: number; sms_email: number; visits: number }>(
      `SELECT count(*)::int AS n, to_char(min(reported_at) AT TIME ZONE 'Asia/Tokyo', 'YYYY-MM') AS first, to_char(max(reported_at) AT TIME ZONE 'Asia/Tokyo', 'YYYY-MM') AS last,
              count(*) FILTER (WHERE damage_yen > 0)::int AS damaged, count(*) FILTER (WHERE channel = 'phone')::int AS phone,
              count(*) FILTER (WHERE channel IN ('sms','email'))::int AS sms_email, count(*) FILTER (WHERE channel = 'visit')::int AS visits
         FROM fraud_alerts`,
    );
    expect(s.n).toBeGreaterThanOrEqual(60);
    expect(s.n).toBeLessThanOrEqual(120);
    expect([s.first, s.last]).toEqual(['2020-07', '2021-12']);
    expect(s.damaged).toBeGreaterThan(0);
    expect(s.phone).toBeGreaterThan(s.sms_email);
    expect(s.visits).toBeGreaterThan(0);
    const statuses = await t.sql<{ status: string }>('SELECT DISTINCT status FROM fraud_alerts');
    expect(statuses.map((r) => r.status).sort()).toEqual(['closed', 'investigating', 'new', 'referred_police']);

    const histories = await t.sql<{ status: string; steps: [string | null, string][] }>(
      `SELECT fa.status, json_agg(json_build_array(h.from_status, h.to_status) ORDER BY h.changed_at, h.id) AS steps
         FROM fraud_alerts fa JOIN fraud_alert_history h ON h.fraud_alert_id = fa.id GROUP BY fa.municipality_code, fa.id`,
    );
    expect(histories).toHaveLength(s.n);
    for (const { status, steps } of histories) {
      expect(steps[0]).toEqual([null, 'new']);
      for (let i = 1; i < steps.length; i++) {
        expect(steps[i][0]).toBe(steps[i - 1][1]);
        expect(canTransitionFraud(steps[i][0] as FraudStatus, steps[i][1] as FraudStatus)).toBe(true);
      }
      expect(steps[steps.length - 1][1]).toBe(status);
    }

    const manager = await t.as('manager');
    const notices = await manager.get(`/api/fraud-alerts?${listQuery({ filter: { published: true }, sort: ['noticePublishedAt', 'DESC'] })}`).expect(200);
    expect(notices.body.length).toBeGreaterThanOrEqual(3);
    expect(notices.body.length).toBeLessThanOrEqual(4);
    const dates = notices.body.map((n: { noticePublishedAt: string }) => n.noticePublishedAt);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(notices.body[0].noticeTitle).toMatch(/ご注意ください/);
  });

  it('records each report by its 受付職員 and every step in office hours (JST weekdays 8:30–17:15), the same on every run', async () => {
    const first = await t.sql<{ id: number; reported_by: number; reported_at: Date; changed_by: number; changed_at: Date }>(
      `SELECT fa.id, fa.reported_by, fa.reported_at, h.changed_by, h.changed_at
         FROM fraud_alerts fa JOIN fraud_alert_history h ON h.fraud_alert_id = fa.id AND h.from_status IS NULL`,
    );
    expect(first.length).toBeGreaterThanOrEqual(60);
    const mismatched = first.filter((r) => r.changed_by !== r.reported_by || r.changed_at.getTime() !== r.reported_at.getTime());
    expect(mismatched).toEqual([]);

    // Every instant the demo shows: reports, history steps, publications.
    const outside = await t.sql<{ what: string; at: string }>(
      `WITH instants AS (
         SELECT 'reported' AS what, reported_at AS at FROM fraud_alerts
         UNION ALL SELECT 'history', changed_at FROM fraud_alert_history
         UNION ALL SELECT 'published', notice_published_at FROM fraud_alerts WHERE notice_published_at IS NOT NULL)
       SELECT what, to_char(at AT TIME ZONE 'Asia/Tokyo', 'Dy YYYY-MM-DD HH24:MI') AS at FROM instants
        WHERE extract(isodow FROM at AT TIME ZONE 'Asia/Tokyo') > 5
           OR (at AT TIME ZONE 'Asia/Tokyo')::time NOT BETWEEN '08:30' AND '17:15'`,
    );
    expect(outside).toEqual([]);
    const publishedBeforeReport = await t.sql('SELECT id FROM fraud_alerts WHERE notice_published_at < reported_at');
    expect(publishedBeforeReport).toEqual([]);

    const fingerprint = (x: TestApp) =>
      x.sql<{ f: string }>(
        `SELECT md5(string_agg(concat_ws('|', fa.reported_at, u.username, fa.status, fa.notice_title,
                  (SELECT string_agg(concat_ws('/', h.to_status, h.changed_at, hu.username), ',' ORDER BY h.id)
                     FROM fraud_alert_history h JOIN users hu ON hu.id = h.changed_by WHERE h.fraud_alert_id = fa.id)), ';' ORDER BY fa.id)) AS f
           FROM fraud_alerts fa JOIN users u ON u.id = fa.reported_by`,
      );
    const again = await TestApp.start({ seed: [usersSeed, fraudSeed] });
    try {
      expect(await fingerprint(again)).toEqual(await fingerprint(t));
    } finally {
      await again.close();
    }
  });
});
