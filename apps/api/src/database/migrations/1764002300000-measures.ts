import { MigrationInterface, QueryRunner } from 'typeorm';
import { removeMunicipalityDataSql } from './1764001810000-remove-municipality-data';

// Issue #19: campaigns with measures (施策), a person across rounds, budgets.
//
// - `measures`: what a campaign awards and to whom. `rate_with_cap` (a rate of each
//   charge or purchase up to a cap per person) or `fixed_amount` (a fixed award once
//   per person, on registration). Each with its own windows, eligibility and funding.
//   Reference data like campaigns: a national campaign's measures are national rows
//   (NULL code, the operator's), a municipality's own campaign's are its own. The code
//   is the campaign's (composite foreign key), so a municipality never hangs a measure
//   of its own under a national campaign nor under another municipality's.
// - A budgeted measure (funded by a prefecture or municipality) never overspends:
//   `awarded_yen` is raised only by the award statements under the measure's row lock,
//   and CHECK (awarded_yen <= budget_yen) is the last line. A budget is a municipality's
//   own (a national row's counter would be every municipality's hot row).
// - `participants`: one row per person (MyKey hash) per **measure** (was: per
//   campaign). Its points_total and cap_yen are that measure's; the unique key
//   participants_one_per_mykey keeps its name (ON CONFLICT names it) on (measure_id,
//   mykey_hash). An application is its participant's (one per person per measure), an
//   award its participant's: both read the measure through it.
// - `measure_payment_services`: the services taking part in a measure, each with its
//   own closing date (a measure with none listed takes every service).
// - Point awards get the kind `registration` (a fixed award; no spend) and one per
//   participant at most.
//
// Existing data: each campaign gets one `rate_with_cap` measure with its rate, cap and
// windows; every participant gets its campaign's measure (so its applications and
// awards do); nothing else changes. Set-based: one INSERT … SELECT, one UPDATE.
const ME = '(SELECT current_municipality())';
const STATS_SCOPE = '(SELECT stats_municipalities())::char(6)[]';
const TABLES = ['measures', 'measure_payment_services'];

export class Measures1764002300000 implements MigrationInterface {
  name = 'Measures1764002300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- (id, municipality_code) for the measures' composite reference; id alone is the key.
      ALTER TABLE campaigns ADD CONSTRAINT campaigns_id_municipality_key UNIQUE (id, municipality_code);

      CREATE TABLE measures (
        id                     serial PRIMARY KEY,
        municipality_code      char(6) DEFAULT nullif(current_municipality(), '000000'),
        campaign_id            int NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
        name                   text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
        kind                   text NOT NULL CHECK (kind IN ('rate_with_cap', 'fixed_amount')),
        rate_percent           int CHECK (rate_percent BETWEEN 1 AND 100),
        cap_per_person_yen     int CHECK (cap_per_person_yen BETWEEN 1 AND 1000000),
        fixed_amount_yen       int CHECK (fixed_amount_yen BETWEEN 1 AND 1000000),
        application_opens_on   date NOT NULL,
        application_closes_on  date NOT NULL,
        earning_starts_on      date NOT NULL,
        earning_ends_on        date NOT NULL,
        eligibility            text NOT NULL DEFAULT 'anyone_with_card'
                               CHECK (eligibility IN ('anyone_with_card', 'new_or_below_cap', 'card_applied_by', 'residents_by_age')),
        card_applied_by        date,
        min_age                int CHECK (min_age BETWEEN 0 AND 150),
        max_age                int CHECK (max_age BETWEEN 0 AND 150),
        funded_by              text NOT NULL DEFAULT 'national' CHECK (funded_by IN ('national', 'prefecture', 'municipality')),
        budget_yen             bigint CHECK (budget_yen > 0),
        awarded_yen            bigint NOT NULL DEFAULT 0 CHECK (awarded_yen >= 0),
        created_at             timestamptz NOT NULL DEFAULT now(),
        updated_at             timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT measures_campaign_municipality_fk FOREIGN KEY (campaign_id, municipality_code) REFERENCES campaigns (id, municipality_code) ON DELETE CASCADE,
        CONSTRAINT measures_kind_amounts CHECK (
          (kind = 'rate_with_cap' AND rate_percent IS NOT NULL AND cap_per_person_yen IS NOT NULL AND fixed_amount_yen IS NULL)
          OR (kind = 'fixed_amount' AND fixed_amount_yen IS NOT NULL AND rate_percent IS NULL AND cap_per_person_yen IS NULL)),
        CONSTRAINT measures_eligibility_terms CHECK (
          (eligibility = 'card_applied_by') = (card_applied_by IS NOT NULL)
          AND (eligibility = 'residents_by_age' OR (min_age IS NULL AND max_age IS NULL))
          AND (eligibility <> 'residents_by_age' OR coalesce(min_age, max_age) IS NOT NULL)
          AND (min_age IS NULL OR max_age IS NULL OR min_age <= max_age)),
        CONSTRAINT measures_budget_when_local CHECK ((funded_by = 'national') = (budget_yen IS NULL)),
        CONSTRAINT measures_local_funding_own CHECK (funded_by = 'national' OR municipality_code IS NOT NULL),
        CONSTRAINT measures_budget_never_overspent CHECK (budget_yen IS NULL OR awarded_yen <= budget_yen),
        CHECK (application_opens_on <= application_closes_on),
        CHECK (earning_starts_on <= earning_ends_on)
      );
      CREATE INDEX measures_campaign_idx ON measures (campaign_id);
      CREATE UNIQUE INDEX measures_name_key ON measures (campaign_id, lower(name));

      CREATE TABLE measure_payment_services (
        municipality_code   char(6) DEFAULT nullif(current_municipality(), '000000'),
        measure_id          int NOT NULL REFERENCES measures (id) ON DELETE CASCADE,
        payment_service_id  int NOT NULL REFERENCES payment_services (id),
        closes_on           date,
        CONSTRAINT measure_payment_services_pkey PRIMARY KEY (measure_id, payment_service_id)
      );
      CREATE INDEX measure_payment_services_service_idx ON measure_payment_services (payment_service_id);

      -- Existing campaigns: one rate measure each, as the campaign said.
      INSERT INTO measures (municipality_code, campaign_id, name, kind, rate_percent, cap_per_person_yen,
                            application_opens_on, application_closes_on, earning_starts_on, earning_ends_on, created_at, updated_at)
      SELECT c.municipality_code, c.id, c.name, 'rate_with_cap', c.award_rate_percent, c.cap_per_person_yen,
             c.application_opens_on, c.application_closes_on, c.earning_starts_on, c.earning_ends_on, c.created_at, c.updated_at
        FROM campaigns c ORDER BY c.id;

      -- Every campaign has its first measure from the start (the API, imports, seeds and
      -- scripts alike), a rate measure with the campaign's terms; while it is the
      -- campaign's only measure it follows the campaign's rate, cap and windows (an
      -- extension of the campaign extends it). More measures keep their own terms.
      CREATE FUNCTION campaigns_first_measure() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO measures (municipality_code, campaign_id, name, kind, rate_percent, cap_per_person_yen,
                              application_opens_on, application_closes_on, earning_starts_on, earning_ends_on)
        VALUES (NEW.municipality_code, NEW.id, NEW.name, 'rate_with_cap', NEW.award_rate_percent, NEW.cap_per_person_yen,
                NEW.application_opens_on, NEW.application_closes_on, NEW.earning_starts_on, NEW.earning_ends_on);
        RETURN NULL;
      END $$;
      CREATE TRIGGER campaigns_first_measure AFTER INSERT ON campaigns FOR EACH ROW EXECUTE FUNCTION campaigns_first_measure();
      CREATE FUNCTION campaigns_only_measure_follows() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE measures m SET rate_percent = NEW.award_rate_percent, cap_per_person_yen = NEW.cap_per_person_yen,
               application_opens_on = NEW.application_opens_on, application_closes_on = NEW.application_closes_on,
               earning_starts_on = NEW.earning_starts_on, earning_ends_on = NEW.earning_ends_on, updated_at = now()
         WHERE m.campaign_id = NEW.id AND m.kind = 'rate_with_cap'
           AND (SELECT count(*) FROM measures x WHERE x.campaign_id = NEW.id) = 1;
        RETURN NULL;
      END $$;
      CREATE TRIGGER campaigns_only_measure_follows AFTER UPDATE OF award_rate_percent, cap_per_person_yen, application_opens_on,
          application_closes_on, earning_starts_on, earning_ends_on ON campaigns
        FOR EACH ROW EXECUTE FUNCTION campaigns_only_measure_follows();

      ALTER TABLE point_awards DROP CONSTRAINT point_awards_kind_check,
        ADD CONSTRAINT point_awards_kind_check CHECK (kind IN ('charge', 'purchase', 'registration'));
      -- A fixed award once per person per measure (a participant is one person in one measure).
      CREATE UNIQUE INDEX point_awards_one_registration ON point_awards (municipality_code, participant_id) WHERE kind = 'registration';

      ALTER TABLE participants ADD COLUMN measure_id int;
    `);
    // Every participant to its campaign's measure: one set-based UPDATE, with the
    // participants' own triggers (stats, copies) off: nothing they follow changes.
    await q.query(`
      ALTER TABLE participants DISABLE TRIGGER USER;
      UPDATE participants p SET measure_id = m.id FROM measures m WHERE m.campaign_id = p.campaign_id;
      ALTER TABLE participants ENABLE TRIGGER USER;
      ALTER TABLE participants ALTER COLUMN measure_id SET NOT NULL;
      ALTER TABLE participants DROP CONSTRAINT participants_one_per_mykey,
        ADD CONSTRAINT participants_one_per_mykey UNIQUE (municipality_code, measure_id, mykey_hash);
      -- A person across measures and campaigns: found by the MyKey hash alone.
      CREATE INDEX participants_mykey_idx ON participants (municipality_code, mykey_hash);

      -- A writer that names only the campaign (scripts, fixtures, older seeds) gets the
      -- campaign's first measure; the API and the imports name the measure.
      CREATE FUNCTION participants_default_measure() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.measure_id := (SELECT min(m.id) FROM measures m WHERE m.campaign_id = NEW.campaign_id);
        IF NEW.measure_id IS NULL THEN
          -- No such campaign (every campaign has a measure): the campaign reference's own words.
          RAISE EXCEPTION 'insert or update on table "participants" violates foreign key rule to table "campaigns"'
            USING ERRCODE = 'foreign_key_violation', DETAIL = format('Key (campaign_id)=(%s) is not present in table "campaigns".', NEW.campaign_id);
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER participants_default_measure BEFORE INSERT ON participants
        FOR EACH ROW WHEN (NEW.measure_id IS NULL) EXECUTE FUNCTION participants_default_measure();

      -- participants → measures, checked per statement (as participants → campaigns).
      CREATE TRIGGER participants_measure_id_ref_insert AFTER INSERT ON participants
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION check_references('measure_id', 'measures', 'id');
      CREATE TRIGGER participants_measure_id_ref_update AFTER UPDATE OF measure_id ON participants
        FOR EACH ROW WHEN (NEW.measure_id IS DISTINCT FROM OLD.measure_id) EXECUTE FUNCTION check_reference('measure_id', 'measures', 'id');
      CREATE TRIGGER participants_measure_id_keep_delete AFTER DELETE ON measures
        FOR EACH ROW EXECUTE FUNCTION keep_referenced('participants', 'measure_id', 'id');
      CREATE TRIGGER participants_measure_id_keep_key AFTER UPDATE OF id ON measures
        FOR EACH ROW WHEN (OLD.id <> NEW.id) EXECUTE FUNCTION keep_referenced('participants', 'measure_id', 'id');
      -- A participant's measure is of its campaign.
      CREATE FUNCTION participants_measure_of_campaign() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM new_rows n LEFT JOIN measures m ON m.id = n.measure_id WHERE m.campaign_id IS DISTINCT FROM n.campaign_id) THEN
          RAISE EXCEPTION 'a participant''s measure belongs to its campaign' USING ERRCODE = 'check_violation', CONSTRAINT = 'participants_measure_of_campaign';
        END IF;
        RETURN NULL;
      END $$;
      CREATE TRIGGER participants_measure_of_campaign AFTER INSERT ON participants
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION participants_measure_of_campaign();
    `);

    // A deleted application is the person's in its measure: a re-application (held to the
    // deleted one's service) is one to the same measure, not to another of the campaign.
    await q.query(`
      ALTER TABLE application_deletions ADD COLUMN measure_id int;
      UPDATE application_deletions d SET measure_id = m.id
        FROM (SELECT campaign_id, min(id) AS id FROM measures GROUP BY campaign_id) m WHERE m.campaign_id = d.campaign_id;
      ALTER TABLE application_deletions ALTER COLUMN measure_id SET NOT NULL;
      CREATE INDEX application_deletions_measure_person_idx ON application_deletions (municipality_code, measure_id, mykey_hash, deleted_at);
      CREATE OR REPLACE FUNCTION applications_mark_reapplication() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.reapplication := EXISTS (
          SELECT 1 FROM application_deletions d JOIN participants p ON p.measure_id = d.measure_id AND p.mykey_hash = d.mykey_hash
           WHERE p.id = NEW.participant_id);
        RETURN NEW;
      END $$;
    `);

    // Reference data's policies, as campaigns' (1764001800000, 1764001820000, 1764001850000).
    for (const table of TABLES) {
      await q.query(`
        ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
        CREATE POLICY reference_read ON ${table} FOR SELECT USING (municipality_code IS NULL OR municipality_code = ${ME});
        CREATE POLICY reference_write ON ${table} FOR ALL
          USING (coalesce(municipality_code, '000000') = ${ME})
          WITH CHECK (coalesce(municipality_code, '000000') = ${ME});
        CREATE POLICY reference_lock ON ${table} FOR UPDATE USING (municipality_code IS NULL) WITH CHECK (false);
        CREATE POLICY prefecture_read ON ${table} FOR SELECT USING (municipality_code = ANY (${STATS_SCOPE}));
        CREATE TRIGGER ${table}_municipality_fixed BEFORE UPDATE OF municipality_code ON ${table}
          FOR EACH ROW WHEN (OLD.municipality_code IS DISTINCT FROM NEW.municipality_code) EXECUTE FUNCTION municipality_code_fixed();
        GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO mynapoint_app;`);
    }
    await q.query(`
      GRANT USAGE, SELECT ON SEQUENCE measures_id_seq TO mynapoint_app;
      -- A measure's service list is the measure's municipality's (or national with it).
      ALTER TABLE measures ADD CONSTRAINT measures_id_municipality_key UNIQUE (id, municipality_code);
      ALTER TABLE measure_payment_services ADD CONSTRAINT measure_payment_services_measure_municipality_fk
        FOREIGN KEY (measure_id, municipality_code) REFERENCES measures (id, municipality_code) ON DELETE CASCADE;
    `);

    // A measure's cap change follows to its participants (a national measure's are every
    // municipality's: through a function of the owner, as the campaign's cap). The cap
    // moves by the change, so a carried-over participant keeps its smaller room.
    await q.query(`
      CREATE FUNCTION measure_participants_above(measure int, delta int, OUT n int, OUT max int)
        LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM measures m WHERE m.id = measure AND coalesce(m.municipality_code, '000000') = current_municipality()) THEN
          RAISE EXCEPTION 'measure % is not yours to change', measure;
        END IF;
        SELECT count(*)::int, max(p.points_total) INTO n, max FROM participants p WHERE p.measure_id = measure AND p.points_total > p.cap_yen + delta;
      END $$;
      CREATE FUNCTION shift_measure_participant_caps(measure int, delta int) RETURNS void
        LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM measures m WHERE m.id = measure AND coalesce(m.municipality_code, '000000') = current_municipality()) THEN
          RAISE EXCEPTION 'measure % is not yours to change', measure;
        END IF;
        UPDATE participants p SET cap_yen = greatest(1, p.cap_yen + delta) WHERE p.measure_id = measure AND delta <> 0;
      END $$;
      REVOKE ALL ON FUNCTION measure_participants_above(int, int), shift_measure_participant_caps(int, int) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION measure_participants_above(int, int), shift_measure_participant_caps(int, int) TO mynapoint_app;
    `);

    // A budgeted measure's take, as take_quota_unit's: one call under the measure's row
    // lock. The yen taken: all of \`yen\`, or with \`cut\` what remains of the budget
    // (a rate measure's last award), else 0 (nothing taken). A measure without a budget
    // gives \`yen\` and keeps no counter (its row is never locked: a national measure is
    // every municipality's). CHECK (awarded_yen <= budget_yen) is the last line.
    await q.query(`
      CREATE FUNCTION take_measure_budget(measure int, yen int, cut boolean) RETURNS int
      LANGUAGE plpgsql VOLATILE AS $$
      DECLARE
        left_yen bigint;
        taken int;
      BEGIN
        SELECT m.budget_yen - m.awarded_yen INTO left_yen FROM measures m WHERE m.id = measure AND m.budget_yen IS NOT NULL FOR UPDATE;
        IF NOT FOUND THEN RETURN yen; END IF;
        taken := CASE WHEN left_yen >= yen THEN yen WHEN cut THEN greatest(left_yen, 0) ELSE 0 END;
        IF taken > 0 THEN UPDATE measures SET awarded_yen = awarded_yen + taken WHERE id = measure; END IF;
        RETURN taken;
      END $$;
    `);

    // The operator's removal of a municipality: its measures go after its participants.
    await q.query(removeMunicipalityDataSql(['measure_payment_services', 'measures']));
    await q.query('ANALYZE measures; ANALYZE participants;');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(removeMunicipalityDataSql([]));
    await q.query(`
      CREATE OR REPLACE FUNCTION applications_mark_reapplication() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.reapplication := EXISTS (
          SELECT 1 FROM application_deletions d JOIN participants p ON p.campaign_id = d.campaign_id AND p.mykey_hash = d.mykey_hash
           WHERE p.id = NEW.participant_id);
        RETURN NEW;
      END $$;
      DROP INDEX application_deletions_measure_person_idx;
      ALTER TABLE application_deletions DROP COLUMN measure_id;
      DROP FUNCTION take_measure_budget(int, int, boolean);
      DROP TRIGGER campaigns_only_measure_follows ON campaigns;
      DROP FUNCTION campaigns_only_measure_follows();
      DROP TRIGGER campaigns_first_measure ON campaigns;
      DROP FUNCTION campaigns_first_measure();
      DROP FUNCTION shift_measure_participant_caps(int, int);
      DROP FUNCTION measure_participants_above(int, int);
      DROP TRIGGER participants_measure_of_campaign ON participants;
      DROP FUNCTION participants_measure_of_campaign();
      DROP TRIGGER participants_measure_id_keep_key ON measures;
      DROP TRIGGER participants_measure_id_keep_delete ON measures;
      DROP TRIGGER participants_measure_id_ref_update ON participants;
      DROP TRIGGER participants_measure_id_ref_insert ON participants;
      DROP TRIGGER participants_default_measure ON participants;
      DROP FUNCTION participants_default_measure();
      DROP INDEX participants_mykey_idx;
      -- Refused when a person has two measures of one campaign (data of after this migration).
      ALTER TABLE participants DROP CONSTRAINT participants_one_per_mykey,
        ADD CONSTRAINT participants_one_per_mykey UNIQUE (municipality_code, campaign_id, mykey_hash);
      ALTER TABLE participants DROP COLUMN measure_id;
      DROP INDEX point_awards_one_registration;
      ALTER TABLE point_awards DROP CONSTRAINT point_awards_kind_check,
        ADD CONSTRAINT point_awards_kind_check CHECK (kind IN ('charge', 'purchase'));
      DROP TABLE measure_payment_services;
      DROP TABLE measures;
      ALTER TABLE campaigns DROP CONSTRAINT campaigns_id_municipality_key;
    `);
  }
}
