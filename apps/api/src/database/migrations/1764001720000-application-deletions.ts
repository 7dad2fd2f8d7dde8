import { MigrationInterface, QueryRunner } from 'typeorm';

// Issue #16 item 9: deleting an application let a person re-apply with another
// service, which the programme forbids. A deletion now keeps who, when, why and which
// service it was (application_deletions); a later application of that participant is
// marked as a re-application. The mark is set by a trigger so every path that
// inserts applications (API, CSV import, seed) gets it. Existing applications had no
// recorded deletion: they start unmarked.
// Not reference data: application_deletions is a municipality's own (municipality_code);
// its key leads with the code and row-level security is switched on with every other
// owned table in 1764001800000-municipalities.ts (the schema catalog test checks both).
export class ApplicationDeletions1764001720000 implements MigrationInterface {
  name = 'ApplicationDeletions1764001720000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE application_deletions (
        id                  serial PRIMARY KEY,
        municipality_code   char(6) NOT NULL DEFAULT current_municipality(),
        application_id      int NOT NULL,
        -- The person in the campaign, by the same keys as participants (the MyKey ID's
        -- HMAC, never the ID): the record outlives the participant row, so deleting the
        -- reservation and reserving again does not start a clean slate.
        campaign_id         int NOT NULL REFERENCES campaigns(id),
        mykey_hash          bytea NOT NULL,
        participant_id      int REFERENCES participants(id) ON DELETE SET NULL,
        payment_service_id  int NOT NULL REFERENCES payment_services(id),
        applied_at          timestamptz NOT NULL,
        application_created_at timestamptz NOT NULL,
        channel             text NOT NULL,
        reason              text NOT NULL CHECK (btrim(reason) <> '' AND char_length(reason) <= 500),
        deleted_by          int NOT NULL REFERENCES users(id),
        deleted_at          timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX application_deletions_person_idx ON application_deletions (campaign_id, mykey_hash, deleted_at);

      ALTER TABLE applications ADD COLUMN reapplication boolean NOT NULL DEFAULT false;
      CREATE FUNCTION applications_mark_reapplication() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.reapplication := EXISTS (
          SELECT 1 FROM application_deletions d JOIN participants p ON p.campaign_id = d.campaign_id AND p.mykey_hash = d.mykey_hash
           WHERE p.id = NEW.participant_id);
        RETURN NEW;
      END $$;
      CREATE TRIGGER applications_mark_reapplication BEFORE INSERT ON applications
        FOR EACH ROW EXECUTE FUNCTION applications_mark_reapplication();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER applications_mark_reapplication ON applications;
      DROP FUNCTION applications_mark_reapplication();
      ALTER TABLE applications DROP COLUMN reapplication;
      DROP TABLE application_deletions;
    `);
  }
}
