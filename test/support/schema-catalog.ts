// What the database's own catalog must say for the municipalities to stay apart and for
// the schema to distribute by municipality_code (Citus) unchanged (docs/scaling.md).
// `readCatalog` reads pg_catalog into plain data; `schemaProblems` is a pure function of
// that data, so a test can feed it a catalog with a deliberately bad table and see it
// flagged.

export const APP_ROLE = 'mynapoint_app';
export const CODE = 'municipality_code';

/** The installation's own tables: not any municipality's (on Citus: local or reference tables). */
export const INSTALLATION_TABLES = ['migrations', 'app_meta', 'municipalities'];
/** National rows (NULL code) beside each municipality's own: reference tables on Citus. */
export const REFERENCE_TABLES = ['payment_services', 'campaigns', 'measures', 'measure_payment_services'];
/**
 * Functions that run as the tables' owner, so row-level security does not hold inside them.
 * Each is a deliberate cross-municipality step (docs/architecture.md); a new one must be
 * reviewed and added here.
 */
export const SECURITY_DEFINER_FUNCTIONS = [
  'remove_municipality_data',
  'unfinished_import_workers',
  // A national campaign (the operator's row) and its participants (every municipality's):
  // the cap copied under a share lock, and a cap change that follows to all of them.
  'campaign_cap_shared',
  'campaign_participants_above',
  'set_campaign_participant_caps',
  // The same for a measure's cap (issue #19): it moves every participant's cap by the change.
  'measure_participants_above',
  'shift_measure_participant_caps',
  // The reference checks that stand in for foreign keys run as the owner, as a foreign key
  // does, comparing (municipality_code, id) between owned tables (migration 1764001870000).
  'check_references',
  'check_reference',
  'keep_referenced',
];

export type TableKind = 'installation' | 'reference' | 'owned';

export function kindOf(table: string): TableKind {
  if (INSTALLATION_TABLES.includes(table)) return 'installation';
  if (REFERENCE_TABLES.includes(table)) return 'reference';
  return 'owned';
}

export interface CatalogTable {
  name: string;
  owner: string;
  rowSecurity: boolean;
  /** municipality_code's NOT NULL, or null when the table has no such column. */
  codeNotNull: boolean | null;
}
export interface CatalogPolicy {
  table: string;
  name: string;
  permissive: boolean;
  using: string | null;
  check: string | null;
}
export interface CatalogKey {
  table: string;
  name: string;
  kind: 'primary' | 'unique' | 'exclusion';
  /** Key columns in order; an expression is shown as null. */
  columns: (string | null)[];
}
export interface CatalogForeignKey {
  table: string;
  name: string;
  columns: string[];
  target: string;
  targetColumns: string[];
}
export interface Catalog {
  tables: CatalogTable[];
  policies: CatalogPolicy[];
  keys: CatalogKey[];
  foreignKeys: CatalogForeignKey[];
  /** Relations of every kind in every schema owned by the app role: `schema.name`. */
  appRoleOwns: string[];
  appRole: { superuser: boolean; bypassRls: boolean; memberOfOwners: string[] };
  /** Privileges the app role holds that row-level security cannot narrow, per table. */
  appRoleGrants: { table: string; privilege: string }[];
  securityDefiner: { name: string; searchPathSet: boolean }[];
}

type Query = <T>(sql: string, params?: unknown[]) => Promise<T[]>;

export async function readCatalog(query: Query, schema = 'public'): Promise<Catalog> {
  const tables = await query<CatalogTable>(
    `SELECT c.relname::text AS name, pg_get_userbyid(c.relowner)::text AS owner, c.relrowsecurity AS "rowSecurity",
            (SELECT a.attnotnull FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = $2 AND NOT a.attisdropped) AS "codeNotNull"
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') ORDER BY 1`,
    [schema, CODE],
  );
  const policies = await query<CatalogPolicy>(
    `SELECT tablename AS table, policyname AS name, permissive = 'PERMISSIVE' AS permissive, qual AS using, with_check AS check
       FROM pg_policies WHERE schemaname = $1 ORDER BY 1, 2`,
    [schema],
  );
  // Unique indexes as well as constraints: a UNIQUE INDEX is a key too (and may hold expressions).
  const keys = await query<CatalogKey>(
    `SELECT r.relname AS table, i.relname AS name,
            CASE WHEN x.indisprimary THEN 'primary' WHEN x.indisexclusion THEN 'exclusion' ELSE 'unique' END AS kind,
            ARRAY(SELECT a.attname::text FROM unnest(x.indkey[0:x.indnkeyatts - 1]) WITH ORDINALITY k(attnum, ord)
                    LEFT JOIN pg_attribute a ON a.attrelid = r.oid AND a.attnum = k.attnum ORDER BY k.ord) AS columns
       FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class r ON r.oid = x.indrelid
       JOIN pg_namespace n ON n.oid = r.relnamespace
      WHERE n.nspname = $1 AND (x.indisunique OR x.indisexclusion) ORDER BY 1, 2`,
    [schema],
  );
  const foreignKeys = await query<CatalogForeignKey>(
    `SELECT r.relname AS table, c.conname AS name, t.relname AS target,
            ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(n, o) JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.o) AS columns,
            ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY k(n, o) JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.o) AS "targetColumns"
       FROM pg_constraint c JOIN pg_class r ON r.oid = c.conrelid JOIN pg_class t ON t.oid = c.confrelid
       JOIN pg_namespace n ON n.oid = r.relnamespace
      WHERE n.nspname = $1 AND c.contype = 'f' ORDER BY 1, 2`,
    [schema],
  );
  const appRoleOwns = (
    await query<{ name: string }>(
      `SELECT n.nspname || '.' || c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relowner = (SELECT oid FROM pg_roles WHERE rolname = $1) ORDER BY 1`,
      [APP_ROLE],
    )
  ).map((r) => r.name);
  const [role] = await query<{ superuser: boolean; bypassRls: boolean; memberOfOwners: string[] }>(
    `SELECT r.rolsuper AS superuser, r.rolbypassrls AS "bypassRls",
            ARRAY(SELECT DISTINCT pg_get_userbyid(c.relowner)::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                   WHERE n.nspname = $2 AND c.relkind IN ('r', 'p') AND c.relowner <> r.oid
                     AND pg_has_role(r.oid, c.relowner, 'USAGE')) AS "memberOfOwners"
       FROM pg_roles r WHERE r.rolname = $1`,
    [APP_ROLE, schema],
  );
  if (!role) throw new Error(`role ${APP_ROLE} does not exist`);
  // TRUNCATE empties a table past every policy; UPDATE/DELETE of the audit log would rewrite history.
  const appRoleGrants = await query<{ table: string; privilege: string }>(
    `SELECT c.relname AS table, p.privilege
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       CROSS JOIN unnest(ARRAY['TRUNCATE', 'UPDATE', 'DELETE', 'TRIGGER']) AS p(privilege)
      WHERE n.nspname = $2 AND c.relkind IN ('r', 'p') AND has_table_privilege($1, c.oid, p.privilege) ORDER BY 1, 2`,
    [APP_ROLE, schema],
  );
  const securityDefiner = await query<{ name: string; searchPathSet: boolean }>(
    `SELECT p.proname AS name, coalesce(array_to_string(p.proconfig, ',') LIKE '%search_path=%', false) AS "searchPathSet"
       FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = $1 AND p.prosecdef ORDER BY 1`,
    [schema],
  );
  return { tables, policies, keys, foreignKeys, appRoleOwns, appRole: role, appRoleGrants, securityDefiner };
}

// A policy narrows by municipality when it compares the row's code with the session's
// municipality (or a prefecture user's list of them); a permissive policy that does not
// (USING (true)) would open the table to everyone, whatever the others say.
const NARROWS = /municipality_code\s*=\s*(ANY\s*)?\(+\s*SELECT (current_municipality|stats_municipalities)\(\)/;

/** Everything in the catalog that breaks isolation or distribution by municipality_code, one line each. */
export function schemaProblems(c: Catalog): string[] {
  const out: string[] = [];
  const kinds = new Map(c.tables.map((t) => [t.name, kindOf(t.name)]));

  for (const t of c.tables) {
    const kind = kinds.get(t.name)!;
    if (t.owner === APP_ROLE) out.push(`${t.name}: owned by ${APP_ROLE} (it could switch row-level security off)`);
    if (kind === 'installation') continue;

    if (t.codeNotNull === null) out.push(`${t.name}: no ${CODE} column`);
    else if (kind === 'owned' && !t.codeNotNull) out.push(`${t.name}: ${CODE} may be NULL`);
    if (!t.rowSecurity) out.push(`${t.name}: row-level security is not enabled`);
    const policies = c.policies.filter((p) => p.table === t.name);
    if (!policies.some((p) => p.permissive)) out.push(`${t.name}: no policy (nothing would be visible, or everything once one is added)`);
    if (kind === 'owned') {
      for (const p of policies.filter((x) => x.permissive)) {
        for (const [what, expr] of [['USING', p.using], ['WITH CHECK', p.check]] as const) {
          if (expr !== null && !NARROWS.test(expr)) out.push(`${t.name}: policy ${p.name} ${what} (${expr}) does not narrow by ${CODE}`);
        }
      }
    }
    if (kind !== 'owned') continue;

    const keys = c.keys.filter((k) => k.table === t.name);
    const pk = keys.find((k) => k.kind === 'primary');
    if (pk && pk.columns[0] !== CODE) out.push(`${t.name}: primary key ${pk.name} (${pk.columns.join(', ')}) does not start with ${CODE}`);
    // The rollups have no primary key: their unique key holds NULLs (NULLS NOT DISTINCT),
    // which a primary key cannot; that key, led by the code, is their identity.
    if (!pk && !keys.some((k) => k.kind === 'unique' && k.columns[0] === CODE)) out.push(`${t.name}: neither a primary key nor a unique key starts with ${CODE}`);
    for (const k of keys) {
      if (!k.columns.includes(CODE)) out.push(`${t.name}: ${k.kind} key ${k.name} (${k.columns.map((x) => x ?? '<expression>').join(', ')}) does not include ${CODE}`);
    }
  }

  for (const fk of c.foreignKeys) {
    const from = kinds.get(fk.table);
    const to = kinds.get(fk.target);
    if (from === 'owned' && to === 'owned') {
      const i = fk.columns.indexOf(CODE);
      if (i < 0 || fk.targetColumns[i] !== CODE) {
        out.push(`${fk.table}: foreign key ${fk.name} (${fk.columns.join(', ')}) → ${fk.target} (${fk.targetColumns.join(', ')}) does not match ${CODE} to ${CODE}`);
      }
    } else if (from !== 'owned' && to === 'owned') {
      out.push(`${fk.table}: foreign key ${fk.name} from a ${from} table to the municipality-owned ${fk.target}`);
    }
  }

  for (const rel of c.appRoleOwns) {
    // Point-award imports build their work tables in import_work, as the API's role.
    if (!rel.startsWith('import_work.')) out.push(`${rel}: owned by ${APP_ROLE}`);
  }
  if (c.appRole.superuser) out.push(`${APP_ROLE} is a superuser`);
  if (c.appRole.bypassRls) out.push(`${APP_ROLE} has BYPASSRLS`);
  for (const owner of c.appRole.memberOfOwners) out.push(`${APP_ROLE} may act as ${owner}, which owns tables (SET ROLE)`);
  for (const g of c.appRoleGrants) {
    const harmful = g.privilege === 'TRUNCATE' || g.privilege === 'TRIGGER' || (g.table === 'audit_logs' && (g.privilege === 'UPDATE' || g.privilege === 'DELETE'));
    if (harmful) out.push(`${APP_ROLE} holds ${g.privilege} on ${g.table}`);
  }
  for (const f of c.securityDefiner) {
    if (!SECURITY_DEFINER_FUNCTIONS.includes(f.name)) out.push(`function ${f.name} is SECURITY DEFINER (runs past row-level security): review it and list it`);
    else if (!f.searchPathSet) out.push(`function ${f.name} is SECURITY DEFINER without a fixed search_path`);
  }
  return out;
}

/** The municipality-owned tables of the catalog. */
export function ownedTables(c: Catalog): string[] {
  return c.tables.filter((t) => kindOf(t.name) === 'owned').map((t) => t.name);
}
