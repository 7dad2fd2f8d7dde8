import { MigrationInterface, QueryRunner } from 'typeorm';
import { ROLLUP_TABLES } from './1764001800000-municipalities';

// remove_municipality_data(code), as 1764001800000 wrote it, could not run: the
// statement-level guard on imports ("import jobs are records and are never deleted")
// refuses every DELETE on the table, even one of no row. It is lifted for the removal,
// as the audit log's is. And a table added after this list is not forgotten: every table
// of the public schema with a municipality_code column is emptied of the municipality's
// rows, the ones not listed first (a new table is most likely a child of the listed ones).
// If a new table's keys need another order the removal fails whole and nothing is lost
// (test/api/municipality-data.e2e-spec.ts checks every table of the catalog).

/** Children before their parents: the foreign keys (and the triggers that act as keys) allow no other order. */
const ORDER = [
  'fraud_alert_history',
  'fraud_alerts',
  'assistance_records',
  'application_deletions',
  'point_awards',
  'applications',
  'reservations',
  'participants',
  'import_errors',
  'imports',
  'reservation_quotas',
  'idempotency_keys',
  'sessions',
  'audit_logs',
  ...ROLLUP_TABLES,
  'users',
  'payment_services',
  'campaigns',
];

const APP_ROLE = 'mynapoint_app';

/**
 * The function's text. `beforeReferenceData`: tables of later migrations that hold a
 * municipality's rows between its participants and its payment services (measures).
 */
export function removeMunicipalityDataSql(beforeReferenceData: string[]): string {
  const i = ORDER.indexOf('payment_services');
  const order = [...ORDER.slice(0, i), ...beforeReferenceData, ...ORDER.slice(i)];
  return `
      CREATE OR REPLACE FUNCTION remove_municipality_data(code char(6)) RETURNS jsonb LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      DECLARE
        listed text[] := ARRAY[${order.map((x) => `'${x}'`).join(', ')}];
        t text;
        n bigint;
        removed jsonb := '{}';
      BEGIN
        IF code IS NULL OR code = '000000' THEN RAISE EXCEPTION 'not a municipality: %', code; END IF;
        IF current_municipality() IS DISTINCT FROM '000000' THEN
          RAISE EXCEPTION 'only the operator removes a municipality' USING ERRCODE = 'insufficient_privilege';
        END IF;
        -- Both guards come back at the end of this transaction's work (or with its rollback).
        ALTER TABLE audit_logs DISABLE TRIGGER audit_logs_no_update_delete;
        ALTER TABLE imports DISABLE TRIGGER imports_no_delete;
        FOR t IN
          SELECT c.relname::text FROM pg_class c
            JOIN pg_namespace ns ON ns.oid = c.relnamespace AND ns.nspname = 'public'
            JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'municipality_code' AND NOT a.attisdropped
           WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relname <> ALL (listed)
           ORDER BY c.relname
        LOOP
          EXECUTE format('DELETE FROM %I WHERE municipality_code = $1', t) USING code;
          GET DIAGNOSTICS n = ROW_COUNT;
          removed := removed || jsonb_build_object(t, n);
        END LOOP;
        FOREACH t IN ARRAY listed LOOP
          EXECUTE format('DELETE FROM %I WHERE municipality_code = $1', t) USING code;
          GET DIAGNOSTICS n = ROW_COUNT;
          removed := removed || jsonb_build_object(t, n);
        END LOOP;
        ALTER TABLE imports ENABLE TRIGGER imports_no_delete;
        ALTER TABLE audit_logs ENABLE TRIGGER audit_logs_no_update_delete;
        DELETE FROM municipalities m WHERE m.code = remove_municipality_data.code;
        RETURN removed;
      END $$;
      REVOKE ALL ON FUNCTION remove_municipality_data(char) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION remove_municipality_data(char) TO ${APP_ROLE};
`;
}

export class RemoveMunicipalityData1764001810000 implements MigrationInterface {
  name = 'RemoveMunicipalityData1764001810000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(removeMunicipalityDataSql([]));
  }

  async down(): Promise<void> {
    throw new Error('RemoveMunicipalityData1764001810000 cannot be reverted: restore a backup taken before it');
  }
}
