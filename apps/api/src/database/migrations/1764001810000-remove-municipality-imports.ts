import { MigrationInterface, QueryRunner } from 'typeorm';
import { ROLLUP_TABLES } from './1764001800000-municipalities';

// remove_municipality_data(code) (migration 1764001800000) could never succeed: the
// statement-level trigger imports_no_delete refuses every DELETE on imports, whatever
// the rows, so the operator's removal of a municipality failed at its imports. It now
// sets that guard aside for its own statement as it does the audit log's (as the
// tables' owner, inside the caller's transaction: an error puts both back).
const TABLES = [
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

export class RemoveMunicipalityImports1764001810000 implements MigrationInterface {
  name = 'RemoveMunicipalityImports1764001810000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION remove_municipality_data(code char(6)) RETURNS jsonb LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      DECLARE
        t text;
        n bigint;
        removed jsonb := '{}';
      BEGIN
        IF code IS NULL OR code = '000000' THEN RAISE EXCEPTION 'not a municipality: %', code; END IF;
        IF current_municipality() IS DISTINCT FROM '000000' THEN
          RAISE EXCEPTION 'only the operator removes a municipality' USING ERRCODE = 'insufficient_privilege';
        END IF;
        ALTER TABLE audit_logs DISABLE TRIGGER audit_logs_no_update_delete;
        ALTER TABLE imports DISABLE TRIGGER imports_no_delete;
        FOREACH t IN ARRAY ARRAY[${TABLES.map((x) => `'${x}'`).join(', ')}] LOOP
          EXECUTE format('DELETE FROM %I WHERE municipality_code = $1', t) USING code;
          GET DIAGNOSTICS n = ROW_COUNT;
          removed := removed || jsonb_build_object(t, n);
        END LOOP;
        ALTER TABLE imports ENABLE TRIGGER imports_no_delete;
        ALTER TABLE audit_logs ENABLE TRIGGER audit_logs_no_update_delete;
        DELETE FROM municipalities m WHERE m.code = remove_municipality_data.code;
        RETURN removed;
      END $$;
    `);
  }

  // The earlier body refused every removal: nothing worth putting back.
  async down(): Promise<void> {}
}
