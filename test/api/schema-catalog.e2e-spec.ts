import type { PoolClient } from 'pg';
import { APP_ROLE, INSTALLATION_TABLES, REFERENCE_TABLES, kindOf, ownedTables, readCatalog, schemaProblems } from '../support/schema-catalog';
import { TestApp } from '../support/test-app';

// Issue #18 item 2: isolation and distribution by municipality_code are properties of the
// schema, so they are read from PostgreSQL's catalog of the migrated database (a clone of
// the template every test file starts from): any table a later migration adds is
// municipality-owned unless listed as the installation's or reference data, and must
// follow the rules at once.
describe('the schema keeps municipalities apart and distributes by municipality_code', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(async () => {
    await t.close();
  });

  const catalog = (client?: PoolClient) =>
    readCatalog(async <T>(sql: string, params: unknown[] = []) => (client ? (await client.query(sql, params)).rows : await t.sql(sql, params)) as T[]);

  it('has no table, key, policy, grant or function that breaks the rules', async () => {
    const c = await catalog();
    const owned = ownedTables(c);
    // eslint-disable-next-line no-console
    console.log(
      `schema catalog: ${c.tables.length} tables — ${owned.length} municipality-owned, ${REFERENCE_TABLES.length} reference, ${INSTALLATION_TABLES.length} installation; ` +
        `${c.keys.length} unique/primary keys, ${c.foreignKeys.length} foreign keys, ${c.policies.length} policies checked`,
    );
    expect(schemaProblems(c)).toEqual([]);
    // The classification covers what the issue names as per municipality.
    for (const table of ['audit_logs', 'sessions', 'idempotency_keys', 'imports', 'import_errors', 'users', 'uptake_daily_stats', 'fraud_daily_stats', 'participant_point_stats', 'rate_limit_windows']) {
      expect(owned).toContain(table);
    }
    for (const table of [...REFERENCE_TABLES, ...INSTALLATION_TABLES]) expect(c.tables.map((x) => x.name)).toContain(table);
  });

  it('gives the API role no table, no way past row-level security and no rewriting of the audit log', async () => {
    const c = await catalog();
    expect(c.tables.filter((x) => x.owner === APP_ROLE)).toEqual([]);
    expect(c.appRoleOwns).toEqual([]);
    expect(c.appRole).toEqual({ superuser: false, bypassRls: false, memberOfOwners: [] });
    const [p] = await t.sql<Record<string, boolean>>(
      `SELECT has_table_privilege($1, 'audit_logs', 'INSERT') AS insert, has_table_privilege($1, 'audit_logs', 'SELECT') AS select,
              has_table_privilege($1, 'audit_logs', 'UPDATE') AS update, has_table_privilege($1, 'audit_logs', 'DELETE') AS delete,
              has_table_privilege($1, 'audit_logs', 'TRUNCATE') AS truncate`,
      [APP_ROLE],
    );
    expect(p).toEqual({ insert: true, select: true, update: false, delete: false, truncate: false });
  });

  it('flags every kind of break in a catalog that has one (the checker can fail)', async () => {
    const client = await t.db.connect();
    try {
      await client.query('BEGIN');
      await client.query(`
        -- no RLS, a nullable code, a key without the code
        CREATE TABLE zz_loose (municipality_code char(6), id int PRIMARY KEY, name text UNIQUE);
        -- RLS on, but a policy that lets everyone in, and a unique expression index without the code
        CREATE TABLE zz_open (municipality_code char(6) NOT NULL, id int, name text, PRIMARY KEY (municipality_code, id));
        ALTER TABLE zz_open ENABLE ROW LEVEL SECURITY;
        CREATE POLICY tenant ON zz_open USING (municipality_code = (SELECT current_municipality()));
        CREATE POLICY everyone ON zz_open FOR SELECT USING (true);
        CREATE UNIQUE INDEX zz_open_name ON zz_open (lower(name));
        -- a foreign key between owned tables by id alone
        CREATE TABLE zz_child (municipality_code char(6) NOT NULL, id int, loose_id int REFERENCES zz_loose (id), PRIMARY KEY (municipality_code, id));
        ALTER TABLE zz_child ENABLE ROW LEVEL SECURITY;
        CREATE POLICY tenant ON zz_child USING (municipality_code = (SELECT current_municipality())) WITH CHECK (municipality_code = (SELECT current_municipality()));
        -- reference data pointing into a municipality's rows
        ALTER TABLE payment_services ADD COLUMN zz_user int;
        ALTER TABLE payment_services ADD CONSTRAINT zz_user_fk FOREIGN KEY (municipality_code, zz_user) REFERENCES users (municipality_code, id);
        -- privileges past every policy, and a function running as the owner
        GRANT TRUNCATE ON zz_child TO ${APP_ROLE};
        CREATE FUNCTION zz_peek() RETURNS bigint LANGUAGE sql SECURITY DEFINER AS $$ SELECT count(*) FROM users $$;
        CREATE TABLE zz_theirs (municipality_code char(6) NOT NULL, id int, PRIMARY KEY (municipality_code, id));
        ALTER TABLE zz_theirs ENABLE ROW LEVEL SECURITY;
        CREATE POLICY tenant ON zz_theirs USING (municipality_code = (SELECT current_municipality()));
        ALTER TABLE zz_theirs OWNER TO ${APP_ROLE};
      `);
      const problems = schemaProblems(await catalog(client));
      expect(problems.sort()).toEqual(
        [
          `${APP_ROLE} holds TRUNCATE on zz_child`,
          // an owner holds every privilege
          `${APP_ROLE} holds TRIGGER on zz_theirs`,
          `${APP_ROLE} holds TRUNCATE on zz_theirs`,
          'function zz_peek is SECURITY DEFINER (runs past row-level security): review it and list it',
          'payment_services: foreign key zz_user_fk from a reference table to the municipality-owned users',
          'public.zz_theirs: owned by mynapoint_app',
          'public.zz_theirs_pkey: owned by mynapoint_app',
          'zz_child: foreign key zz_child_loose_id_fkey (loose_id) → zz_loose (id) does not match municipality_code to municipality_code',
          'zz_loose: municipality_code may be NULL',
          'zz_loose: no policy (nothing would be visible, or everything once one is added)',
          'zz_loose: primary key zz_loose_pkey (id) does not start with municipality_code',
          'zz_loose: primary key zz_loose_pkey (id) does not include municipality_code',
          'zz_loose: row-level security is not enabled',
          'zz_loose: unique key zz_loose_name_key (name) does not include municipality_code',
          'zz_open: policy everyone USING (true) does not narrow by municipality_code',
          'zz_open: unique key zz_open_name (<expression>) does not include municipality_code',
          `zz_theirs: owned by ${APP_ROLE} (it could switch row-level security off)`,
        ].sort(),
      );
      expect(kindOf('zz_loose')).toBe('owned');
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
    // Rolled back: the real schema is clean again.
    expect(schemaProblems(await catalog())).toEqual([]);
  });
});
