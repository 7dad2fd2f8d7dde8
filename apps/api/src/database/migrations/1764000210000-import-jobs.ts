import { MigrationInterface, QueryRunner } from 'typeorm';

// Import jobs, beyond the columns the uptake schema gave them:
//   - phase: what a running job is doing (reading the file, checking, applying), so
//     the progress bar can say more than a row count
//   - campaign_id: the campaign chosen at upload (null: resolved per row by date)
//   - worker / upload_path: which API process owns a queued or running job and where
//     its uploaded file lies, so a restarted process can fail the jobs of a process
//     that is gone and delete their files (see imports/import-queue.ts)
//   - the counts add up once a job is done (checked by the database)
//
// And the point ledger's references: two composite foreign keys replace the three
// single ones to participants, campaigns and payment services. They say more (an
// award belongs to the participant's own campaign, and to the payment service that
// participant applied to, so "points only for the applied service" is held by the
// database too) and cost less: a million-row operator report pays for every
// foreign-key check, row by row. For the same reason the award's import_id is kept
// whole by refusing to delete import jobs (a trigger, once per statement) rather
// than by a foreign key that would lock the one import row a million times.
export class ImportJobs1764000210000 implements MigrationInterface {
  name = 'ImportJobs1764000210000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE imports
        ADD COLUMN phase       text CHECK (phase IN ('reading','checking','applying')),
        ADD COLUMN campaign_id int REFERENCES campaigns(id),
        ADD COLUMN worker      int,
        ADD COLUMN upload_path text,
        ADD COLUMN size_bytes  bigint CHECK (size_bytes >= 0),
        ADD CONSTRAINT imports_counts_add_up CHECK (status <> 'done' OR accepted + rejected + duplicates = rows_total),
        ADD CONSTRAINT imports_counts_non_negative CHECK (rows_total >= 0 AND rows_done >= 0 AND accepted >= 0 AND rejected >= 0 AND duplicates >= 0);
      CREATE INDEX imports_created_at_idx ON imports (created_at DESC, id DESC);
      CREATE INDEX imports_unfinished_idx ON imports (worker) WHERE status IN ('queued','running');

      ALTER TABLE participants ADD CONSTRAINT participants_id_campaign_key UNIQUE (id, campaign_id);
      ALTER TABLE applications ADD CONSTRAINT applications_participant_service_key UNIQUE (participant_id, payment_service_id);
      ALTER TABLE point_awards
        DROP CONSTRAINT point_awards_participant_id_fkey,
        DROP CONSTRAINT point_awards_campaign_id_fkey,
        DROP CONSTRAINT point_awards_payment_service_id_fkey,
        ADD CONSTRAINT point_awards_participant_campaign_fk FOREIGN KEY (participant_id, campaign_id) REFERENCES participants (id, campaign_id),
        ADD CONSTRAINT point_awards_applied_service_fk FOREIGN KEY (participant_id, payment_service_id) REFERENCES applications (participant_id, payment_service_id),
        DROP CONSTRAINT point_awards_import_id_fkey;

      CREATE FUNCTION imports_keep() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'import jobs are records and are never deleted' USING ERRCODE = 'restrict_violation';
      END $$;
      CREATE TRIGGER imports_no_delete BEFORE DELETE ON imports FOR EACH STATEMENT EXECUTE FUNCTION imports_keep();
      CREATE TRIGGER imports_no_truncate BEFORE TRUNCATE ON imports FOR EACH STATEMENT EXECUTE FUNCTION imports_keep();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER imports_no_truncate ON imports;
      DROP TRIGGER imports_no_delete ON imports;
      DROP FUNCTION imports_keep();
      ALTER TABLE point_awards
        ADD CONSTRAINT point_awards_import_id_fkey FOREIGN KEY (import_id) REFERENCES imports (id),
        DROP CONSTRAINT point_awards_applied_service_fk,
        DROP CONSTRAINT point_awards_participant_campaign_fk,
        ADD CONSTRAINT point_awards_participant_id_fkey FOREIGN KEY (participant_id) REFERENCES participants (id),
        ADD CONSTRAINT point_awards_campaign_id_fkey FOREIGN KEY (campaign_id) REFERENCES campaigns (id),
        ADD CONSTRAINT point_awards_payment_service_id_fkey FOREIGN KEY (payment_service_id) REFERENCES payment_services (id);
      ALTER TABLE applications DROP CONSTRAINT applications_participant_service_key;
      ALTER TABLE participants DROP CONSTRAINT participants_id_campaign_key;
      DROP INDEX imports_unfinished_idx;
      DROP INDEX imports_created_at_idx;
      ALTER TABLE imports
        DROP CONSTRAINT imports_counts_non_negative,
        DROP CONSTRAINT imports_counts_add_up,
        DROP COLUMN size_bytes,
        DROP COLUMN upload_path,
        DROP COLUMN worker,
        DROP COLUMN campaign_id,
        DROP COLUMN phase;
    `);
  }
}
