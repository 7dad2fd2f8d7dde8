import { Injectable } from '@nestjs/common';
import type { DeskOffice } from '@mynapoint/domain';
import { Db } from '../common/db/db.service';
import { GenerateSql } from '../common/db/generate-sql';

// The one statement of GET /api/stats/desks: per desk and JST day, the seats offered and
// booked (slots), what became of the bookings and the walk-ins (appointments), and the
// wait from check-in to the visit's start (the visit record's visitedAt). Read from the
// tables themselves: a city's desks have thousands of slots, not millions.

export interface DeskDayRow {
  date: string;
  deskId: number;
  deskName: string;
  office: DeskOffice;
  capacity: number;
  seatsBooked: number;
  appointments: number;
  checkedIn: number;
  noShows: number;
  cancelled: number;
  walkIns: number;
  waitMinutesSum: number;
  waits: number;
}

@Injectable()
export class DeskStatsRepository {
  constructor(private readonly db: Db) {}

  @GenerateSql({ params: ['2022-06-01', '2023-02-28'] })
  byDeskDay(from: string, to: string): Promise<DeskDayRow[]> {
    return this.db.query<DeskDayRow>(
      `WITH s AS (
         SELECT id, desk_id, capacity, booked, (starts_at AT TIME ZONE 'Asia/Tokyo')::date AS day
           FROM appointment_slots
          WHERE starts_at >= ($1::date::timestamp AT TIME ZONE 'Asia/Tokyo') AND starts_at < (($2::date + 1)::timestamp AT TIME ZONE 'Asia/Tokyo')),
       seats AS (SELECT desk_id, day, sum(capacity)::int AS capacity, sum(booked)::int AS seats_booked FROM s GROUP BY desk_id, day),
       visits AS (
         SELECT s.desk_id, s.day,
                count(*) FILTER (WHERE NOT a.walk_in)::int AS appointments,
                count(*) FILTER (WHERE NOT a.walk_in AND a.status = 'checked_in')::int AS checked_in,
                count(*) FILTER (WHERE a.status = 'no_show')::int AS no_shows,
                count(*) FILTER (WHERE a.status = 'cancelled')::int AS cancelled,
                count(*) FILTER (WHERE a.walk_in AND a.status <> 'cancelled')::int AS walk_ins,
                coalesce(sum(extract(epoch FROM ar.visited_at - a.checked_in_at) / 60) FILTER (WHERE ar.visited_at >= a.checked_in_at), 0)::float8 AS wait_sum,
                count(*) FILTER (WHERE ar.visited_at >= a.checked_in_at)::int AS waits
           FROM s JOIN appointments a ON a.slot_id = s.id
           LEFT JOIN assistance_records ar ON ar.id = a.assistance_record_id
          GROUP BY s.desk_id, s.day)
       SELECT to_char(seats.day, 'YYYY-MM-DD') AS date, d.id AS "deskId", d.name AS "deskName", d.office,
              seats.capacity, seats.seats_booked AS "seatsBooked",
              coalesce(v.appointments, 0) AS appointments, coalesce(v.checked_in, 0) AS "checkedIn", coalesce(v.no_shows, 0) AS "noShows",
              coalesce(v.cancelled, 0) AS cancelled, coalesce(v.walk_ins, 0) AS "walkIns",
              coalesce(v.wait_sum, 0) AS "waitMinutesSum", coalesce(v.waits, 0) AS waits
         FROM seats JOIN desks d ON d.id = seats.desk_id
         LEFT JOIN visits v ON v.desk_id = seats.desk_id AND v.day = seats.day
        ORDER BY seats.day, d.name`,
      [from, to],
    );
  }
}
