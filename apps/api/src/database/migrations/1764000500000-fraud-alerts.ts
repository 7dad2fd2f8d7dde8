import { MigrationInterface, QueryRunner } from 'typeorm';

// Fraud alerts (scam reports from residents), their triage history, and the warning
// notices published from them. The database holds the rules it can:
//   - enums and the requested-items set: CHECKs
//   - the severity floor of libs/domain/src/fraud-severity.ts: CHECKs
//   - only allowed status steps (libs/domain/src/fraud-workflow.ts): a CHECK on the
//     history and a trigger on the alert
//   - a published notice is frozen, and publishing needs a title and a body
export class FraudAlerts1764000500000 implements MigrationInterface {
  name = 'FraudAlerts1764000500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- True when the array holds no NULL and no value twice.
      CREATE FUNCTION text_array_is_set(a text[]) RETURNS boolean LANGUAGE sql IMMUTABLE AS
        $$ SELECT array_position(a, NULL) IS NULL AND cardinality(a) = (SELECT count(DISTINCT x) FROM unnest(a) x) $$;

      CREATE FUNCTION fraud_transition_allowed(from_status text, to_status text) RETURNS boolean LANGUAGE sql IMMUTABLE AS
        $$ SELECT (from_status, to_status) IN (
             ('new','investigating'),
             ('investigating','referred_police'), ('investigating','closed'),
             ('referred_police','investigating'), ('closed','investigating')) $$;

      CREATE TABLE fraud_alerts (
        id                  serial PRIMARY KEY,
        municipality_code   char(6) NOT NULL DEFAULT current_municipality(),
        reported_at         timestamptz NOT NULL DEFAULT now(),
        channel             text NOT NULL CHECK (channel IN ('phone','visit','email','sms','letter','website','other')),
        impersonated        text NOT NULL CHECK (impersonated IN ('mic_staff','city_staff','payment_operator','police','other','unknown')),
        requested_items     text[] NOT NULL DEFAULT '{}',
        damage_yen          int NOT NULL DEFAULT 0 CHECK (damage_yen >= 0),
        district            text CHECK (length(district) <= 40),
        description         text NOT NULL CHECK (length(description) BETWEEN 1 AND 2000),
        status              text NOT NULL DEFAULT 'new' CHECK (status IN ('new','investigating','referred_police','closed')),
        severity            text NOT NULL CHECK (severity IN ('low','medium','high')),
        notice_title        text CHECK (length(notice_title) <= 100),
        notice_body         text CHECK (length(notice_body) <= 2000),
        notice_published_at timestamptz,
        notice_published_by int REFERENCES users(id),
        reported_by         int NOT NULL REFERENCES users(id),
        created_at          timestamptz NOT NULL DEFAULT now(),
        updated_at          timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT fraud_alerts_requested_items_subset CHECK (
          requested_items <@ ARRAY['my_number','bank_account','pin','assets','family','passbook_or_cash_card','money_or_fee','other']::text[]
          AND text_array_is_set(requested_items)),
        -- Damage, or money / passbook / PIN asked for: high (the city page's red flags).
        CONSTRAINT fraud_alerts_severity_high_floor CHECK (
          severity = 'high' OR NOT (damage_yen > 0 OR requested_items && ARRAY['money_or_fee','passbook_or_cash_card','pin']::text[])),
        -- Personal information asked for: at least medium.
        CONSTRAINT fraud_alerts_severity_medium_floor CHECK (
          severity <> 'low' OR NOT (requested_items && ARRAY['my_number','bank_account','assets','family']::text[])),
        CONSTRAINT fraud_alerts_published_notice_complete CHECK (
          notice_published_at IS NULL OR (coalesce(btrim(notice_title), '') <> '' AND coalesce(btrim(notice_body), '') <> ''))
      );
      CREATE INDEX fraud_alerts_reported_at_idx ON fraud_alerts (reported_at DESC, id DESC);
      CREATE INDEX fraud_alerts_status_idx ON fraud_alerts (status);
      CREATE INDEX fraud_alerts_reported_by_idx ON fraud_alerts (reported_by);
      -- The dashboard's "published notices, newest first" on every page load.
      CREATE INDEX fraud_alerts_published_idx ON fraud_alerts (notice_published_at DESC, id DESC) WHERE notice_published_at IS NOT NULL;

      -- One row per status change (and one for the report itself: from_status NULL).
      CREATE TABLE fraud_alert_history (
        id                bigserial PRIMARY KEY,
        municipality_code char(6) NOT NULL DEFAULT current_municipality(),
        fraud_alert_id    int NOT NULL REFERENCES fraud_alerts(id) ON DELETE CASCADE,
        from_status       text,
        to_status         text NOT NULL,
        changed_by        int NOT NULL REFERENCES users(id),
        changed_at        timestamptz NOT NULL DEFAULT now(),
        comment           text CHECK (length(comment) <= 500),
        CONSTRAINT fraud_alert_history_allowed_step CHECK (
          (from_status IS NULL AND to_status = 'new') OR fraud_transition_allowed(from_status, to_status))
      );
      CREATE INDEX fraud_alert_history_alert_idx ON fraud_alert_history (fraud_alert_id, changed_at, id);
      CREATE INDEX fraud_alert_history_changed_by_idx ON fraud_alert_history (changed_by);

      -- The last line behind the service's own checks: a status moves only along the
      -- workflow, and a published notice is neither changed nor re-stamped.
      CREATE FUNCTION fraud_alerts_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.status IS DISTINCT FROM OLD.status AND NOT fraud_transition_allowed(OLD.status, NEW.status) THEN
          RAISE EXCEPTION 'fraud alert status cannot change from % to %', OLD.status, NEW.status
            USING ERRCODE = 'check_violation', CONSTRAINT = 'fraud_alerts_status_transition';
        END IF;
        IF OLD.notice_published_at IS NOT NULL AND (
             NEW.notice_published_at IS DISTINCT FROM OLD.notice_published_at
          OR NEW.notice_title IS DISTINCT FROM OLD.notice_title
          OR NEW.notice_body IS DISTINCT FROM OLD.notice_body) THEN
          RAISE EXCEPTION 'a published notice cannot be changed'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'fraud_alerts_notice_frozen';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER fraud_alerts_guard BEFORE UPDATE ON fraud_alerts FOR EACH ROW EXECUTE FUNCTION fraud_alerts_guard();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE fraud_alert_history;
      DROP TABLE fraud_alerts;
      DROP FUNCTION fraud_alerts_guard();
      DROP FUNCTION fraud_transition_allowed(text, text);
      DROP FUNCTION text_array_is_set(text[]);
    `);
  }
}
