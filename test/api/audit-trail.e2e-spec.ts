import { can, type AuditAction } from '@mynapoint/domain';
import http from 'node:http';
import type request from 'supertest';
import { listSpecResources } from '../../apps/api/src/common/list/list-spec';
import { paymentServicesSeed } from '../../apps/api/src/database/seed/payment-services.seed';
import { usersSeed } from '../../apps/api/src/database/seed/users.seed';
import { loadRouteCases } from '../support/route-cases';
import { listRoutes, RouteInfo } from '../support/routes';
import { ALL_ROLES, TestApp } from '../support/test-app';
import { createDesk } from '../support/desk-fixtures';
import { importCsv, newMyKeyId, sqlCampaign, sqlQuota } from '../support/uptake-sql-fixtures';

// The audit trail, checked from the route table rather than from a hand-kept list:
//   - the database itself refuses UPDATE, DELETE and TRUNCATE on audit_logs;
//   - every write route (POST/PUT/PATCH/DELETE), called successfully through its
//     role-matrix case, leaves an audit row naming its resource, action and record;
//   - every route that hands out a file (OpenAPI "produces" CSV/Excel/PDF) leaves an
//     'export' row — for the list exports, every exportable resource in both formats.
const WRITE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

// The action a successful call must log, from the route's permission action.
const ACTION_OF: Record<string, AuditAction> = { create: 'create', edit: 'update', delete: 'delete', publish: 'publish', export: 'export' };
const SPECIAL: Record<string, { action: AuditAction; resource: string }> = {
  'POST /api/auth/login': { action: 'login', resource: 'auth' },
  'POST /api/auth/logout': { action: 'logout', resource: 'auth' },
  'POST /api/imports': { action: 'import', resource: 'imports' },
  'POST /api/users/:id/unlock': { action: 'unlock', resource: 'users' },
  // The operator's removal of a municipality's data: a 'delete' of it, in the installation's log.
  'POST /api/municipalities/:id/remove-data': { action: 'delete', resource: 'municipalities' },
  'POST /api/auth/login/totp': { action: 'login', resource: 'auth' },
  'POST /api/auth/totp/confirm': { action: 'totp_enabled', resource: 'auth' },
  'POST /api/auth/totp/recovery-codes': { action: 'recovery_codes_issued', resource: 'auth' },
  'DELETE /api/auth/sessions/:id': { action: 'session_ended', resource: 'auth' },
  'DELETE /api/users/:id/sessions/:sessionId': { action: 'session_ended', resource: 'users' },
  'DELETE /api/users/:id/sessions': { action: 'session_ended', resource: 'users' },
  'POST /api/users/:id/totp-reset': { action: 'totp_reset', resource: 'users' },
  // Check-in: the appointment's update (the visit record it opens gets its own create row).
  'POST /api/appointments/:id/check-in': { action: 'update', resource: 'appointments' },
};
// Write routes that log nothing themselves, and why.
const EXEMPT: Record<string, string> = {
  'POST /api/exports/:resource/ticket': 'issues a 60-second download URL; the download it opens is the export and is logged',
  'POST /api/municipalities/:id/export/ticket': 'issues a 60-second download URL; the download it opens is the export and is logged',
  'POST /api/auth/totp/setup': 'stores a pending secret only; turning the second factor on (confirm) is logged as totp_enabled',
};

const figures = { writeRoutes: 0, writeRoutesAudited: 0, exempt: 0, exportPaths: 0, exportCalls: 0 };

describe('audit trail', () => {
  let t: TestApp;
  let routes: RouteInfo[];
  const cases = loadRouteCases();

  beforeAll(async () => {
    t = await TestApp.start({ seed: [usersSeed, paymentServicesSeed], config: { rateLimitExportsPerMinute: 100_000, rateLimitImportsPerMinute: 100_000 } });
    await t.addInstallationUsers();
    routes = listRoutes(t.app);
  });
  afterAll(async () => {
    await t.close();
    // eslint-disable-next-line no-console
    console.table({
      'write routes': figures.writeRoutes,
      'write routes with their audit row': figures.writeRoutesAudited,
      'exempt (reason in the test)': figures.exempt,
      'file routes (exports, reports, error reports)': figures.exportPaths,
      'export calls checked': figures.exportCalls,
    });
  });

  const lastId = async () => Number((await t.sql<{ id: string | null }>('SELECT max(id) AS id FROM audit_logs'))[0].id ?? 0);

  describe('append-only at the database', () => {
    it.each([
      ['UPDATE', "UPDATE audit_logs SET action = 'login' WHERE id = (SELECT max(id) FROM audit_logs)"],
      ['UPDATE of every row', "UPDATE audit_logs SET changes = '{}'::jsonb"],
      ['DELETE', 'DELETE FROM audit_logs WHERE id = (SELECT max(id) FROM audit_logs)'],
      ['DELETE of every row', 'DELETE FROM audit_logs'],
      ['TRUNCATE', 'TRUNCATE audit_logs'],
    ])('refuses %s', async (_what, sql) => {
      await (await t.as('admin')).get('/api/auth/me'); // at least one row exists (the login)
      const before = await t.sql('SELECT * FROM audit_logs ORDER BY id');
      expect(before.length).toBeGreaterThan(0);
      await expect(t.sql(sql)).rejects.toThrow(/append-only/);
      expect(await t.sql('SELECT * FROM audit_logs ORDER BY id')).toEqual(before);
    });

    it('still takes new rows', async () => {
      const before = await lastId();
      await t.anon.post('/api/auth/login').send({ username: 'policy', password: 'wrong-password-1' }).expect(401);
      expect(await lastId()).toBeGreaterThan(before);
    });
  });

  describe('GET /api/audit-logs/:id', () => {
    it('shows an update with what its fields held before, as the log last recorded them', async () => {
      const policy = await t.as('policy');
      const created = await policy.post('/api/payment-services').send({ name: '監査テストPay', operator: '監査株式会社', kind: 'qr_code', status: 'active', applicationsOpenOn: '2020-07-01' }).expect(201);
      const id = created.body.id;
      await policy.put(`/api/payment-services/${id}`).send({ status: 'suspended', notes: 'メモ1' }).expect(200);
      await policy.put(`/api/payment-services/${id}`).send({ status: 'active', notes: 'メモ2', url: 'https://example.jp/' }).expect(200);
      const rows = await t.sql<{ id: number; action: string }>(`SELECT id, action FROM audit_logs WHERE resource = 'payment-services' AND resource_id = $1 ORDER BY id`, [String(id)]);
      expect(rows.map((r) => r.action)).toEqual(['create', 'update', 'update']);

      const manager = await t.as('manager');
      const last = await manager.get(`/api/audit-logs/${rows[2].id}`).expect(200);
      expect(last.body).toMatchObject({ action: 'update', resource: 'payment-services', resourceId: String(id), changes: { status: 'active', notes: 'メモ2', url: 'https://example.jp/' } });
      // url was never logged before: absent, not null
      expect(last.body.before).toEqual({ status: 'suspended', notes: 'メモ1' });
      const first = await manager.get(`/api/audit-logs/${rows[1].id}`).expect(200);
      expect(first.body.before).toEqual({ status: 'active' });
      const create = await manager.get(`/api/audit-logs/${rows[0].id}`).expect(200);
      expect(create.body.before).toBeNull();

      // a sign-in row (resource auth) opens too; read-only for everyone
      const [login] = await t.sql<{ id: number }>(`SELECT max(id)::int AS id FROM audit_logs WHERE resource = 'auth'`);
      expect((await manager.get(`/api/audit-logs/${login.id}`).expect(200)).body).toMatchObject({ resource: 'auth', before: null });
      await manager.put(`/api/audit-logs/${login.id}`).send({}).expect(404);
      await (await t.as('policy')).get(`/api/audit-logs/${login.id}`).expect(403);
    });
  });

  it('logs every write route of the route table, with its resource, action and record', async () => {
    const writes = routes.filter((r) => WRITE.has(r.method));
    figures.writeRoutes = writes.length;
    expect(writes.length).toBeGreaterThan(20);
    const failures: string[] = [];
    for (const r of writes) {
      if (EXEMPT[r.key]) {
        figures.exempt++;
        continue;
      }
      const expected = SPECIAL[r.key] ?? (r.access?.kind === 'permission' ? { action: ACTION_OF[r.access.action], resource: r.access.resource } : undefined);
      if (!expected?.action) {
        failures.push(`${r.key}: no expected audit action (add it to SPECIAL or EXEMPT with a reason)`);
        continue;
      }
      const role = r.access?.kind === 'permission' ? ALL_ROLES.find((x) => r.access?.kind === 'permission' && can(x, r.access.resource, r.access.action)) : 'admin';
      let res: request.Response;
      let from: number;
      if (r.key === 'POST /api/auth/login') {
        from = await lastId();
        res = await t.anon.post('/api/auth/login').send({ username: 'manager', password: 'mynapoint-demo' });
      } else {
        const c = cases.get(r.key);
        if (!c) {
          failures.push(`${r.key}: no route case`);
          continue;
        }
        // The case sets up what it needs first; its last request is the one to check.
        from = await lastId();
        // A route no municipality role may call is the operator's.
        res = role ? await c.ok(t, await t.as(role), role) : await c.ok(t, await t.asOperator(), 'operator');
      }
      if (res.status >= 300) {
        failures.push(`${r.key}: the case failed (${res.status})`);
        continue;
      }
      const url = new URL((res as unknown as { request: { url: string } }).request.url);
      const idInPath = r.path.includes(':id') ? url.pathname.split('/')[r.path.split('/').indexOf(':id')] : undefined;
      const recordId = idInPath ?? (res.body as { id?: unknown })?.id ?? (res.body as { user?: { id?: unknown } })?.user?.id;
      const rows = await t.sql<{ action: string; resource: string; resource_id: string | null; user_id: number | null }>(
        'SELECT action, resource, resource_id, user_id FROM audit_logs WHERE id > $1 AND action = $2 AND resource = $3 ORDER BY id DESC',
        [from, expected.action, expected.resource],
      );
      const match = rows.find((row) => recordId === undefined || row.resource_id === String(recordId));
      if (!match) failures.push(`${r.key}: no '${expected.action}' row for ${expected.resource}${recordId !== undefined ? ` #${recordId}` : ''} (found ${JSON.stringify(rows.slice(0, 3))})`);
      else if (match.user_id === null) failures.push(`${r.key}: the row names no user`);
      else figures.writeRoutesAudited++;
    }
    expect(failures).toEqual([]);
  });

  // Found by this test: the COPY stayed blocked and the pipeline never settled, so the
  // pooled connection was lost and no audit row was written.
  it.each(['csv', 'xlsx'])('logs a %s export the client breaks off after the first bytes (completed: false), freeing its connection', async (format) => {
    const served = await TestApp.start({ listen: true, config: { rateLimitExportsPerMinute: 100_000 } });
    try {
      // Enough rows that the stream is still running when the client hangs up (about 30 MB).
      await served.sql(`INSERT INTO audit_logs (action, resource, changes) SELECT 'create', 'padding', jsonb_build_object('n', g, 'pad', repeat('x', 200)) FROM generate_series(1, 150000) g`);
      const token = await served.token('admin');
      const got = await new Promise<number>((resolve, reject) => {
        const req = http.get(`${served.baseUrl}/api/exports/audit-logs?format=${format}`, { headers: { Authorization: `Bearer ${token}` } }, (res) => {
          res.once('data', (chunk: Buffer) => {
            req.destroy();
            resolve(chunk.length);
          });
        });
        req.on('error', (e) => (e.message.includes('aborted') || e.message.includes('socket hang up') ? undefined : reject(e)));
      });
      expect(got).toBeGreaterThan(0);
      let row: { changes: { completed: boolean; rows: number | null } } | undefined;
      for (let waited = 0; waited < 10_000 && !row; waited += 100) {
        [row] = await served.sql(`SELECT changes FROM audit_logs WHERE action = 'export' AND resource = 'audit-logs' ORDER BY id DESC LIMIT 1`);
        if (!row) await new Promise((r) => setTimeout(r, 100));
      }
      expect(row?.changes).toMatchObject({ completed: false, rows: null });
      // …and the database connection that streamed it is not left hanging in the COPY.
      let copying: unknown[] = [];
      for (let waited = 0; waited < 10_000; waited += 100) {
        copying = await served.sql(`SELECT pid, wait_event FROM pg_stat_activity WHERE datname = current_database() AND (query LIKE 'COPY (SELECT a.id%' OR query LIKE 'SELECT a.id%') AND state <> 'idle'`);
        if (!copying.length) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(copying).toEqual([]);
    } finally {
      await served.close();
    }
  });

  it('logs every file a user takes away: each list export in CSV and Excel, the monthly report, an import’s error report', async () => {
    const fileRoutes = routes.filter((r) => r.method === 'GET' && ((Reflect.getMetadata('swagger/apiProduces', r.handler) as string[] | undefined) ?? []).some((p) => !/json/.test(p)));
    figures.exportPaths = fileRoutes.length;
    const known = ['GET /api/exports/:resource', 'GET /api/reports/monthly', 'GET /api/reports/day-sheet', 'GET /api/imports/:id/errors.csv', 'GET /api/municipalities/:id/export'];
    // A new file route fails here until this test knows how to call it.
    expect(fileRoutes.map((r) => r.key).sort()).toEqual([...known].sort());

    const admin = await t.as('admin');
    const campaignId = await sqlCampaign(t);
    await sqlQuota(t, campaignId);
    const job = await importCsv(await t.as('policy'), 'reservations', `myKeyId,reservedAt,channel\r\nbad,2020-09-01 10:00,counter\r\n${newMyKeyId()},2020-09-01 10:00,counter\r\n`);

    const calls: Array<{ url: string; resource: string; resourceId?: string }> = [];
    for (const resource of listSpecResources().filter((x) => can('admin', x, 'list'))) {
      for (const format of ['csv', 'xlsx']) calls.push({ url: `/api/exports/${resource}?format=${format}`, resource });
    }
    for (const format of ['pdf', 'xlsx']) calls.push({ url: `/api/reports/monthly?month=2020-09&format=${format}`, resource: 'reports', resourceId: '2020-09' });
    calls.push({ url: `/api/imports/${job.id}/errors.csv`, resource: 'imports', resourceId: String(job.id) });
    const desk = await createDesk(t);
    calls.push({ url: `/api/reports/day-sheet?deskId=${desk.id}&date=2022-09-20`, resource: 'reports', resourceId: `day-sheet-${desk.id}-2022-09-20` });
    const [own] = await t.sql<{ id: number }>('SELECT id FROM municipalities WHERE code = $1', [t.config.municipalityCode]);
    calls.push({ url: `/api/municipalities/${own.id}/export`, resource: 'municipalities', resourceId: String(own.id) });

    const failures: string[] = [];
    for (const call of calls) {
      const from = await lastId();
      const res = await admin.get(call.url).buffer(true).parse((r, cb) => {
        r.on('data', () => undefined);
        r.on('end', () => cb(null, null));
      });
      figures.exportCalls++;
      if (res.status !== 200) {
        failures.push(`${call.url}: ${res.status}`);
        continue;
      }
      // A list export is logged as its stream ends (with the row count), which may be a
      // moment after the client has read the last byte: wait up to 5 s for it.
      let rows: Array<{ resource_id: string | null; user_id: number | null }> = [];
      for (let waited = 0; waited < 5000 && !rows.length; waited += 50) {
        rows = await t.sql(`SELECT resource_id, user_id FROM audit_logs WHERE id > $1 AND action = 'export' AND resource = $2`, [from, call.resource]);
        if (!rows.length) await new Promise((r) => setTimeout(r, 50));
      }
      if (!rows.some((row) => row.user_id !== null && (call.resourceId === undefined || row.resource_id === call.resourceId))) failures.push(`${call.url}: no export row`);
    }
    expect(failures).toEqual([]);
  });
});
