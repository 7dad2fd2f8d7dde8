import http from 'node:http';
import type request from 'supertest';
import { usersSeed } from '../../apps/api/src/database/seed/users.seed';
import { assistanceRecordBody } from '../support/assistance-fixtures';
import { paymentServiceBody } from '../support/fixtures';
import { fraudAlertBody } from '../support/fraud-fixtures';
import { applicationBody, campaignBody, quotaBody, reservationBody } from '../support/uptake-fixtures';
import { Client_, TestApp } from '../support/test-app';
import { parseCsv, readZip } from '../support/zip';

// Issue #18, items 5 and 6: national reference data shared read-only; a municipality's
// data taken out (a zip of every table) and removed completely. Two municipalities with
// the same kinds of data: A (新発田市, added) and B (the installation's default, 阿賀野市).
const A = '152064';

type Rec = { id: number } & Record<string, unknown>;

async function created(res: request.Response | Promise<request.Response>): Promise<Rec> {
  const r = await res;
  if (r.status !== 201) throw new Error(`${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** Reference data, a quota, a reservation, an application, a point award, a counter visit and a scam report, through the API. */
async function fillMunicipality(admin: Client_, counter: Client_): Promise<{ serviceId: number; campaignId: number }> {
  const service = await created(admin.post('/api/payment-services').send(paymentServiceBody()));
  const campaign = await created(admin.post('/api/campaigns').send(campaignBody()));
  const quota = await created(admin.post('/api/reservation-quotas').send(quotaBody(campaign.id)));
  const reservation = reservationBody(quota.id);
  await created(admin.post('/api/reservations').send(reservation));
  await created(admin.post('/api/applications').send(applicationBody(reservation.myKeyId, service.id)));
  await created(
    admin.post('/api/point-awards').send({ myKeyId: reservation.myKeyId, paymentServiceId: service.id, externalId: `TX-${quota.id}`, transactionDate: '2020-09-20', kind: 'charge', amountYen: 4000 }),
  );
  await created(counter.post('/api/assistance-records').send(assistanceRecordBody()));
  await created(admin.post('/api/fraud-alerts').send(fraudAlertBody()));
  return { serviceId: service.id, campaignId: campaign.id };
}

const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

describe('many municipalities: national reference data, taking data out, removing it', () => {
  let t: TestApp;
  let B: string;
  let idA: number;
  let idB: number;
  let operator: Client_;
  let ownA: { serviceId: number; campaignId: number };
  let ownB: { serviceId: number; campaignId: number };

  /** The tables that hold a municipality's rows: every table of public with a municipality_code column. */
  const ownedTables = async () =>
    (
      await t.sql<{ name: string }>(
        `SELECT table_name AS name FROM information_schema.columns
          WHERE table_schema = 'public' AND column_name = 'municipality_code' ORDER BY 1`,
      )
    ).map((r) => r.name);
  const countsOf = async (code: string) => {
    const out: Record<string, number> = {};
    for (const table of await ownedTables()) {
      out[table] = (await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}" WHERE municipality_code = $1`, [code]))[0].n;
    }
    return out;
  };

  beforeAll(async () => {
    t = await TestApp.start({ seed: [usersSeed] });
    B = t.config.municipalityCode;
    await t.addMunicipality(A, '新発田市', ['豊浦', '紫雲寺']);
    [{ id: idA }] = await t.sql<{ id: number }>('SELECT id FROM municipalities WHERE code = $1', [A]);
    [{ id: idB }] = await t.sql<{ id: number }>('SELECT id FROM municipalities WHERE code = $1', [B]);
    operator = await t.asOperator();
    ownA = await fillMunicipality(await t.as('admin', A), await t.as('counter', A));
    ownB = await fillMunicipality(await t.as('admin'), await t.as('counter'));
  });
  afterAll(() => t.close());

  describe('national reference data', () => {
    let national: { service: Rec; campaign: Rec };
    beforeAll(async () => {
      national = {
        service: await created(operator.post('/api/payment-services').send(paymentServiceBody({ name: '国のPay' }))),
        campaign: await created(operator.post('/api/campaigns').send(campaignBody({ name: '国のキャンペーン' }))),
      };
    });

    it('is kept once by the operator (no municipality code) and marked national', async () => {
      expect(national.service).toMatchObject({ national: true });
      expect(national.campaign).toMatchObject({ national: true });
      const rows = await t.sql<{ municipality_code: string | null }>(
        'SELECT municipality_code FROM payment_services WHERE id = $1 UNION ALL SELECT municipality_code FROM campaigns WHERE id = $2',
        [national.service.id, national.campaign.id],
      );
      expect(rows).toEqual([{ municipality_code: null }, { municipality_code: null }]);
    });

    it.each([
      ['payment-services', 'service', '決済サービス'],
      ['campaigns', 'campaign', 'キャンペーン'],
    ] as const)('%s: every municipality reads the national rows, and may not change or delete them (403)', async (resource, key, label) => {
      const id = national[key].id;
      for (const code of [A, B]) {
        const policy = await t.as('policy', code);
        const list = await policy.get(`/api/${resource}?range=[0,99]`).expect(200);
        expect(list.body.filter((r: Rec) => r.national).map((r: Rec) => r.id)).toEqual([id]);
        await policy.get(`/api/${resource}?filter=${encodeURIComponent('{"national":true}')}`).expect(200);
        expect((await policy.get(`/api/${resource}/${id}`).expect(200)).body).toMatchObject({ id, national: true });

        const put = await policy.put(`/api/${resource}/${id}`).send({ name: '書き換え' }).expect(403);
        expect(put.body).toMatchObject({ statusCode: 403, code: resource === 'campaigns' ? 'campaign_national' : 'payment_service_national' });
        expect(put.body.message).toBe(`国が登録した${label}は変更できません（運用事業者が管理しています）。`);
        await (await t.as('admin', code)).delete(`/api/${resource}/${id}`).expect(403);
      }
      const [row] = await t.sql<{ name: string }>(`SELECT name FROM ${resource.replace('-', '_')} WHERE id = $1`, [id]);
      expect(row.name).toBe(key === 'service' ? '国のPay' : '国のキャンペーン');
    });

    it.each(['payment-services', 'campaigns'] as const)('%s: a municipality’s own rows are its own: national false, invisible (404) to another municipality and to the operator', async (resource) => {
      const id = resource === 'campaigns' ? ownA.campaignId : ownA.serviceId;
      const policyA = await t.as('policy', A);
      expect((await policyA.get(`/api/${resource}/${id}`).expect(200)).body).toMatchObject({ national: false });
      const policyB = await t.as('policy');
      await policyB.get(`/api/${resource}/${id}`).expect(404);
      await policyB.put(`/api/${resource}/${id}`).send({ name: '横取り' }).expect(404);
      await policyB.delete(`/api/${resource}/${id}`).expect(404);
      const listB = await policyB.get(`/api/${resource}?range=[0,99]`).expect(200);
      expect(listB.body.map((r: Rec) => r.id)).not.toContain(id);
      await operator.get(`/api/${resource}/${id}`).expect(404);
      // A PUT of the whole record (react-admin sends the read-only fields back) keeps working.
      const record = (await policyA.get(`/api/${resource}/${id}`).expect(200)).body;
      await policyA.put(`/api/${resource}/${id}`).send({ ...record, name: `${record.name}（改）` }).expect(200);
    });

    it('the operator changes and deletes national rows', async () => {
      const res = await operator.put(`/api/payment-services/${national.service.id}`).send({ status: 'suspended', national: false }).expect(200);
      expect(res.body).toMatchObject({ status: 'suspended', national: true });
      await operator.put(`/api/campaigns/${national.campaign.id}`).send({ capPerPersonYen: 6000 }).expect(200);
      const spare = await created(operator.post('/api/campaigns').send(campaignBody()));
      await operator.delete(`/api/campaigns/${spare.id}`).expect(200);
      await (await t.as('policy', A)).get(`/api/campaigns/${spare.id}`).expect(404);
    });
  });

  describe('taking a municipality’s data out', () => {
    const exportOf = (as: Client_, url: string) => as.get(url).buffer(true).parse(binary);

    it('only its admin may, and only its own (another municipality’s id is 404)', async () => {
      await (await t.as('policy', A)).get(`/api/municipalities/${idA}/export`).expect(403);
      await (await t.as('manager', A)).post(`/api/municipalities/${idA}/export/ticket`).expect(403);
      await operator.get(`/api/municipalities/${idA}/export`).expect(403);
      const adminB = await t.as('admin');
      const res = await adminB.get(`/api/municipalities/${idA}/export`).expect(404);
      expect(res.body).toMatchObject({ code: 'municipality_not_found' });
      await adminB.post(`/api/municipalities/${idA}/export/ticket`).expect(404);
      await adminB.get('/api/municipalities/999999/export').expect(404);
    });

    it('is a zip of every owned table (only its rows), its settings row and a manifest whose counts match', async () => {
      const admin = await t.as('admin', A);
      const { url } = (await admin.post(`/api/municipalities/${idA}/export/ticket`).expect(201)).body as { url: string };
      expect(url).toMatch(new RegExp(`^/api/municipalities/${idA}/export\\?ticket=`));
      // Only A's own rows; the national reference rows (no code) are the operator's and stay out.
      // The download itself spends from the admin's export budget: its window's row is written first.
      const expected = { ...(await countsOf(A)), rate_limit_windows: 1 };

      const res = await exportOf(t.anon, url).expect(200);
      expect(res.headers['content-type']).toBe('application/zip');
      expect(res.headers['content-disposition']).toContain(`filename="municipality-${A}.zip"`);
      const files = readZip(res.body as Buffer);

      const tables = await ownedTables();
      expect(tables.length).toBeGreaterThan(20);
      expect([...files.keys()].sort()).toEqual([...tables.map((x) => `${x}.csv`), 'municipalities.csv', 'manifest.json'].sort());

      const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8'));
      expect(manifest).toMatchObject({ municipalityCode: A, municipalityName: '新発田市', withheldColumns: { users: ['password_hash', 'totp_secret', 'totp_pending_secret'], sessions: ['token_hash'] } });
      expect(Date.now() - Date.parse(manifest.exportedAt)).toBeLessThan(60_000);
      expect(manifest.tables).toEqual({ ...expected, municipalities: 1 });
      // Something of every kind was there to take.
      for (const table of ['users', 'sessions', 'audit_logs', 'payment_services', 'campaigns', 'reservation_quotas', 'participants', 'reservations', 'applications', 'point_awards', 'assistance_records', 'fraud_alerts']) {
        expect([table, manifest.tables[table]]).toEqual([table, expect.any(Number)]);
        expect([table, manifest.tables[table] > 0]).toEqual([table, true]);
      }

      for (const table of [...tables, 'municipalities']) {
        const csv = parseCsv(files.get(`${table}.csv`)!);
        expect(csv.bom).toBe(true);
        const [{ columns }] = await t.sql<{ columns: string[] }>(
          `SELECT array_agg(column_name::text ORDER BY ordinal_position) AS columns FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1`,
          [table],
        );
        expect([table, csv.header]).toEqual([table, columns.filter((c) => !(manifest.withheldColumns[table] ?? []).includes(c))]);
        expect([table, csv.rows.length]).toEqual([table, manifest.tables[table]]);
        const key = csv.header.indexOf(table === 'municipalities' ? 'code' : 'municipality_code');
        expect([table, csv.rows.filter((r) => r[key] !== A)]).toEqual([table, []]);
      }
      const users = parseCsv(files.get('users.csv')!);
      expect(users.rows.map((r) => r[users.header.indexOf('username')]).sort()).toEqual(['admin', 'counter', 'counter2', 'manager', 'policy']);
      expect(files.get('users.csv')!.toString()).not.toMatch(/\$2[aby]\$/); // no bcrypt hash
      const services = parseCsv(files.get('payment_services.csv')!);
      expect(services.rows.map((r) => Number(r[services.header.indexOf('id')]))).toEqual([ownA.serviceId]);

      // On record in A's audit log, with what was taken.
      let rows: Array<{ municipality_code: string; changes: { tables: Record<string, number>; completed: boolean } }> = [];
      for (let waited = 0; waited < 5000 && !rows.length; waited += 50) {
        rows = await t.sql(`SELECT municipality_code, changes FROM audit_logs WHERE action = 'export' AND resource = 'municipalities' AND resource_id = $1`, [String(idA)]);
        if (!rows.length) await new Promise((r) => setTimeout(r, 50));
      }
      expect(rows).toEqual([{ municipality_code: A, changes: expect.objectContaining({ completed: true, tables: manifest.tables }) }]);
    });
  });

  it('an export the client breaks off after the first bytes is logged (completed: false) and frees its connection', async () => {
    const served = await TestApp.start({ seed: [usersSeed], listen: true });
    try {
      const code = served.config.municipalityCode;
      // About 30 MB of CSV, so the stream is still running when the client hangs up.
      await served.sql(
        `INSERT INTO audit_logs (municipality_code, action, resource, changes)
         SELECT $1, 'create', 'padding', jsonb_build_object('n', g, 'pad', repeat('x', 200)) FROM generate_series(1, 150000) g`,
        [code],
      );
      const [{ id }] = await served.sql<{ id: number }>('SELECT id FROM municipalities WHERE code = $1', [code]);
      const token = await served.token('admin');
      const got = await new Promise<number>((resolve, reject) => {
        const req = http.get(`${served.baseUrl}/api/municipalities/${id}/export`, { headers: { Authorization: `Bearer ${token}` } }, (res) => {
          res.once('data', (chunk: Buffer) => {
            req.destroy();
            resolve(chunk.length);
          });
        });
        req.on('error', (e) => (/aborted|socket hang up/.test(e.message) ? undefined : reject(e)));
      });
      expect(got).toBeGreaterThan(0);
      let row: { changes: { completed: boolean } } | undefined;
      for (let waited = 0; waited < 10_000 && !row; waited += 100) {
        [row] = await served.sql(`SELECT changes FROM audit_logs WHERE action = 'export' AND resource = 'municipalities' ORDER BY id DESC LIMIT 1`);
        if (!row) await new Promise((r) => setTimeout(r, 100));
      }
      expect(row?.changes).toMatchObject({ completed: false });
      let copying: unknown[] = [];
      for (let waited = 0; waited < 10_000; waited += 100) {
        copying = await served.sql(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'COPY (SELECT %' AND state <> 'idle'`);
        if (!copying.length) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(copying).toEqual([]);
      // The API still answers, its pool intact.
      await (await served.as('admin')).get('/api/payment-services').expect(200);
    } finally {
      await served.close();
    }
  });

  describe('removing a municipality’s data', () => {
    it('is the operator’s alone, and asks for the municipality’s code', async () => {
      await (await t.as('admin', A)).post(`/api/municipalities/${idA}/remove-data`).send({ confirmCode: A }).expect(403);
      const wrong = await operator.post(`/api/municipalities/${idA}/remove-data`).send({ confirmCode: B }).expect(400);
      expect(wrong.body).toMatchObject({ code: 'municipality_confirm_code_mismatch', errors: { confirmCode: expect.stringContaining('新発田市') } });
      await operator.post(`/api/municipalities/${idA}/remove-data`).send({}).expect(400);
      await operator.post(`/api/municipalities/${idA}/remove-data`).send({ confirmCode: '15206' }).expect(400);
      await operator.post('/api/municipalities/999999/remove-data').send({ confirmCode: A }).expect(404);
      const own = await operator.post(`/api/municipalities/${idB}/remove-data`).send({ confirmCode: B }).expect(409);
      expect(own.body).toMatchObject({ code: 'municipality_installation_default' });
      expect((await countsOf(A)).users).toBe(5);
    });

    it('leaves nothing of it in any table, the operator’s audit row aside, and B untouched', async () => {
      const before = await countsOf(A);
      const beforeB = await countsOf(B);
      const adminA = await t.as('admin', A);

      const res = await operator.post(`/api/municipalities/${idA}/remove-data`).send({ confirmCode: A }).expect(200);
      // Every table is named; the records themselves as counted before (a rollup's rows go
      // with the records they sum, by its triggers, before the rollup's own turn).
      const removed = res.body.removed as Record<string, number>;
      expect(Object.keys(removed).sort()).toEqual([...Object.keys(before), 'municipalities'].sort());
      for (const table of ['users', 'sessions', 'audit_logs', 'payment_services', 'campaigns', 'reservation_quotas', 'participants', 'reservations', 'applications', 'point_awards', 'assistance_records', 'fraud_alerts']) {
        expect([table, removed[table]]).toEqual([table, before[table]]);
      }
      expect(removed.municipalities).toBe(1);

      // Every table with a municipality_code column, from the catalog: nothing with A's code.
      const left: Record<string, number> = {};
      for (const table of await ownedTables()) {
        const [{ n }] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}" WHERE municipality_code = $1`, [A]);
        if (n) left[table] = n;
      }
      expect(left).toEqual({});
      expect(await t.sql('SELECT code FROM municipalities WHERE code = $1', [A])).toEqual([]);
      // The one trace: the operator's audit row, in the installation's log.
      const trace = await t.sql<{ municipality_code: string; action: string; changes: Record<string, unknown> }>(
        `SELECT municipality_code, action, changes FROM audit_logs WHERE changes->>'code' = $1 OR municipality_code = $1`,
        [A],
      );
      expect(trace).toEqual([{ municipality_code: '000000', action: 'delete', changes: expect.objectContaining({ removeData: true, code: A, name: '新発田市', removed: res.body.removed }) }]);

      expect(await countsOf(B)).toEqual(beforeB);
      await (await t.as('policy')).get(`/api/payment-services/${ownB.serviceId}`).expect(200);
      // A's sessions went with it.
      await adminA.get('/api/auth/me').expect(401);
      await operator.post(`/api/municipalities/${idA}/remove-data`).send({ confirmCode: A }).expect(404);
    });
  });
});
