import ExcelJS from 'exceljs';
import type request from 'supertest';
import { can, canExport, type Role } from '@mynapoint/domain';
import { listSpecResources, findListSpec } from '../../apps/api/src/common/list/list-spec';
import { pdfPages } from '../support/pdf';
import { listRoutes, RouteInfo } from '../support/routes';
import { A, B, Written, addB, as, writeOneOfEach } from '../support/tenant-fixtures';
import { ROLES, TestApp, listQuery, totalOf } from '../support/test-app';
import { newMyKeyId, reservationBody, applicationBody, quotaBody } from '../support/uptake-fixtures';
import { uploadCsv, waitForImport } from '../support/uptake-sql-fixtures';
import { assistanceRecordBody } from '../support/assistance-fixtures';

// Issue #18 item 7: the role × route matrix gains a tenant axis. Two municipalities in one
// database, A (152234, the installation's default) and B (152064). For every route taking
// a record id, each role of one municipality allowed on the route gets 404 for the other's
// record (both ways), and the record is left as it was; every list, list total, stat,
// export and the monthly report of one municipality stays exactly what it was while the
// other writes; a body or filter naming the other municipality's records or code widens
// nothing. The routes come from the app itself (test/support/routes.ts), so a new route
// is in the matrix at once; a route on a resource with no record here fails the test.

const figures = { idRoutes: 0, idCells: 0, listRoutes: 0, listByIdCells: 0, statsRoutes: 0, referenceCases: 0 };
/** `tenant|role what` of every read compared between two snapshots (a set: each cell counts once). */
const compared = new Set<string>();
const comparedOf = (kind: RegExp) => [...compared].filter((k) => kind.test(k)).length;

// PUT bodies that the route accepts (a 400 would come before any lookup); other routes send {}.
const BODIES: Record<string, object> = {
  'PUT /api/users/:id': { displayName: '変更後' },
  'PUT /api/payment-services/:id': { notes: '更新' },
  'PUT /api/campaigns/:id': { earningEndsOn: '2021-09-30' },
  'PUT /api/reservation-quotas/:id': { capacity: 500 },
  'PUT /api/reservations/:id': { district: '安田' },
  'PUT /api/applications/:id': { channel: 'self_pc' },
  'PUT /api/fraud-alerts/:id': { district: '更新地区' },
  'PUT /api/assistance-records/:id': { durationMinutes: 12 },
  'DELETE /api/applications/:id': { reason: '入力誤り' },
};

const lower = (m: string) => m.toLowerCase() as 'get';
const resourceOf = (path: string) => path.split('/')[2];
// Routes whose :id is not a record of the first path segment: the caller's own sessions.
const RECORD_OF: Record<string, string> = { 'DELETE /api/auth/sessions/:id': 'sessions' };
const today = () => new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10);
const STATS_QUERY = () => `from=2020-07-01&to=${today()}&interval=month`;
const REPORT_MONTHS = () => ['2020-09', today().slice(0, 7)];

function allowed(r: RouteInfo, role: Role): boolean {
  return r.access?.kind === 'authenticated' || (r.access?.kind === 'permission' && can(role, r.access.resource, r.access.action));
}

const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

async function xlsxCells(buf: Buffer): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as never);
  const out: unknown[][] = [];
  for (const ws of wb.worksheets) ws.eachRow((row) => out.push([ws.name, ...(row.values as unknown[]).slice(1)]));
  return out;
}

/** Everything one municipality's users read: key → normalized answer. */
interface Snapshot {
  answers: Map<string, string>;
  /** List ids per resource, over every role. */
  listed: Map<string, Set<number>>;
}

describe('tenant axis: municipality B never reaches A’s records, and the reverse', () => {
  let t: TestApp;
  let routes: RouteInfo[];
  const written: Record<string, Written> = {};
  const markers = { [A]: 'A市専用', [B]: 'B市専用' };

  beforeAll(async () => {
    // Each snapshot downloads every export and the report: far past the per-minute limit meant for people.
    t = await TestApp.start({ config: { rateLimitExportsPerMinute: 100_000, rateLimitImportsPerMinute: 100_000 } });
    await addB(t);
    routes = listRoutes(t.app).filter((r) => r.access?.kind !== 'public');
    for (const code of [A, B]) for (const role of ROLES) await as(t, code, role); // every login before any snapshot
  });
  afterAll(async () => {
    await t.close();
    const lists = comparedOf(/\|\S+ GET \/api\/(?!stats\/)/);
    const stats = comparedOf(/\|\S+ GET \/api\/stats\//);
    const exports = comparedOf(/\|\S+ export /);
    const reports = comparedOf(/\|\S+ report /);
    // eslint-disable-next-line no-console
    console.table({
      'routes with :id × roles × 2 tenants → 404': `${figures.idRoutes} routes, ${figures.idCells} cells`,
      'list routes × roles × 2 tenants: rows and total unchanged': `${figures.listRoutes} routes, ${lists} cells`,
      'list routes × roles × 2 tenants: filter by the other’s ids → []': `${figures.listByIdCells} cells`,
      'stats routes × roles × 2 tenants: figures unchanged': `${figures.statsRoutes} routes, ${stats} cells`,
      'exports: resources × roles × 2 tenants': exports,
      'monthly report: formats/months × roles × 2 tenants': reports,
      'bodies/filters naming the other municipality': figures.referenceCases,
      'total tenant cells': figures.idCells + lists + figures.listByIdCells + stats + exports + reports + figures.referenceCases,
    });
  });

  /** Every read of municipality `code`'s users, as each allowed role. */
  async function snapshot(code: string): Promise<Snapshot> {
    const answers = new Map<string, string>();
    const listed = new Map<string, Set<number>>();
    const lists = routes.filter((r) => r.method === 'GET' && !r.path.includes(':') && findListSpec(resourceOf(r.path)));
    const stats = routes.filter((r) => r.method === 'GET' && r.path.startsWith('/api/stats/'));
    figures.listRoutes = lists.length;
    figures.statsRoutes = stats.length;
    for (const role of ROLES) {
      const client = await as(t, code, role);
      for (const r of lists.filter((x) => allowed(x, role))) {
        const resource = resourceOf(r.path);
        // The audit log also records this snapshot's own exports: those rows are left out.
        const filter = resource === 'audit-logs' ? { action_neq: 'export' } : {};
        const res = await client.get(`${r.path}?${listQuery({ filter, range: [0, 999] })}`);
        answered(res, `${role} ${r.key}`);
        answers.set(`${role} ${r.key}`, JSON.stringify({ total: totalOf(res), body: res.body }));
        for (const row of res.body as { id: number }[]) (listed.get(resource) ?? listed.set(resource, new Set()).get(resource)!).add(row.id);
      }
      for (const r of stats.filter((x) => allowed(x, role))) {
        const res = await client.get(`${r.path}?${STATS_QUERY()}`);
        answered(res, `${role} ${r.key}`);
        answers.set(`${role} ${r.key}`, JSON.stringify(res.body));
      }
      for (const resource of listSpecResources().filter((x) => canExport(role, x))) {
        const filter = resource === 'audit-logs' ? `&${listQuery({ filter: { action_neq: 'export' } })}` : '';
        const res = await client.get(`/api/exports/${resource}?format=csv${filter}`).buffer(true);
        answered(res, `${role} export ${resource}`);
        answers.set(`${role} export ${resource}`, res.text);
      }
      if (can(role, 'reports', 'show')) {
        for (const month of REPORT_MONTHS()) {
          const res = await client.get(`/api/reports/monthly?month=${month}&format=xlsx`).buffer(true).parse(binary);
          answered(res, `${role} report ${month} xlsx`);
          answers.set(`${role} report ${month} xlsx`, JSON.stringify(await xlsxCells(res.body as Buffer)));
        }
        // The PDF holds the same figures as the workbook (and the notices' titles); read once, as the admin (text extraction is slow).
        if (role !== 'admin') continue;
        const pdf = await client.get(`/api/reports/monthly?month=${REPORT_MONTHS()[0]}&format=pdf`).buffer(true).parse(binary);
        answered(pdf, `${role} report pdf`);
        answers.set(`${role} report ${REPORT_MONTHS()[0]} pdf`, pdfPages(pdf.body as Buffer).join('\n').replace(/作成日: \S+/g, '作成日: …'));
      }
    }
    return { answers, listed };
  }

  /** A snapshot of refusals would prove nothing: every read must have been answered. */
  function answered(res: request.Response, what: string): void {
    if (res.status !== 200) throw new Error(`${what} → ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
  }

  /** Keys whose answers differ between two snapshots of municipality `code`, with both answers cut short. */
  function differences(code: string, before: Snapshot, after: Snapshot): string[] {
    const keys = new Set([...before.answers.keys(), ...after.answers.keys()]);
    for (const k of keys) compared.add(`${code}|${k}`);
    return [...keys].filter((k) => before.answers.get(k) !== after.answers.get(k)).map((k) => `${k}:\n  before ${before.answers.get(k)?.slice(0, 300)}\n  after  ${after.answers.get(k)?.slice(0, 300)}`);
  }

  /** Where the other municipality shows through: its marker in any answer, its ids in any list. */
  function leaks(s: Snapshot, other: Written): string[] {
    const out: string[] = [];
    for (const [k, v] of s.answers) if (v.includes(other.marker)) out.push(`${k} shows "${other.marker}"`);
    for (const [resource, ids] of s.listed) {
      const theirs = (other.all[resource] ?? []).filter((id) => ids.has(id));
      if (theirs.length) out.push(`${resource} lists the other municipality’s ids ${theirs.join(', ')}`);
    }
    return out;
  }

  /** Every number in a stats answer that is not 0 (a municipality with no records has none). */
  function nonZero(value: unknown, path: string, out: string[] = []): string[] {
    if (typeof value === 'number' && value !== 0) out.push(`${path} = ${value}`);
    else if (Array.isArray(value)) value.forEach((v, i) => nonZero(v, `${path}[${i}]`, out));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) nonZero(v, `${path}.${k}`, out);
    return out;
  }

  let bEmpty: Snapshot;
  let aWithOwn: Snapshot;

  it('B’s every read stays what it was with no data of its own while A writes (stats stay zero)', async () => {
    bEmpty = await snapshot(B);
    const figuresOfB = [...bEmpty.answers].filter(([k]) => k.includes(' GET /api/stats/')).flatMap(([k, v]) => nonZero(JSON.parse(v), k));
    expect(figuresOfB).toEqual([]);
    written[A] = await writeOneOfEach(t, A, markers[A]);
    const after = await snapshot(B);
    expect(differences(B, bEmpty, after)).toEqual([]);
    expect(leaks(after, written[A])).toEqual([]);
    // The check can see A: A's own reads show its marker and its ids.
    aWithOwn = await snapshot(A);
    expect([...aWithOwn.answers.values()].some((v) => v.includes(markers[A]))).toBe(true);
    expect(aWithOwn.listed.get('reservations')?.has(written[A].ids.reservations)).toBe(true);
  });

  it('A’s every read stays A’s alone while B writes, and B’s stays B’s while A writes more', async () => {
    written[B] = await writeOneOfEach(t, B, markers[B]);
    const aAfter = await snapshot(A);
    expect(differences(A, aWithOwn, aAfter)).toEqual([]);
    expect(leaks(aAfter, written[B])).toEqual([]);

    const bWithOwn = await snapshot(B);
    expect(differences(B, bEmpty, bWithOwn).length).toBeGreaterThan(0); // B's own records do show for B
    const more = await writeOneOfEach(t, A, markers[A]);
    for (const [resource, ids] of Object.entries(more.all)) written[A].all[resource] = [...(written[A].all[resource] ?? []), ...ids];
    const bAfter = await snapshot(B);
    expect(differences(B, bWithOwn, bAfter)).toEqual([]);
    expect(leaks(bAfter, written[A])).toEqual([]);
  });

  it('counts in the audit log’s total exactly the municipality’s own rows (the exports’ rows too)', async () => {
    for (const code of [A, B]) {
      const res = await (await as(t, code, 'admin')).get('/api/audit-logs?range=[0,0]').expect(200);
      const [{ n }] = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM audit_logs WHERE municipality_code = $1', [code]);
      expect([code, totalOf(res)]).toEqual([code, n]);
    }
  });

  it('answers 404 to every role of one municipality for the other’s record on every route with an id, and leaves it as it was', async () => {
    const idRoutes = routes.filter((r) => r.path.includes(':id'));
    figures.idRoutes = idRoutes.length;
    expect(idRoutes.length).toBeGreaterThan(20);
    const failures: string[] = [];
    // Reads and posts first, then updates, then deletions: each control call as the owner still finds its record.
    // The owner's TOTP reset ends its user's sessions: it comes last, after the session routes.
    const order = (r: RouteInfo) => (r.key === 'POST /api/users/:id/totp-reset' ? 9 : ['GET', 'POST', 'PUT', 'DELETE'].indexOf(r.method));
    for (const [owner, caller] of [
      [A, B],
      [B, A],
    ]) {
      for (const r of [...idRoutes].sort((x, y) => order(x) - order(y))) {
        // The operator's own routes (a municipality's admins, its removal): no municipality role calls them.
        if (!ROLES.some((x) => allowed(r, x))) continue;
        const resource = RECORD_OF[r.key] ?? resourceOf(r.path);
        const id = written[owner].ids[resource];
        const sessionId = written[owner].ids.sessions;
        if (!id || (r.path.includes(':sessionId') && !sessionId)) {
          failures.push(`${r.key}: no ${resource} record to try (add it to test/support/tenant-fixtures.ts writeOneOfEach)`);
          continue;
        }
        // :sessionId is the session of the owner's user (ids.users signed in once in writeOneOfEach).
        const url = r.path.replace(':sessionId', String(sessionId)).replace(':id', String(id));
        // The record, and for a session route the session too: neither may change.
        const rows = () =>
          Promise.all(
            [[resource.replace(/-/g, '_'), id] as const, ...(r.path.includes('sessions') ? [['sessions', sessionId] as const] : [])].map(([table, key]) =>
              t.sql('SELECT to_jsonb(x) AS row FROM ' + table + ' x WHERE id = $1', [key]),
            ),
          );
        const before = await rows();
        if (before.some((x) => x.length !== 1)) failures.push(`${r.key}: ${owner}'s record is missing before the calls`);
        for (const role of ROLES.filter((x) => allowed(r, x))) {
          const res = await (await as(t, caller, role))[lower(r.method)](url).send(BODIES[r.key] ?? {});
          figures.idCells++;
          if (res.status !== 404) failures.push(`${caller} ${role} ${r.method} ${url} (${owner}'s) → ${res.status} ${JSON.stringify(res.body).slice(0, 160)}`);
        }
        const after = await rows();
        if (JSON.stringify(after) !== JSON.stringify(before)) failures.push(`${r.key}: ${owner}'s ${resource} ${id} changed by ${caller}'s requests`);
        // The same request by the owner's admin succeeds: the 404 was the municipality's doing (a deletion is checked by reading;
        // a session by the admin's list of its user's sessions).
        const ownerAdmin = await as(t, owner, 'admin');
        const control =
          r.method !== 'DELETE'
            ? await ownerAdmin[lower(r.method)](url).send(BODIES[r.key] ?? {})
            : r.path.includes('sessions')
              ? await ownerAdmin.get(`/api/users/${written[owner].ids.users}/sessions`)
              : await ownerAdmin.get(`/api/${resource}/${id}`);
        if (control.status < 200 || control.status >= 300) failures.push(`control: ${owner} admin ${r.method} ${url} → ${control.status} ${JSON.stringify(control.body).slice(0, 160)}`);
        else if (r.path.includes('sessions') && r.method === 'DELETE' && !(control.body as { id: number }[]).some((x) => x.id === sessionId))
          failures.push(`control: ${owner}'s session ${sessionId} is not live after ${r.key}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('lists none of the other municipality’s records when asked for them by id, for every list route and role', async () => {
    const lists = routes.filter((r) => r.method === 'GET' && !r.path.includes(':') && findListSpec(resourceOf(r.path)));
    const failures: string[] = [];
    for (const [owner, caller] of [
      [A, B],
      [B, A],
    ]) {
      for (const r of lists) {
        const ids = written[owner].all[resourceOf(r.path)] ?? [];
        if (!ids.length) {
          failures.push(`${r.key}: no ${resourceOf(r.path)} record to ask for`);
          continue;
        }
        for (const role of ROLES.filter((x) => allowed(r, x))) {
          const res = await (await as(t, caller, role)).get(`${r.path}?${listQuery({ filter: { id: ids } })}`);
          figures.listByIdCells++;
          if (res.status !== 200 || totalOf(res) !== 0 || res.body.length !== 0) failures.push(`${caller} ${role} ${r.key} filter id ${ids} → ${res.status} ${JSON.stringify(res.body).slice(0, 160)}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('widens nothing with the other municipality’s ids in a body, a CSV or a stats query, nor with a municipalityCode', async () => {
    const a = written[A];
    const bAdmin = await as(t, B, 'admin');
    const bCounter = await as(t, B, 'counter');
    const bOwn = written[B];
    // B's own reserved person with no application yet, to apply with A's payment service.
    const person = reservationBody(bOwn.ids['reservation-quotas']);
    expect((await bAdmin.post('/api/reservations').send(person)).status).toBe(201);
    // Each refused because the other municipality's record is not there for B (unknown / not found), or
    // because the field does not exist: never written, never for another reason.
    const cases: [string, RegExp, () => Promise<request.Response>][] = [
      ['quota in A’s campaign', /^quota_campaign_not_found$/, () => bAdmin.post('/api/reservation-quotas').send(quotaBody(a.ids.campaigns))],
      ['reservation in A’s quota', /^quota_unknown$/, () => bAdmin.post('/api/reservations').send(reservationBody(a.ids['reservation-quotas']))],
      ['application to A’s own payment service', /^application_service_not_found$/, () => bAdmin.post('/api/applications').send(applicationBody(person.myKeyId, a.ids['payment-services']))],
      ['application for a person reserved only in A', /^application_no_reservation$/, () => bAdmin.post('/api/applications').send(applicationBody(a.myKeyId, bOwn.ids['payment-services']))],
      [
        'point award at A’s own payment service',
        /^point_award_payment_service_unknown$/,
        () => bAdmin.post('/api/point-awards').send({ myKeyId: bOwn.myKeyId, paymentServiceId: a.ids['payment-services'], externalId: 'X-A-SVC', transactionDate: '2020-10-01', kind: 'charge', amountYen: 100 }),
      ],
      ['counter visit naming A’s own payment service', /^payment_service_not_found$/, () => bCounter.post('/api/assistance-records').send(assistanceRecordBody({ paymentServiceId: a.ids['payment-services'] }))],
      ['import into A’s campaign', /^import_campaign_unknown$/, () => uploadCsv(bAdmin, 'reservations', `myKeyId,reservedAt,channel\r\n${newMyKeyId()},2020-09-03 10:00,counter\r\n`, { campaignId: a.ids.campaigns })],
      ['point-award import for A’s own payment service', /^import_payment_service_unknown$/, () => uploadCsv(bAdmin, 'point-awards', 'externalId,myKeyId,transactionDate,kind,amountYen\r\n', { paymentServiceId: a.ids['payment-services'] })],
      ['municipalityCode in a body', /^validation_failed$/, () => bAdmin.post('/api/fraud-alerts').send({ channel: 'phone', impersonated: 'unknown', description: '番号を聞かれた', municipalityCode: A })],
      ['municipalityCode in a list filter', /^bad_query$/, () => bAdmin.get(`/api/reservations?${listQuery({ filter: { municipalityCode: A } })}`)],
      ['municipalityCode in an export filter', /^bad_query$/, () => bAdmin.get(`/api/exports/reservations?format=csv&${listQuery({ filter: { municipalityCode: A } })}`)],
    ];
    const failures: string[] = [];
    for (const [what, code, send] of cases) {
      const res = await send();
      figures.referenceCases++;
      if (res.status !== 400 || !code.test(String(res.body?.code))) failures.push(`${what} → ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
    }
    // A reservations CSV naming A's quota: the line is refused (unknown quota), nothing is reserved there.
    const upload = await uploadCsv(bAdmin, 'reservations', `myKeyId,reservedAt,channel,quotaId\r\n${newMyKeyId()},2020-09-03 10:00,counter,${a.ids['reservation-quotas']}\r\n`, { campaignId: bOwn.ids.campaigns });
    expect(upload.status).toBe(202);
    const job = await waitForImport(bAdmin, upload.body.id);
    expect([job.accepted, job.rejected]).toEqual([0, 1]);
    figures.referenceCases++;
    // Stats narrowed to A's campaign: nothing of A's.
    const stats = await bAdmin.get(`/api/stats/uptake?${STATS_QUERY()}&campaignId=${a.ids.campaigns}`);
    expect(JSON.stringify(stats.body)).not.toContain(a.marker);
    figures.referenceCases++;
    expect(failures).toEqual([]);
    // Nothing of B's points at A's records.
    const [{ n }] = await t.sql<{ n: number }>(
      `SELECT (SELECT count(*) FROM reservation_quotas WHERE municipality_code = $1 AND campaign_id = $2)
            + (SELECT count(*) FROM reservations WHERE municipality_code = $1 AND quota_id = $3)
            + (SELECT count(*) FROM applications WHERE municipality_code = $1 AND payment_service_id = $4)
            + (SELECT count(*) FROM point_awards WHERE municipality_code = $1 AND payment_service_id = $4)
            + (SELECT count(*) FROM assistance_records WHERE municipality_code = $1 AND payment_service_id = $4)
            + (SELECT count(*) FROM imports WHERE municipality_code = $1 AND (campaign_id = $2 OR payment_service_id = $4)) AS n`,
      [B, a.ids.campaigns, a.ids['reservation-quotas'], a.ids['payment-services']],
    );
    expect(Number(n)).toBe(0);
  });

  it('shares the national campaign and payment service: each municipality reserves and applies the same person in its own quota, and neither changes them', async () => {
    // National reference rows (NULL code), as the operator keeps them.
    const [campaign] = await t.sql<{ id: number }>(
      `INSERT INTO campaigns (municipality_code, name, reservation_opens_on, reservation_closes_on, application_opens_on, application_closes_on, earning_starts_on, earning_ends_on, award_rate_percent, cap_per_person_yen)
       VALUES (NULL, '国のキャンペーン', '2020-07-01', '2021-03-31', '2020-07-01', '2021-03-31', '2020-09-01', '2021-03-31', 25, 5000) RETURNING id`,
    );
    const [service] = await t.sql<{ id: number }>(
      `INSERT INTO payment_services (municipality_code, name, operator, kind, applications_open_on, status) VALUES (NULL, '全国共通Pay', '全国決済', 'qr_code', '2020-07-01', 'active') RETURNING id`,
    );
    const before = await t.sql('SELECT to_jsonb(c) AS c FROM campaigns c WHERE id = $1 UNION ALL SELECT to_jsonb(s) FROM payment_services s WHERE id = $2', [campaign.id, service.id]);
    const person = newMyKeyId();
    for (const code of [A, B]) {
      const admin = await as(t, code, 'admin');
      const quota = await admin.post('/api/reservation-quotas').send(quotaBody(campaign.id));
      expect([code, quota.status]).toEqual([code, 201]);
      const counter = await as(t, code, 'counter');
      const reserved = await counter.post('/api/reservations').send(reservationBody(quota.body.id, { myKeyId: person }));
      expect([code, reserved.status, reserved.body.code]).toEqual([code, 201, undefined]);
      const applied = await counter.post('/api/applications').send(applicationBody(person, service.id));
      expect([code, applied.status, applied.body.code]).toEqual([code, 201, undefined]);
      // A national row is read-only for a municipality: refused, never a 5xx, never a silent no-op.
      expect([code, (await admin.put(`/api/campaigns/${campaign.id}`).send({ earningEndsOn: '2021-09-30' })).status]).toEqual([code, 403]);
      expect([code, (await admin.put(`/api/payment-services/${service.id}`).send({ notes: '市で変更' })).status]).toEqual([code, 403]);
      for (const path of [`/api/campaigns/${campaign.id}`, `/api/payment-services/${service.id}`]) expect((await admin.delete(path)).status).toBeLessThan(500);
    }
    expect(await t.sql('SELECT to_jsonb(c) AS c FROM campaigns c WHERE id = $1 UNION ALL SELECT to_jsonb(s) FROM payment_services s WHERE id = $2', [campaign.id, service.id])).toEqual(before);
    const [{ n }] = await t.sql<{ n: number }>('SELECT count(DISTINCT municipality_code)::int AS n FROM participants WHERE campaign_id = $1', [campaign.id]);
    expect(n).toBe(2);
  });
});
