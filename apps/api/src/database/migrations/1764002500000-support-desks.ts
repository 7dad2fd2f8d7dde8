import { MigrationInterface, QueryRunner } from 'typeorm';
import { removalFunctionSql } from './1764001810000-remove-municipality-data';
import { ORDER_WITH_MEASURES } from './1764002300000-measures';

// Issue #21: support desks, appointment slots that are never overbooked, shared
// terminals and wrong-person incidents.
//
// - `desks`: the main office, branch offices and pop-up desks (出張窓口, with their dates).
// - `appointment_slots`: a desk's slot with `capacity` seats; `booked` is changed only by
//   take_slot_seats / release_slot_seats, each one guarded UPDATE (the model is
//   take_quota_unit, migration 1764001700000): under any concurrency a slot never has
//   more seats booked than it holds, and a rollback gives the seats back.
// - `appointments`: a booking of `party_size` seats. The resident's name and phone number
//   are personal data: erased (set NULL, `erased_at` stamped) a number of days after the
//   visit by the erasure job; the row and its counts stay.
// - `terminals`: a desk's shared terminals; `assistance_records.terminal_id` says which one
//   a visit used. Recording a terminal means a shared terminal was used, so the
//   wrong-person checklist CHECK (migration 1764000600000) holds for it too.
// - `wrong_person_incidents` (+ their visits and status history, shaped like fraud alerts').
// - `municipalities.appointment_retention_days` (default 90) and `closed_days` (the
//   municipality's own closed days, which slot generation skips beside public holidays).
//
// Municipality data like every owned table (migration 1764001800000): the code leads the
// primary key and every unique and foreign key, and row-level security keeps each
// municipality to its own rows.

const ME = '(SELECT current_municipality())';
const TYPES = `'card_application','mykey_reservation','point_application','cert_renewal','pin_reset','pc_lending','inquiry','fraud_consultation'`;
// The operator's removal of a municipality (remove_municipality_data) deletes children
// before parents: the new tables take their places in its list.
export const ORDER_WITH_DESKS = [
  'wrong_person_incident_history',
  'wrong_person_incident_visits',
  'wrong_person_incidents',
  'appointments',
  'appointment_slots',
  ...ORDER_WITH_MEASURES.flatMap((t) => (t === 'assistance_records' ? [t, 'terminals', 'desks'] : [t])),
];
const TABLES = ['desks', 'appointment_slots', 'appointments', 'terminals', 'wrong_person_incidents', 'wrong_person_incident_visits', 'wrong_person_incident_history'];

export class SupportDesks1764002500000 implements MigrationInterface {
  name = 'SupportDesks1764002500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE municipalities
        ADD COLUMN appointment_retention_days int NOT NULL DEFAULT 90 CHECK (appointment_retention_days BETWEEN 1 AND 3650),
        ADD COLUMN closed_days date[] NOT NULL DEFAULT '{}' CHECK (cardinality(closed_days) <= 366);

      CREATE TABLE desks (
        municipality_code  char(6) NOT NULL DEFAULT current_municipality(),
        id                 serial,
        name               text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 60),
        office             text NOT NULL CHECK (office IN ('main_office','branch_office','popup')),
        place              text CHECK (length(place) <= 100),
        opens_on           date,
        closes_on          date,
        active             boolean NOT NULL DEFAULT true,
        created_at         timestamptz NOT NULL DEFAULT now(),
        updated_at         timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT desks_pkey PRIMARY KEY (municipality_code, id),
        -- A pop-up desk runs on dates; any desk's dates are in order.
        CONSTRAINT desks_popup_dates CHECK (office <> 'popup' OR (opens_on IS NOT NULL AND closes_on IS NOT NULL)),
        CONSTRAINT desks_dates_order CHECK (closes_on IS NULL OR opens_on IS NULL OR closes_on >= opens_on)
      );
      CREATE UNIQUE INDEX desks_name_key ON desks (municipality_code, lower(name));

      CREATE TABLE appointment_slots (
        municipality_code  char(6) NOT NULL DEFAULT current_municipality(),
        id                 serial,
        desk_id            int NOT NULL,
        starts_at          timestamptz NOT NULL,
        ends_at            timestamptz NOT NULL,
        capacity           int NOT NULL CHECK (capacity BETWEEN 1 AND 100),
        booked             int NOT NULL DEFAULT 0,
        created_at         timestamptz NOT NULL DEFAULT now(),
        updated_at         timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT appointment_slots_pkey PRIMARY KEY (municipality_code, id),
        CONSTRAINT appointment_slots_desk_fk FOREIGN KEY (municipality_code, desk_id) REFERENCES desks (municipality_code, id),
        CONSTRAINT appointment_slots_one_per_start UNIQUE (municipality_code, desk_id, starts_at),
        CONSTRAINT appointment_slots_order CHECK (ends_at > starts_at AND ends_at <= starts_at + interval '1 day'),
        -- The last line behind take_slot_seats: never more seats booked than the slot holds.
        CONSTRAINT appointment_slots_within_capacity CHECK (booked >= 0 AND booked <= capacity)
      );
      CREATE INDEX appointment_slots_starts_idx ON appointment_slots (municipality_code, starts_at);

      CREATE TABLE terminals (
        municipality_code  char(6) NOT NULL DEFAULT current_municipality(),
        id                 serial,
        desk_id            int NOT NULL,
        name               text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 60),
        active             boolean NOT NULL DEFAULT true,
        created_at         timestamptz NOT NULL DEFAULT now(),
        updated_at         timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT terminals_pkey PRIMARY KEY (municipality_code, id),
        CONSTRAINT terminals_desk_fk FOREIGN KEY (municipality_code, desk_id) REFERENCES desks (municipality_code, id)
      );
      CREATE UNIQUE INDEX terminals_name_key ON terminals (municipality_code, desk_id, lower(name));

      ALTER TABLE assistance_records
        ADD COLUMN terminal_id int,
        ADD CONSTRAINT assistance_records_terminal_fk FOREIGN KEY (municipality_code, terminal_id) REFERENCES terminals (municipality_code, id),
        -- A city terminal recorded is a shared terminal used: the checklist CHECK applies.
        ADD CONSTRAINT assistance_records_terminal_shared CHECK (terminal_id IS NULL OR shared_terminal_used);
      CREATE INDEX assistance_records_terminal_idx ON assistance_records (municipality_code, terminal_id, visited_at, id) WHERE terminal_id IS NOT NULL;

      CREATE TABLE appointments (
        municipality_code    char(6) NOT NULL DEFAULT current_municipality(),
        id                   serial,
        slot_id              int NOT NULL,
        resident_name        text CHECK (length(btrim(resident_name)) BETWEEN 1 AND 60),
        phone                text CHECK (length(phone) <= 30),
        purpose              text[] NOT NULL CHECK (cardinality(purpose) >= 1 AND purpose <@ ARRAY[${TYPES}]::text[]),
        party_size           int NOT NULL DEFAULT 1 CHECK (party_size BETWEEN 1 AND 4),
        status               text NOT NULL DEFAULT 'booked' CHECK (status IN ('booked','checked_in','no_show','cancelled')),
        notes                text CHECK (length(notes) <= 500),
        walk_in              boolean NOT NULL DEFAULT false,
        checked_in_at        timestamptz,
        assistance_record_id int,
        erased_at            timestamptz,
        booked_by            int NOT NULL,
        created_at           timestamptz NOT NULL DEFAULT now(),
        updated_at           timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT appointments_pkey PRIMARY KEY (municipality_code, id),
        CONSTRAINT appointments_slot_fk FOREIGN KEY (municipality_code, slot_id) REFERENCES appointment_slots (municipality_code, id),
        CONSTRAINT appointments_record_fk FOREIGN KEY (municipality_code, assistance_record_id) REFERENCES assistance_records (municipality_code, id) ON DELETE SET NULL (assistance_record_id),
        CONSTRAINT appointments_booked_by_fk FOREIGN KEY (municipality_code, booked_by) REFERENCES users (municipality_code, id),
        CONSTRAINT appointments_one_per_record UNIQUE (municipality_code, assistance_record_id),
        -- A name until the erasure job removes it; checked in means a time of arrival.
        CONSTRAINT appointments_name_until_erased CHECK (resident_name IS NOT NULL OR erased_at IS NOT NULL OR walk_in),
        CONSTRAINT appointments_checked_in_at CHECK ((status = 'checked_in') = (checked_in_at IS NOT NULL))
      );
      CREATE INDEX appointments_slot_idx ON appointments (municipality_code, slot_id);
      -- The erasure job's scan: rows still holding personal data.
      CREATE INDEX appointments_unerased_idx ON appointments (municipality_code, slot_id) WHERE erased_at IS NULL;

      -- Seats are taken and given back only here: one guarded UPDATE each.
      -- The slot's id, or NULL when the seats cannot be taken (too few left, past, no such slot).
      CREATE FUNCTION take_slot_seats(slot int, seats int) RETURNS int
      LANGUAGE sql VOLATILE AS $$
        UPDATE appointment_slots SET booked = booked + seats, updated_at = now()
        WHERE id = slot AND seats > 0 AND booked + seats <= capacity AND ends_at > now()
        RETURNING id
      $$;
      CREATE FUNCTION release_slot_seats(slot int, seats int) RETURNS void
      LANGUAGE sql VOLATILE AS $$
        UPDATE appointment_slots SET booked = booked - seats, updated_at = now() WHERE id = slot
      $$;

      CREATE TABLE wrong_person_incidents (
        municipality_code         char(6) NOT NULL DEFAULT current_municipality(),
        id                        serial,
        occurred_on               date NOT NULL,
        cause                     text NOT NULL DEFAULT 'unknown' CHECK (cause IN ('terminal_not_logged_out','service_id_mistyped','other','unknown')),
        terminal_id               int,
        payment_service_id        int REFERENCES payment_services (id),
        description               text NOT NULL CHECK (length(btrim(description)) BETWEEN 1 AND 2000),
        residents_contact_status  text NOT NULL DEFAULT 'not_contacted' CHECK (residents_contact_status IN ('not_contacted','contacting','contacted','unreachable')),
        operator_reply_status     text NOT NULL DEFAULT 'not_asked' CHECK (operator_reply_status IN ('not_asked','asked','replied')),
        operator_reply            text CHECK (length(operator_reply) <= 2000),
        mic_reported_on           date,
        mic_report_ref            text CHECK (length(mic_report_ref) <= 60),
        status                    text NOT NULL DEFAULT 'new' CHECK (status IN ('new','investigating','reported','closed')),
        reported_by               int NOT NULL,
        created_at                timestamptz NOT NULL DEFAULT now(),
        updated_at                timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT wrong_person_incidents_pkey PRIMARY KEY (municipality_code, id),
        CONSTRAINT wrong_person_incidents_terminal_fk FOREIGN KEY (municipality_code, terminal_id) REFERENCES terminals (municipality_code, id),
        CONSTRAINT wrong_person_incidents_reported_by_fk FOREIGN KEY (municipality_code, reported_by) REFERENCES users (municipality_code, id),
        CONSTRAINT wrong_person_incidents_reported_date CHECK (status <> 'reported' OR mic_reported_on IS NOT NULL)
      );

      CREATE TABLE wrong_person_incident_visits (
        municipality_code     char(6) NOT NULL DEFAULT current_municipality(),
        incident_id           int NOT NULL,
        assistance_record_id  int NOT NULL,
        CONSTRAINT wrong_person_incident_visits_pkey PRIMARY KEY (municipality_code, incident_id, assistance_record_id),
        CONSTRAINT wrong_person_incident_visits_incident_fk FOREIGN KEY (municipality_code, incident_id) REFERENCES wrong_person_incidents (municipality_code, id) ON DELETE CASCADE,
        CONSTRAINT wrong_person_incident_visits_record_fk FOREIGN KEY (municipality_code, assistance_record_id) REFERENCES assistance_records (municipality_code, id)
      );

      CREATE TABLE wrong_person_incident_history (
        municipality_code  char(6) NOT NULL DEFAULT current_municipality(),
        id                 serial,
        incident_id        int NOT NULL,
        from_status        text CHECK (from_status IN ('new','investigating','reported','closed')),
        to_status          text NOT NULL CHECK (to_status IN ('new','investigating','reported','closed')),
        changed_by         int NOT NULL,
        changed_at         timestamptz NOT NULL DEFAULT now(),
        comment            text CHECK (length(comment) <= 500),
        CONSTRAINT wrong_person_incident_history_pkey PRIMARY KEY (municipality_code, id),
        CONSTRAINT wrong_person_incident_history_incident_fk FOREIGN KEY (municipality_code, incident_id) REFERENCES wrong_person_incidents (municipality_code, id) ON DELETE CASCADE,
        CONSTRAINT wrong_person_incident_history_changed_by_fk FOREIGN KEY (municipality_code, changed_by) REFERENCES users (municipality_code, id)
      );
      CREATE INDEX wrong_person_incident_history_incident_idx ON wrong_person_incident_history (municipality_code, incident_id, changed_at);
    `);
    for (const table of TABLES) {
      await q.query(`
        ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
        CREATE POLICY tenant ON ${table} USING (municipality_code = ${ME}) WITH CHECK (municipality_code = ${ME});`);
    }
    await q.query(removalFunctionSql(ORDER_WITH_DESKS));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(removalFunctionSql(ORDER_WITH_MEASURES));
    await q.query(`
      DROP TABLE wrong_person_incident_history;
      DROP TABLE wrong_person_incident_visits;
      DROP TABLE wrong_person_incidents;
      DROP FUNCTION release_slot_seats(int, int);
      DROP FUNCTION take_slot_seats(int, int);
      DROP TABLE appointments;
      ALTER TABLE assistance_records DROP COLUMN terminal_id;
      DROP TABLE terminals;
      DROP TABLE appointment_slots;
      DROP TABLE desks;
      ALTER TABLE municipalities DROP COLUMN closed_days, DROP COLUMN appointment_retention_days;
    `);
  }
}
