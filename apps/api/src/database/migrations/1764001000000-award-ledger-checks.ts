import { MigrationInterface, QueryRunner } from 'typeorm';

// The point ledger's two references, checked once per statement instead of once per row.
//
// An award references the participant's application to that payment service and
// the participant's own campaign. As composite foreign keys, PostgreSQL checked
// both row by row: two queries per award, 19 of the 54 seconds a 1,000,000-award
// import spent in its insert (EXPLAIN ANALYZE, docs/imports.md "Speed"). The same
// rule, held by the database here with one set-based check per statement:
//
//   - child side: after every INSERT or UPDATE on point_awards, the statement's new
//     rows (transition table) are joined with participants and applications, locking
//     the rows they reference as the foreign keys did (participants FOR KEY SHARE,
//     applications FOR SHARE, see below). A key whose row is missing, or was deleted
//     or changed by a transaction that committed while this one waited for its lock
//     (READ COMMITTED re-checks a locked row and leaves it out), fails the statement
//     with 23503 "… is not present in table …", as the foreign key did.
//   - parent side: deleting a participant or an application, or changing its key,
//     fails with 23503 "… is still referenced from table point_awards" while an award
//     references it (row triggers, as the foreign keys' own; only key changes fire).
//     The awards' check held its lock until it committed, so such a delete either
//     waits and then sees the committed awards (each statement of the plpgsql
//     function takes a new snapshot), or came first and made the awards' lock find
//     no row.
//
// Applications are locked FOR SHARE, not FOR KEY SHARE: without the composite unique
// key below, payment_service_id is no longer a key column, so an update of it would
// not wait for a KEY SHARE lock. (The service forbids that update anyway.)
// Participants: campaign_id is part of participants_one_per_mykey, so changing it
// takes the lock that conflicts with KEY SHARE.
//
// The UNIQUE constraints the composite keys needed are dropped with them: (id,
// campaign_id) on participants is implied by the primary key, (participant_id,
// payment_service_id) on applications by applications_one_per_participant, and each
// was one more index to maintain per participant inserted (reservation imports) or
// updated (every award statement raises points_total), per application imported.
// Every query in the application runs at READ COMMITTED (nothing sets another level).
export class AwardLedgerChecks1764001000000 implements MigrationInterface {
  name = 'AwardLedgerChecks1764001000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE point_awards
        DROP CONSTRAINT point_awards_participant_campaign_fk,
        DROP CONSTRAINT point_awards_applied_service_fk;
      ALTER TABLE participants DROP CONSTRAINT participants_id_campaign_key;
      ALTER TABLE applications DROP CONSTRAINT applications_participant_service_key;

      CREATE FUNCTION point_awards_check_refs() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        wanted bigint;
        found bigint;
        missing record;
      BEGIN
        -- One pass over the statement's rows: their distinct keys, then the rows those
        -- keys reference, locked. Each key matches at most one (participant,
        -- application) pair: the primary key and applications_one_per_participant.
        WITH refs AS MATERIALIZED (
          SELECT DISTINCT participant_id, campaign_id, payment_service_id FROM new_awards
        ), locked AS (
          SELECT 1 FROM refs r
          JOIN participants p ON p.id = r.participant_id AND p.campaign_id = r.campaign_id
          JOIN applications a ON a.participant_id = r.participant_id AND a.payment_service_id = r.payment_service_id
          FOR KEY SHARE OF p FOR SHARE OF a
        )
        SELECT (SELECT count(*) FROM refs), (SELECT count(*) FROM locked) INTO wanted, found;
        IF found = wanted THEN RETURN NULL; END IF;
        -- Name one missing key, in the foreign key's words.
        SELECT n.participant_id, n.campaign_id, n.payment_service_id,
               EXISTS (SELECT 1 FROM participants p WHERE p.id = n.participant_id AND p.campaign_id = n.campaign_id) AS has_participant
        INTO missing
        FROM new_awards n
        WHERE NOT EXISTS (SELECT 1 FROM participants p JOIN applications a ON a.participant_id = p.id
                          WHERE p.id = n.participant_id AND p.campaign_id = n.campaign_id AND a.payment_service_id = n.payment_service_id)
        LIMIT 1;
        IF missing IS NULL OR missing.participant_id IS NULL THEN
          -- Found when checked again: a referenced row changed while this statement waited for it.
          RAISE EXCEPTION 'point award references a participant or an application that changed meanwhile'
            USING ERRCODE = 'foreign_key_violation', DETAIL = 'Key (participant_id) is not present in table "participants".';
        ELSIF NOT missing.has_participant THEN
          RAISE EXCEPTION 'insert or update on table "point_awards" violates the reference to the participant''s campaign'
            USING ERRCODE = 'foreign_key_violation',
                  DETAIL = format('Key (participant_id, campaign_id)=(%s, %s) is not present in table "participants".', missing.participant_id, missing.campaign_id);
        ELSE
          RAISE EXCEPTION 'insert or update on table "point_awards" violates the reference to the application'
            USING ERRCODE = 'foreign_key_violation',
                  DETAIL = format('Key (participant_id, payment_service_id)=(%s, %s) is not present in table "applications".', missing.participant_id, missing.payment_service_id);
        END IF;
      END $$;
      CREATE TRIGGER point_awards_refs_insert AFTER INSERT ON point_awards
        REFERENCING NEW TABLE AS new_awards FOR EACH STATEMENT EXECUTE FUNCTION point_awards_check_refs();
      CREATE TRIGGER point_awards_refs_update AFTER UPDATE ON point_awards
        REFERENCING NEW TABLE AS new_awards FOR EACH STATEMENT EXECUTE FUNCTION point_awards_check_refs();

      CREATE FUNCTION participants_keep_awarded() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM point_awards WHERE participant_id = OLD.id AND campaign_id = OLD.campaign_id) THEN
          RAISE EXCEPTION 'the participant has point awards'
            USING ERRCODE = 'foreign_key_violation',
                  DETAIL = format('Key (id, campaign_id)=(%s, %s) is still referenced from table "point_awards".', OLD.id, OLD.campaign_id);
        END IF;
        RETURN NULL;
      END $$;
      CREATE TRIGGER participants_awards_delete AFTER DELETE ON participants
        FOR EACH ROW EXECUTE FUNCTION participants_keep_awarded();
      CREATE TRIGGER participants_awards_key AFTER UPDATE OF id, campaign_id ON participants
        FOR EACH ROW WHEN (OLD.id <> NEW.id OR OLD.campaign_id <> NEW.campaign_id) EXECUTE FUNCTION participants_keep_awarded();

      CREATE FUNCTION applications_keep_awarded() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM point_awards WHERE participant_id = OLD.participant_id AND payment_service_id = OLD.payment_service_id) THEN
          RAISE EXCEPTION 'the application has point awards'
            USING ERRCODE = 'foreign_key_violation',
                  DETAIL = format('Key (participant_id, payment_service_id)=(%s, %s) is still referenced from table "point_awards".', OLD.participant_id, OLD.payment_service_id);
        END IF;
        RETURN NULL;
      END $$;
      CREATE TRIGGER applications_awards_delete AFTER DELETE ON applications
        FOR EACH ROW EXECUTE FUNCTION applications_keep_awarded();
      CREATE TRIGGER applications_awards_key AFTER UPDATE OF participant_id, payment_service_id ON applications
        FOR EACH ROW WHEN (OLD.participant_id <> NEW.participant_id OR OLD.payment_service_id <> NEW.payment_service_id)
        EXECUTE FUNCTION applications_keep_awarded();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER applications_awards_key ON applications;
      DROP TRIGGER applications_awards_delete ON applications;
      DROP FUNCTION applications_keep_awarded();
      DROP TRIGGER participants_awards_key ON participants;
      DROP TRIGGER participants_awards_delete ON participants;
      DROP FUNCTION participants_keep_awarded();
      DROP TRIGGER point_awards_refs_update ON point_awards;
      DROP TRIGGER point_awards_refs_insert ON point_awards;
      DROP FUNCTION point_awards_check_refs();
      ALTER TABLE applications ADD CONSTRAINT applications_participant_service_key UNIQUE (participant_id, payment_service_id);
      ALTER TABLE participants ADD CONSTRAINT participants_id_campaign_key UNIQUE (id, campaign_id);
      ALTER TABLE point_awards
        ADD CONSTRAINT point_awards_participant_campaign_fk FOREIGN KEY (participant_id, campaign_id) REFERENCES participants (id, campaign_id),
        ADD CONSTRAINT point_awards_applied_service_fk FOREIGN KEY (participant_id, payment_service_id) REFERENCES applications (participant_id, payment_service_id);
    `);
  }
}
