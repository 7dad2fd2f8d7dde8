import { Client, DatabaseError } from 'pg';
import { APP_ROLE, REFERENCE_TABLES, ownedTables, readCatalog } from '../support/schema-catalog';
import { A, B, Written, addB, writeOneOfEach } from '../support/tenant-fixtures';
import { TestApp } from '../support/test-app';

// The reference tables with an id and a name (a measure's services are keyed by measure and service).
const NAMED_REFERENCE_TABLES = REFERENCE_TABLES.filter((table) => table !== 'measure_payment_services');

// Issue #18 item 7: row-level security really is the guard. Raw SQL as the API's own
// role (config.appDatabaseUrl), past every repository and WHERE clause: a query that
// forgets the municipality sees nothing, one made as A sees only A's rows, and nothing
// the role may do writes into B, rewrites the audit log or turns the guard off.
describe('row-level security as the API role', () => {
  let t: TestApp;
  let owned: string[];
  let app: Client;
  const written: Record<string, Written> = {};
  /** Rows per owned table and municipality, counted by the owner (who bypasses RLS). */
  const rows = new Map<string, Record<string, number>>();

  const quote = (table: string) => `"${table.replace(/"/g, '""')}"`;
  const asTenant = (code: string, stats = '') =>
    app.query("SELECT set_config('mynapoint.municipality_code', $1, false), set_config('mynapoint.stats_municipalities', $2, false)", [code, stats]);
  const count = async (sql: string, params: unknown[] = []) => Number((await app.query(sql, params)).rows[0].n);
  /** The error of a statement run in a rolled-back savepoint-free transaction of its own. */
  const refusal = async (sql: string, params: unknown[] = []): Promise<DatabaseError | null> => {
    await app.query('BEGIN');
    try {
      await app.query(sql, params);
      return null;
    } catch (e) {
      if (!(e instanceof DatabaseError)) throw e;
      return e;
    } finally {
      await app.query('ROLLBACK');
    }
  };

  beforeAll(async () => {
    t = await TestApp.start();
    await addB(t);
    written[A] = await writeOneOfEach(t, A, 'A市専用');
    written[B] = await writeOneOfEach(t, B, 'B市専用');
    // National reference rows (NULL code), as the operator keeps them.
    await t.sql(
      `INSERT INTO campaigns (municipality_code, name, reservation_opens_on, reservation_closes_on, application_opens_on, application_closes_on, earning_starts_on, earning_ends_on, award_rate_percent, cap_per_person_yen)
       VALUES (NULL, '国のキャンペーン', '2020-07-01', '2021-03-31', '2020-07-01', '2021-03-31', '2020-09-01', '2021-03-31', 25, 5000)`,
    );
    await t.sql(`INSERT INTO payment_services (municipality_code, name, operator, kind, applications_open_on, status) VALUES (NULL, '全国共通Pay', '全国決済', 'qr_code', '2020-07-01', 'active')`);
    // A measure's services (reference data keyed by measure and service, no id): a national row, and each municipality's own on its own measure.
    await t.sql(
      `INSERT INTO measure_payment_services (municipality_code, measure_id, payment_service_id)
       SELECT m.municipality_code, m.id, (SELECT min(id) FROM payment_services WHERE municipality_code IS NULL)
         FROM (SELECT DISTINCT ON (municipality_code) municipality_code, id FROM measures ORDER BY municipality_code, id) m`,
    );
    owned = ownedTables(await readCatalog(async (sql, params) => t.sql(sql, params) as never));
    for (const table of owned) {
      const byCode = await t.sql<{ code: string; n: number }>(`SELECT municipality_code AS code, count(*)::int AS n FROM ${quote(table)} GROUP BY 1`);
      rows.set(table, Object.fromEntries(byCode.map((r) => [r.code.trim(), r.n])));
    }
    app = new Client({ connectionString: t.config.appDatabaseUrl });
    await app.connect();
    const [{ user }] = (await app.query('SELECT current_user AS user')).rows;
    expect(user).toBe(APP_ROLE);
  });
  afterAll(async () => {
    await app?.end();
    await t.close();
  });

  it('starts from rows of both municipalities in every owned table', () => {
    const empty = owned.filter((table) => !(rows.get(table)![A] > 0 && rows.get(table)![B] > 0));
    expect(empty).toEqual([]);
    expect(owned.length).toBeGreaterThanOrEqual(25);
  });

  it('shows no row of any owned table without the municipality setting, and no municipality’s reference rows', async () => {
    await asTenant('');
    const seen: string[] = [];
    for (const table of owned) {
      const n = await count(`SELECT count(*) AS n FROM ${quote(table)}`);
      if (n !== 0) seen.push(`${table}: ${n}`);
    }
    // A fresh connection has no setting at all (current_setting(…, true) is NULL): the same.
    const fresh = new Client({ connectionString: t.config.appDatabaseUrl });
    await fresh.connect();
    try {
      for (const table of owned) {
        const n = Number((await fresh.query(`SELECT count(*) AS n FROM ${quote(table)}`)).rows[0].n);
        if (n !== 0) seen.push(`${table} (fresh connection): ${n}`);
      }
    } finally {
      await fresh.end();
    }
    expect(seen).toEqual([]);
    for (const table of REFERENCE_TABLES) expect(await count(`SELECT count(*) AS n FROM ${table} WHERE municipality_code IS NOT NULL`)).toBe(0);
    expect(await count('SELECT count(*) AS n FROM municipalities')).toBe(0);
  });

  it('shows A exactly its own rows, none of B’s, in every owned table and in the reference data', async () => {
    const wrong: string[] = [];
    for (const code of [A, B]) {
      await asTenant(code);
      for (const table of owned) {
        const mine = await count(`SELECT count(*) AS n FROM ${quote(table)}`);
        const others = await count(`SELECT count(*) AS n FROM ${quote(table)} WHERE municipality_code <> $1`, [code]);
        if (mine !== rows.get(table)![code] || others !== 0) wrong.push(`${code} ${table}: sees ${mine} (owns ${rows.get(table)![code]}), ${others} of others`);
      }
      for (const table of REFERENCE_TABLES) {
        const others = await count(`SELECT count(*) AS n FROM ${table} WHERE municipality_code IS DISTINCT FROM $1 AND municipality_code IS NOT NULL`, [code]);
        const own = await count(`SELECT count(*) AS n FROM ${table} WHERE municipality_code = $1`, [code]);
        if (others !== 0 || own === 0) wrong.push(`${code} ${table}: ${own} own, ${others} of others`);
      }
      expect((await app.query('SELECT code FROM municipalities')).rows.map((r) => r.code)).toEqual([code]);
    }
    expect(wrong).toEqual([]);
  });

  it('lets a prefecture’s setting read rollups, quotas and card-uptake aggregates only, never personal records', async () => {
    await asTenant('', `${A},${B}`);
    const wrong: string[] = [];
    // Aggregates by design: a prefecture sums its municipalities' card figures (never a person).
    const aggregates = ['reservation_quotas', 'population_figures', 'benchmark_rates'];
    for (const table of owned) {
      const n = await count(`SELECT count(*) AS n FROM ${quote(table)}`);
      const rollup = /_stats$/.test(table) || aggregates.includes(table);
      const expected = rollup ? rows.get(table)![A] + rows.get(table)![B] : 0;
      if (n !== expected) wrong.push(`${table}: ${n}, expected ${expected}`);
    }
    expect(wrong).toEqual([]);
  });

  it('refuses, as A, to write a row of B into any owned table or to move a row of A to B (WITH CHECK)', async () => {
    await asTenant(A);
    const accepted: string[] = [];
    for (const table of owned) {
      const cols = (
        await t.sql<{ name: string }>(
          `SELECT attname AS name FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = '' ORDER BY attnum`,
          [table],
        )
      ).map((c) => c.name);
      const list = cols.map(quote).join(', ');
      const values = cols.map((c) => (c === 'municipality_code' ? '$1::char(6)' : quote(c))).join(', ');
      // A copy of one of A's own rows, relabelled as B's (its keys then collide with nothing of B's).
      const insert = await refusal(`INSERT INTO ${quote(table)} (${list}) SELECT ${values} FROM ${quote(table)} LIMIT 1`, [B]);
      if (!insert || insert.code !== '42501' || !/row-level security/.test(insert.message)) accepted.push(`INSERT into ${table}: ${insert?.message ?? 'accepted'}`);
      if (table === 'audit_logs') continue; // no UPDATE at all (below)
      const update = await refusal(`UPDATE ${quote(table)} SET municipality_code = $1 WHERE ctid = (SELECT ctid FROM ${quote(table)} LIMIT 1)`, [B]);
      if (!update || update.code !== '42501' || !/row-level security/.test(update.message)) accepted.push(`UPDATE of ${table}: ${update?.message ?? 'accepted'}`);
    }
    expect(accepted).toEqual([]);
    for (const table of NAMED_REFERENCE_TABLES) {
      // National rows (NULL) are the operator's: a municipality can neither add nor change them.
      const national = await refusal(`INSERT INTO ${table} (name, municipality_code) VALUES ('国の登録', NULL)`);
      expect(national?.code).toBe('42501');
      // Refused by the trigger that keeps a row's municipality (before the policy would).
      const toB = await refusal(`UPDATE ${table} SET municipality_code = $1 WHERE municipality_code = $2`, [B, A]);
      expect(toB?.code).toMatch(/^(42501|23514)$/);
    }
  });

  it('lets A lock the national reference rows its writes build on, never change, take or delete them', async () => {
    await asTenant(A);
    for (const table of NAMED_REFERENCE_TABLES) {
      await app.query('BEGIN');
      try {
        // A reservation shares its campaign row; the reference checks key-share it.
        for (const lock of ['FOR SHARE', 'FOR KEY SHARE']) {
          const locked = await app.query(`SELECT id FROM ${table} WHERE municipality_code IS NULL ${lock}`);
          expect([table, lock, locked.rowCount]).toEqual([table, lock, 1]);
        }
        const deleted = await app.query(`DELETE FROM ${table} WHERE municipality_code IS NULL`);
        expect([table, deleted.rowCount]).toEqual([table, 0]);
      } finally {
        await app.query('ROLLBACK');
      }
      const renamed = await refusal(`UPDATE ${table} SET name = name || '（改）' WHERE municipality_code IS NULL`);
      expect([table, renamed?.message]).toEqual([table, expect.stringMatching(/row-level security/)]);
      for (const code of [A, B]) {
        const taken = await refusal(`UPDATE ${table} SET municipality_code = $1 WHERE municipality_code IS NULL`, [code]);
        expect([table, taken?.message]).toEqual([table, `the municipality of a ${table} row never changes`]);
      }
      const moved = await refusal(`UPDATE ${table} SET municipality_code = NULL WHERE municipality_code = $1`, [A]);
      expect([table, moved?.code]).toEqual([table, expect.stringMatching(/^(42501|23514)$/)]);
    }
    // The operator keeps them.
    await asTenant('000000');
    expect(await refusal(`UPDATE campaigns SET name = name || '（改）' WHERE municipality_code IS NULL`)).toBeNull();
    expect((await t.sql(`SELECT 1 FROM campaigns WHERE municipality_code IS NULL AND name = '国のキャンペーン'`)).length).toBe(1);
  });

  it('changes and deletes nothing of B’s as A: B’s rows are not there to touch', async () => {
    await asTenant(A);
    await app.query('BEGIN');
    try {
      for (const table of owned.filter((x) => x !== 'audit_logs')) {
        const updated = await app.query(`UPDATE ${quote(table)} SET municipality_code = municipality_code WHERE municipality_code = $1`, [B]);
        expect([table, updated.rowCount]).toEqual([table, 0]);
      }
    } finally {
      await app.query('ROLLBACK');
    }
    for (const table of ['fraud_alert_history', 'sessions', 'idempotency_keys', 'import_errors', 'uptake_daily_stats']) {
      await app.query('BEGIN');
      try {
        const deleted = await app.query(`DELETE FROM ${quote(table)} WHERE municipality_code = $1`, [B]);
        expect([table, deleted.rowCount]).toEqual([table, 0]);
      } finally {
        await app.query('ROLLBACK');
      }
    }
    const [after] = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM fraud_alert_history WHERE municipality_code = $1', [B]);
    expect(after.n).toBe(rows.get('fraud_alert_history')![B]);
  });

  it('refuses UPDATE, DELETE and TRUNCATE of the audit log, even of A’s own rows', async () => {
    await asTenant(A);
    const id = written[A].ids['audit-logs'];
    for (const sql of [`UPDATE audit_logs SET username = 'x' WHERE id = ${id}`, `DELETE FROM audit_logs WHERE id = ${id}`, 'TRUNCATE audit_logs']) {
      const e = await refusal(sql);
      expect([sql, e?.code, e?.message]).toEqual([sql, '42501', 'permission denied for table audit_logs']);
    }
    expect((await t.sql('SELECT 1 FROM audit_logs WHERE id = $1', [id])).length).toBe(1);
  });

  it('cannot turn the guard off: not owner, no BYPASSRLS, no other role, no operator’s removal', async () => {
    await asTenant(A);
    const refusals = [
      ['ALTER TABLE users DISABLE ROW LEVEL SECURITY', /must be owner of table users/],
      ['ALTER TABLE audit_logs DISABLE TRIGGER audit_logs_no_update_delete', /must be owner of table audit_logs/],
      ['DROP POLICY tenant ON participants', /must be owner of (table|relation) participants/],
      ["CREATE POLICY everyone ON participants USING (true)", /must be owner of (table|relation) participants/],
      ['ALTER TABLE reservations OWNER TO mynapoint_app', /must be owner of table reservations/],
      ['SET ROLE postgres', /permission denied to set role/],
      ['TRUNCATE participants', /permission denied for table participants/],
      // The operator's removal of a municipality's data checks the caller's municipality itself.
      [`SELECT remove_municipality_data('${B}')`, /only the operator removes a municipality/],
    ] as const;
    for (const [sql, message] of refusals) {
      const e = await refusal(sql);
      expect([sql, e?.message]).toEqual([sql, expect.stringMatching(message)]);
    }
    // Asking PostgreSQL not to apply row security makes it refuse the query instead.
    await app.query('SET row_security = off');
    try {
      const e = await refusal('SELECT count(*) FROM participants');
      expect(e?.message).toMatch(/query would be affected by row-level security policy/);
    } finally {
      await app.query('RESET row_security');
    }
    expect(await count(`SELECT count(*) AS n FROM participants WHERE municipality_code = $1`, [B])).toBe(0);
  });

  // Last: it removes B. The one deliberate cross-municipality write, as the operator (000000).
  it('lets the operator remove B’s data completely, leaving every row of A', async () => {
    await asTenant('000000');
    const { rows: result } = await app.query('SELECT remove_municipality_data($1) AS removed', [B]);
    const removed = result[0].removed as Record<string, number>;
    const wrong: string[] = [];
    for (const table of owned) {
      const [left] = await t.sql<{ a: number; b: number }>(
        `SELECT count(*) FILTER (WHERE municipality_code = $1)::int AS a, count(*) FILTER (WHERE municipality_code = $2)::int AS b FROM ${quote(table)}`,
        [A, B],
      );
      // Every owned table is in its list (a rollup may already be empty by then: its rows go with the records they count).
      if (left.b !== 0 || left.a !== rows.get(table)![A] || !(table in removed)) {
        wrong.push(`${table}: ${left.b} of B left (${table in removed ? `removed ${removed[table]}` : 'not in the function’s list'}), A ${left.a} of ${rows.get(table)![A]}`);
      }
    }
    expect(wrong).toEqual([]);
    for (const table of [...REFERENCE_TABLES, 'municipalities']) {
      const column = table === 'municipalities' ? 'code' : 'municipality_code';
      expect(await t.sql(`SELECT 1 FROM ${table} WHERE ${column} = $1`, [B])).toEqual([]);
    }
    expect((await t.sql('SELECT 1 FROM municipalities WHERE code = $1', [A])).length).toBe(1);
    // The guards it set aside for its own statement are back.
    const e = await refusal(`DELETE FROM imports WHERE id = ${written[A].ids.imports}`);
    expect(e?.message).toBe('import jobs are records and are never deleted');
  });
});
