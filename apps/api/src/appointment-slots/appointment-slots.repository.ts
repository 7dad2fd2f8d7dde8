import { Injectable } from '@nestjs/common';
import { SLOT_STATUS } from '@mynapoint/domain';
import { GenerateSql } from '../common/db/generate-sql';
import { SqlParams } from '../common/db/sql-params';
import { Row, defineTable } from '../common/db/table';
import { ListRepository } from '../common/list/list-repository';
import { defineListSpec } from '../common/list/list-spec';
import { AppointmentSlotError } from './appointment-slot.exception';

// Every statement of the appointment-slots feature. The service holds the rules.

export const appointmentSlotsTable = defineTable('appointment_slots', {
  id: { kind: 'int', readOnly: true },
  deskId: { kind: 'int' },
  startsAt: { kind: 'instant' },
  endsAt: { kind: 'instant' },
  capacity: { kind: 'int' },
  // Changed only by take_slot_seats / release_slot_seats (migration 1764002500000).
  booked: { kind: 'int', readOnly: true },
  createdAt: { kind: 'instant', readOnly: true },
  updatedAt: { kind: 'instant', readOnly: true },
});
export type AppointmentSlotRow = Row<typeof appointmentSlotsTable.columns>;

// The same rule as `slotStatus` in libs/domain, evaluated by the database at the time of the request.
export const SLOT_STATUS_SQL = `CASE WHEN s.ends_at <= now() THEN 'past' WHEN s.booked >= s.capacity THEN 'full' ELSE 'open' END`;

export const appointmentSlotsListSpec = defineListSpec({
  resource: 'appointment-slots',
  from: 'appointment_slots s JOIN desks d ON d.id = s.desk_id',
  fields: {
    ...appointmentSlotsTable.fields('s', ['id', 'deskId']),
    deskName: { sql: 'd.name', kind: 'text' },
    ...appointmentSlotsTable.fields('s', ['startsAt', 'endsAt', 'capacity', 'booked']),
    remaining: { sql: '(s.capacity - s.booked)', kind: 'int' },
    status: { sql: SLOT_STATUS_SQL, kind: 'enum', enum: SLOT_STATUS },
    ...appointmentSlotsTable.fields('s', ['createdAt', 'updatedAt']),
  },
  search: ['d.name'],
  defaultSort: ['startsAt', 'ASC'],
  notFound: AppointmentSlotError.NotFound,
  count: { from: 'appointment_slots s', alias: 's' },
});

export type AppointmentSlotRecord = Record<keyof typeof appointmentSlotsListSpec.fields, unknown> & { id: number; booked: number; deskId: number };

export interface SlotState {
  id: number;
  capacity: number;
  booked: number;
  startsAt: Date;
  endsAt: Date;
  deskName: string;
}

export interface DeskOfSlots {
  id: number;
  name: string;
  office: string;
  opensOn: string | null;
  closesOn: string | null;
}

@Injectable()
export class AppointmentSlotsRepository extends ListRepository<AppointmentSlotRecord> {
  protected readonly spec = appointmentSlotsListSpec;

  @GenerateSql({ params: [{ deskId: 1, startsAt: '2022-09-20T00:00:00Z', endsAt: '2022-09-20T00:30:00Z', capacity: 3 }] })
  insert(row: AppointmentSlotRow): Promise<number> {
    return this.insertRow(appointmentSlotsTable, row);
  }

  /** Many slots at once; a slot that already starts at that time at the desk is left as it is. Returns how many were made. */
  @GenerateSql({ params: [1, [new Date('2022-09-20T00:00:00Z')], [new Date('2022-09-20T00:30:00Z')], [3]] })
  async insertMany(deskId: number, startsAt: Date[], endsAt: Date[], capacity: number[]): Promise<number> {
    const rows = await this.db.query(
      `INSERT INTO appointment_slots (desk_id, starts_at, ends_at, capacity)
       SELECT $1, x.starts_at, x.ends_at, x.capacity FROM unnest($2::timestamptz[], $3::timestamptz[], $4::int[]) AS x(starts_at, ends_at, capacity)
       ON CONFLICT ON CONSTRAINT appointment_slots_one_per_start DO NOTHING RETURNING id`,
      [deskId, startsAt, endsAt, capacity],
    );
    return rows.length;
  }

  /**
   * Applies `changes` unless they break what the slot's bookings rely on: a capacity
   * below the seats booked, or (`onlyUnbooked`: another desk or time) any seat booked.
   * One statement, judged against the row as locked, so a booking at the same moment
   * cannot slip past. False when refused.
   */
  @GenerateSql({ name: 'capacity', params: [1, { capacity: 5 }, false] }, { name: 'time', params: [1, { startsAt: '2022-09-20T01:00:00Z', endsAt: '2022-09-20T01:30:00Z' }, true] })
  async updateGuarded(id: number, changes: AppointmentSlotRow, onlyUnbooked: boolean): Promise<boolean> {
    const p = new SqlParams();
    const sets = appointmentSlotsTable.set(changes, p);
    const idParam = p.add(id);
    const capacity = changes.capacity !== undefined ? p.add(changes.capacity) : 'capacity';
    const updated = await this.db.query(
      `UPDATE appointment_slots SET ${sets}, updated_at = now()
       WHERE id = ${idParam} AND booked <= ${capacity}${onlyUnbooked ? ' AND booked = 0' : ''} RETURNING id`,
      p.values,
    );
    return updated.length > 0;
  }

  /** Deletes the slot unless an appointment (of any status) names it; false when kept. */
  @GenerateSql({ params: [1] })
  async deleteUnused(id: number): Promise<boolean> {
    const gone = await this.db.query(
      'DELETE FROM appointment_slots s WHERE s.id = $1 AND NOT EXISTS (SELECT 1 FROM appointments a WHERE a.slot_id = s.id) RETURNING s.id',
      [id],
    );
    return gone.length > 0;
  }

  @GenerateSql({ params: [1] })
  state(id: number): Promise<SlotState | undefined> {
    return this.db.one<SlotState>(
      `SELECT s.id, s.capacity, s.booked, s.starts_at AS "startsAt", s.ends_at AS "endsAt", d.name AS "deskName"
         FROM appointment_slots s JOIN desks d ON d.id = s.desk_id WHERE s.id = $1`,
      [id],
    );
  }

  @GenerateSql({ params: [1, '2022-09-20T00:00:00Z', null] })
  async startTaken(deskId: number, startsAt: string, exceptId: number | null): Promise<boolean> {
    return Boolean(await this.db.one('SELECT 1 FROM appointment_slots WHERE desk_id = $1 AND starts_at = $2 AND id IS DISTINCT FROM $3', [deskId, startsAt, exceptId]));
  }

  @GenerateSql({ params: [1] })
  desk(id: number): Promise<DeskOfSlots | undefined> {
    return this.db.one<DeskOfSlots>(
      `SELECT id, name, office, to_char(opens_on, 'YYYY-MM-DD') AS "opensOn", to_char(closes_on, 'YYYY-MM-DD') AS "closesOn" FROM desks WHERE id = $1`,
      [id],
    );
  }
}
