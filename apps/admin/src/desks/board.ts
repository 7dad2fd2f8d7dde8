// The counter's day board (本日の予約): what the per-desk "today" read returns, and
// how a slot's bookings read at a given moment (arrived, late, no-show, walk-in).
// Kept out of the components so they can be tested on their own.
import { LATE_AFTER_MINUTES, minutesLate } from '@mynapoint/domain';

/** The day board's route (in the layout). */
export const TODAY_BOARD_PATH = '/today';

export type AppointmentStatus = 'booked' | 'checked_in' | 'no_show' | 'cancelled';

export interface BoardAppointment {
  id: number;
  /** null for roles that may not see names (and after the erasure job). */
  residentName: string | null;
  phone: string | null;
  purpose: string[];
  partySize: number;
  status: AppointmentStatus;
  walkIn: boolean;
  checkedInAt: string | null;
  assistanceRecordId: number | null;
  notes: string | null;
}

export interface BoardSlot {
  id: number;
  startsAt: string;
  endsAt: string;
  capacity: number;
  booked: number;
  remaining: number;
  appointments: BoardAppointment[];
}

/** How a booking reads on the board now. */
export type BoardState = 'expected' | 'late' | 'arrived' | 'no_show' | 'cancelled';

export function boardState(a: Pick<BoardAppointment, 'status'>, slot: Pick<BoardSlot, 'startsAt'>, now: Date): BoardState {
  switch (a.status) {
    case 'checked_in':
      return 'arrived';
    case 'no_show':
      return 'no_show';
    case 'cancelled':
      return 'cancelled';
    default:
      // Late: the slot began a while ago (the domain's grace) and the resident is not checked in yet.
      return minutesLate(slot.startsAt, now) >= LATE_AFTER_MINUTES ? 'late' : 'expected';
  }
}

export interface BoardSummary {
  slots: number;
  capacity: number;
  /** Seats taken by bookings that are not cancelled: the slots' `booked`. A walk-in takes no seat (the API books none for it); walk-ins have their own count. */
  seats: number;
  bookings: number;
  arrived: number;
  late: number;
  expected: number;
  noShow: number;
  walkIns: number;
}

export function summarize(slots: readonly BoardSlot[], now: Date): BoardSummary {
  const s: BoardSummary = { slots: slots.length, capacity: 0, seats: 0, bookings: 0, arrived: 0, late: 0, expected: 0, noShow: 0, walkIns: 0 };
  for (const slot of slots) {
    s.capacity += slot.capacity;
    for (const a of slot.appointments) {
      const state = boardState(a, slot, now);
      if (state === 'cancelled') continue;
      s.bookings += 1;
      if (!a.walkIn) s.seats += a.partySize;
      if (a.walkIn) s.walkIns += 1;
      if (state === 'arrived') s.arrived += 1;
      else if (state === 'late') s.late += 1;
      else if (state === 'expected') s.expected += 1;
      else s.noShow += 1;
    }
  }
  return s;
}

/** The bookings the end-of-day marking would turn into no-shows: still booked, their slot over. */
export function pendingNoShows(slots: readonly BoardSlot[], now: Date): BoardAppointment[] {
  return slots.filter((slot) => Date.parse(slot.endsAt) <= now.getTime()).flatMap((slot) => slot.appointments.filter((a) => a.status === 'booked'));
}

/** Slots that can still be booked: not over yet (the API books until a slot ends) and with seats left. */
export function bookableSlots(slots: readonly BoardSlot[], now: Date, partySize = 1): BoardSlot[] {
  return slots.filter((s) => Date.parse(s.endsAt) > now.getTime() && s.remaining >= partySize);
}

/** The slot to book into by default: the first that can still be booked. */
export function nextOpenSlot(slots: readonly BoardSlot[], now: Date, partySize = 1): BoardSlot | null {
  return bookableSlots(slots, now, partySize)[0] ?? null;
}

/** The slot a walk-in joins: the one running now, else the next to begin (null when the day is over). */
export function walkInSlot(slots: readonly BoardSlot[], now: Date): BoardSlot | null {
  const t = now.getTime();
  return slots.find((s) => Date.parse(s.startsAt) <= t && t < Date.parse(s.endsAt)) ?? slots.find((s) => Date.parse(s.startsAt) > t) ?? null;
}

const hm = new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** 09:30 in JST, whatever the browser's time zone. */
export function jstTime(instant: string): string {
  return hm.format(new Date(instant));
}
