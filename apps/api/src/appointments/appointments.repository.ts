import { Injectable } from '@nestjs/common';
import { APPOINTMENT_STATUS, ASSISTANCE_TYPE, AppointmentStatus, DeskOffice } from '@mynapoint/domain';
import { GenerateSql } from '../common/db/generate-sql';
import { SqlParams } from '../common/db/sql-params';
import { Row, defineTable } from '../common/db/table';
import { ListRepository } from '../common/list/list-repository';
import { selectList } from '../common/list/list-sql';
import { defineListSpec } from '../common/list/list-spec';
import { AppointmentError } from './appointment.exception';

// Every statement of the appointments feature. The service holds the rules. Seats are
// taken and given back only through take_slot_seats / release_slot_seats (migration
// 1764002500000), each inside the statement or transaction that changes the booking.

export const appointmentsTable = defineTable('appointments', {
  id: { kind: 'int', readOnly: true },
  slotId: { kind: 'int' },
  residentName: { kind: 'text', nullable: true },
  phone: { kind: 'text', nullable: true },
  purpose: { kind: 'enumArray', enum: ASSISTANCE_TYPE },
  partySize: { kind: 'int' },
  status: { kind: 'enum', enum: APPOINTMENT_STATUS },
  notes: { kind: 'text', nullable: true },
  walkIn: { kind: 'bool' },
  // Set by check-in only.
  checkedInAt: { kind: 'instant', nullable: true, readOnly: true },
  assistanceRecordId: { kind: 'int', nullable: true, readOnly: true },
  // Set by the erasure job only.
  erasedAt: { kind: 'instant', nullable: true, readOnly: true },
  bookedBy: { kind: 'int' },
  createdAt: { kind: 'instant', readOnly: true },
  updatedAt: { kind: 'instant', readOnly: true },
});
export type AppointmentRow = Row<typeof appointmentsTable.columns>;

// Personal data stays out of every bulk export (exportable: false); the service blanks it
// for the roles that read counts only.
export const appointmentsListSpec = defineListSpec({
  resource: 'appointments',
  from: 'appointments a JOIN appointment_slots s ON s.id = a.slot_id JOIN desks d ON d.id = s.desk_id',
  fields: {
    ...appointmentsTable.fields('a', ['id', 'slotId']),
    deskId: { sql: 's.desk_id', kind: 'int' },
    deskName: { sql: 'd.name', kind: 'text' },
    startsAt: { sql: 's.starts_at', kind: 'instant' },
    endsAt: { sql: 's.ends_at', kind: 'instant' },
    residentName: { ...appointmentsTable.field('a', 'residentName'), exportable: false },
    phone: { ...appointmentsTable.field('a', 'phone'), exportable: false },
    ...appointmentsTable.fields('a', ['purpose', 'partySize', 'status']),
    notes: { ...appointmentsTable.field('a', 'notes'), exportable: false },
    ...appointmentsTable.fields('a', ['walkIn', 'checkedInAt', 'assistanceRecordId', 'erasedAt']),
    bookedBy: { ...appointmentsTable.field('a', 'bookedBy'), exportable: false },
    ...appointmentsTable.fields('a', ['createdAt', 'updatedAt']),
  },
  search: ['a.resident_name', 'a.phone'],
  defaultSort: ['startsAt', 'ASC'],
  notFound: AppointmentError.NotFound,
});

export type AppointmentRecord = Record<keyof typeof appointmentsListSpec.fields, unknown> & { id: number };

/** The fields a role that reads counts only never sees (names, phone numbers, notes). */
export const CONTACT_FIELDS = ['residentName', 'phone', 'notes'] as const;

/** An appointment with its slot and desk, locked for the rest of the transaction. */
export interface LockedAppointment {
  id: number;
  slotId: number;
  partySize: number;
  status: AppointmentStatus;
  walkIn: boolean;
  /** Its name and phone number were erased after the retention. */
  erased: boolean;
  purpose: string[];
  startsAt: Date;
  endsAt: Date;
  deskId: number;
  office: DeskOffice;
}

export interface SlotDesk {
  slotId: number;
  deskId: number;
  office: DeskOffice;
  startsAt: Date;
  endsAt: Date;
}

export interface DeskDayRow {
  slotId: number;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  booked: number;
  id: number | null;
  residentName: string | null;
  phone: string | null;
  purpose: string[] | null;
  partySize: number | null;
  status: AppointmentStatus | null;
  notes: string | null;
  walkIn: boolean | null;
  checkedInAt: Date | null;
  assistanceRecordId: number | null;
}

export interface DeskInfo {
  id: number;
  name: string;
  office: DeskOffice;
  place: string | null;
}

const EXAMPLE_ROW = { slotId: 1, residentName: '阿賀野 花子', phone: '0250-62-2510', purpose: ['point_application'], partySize: 1, notes: null, walkIn: false, bookedBy: 1 };

@Injectable()
export class AppointmentsRepository extends ListRepository<AppointmentRecord> {
  protected readonly spec = appointmentsListSpec;

  /**
   * The seats (take_slot_seats, the slot's own rule in the database), the row and its
   * read-back in one statement: undefined when the seats could not be taken.
   */
  @GenerateSql({ params: [EXAMPLE_ROW] })
  async insertTakingSeats(row: AppointmentRow & { slotId: number; partySize: number }): Promise<AppointmentRecord | undefined> {
    const [record] = await this.db.query<AppointmentRecord>(
      `WITH seat AS (SELECT take_slot_seats($1, $2) AS id),
       a AS (INSERT INTO appointments (slot_id, party_size, resident_name, phone, purpose, notes, walk_in, booked_by)
             SELECT seat.id, $2, $3, $4, $5, $6, false, $7 FROM seat WHERE seat.id IS NOT NULL RETURNING *)
       SELECT ${selectList(appointmentsListSpec)} FROM a JOIN appointment_slots s ON s.id = a.slot_id JOIN desks d ON d.id = s.desk_id`,
      [row.slotId, row.partySize, row.residentName ?? null, row.phone ?? null, row.purpose, row.notes ?? null, row.bookedBy],
    );
    return record;
  }

  /** A walk-in takes no seat: it is written on the day's slot as it is. */
  @GenerateSql({ params: [{ ...EXAMPLE_ROW, residentName: null, walkIn: true }] })
  insertWalkIn(row: AppointmentRow): Promise<number> {
    return this.insertRow(appointmentsTable, { ...row, walkIn: true });
  }

  @GenerateSql({ params: [1] })
  slotDesk(slotId: number): Promise<SlotDesk | undefined> {
    return this.db.one<SlotDesk>(
      `SELECT s.id AS "slotId", d.id AS "deskId", d.office, s.starts_at AS "startsAt", s.ends_at AS "endsAt"
         FROM appointment_slots s JOIN desks d ON d.id = s.desk_id WHERE s.id = $1`,
      [slotId],
    );
  }

  /**
   * The appointment locked until the end of the transaction: two moves, a move and a
   * cancel, or two check-ins of one appointment take turns, each reading what the
   * previous one left. The lock is taken on the row alone, then the row is read with its
   * slot: a `FOR UPDATE OF a` over the join would, after waiting for a concurrent move,
   * re-check the join against the slot it read before the wait and find no row at all
   * (the move race test found it).
   */
  @GenerateSql({ params: [1] })
  async lock(id: number): Promise<LockedAppointment | undefined> {
    if (!(await this.db.one('SELECT 1 FROM appointments WHERE id = $1 FOR UPDATE', [id]))) return undefined;
    return this.db.one<LockedAppointment>(
      `SELECT a.id, a.slot_id AS "slotId", a.party_size AS "partySize", a.status, a.walk_in AS "walkIn", a.erased_at IS NOT NULL AS erased, a.purpose,
              s.starts_at AS "startsAt", s.ends_at AS "endsAt", d.id AS "deskId", d.office
         FROM appointments a JOIN appointment_slots s ON s.id = a.slot_id JOIN desks d ON d.id = s.desk_id
        WHERE a.id = $1`,
      [id],
    );
  }

  /** Takes seats on a slot (take_slot_seats); false when too few are left or the slot is past. */
  @GenerateSql({ params: [1, 2] })
  async takeSeats(slotId: number, seats: number): Promise<boolean> {
    const [row] = await this.db.query<{ id: number | null }>('SELECT take_slot_seats($1, $2) AS id', [slotId, seats]);
    return row?.id != null;
  }

  @GenerateSql({ params: [1, 2] })
  async releaseSeats(slotId: number, seats: number): Promise<void> {
    await this.db.query('SELECT release_slot_seats($1, $2)', [slotId, seats]);
  }

  @GenerateSql({ params: [1, { residentName: '阿賀野 太郎', partySize: 2 }] })
  async update(id: number, changes: AppointmentRow): Promise<void> {
    const p = new SqlParams();
    await this.db.query(`UPDATE appointments SET ${appointmentsTable.set(changes, p)}, updated_at = now() WHERE id = ${p.add(id)}`, p.values);
  }

  /** Cancels a booked appointment and gives its seats back (a walk-in took none), in one statement. */
  @GenerateSql({ params: [1] })
  async cancel(id: number): Promise<boolean> {
    const rows = await this.db.query(
      `WITH c AS (UPDATE appointments SET status = 'cancelled', updated_at = now() WHERE id = $1 AND status = 'booked' RETURNING slot_id, party_size, walk_in)
       SELECT release_slot_seats(c.slot_id, CASE WHEN c.walk_in THEN 0 ELSE c.party_size END) FROM c`,
      [id],
    );
    return rows.length > 0;
  }

  @GenerateSql({ params: [1, 1] })
  async checkIn(id: number, assistanceRecordId: number): Promise<void> {
    await this.db.query(
      `UPDATE appointments SET status = 'checked_in', checked_in_at = now(), assistance_record_id = $2, updated_at = now() WHERE id = $1`,
      [id, assistanceRecordId],
    );
  }

  /** Deletes the appointment; its seats (unless cancelled already or a walk-in) go back in the same statement. */
  @GenerateSql({ params: [1] })
  async delete(id: number): Promise<void> {
    await this.db.query(
      `WITH gone AS (DELETE FROM appointments WHERE id = $1 RETURNING slot_id, party_size, status, walk_in)
       SELECT release_slot_seats(gone.slot_id, gone.party_size) FROM gone WHERE gone.status <> 'cancelled' AND NOT gone.walk_in`,
      [id],
    );
  }

  @GenerateSql({ params: [1] })
  desk(id: number): Promise<DeskInfo | undefined> {
    return this.db.one<DeskInfo>('SELECT id, name, office, place FROM desks WHERE id = $1', [id]);
  }

  /** A desk's slots of one JST day with their appointments (slots without any as one row with null fields). */
  @GenerateSql({ params: [1, '2022-09-20'] })
  deskDay(deskId: number, date: string): Promise<DeskDayRow[]> {
    return this.db.query<DeskDayRow>(
      `SELECT s.id AS "slotId", s.starts_at AS "startsAt", s.ends_at AS "endsAt", s.capacity, s.booked,
              a.id, a.resident_name AS "residentName", a.phone, a.purpose, a.party_size AS "partySize", a.status, a.notes,
              a.walk_in AS "walkIn", a.checked_in_at AS "checkedInAt", a.assistance_record_id AS "assistanceRecordId"
         FROM appointment_slots s LEFT JOIN appointments a ON a.slot_id = s.id
        WHERE s.desk_id = $1
          AND s.starts_at >= ($2::date::timestamp AT TIME ZONE 'Asia/Tokyo')
          AND s.starts_at < (($2::date + 1)::timestamp AT TIME ZONE 'Asia/Tokyo')
        ORDER BY s.starts_at, a.walk_in NULLS FIRST, a.id`,
      [deskId, date],
    );
  }

  /** Marks the desk's booked appointments of that day whose slot has ended as no-shows; returns how many. */
  @GenerateSql({ params: [1, '2022-09-20', new Date('2022-09-20T09:00:00Z')] })
  async markNoShows(deskId: number, date: string, now: Date): Promise<number> {
    const rows = await this.db.query(
      `UPDATE appointments a SET status = 'no_show', updated_at = now()
         FROM appointment_slots s
        WHERE s.id = a.slot_id AND s.desk_id = $1 AND a.status = 'booked' AND NOT a.walk_in
          AND s.starts_at >= ($2::date::timestamp AT TIME ZONE 'Asia/Tokyo')
          AND s.starts_at < (($2::date + 1)::timestamp AT TIME ZONE 'Asia/Tokyo')
          AND s.ends_at <= $3
        RETURNING a.id`,
      [deskId, date, now],
    );
    return rows.length;
  }

  /** Every municipality's retention (run as the installation: it reads every municipality's row). */
  @GenerateSql()
  retentionDays(): Promise<{ code: string; days: number }[]> {
    return this.db.query<{ code: string; days: number }>('SELECT code, appointment_retention_days AS days FROM municipalities ORDER BY code');
  }

  /**
   * Erases names, phone numbers and notes of appointments whose visit (the slot's end)
   * lies more than `days` days before `now`; the row, its status and its counts stay.
   */
  @GenerateSql({ params: [new Date('2023-01-01T00:00:00Z'), 90] })
  async eraseContacts(now: Date, days: number): Promise<number> {
    const rows = await this.db.query(
      `UPDATE appointments a SET resident_name = NULL, phone = NULL, notes = NULL, erased_at = $1, updated_at = now()
         FROM appointment_slots s
        WHERE s.id = a.slot_id AND a.erased_at IS NULL AND s.ends_at < $1::timestamptz - make_interval(days => $2)
        RETURNING a.id`,
      [now, days],
    );
    return rows.length;
  }
}
