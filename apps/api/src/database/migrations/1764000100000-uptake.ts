import { MigrationInterface, QueryRunner } from 'typeorm';

// Uptake and points: campaigns with their award rules, reservation quotas,
// participants (one per MyKey ID and campaign), reservations, applications, point
// awards, and import jobs. The rules the database can hold, it holds:
//   - a quota is never oversold: CHECK (used <= capacity)
//   - one reservation / one application per participant: UNIQUE
//   - one participant per MyKey ID per campaign: UNIQUE (campaign_id, mykey_hash)
//   - an operator's transaction counts once: UNIQUE (payment_service_id, external_id)
//   - points never exceed the cap: CHECK on participants.points_total (see below)
export class Uptake1764000100000 implements MigrationInterface {
  name = 'Uptake1764000100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE campaigns (
        id                      serial PRIMARY KEY,
        municipality_code       char(6) NOT NULL DEFAULT current_municipality(),
        name                    text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        reservation_opens_on    date NOT NULL,
        reservation_closes_on   date NOT NULL,
        application_opens_on    date NOT NULL,
        application_closes_on   date NOT NULL,
        earning_starts_on       date NOT NULL,
        earning_ends_on         date NOT NULL,
        award_rate_percent      int  NOT NULL CHECK (award_rate_percent BETWEEN 1 AND 100),
        cap_per_person_yen      int  NOT NULL CHECK (cap_per_person_yen BETWEEN 1 AND 1000000),
        created_at              timestamptz NOT NULL DEFAULT now(),
        updated_at              timestamptz NOT NULL DEFAULT now(),
        CHECK (reservation_opens_on <= reservation_closes_on),
        CHECK (application_opens_on <= application_closes_on),
        CHECK (earning_starts_on <= earning_ends_on)
      );
      CREATE UNIQUE INDEX campaigns_name_key ON campaigns (municipality_code, lower(name));

      CREATE TABLE reservation_quotas (
        id                serial PRIMARY KEY,
        municipality_code char(6) NOT NULL DEFAULT current_municipality(),
        campaign_id       int NOT NULL REFERENCES campaigns(id),
        name              text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        capacity          int NOT NULL CHECK (capacity > 0),
        warn_at_percent   int NOT NULL DEFAULT 90 CHECK (warn_at_percent BETWEEN 1 AND 100),
        opens_at          timestamptz NOT NULL,
        closes_at         timestamptz NOT NULL,
        -- Units taken. Changed only by single atomic statements (take / give back).
        used              int NOT NULL DEFAULT 0,
        created_at        timestamptz NOT NULL DEFAULT now(),
        updated_at        timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT reservation_quotas_never_oversold CHECK (used >= 0 AND used <= capacity),
        CHECK (opens_at < closes_at)
      );
      CREATE INDEX reservation_quotas_campaign_idx ON reservation_quotas (campaign_id);

      -- One row per MyKey ID and campaign. The MyKey ID itself is never stored: only
      -- its keyed hash (HMAC-SHA-256) and its last 4 characters for display.
      CREATE TABLE participants (
        id                serial PRIMARY KEY,
        municipality_code char(6) NOT NULL DEFAULT current_municipality(),
        campaign_id       int NOT NULL REFERENCES campaigns(id),
        mykey_hash        bytea NOT NULL CHECK (length(mykey_hash) = 32),
        mykey_last4       text NOT NULL CHECK (mykey_last4 ~ '^[0-9A-Z]{4}$'),
        -- Sum of this participant's point awards; kept in the same statement as each
        -- award, under the participant's row lock, so the cap holds under any race.
        points_total      int NOT NULL DEFAULT 0 CHECK (points_total >= 0),
        cap_yen           int NOT NULL CHECK (cap_yen > 0),
        created_at        timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT participants_points_within_cap CHECK (points_total <= cap_yen),
        CONSTRAINT participants_one_per_mykey UNIQUE (campaign_id, mykey_hash)
      );

      CREATE TABLE reservations (
        id                serial PRIMARY KEY,
        municipality_code char(6) NOT NULL DEFAULT current_municipality(),
        quota_id          int NOT NULL REFERENCES reservation_quotas(id),
        participant_id    int NOT NULL REFERENCES participants(id),
        channel           text NOT NULL CHECK (channel IN ('self_smartphone','self_pc','counter')),
        reserved_at       timestamptz NOT NULL,
        age_band          text CHECK (age_band IN ('under_20','20s','30s','40s','50s','60s','70_plus')),
        district          text CHECK (length(district) <= 40),
        cert_renewed_at   timestamptz,
        created_by        int REFERENCES users(id),
        import_id         int,
        created_at        timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT reservations_one_per_participant UNIQUE (participant_id),
        -- The city page: reservation is possible only 24 hours after a renewal completed.
        CONSTRAINT reservations_24h_after_renewal CHECK (cert_renewed_at IS NULL OR reserved_at >= cert_renewed_at + interval '24 hours')
      );
      CREATE INDEX reservations_quota_idx ON reservations (quota_id);
      CREATE INDEX reservations_reserved_at_idx ON reservations (reserved_at);

      CREATE TABLE applications (
        id                  serial PRIMARY KEY,
        municipality_code   char(6) NOT NULL DEFAULT current_municipality(),
        participant_id      int NOT NULL REFERENCES participants(id),
        payment_service_id  int NOT NULL REFERENCES payment_services(id),
        applied_at          timestamptz NOT NULL,
        channel             text NOT NULL CHECK (channel IN ('self_smartphone','self_pc','counter')),
        pre_registered      boolean NOT NULL DEFAULT false,
        cert_renewed_at     timestamptz,
        created_by          int REFERENCES users(id),
        import_id           int,
        created_at          timestamptz NOT NULL DEFAULT now(),
        -- One payment service per person per campaign, never changed once applied.
        CONSTRAINT applications_one_per_participant UNIQUE (participant_id),
        CONSTRAINT applications_24h_after_renewal CHECK (cert_renewed_at IS NULL OR applied_at >= cert_renewed_at + interval '24 hours')
      );
      CREATE INDEX applications_service_idx ON applications (payment_service_id);
      CREATE INDEX applications_applied_at_idx ON applications (applied_at);

      CREATE TABLE imports (
        id                  serial PRIMARY KEY,
        municipality_code   char(6) NOT NULL DEFAULT current_municipality(),
        type                text NOT NULL CHECK (type IN ('reservations','applications','point-awards')),
        status              text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued','running','done','failed')),
        payment_service_id  int REFERENCES payment_services(id),
        filename            text,
        encoding            text,
        rows_total          int NOT NULL DEFAULT 0,
        rows_done           int NOT NULL DEFAULT 0,
        accepted            int NOT NULL DEFAULT 0,
        rejected            int NOT NULL DEFAULT 0,
        duplicates          int NOT NULL DEFAULT 0,
        message             text,
        created_by          int REFERENCES users(id),
        created_at          timestamptz NOT NULL DEFAULT now(),
        started_at          timestamptz,
        finished_at         timestamptz,
        CHECK (type <> 'point-awards' OR payment_service_id IS NOT NULL)
      );

      -- Per-line errors of an import (no MyKey ID or other input is copied here).
      CREATE TABLE import_errors (
        import_id  int NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
        line       int NOT NULL,
        message    text NOT NULL,
        PRIMARY KEY (import_id, line)
      );

      ALTER TABLE reservations ADD CONSTRAINT reservations_import_fk FOREIGN KEY (import_id) REFERENCES imports(id);
      ALTER TABLE applications ADD CONSTRAINT applications_import_fk FOREIGN KEY (import_id) REFERENCES imports(id);

      CREATE TABLE point_awards (
        id                  bigserial PRIMARY KEY,
        municipality_code   char(6) NOT NULL DEFAULT current_municipality(),
        participant_id      int NOT NULL REFERENCES participants(id),
        campaign_id         int NOT NULL REFERENCES campaigns(id),
        payment_service_id  int NOT NULL REFERENCES payment_services(id),
        external_id         text NOT NULL CHECK (length(external_id) BETWEEN 1 AND 100),
        transaction_date    date NOT NULL,
        kind                text NOT NULL CHECK (kind IN ('charge','purchase')),
        amount_yen          int NOT NULL CHECK (amount_yen > 0),
        points              int NOT NULL CHECK (points >= 0),
        import_id           int REFERENCES imports(id),
        created_by          int REFERENCES users(id),
        created_at          timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT point_awards_external_id_once UNIQUE (payment_service_id, external_id)
      );
      CREATE INDEX point_awards_participant_idx ON point_awards (participant_id, transaction_date, external_id);
      CREATE INDEX point_awards_transaction_date_idx ON point_awards (transaction_date);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE point_awards;
      ALTER TABLE applications DROP CONSTRAINT applications_import_fk;
      ALTER TABLE reservations DROP CONSTRAINT reservations_import_fk;
      DROP TABLE import_errors;
      DROP TABLE imports;
      DROP TABLE applications;
      DROP TABLE reservations;
      DROP TABLE participants;
      DROP TABLE reservation_quotas;
      DROP TABLE campaigns;
    `);
  }
}
