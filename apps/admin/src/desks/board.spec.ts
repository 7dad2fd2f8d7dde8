/// <reference types="jest" />
import { boardState, jstTime, nextOpenSlot, pendingNoShows, summarize, walkInSlot, type BoardAppointment, type BoardSlot } from './board';

// 2026-12-07 (Mon) in JST; slots at 09:00, 09:30, 10:00 (30 minutes, 3 seats).
const at = (hhmm: string) => new Date(`2026-12-07T${hhmm}:00+09:00`);
const iso = (hhmm: string) => at(hhmm).toISOString();

let nextId = 1;
function appt(over: Partial<BoardAppointment> = {}): BoardAppointment {
  return { id: nextId++, residentName: '阿賀野 花子', phone: null, purpose: ['mykey_reservation'], partySize: 1, status: 'booked', walkIn: false, checkedInAt: null, assistanceRecordId: null, notes: null, ...over };
}
function slot(start: string, end: string, appointments: BoardAppointment[] = [], capacity = 3): BoardSlot {
  const booked = appointments.filter((a) => a.status !== 'cancelled' && !a.walkIn).reduce((n, a) => n + a.partySize, 0);
  return { id: nextId++, startsAt: iso(start), endsAt: iso(end), capacity, booked, remaining: capacity - booked, appointments };
}

describe('boardState', () => {
  const s = slot('09:00', '09:30');
  it('reads a booking as expected until 10 minutes into its slot, then late', () => {
    expect(boardState(appt(), s, at('08:50'))).toBe('expected');
    expect(boardState(appt(), s, at('09:09'))).toBe('expected');
    expect(boardState(appt(), s, at('09:10'))).toBe('late');
    expect(boardState(appt(), s, at('15:00'))).toBe('late');
  });
  it('follows the status once the booking is checked in, marked or cancelled', () => {
    expect(boardState(appt({ status: 'checked_in' }), s, at('15:00'))).toBe('arrived');
    expect(boardState(appt({ status: 'no_show' }), s, at('15:00'))).toBe('no_show');
    expect(boardState(appt({ status: 'cancelled' }), s, at('08:00'))).toBe('cancelled');
  });
});

describe('summarize', () => {
  it('counts bookings, seats and states, leaving cancellations out; a walk-in takes no seat', () => {
    const slots = [
      slot('09:00', '09:30', [appt({ status: 'checked_in', partySize: 2 }), appt(), appt({ status: 'cancelled', partySize: 3 })]),
      slot('09:30', '10:00', [appt({ walkIn: true, status: 'checked_in' }), appt({ status: 'no_show' })]),
      slot('10:00', '10:30', [appt({ partySize: 3 })]),
    ];
    expect(summarize(slots, at('09:45'))).toEqual({ slots: 3, capacity: 9, seats: 7, bookings: 5, arrived: 2, late: 1, expected: 1, noShow: 1, walkIns: 1 });
  });
  it('has as many seats as the slots have booked (what each slot shows)', () => {
    const slots = [slot('09:00', '09:30', [appt({ walkIn: true, status: 'checked_in', partySize: 2 }), appt({ partySize: 2 })]), slot('09:30', '10:00', [appt()])];
    expect(summarize(slots, at('09:45')).seats).toBe(slots.reduce((n, s) => n + s.booked, 0));
  });
  it('is all zeros on a day without slots', () => {
    expect(summarize([], at('09:00'))).toEqual({ slots: 0, capacity: 0, seats: 0, bookings: 0, arrived: 0, late: 0, expected: 0, noShow: 0, walkIns: 0 });
  });
});

describe('pendingNoShows', () => {
  it('is the bookings still booked in slots that are over', () => {
    const late = appt();
    const running = appt();
    const slots = [slot('09:00', '09:30', [late, appt({ status: 'checked_in' }), appt({ status: 'cancelled' })]), slot('09:30', '10:00', [running])];
    expect(pendingNoShows(slots, at('09:45')).map((a) => a.id)).toEqual([late.id]);
    expect(pendingNoShows(slots, at('10:00')).map((a) => a.id)).toEqual([late.id, running.id]);
  });
});

describe('nextOpenSlot and walkInSlot', () => {
  const full = slot('09:30', '10:00', [appt({ partySize: 3 })]);
  const slots = [slot('09:00', '09:30'), full, slot('10:00', '10:30')];
  it('books into the first slot not over that has a seat', () => {
    expect(nextOpenSlot(slots, at('08:00'))?.startsAt).toBe(iso('09:00'));
    expect(nextOpenSlot(slots, at('09:29'))?.startsAt).toBe(iso('09:00'));
    // 09:30 is full: the next one
    expect(nextOpenSlot(slots, at('09:30'))?.startsAt).toBe(iso('10:00'));
    expect(nextOpenSlot(slots, at('10:30'))).toBeNull();
  });
  it('puts a walk-in in the slot running now (full or not), else the next', () => {
    expect(walkInSlot(slots, at('09:40'))).toBe(full);
    expect(walkInSlot(slots, at('08:00'))?.startsAt).toBe(iso('09:00'));
    expect(walkInSlot(slots, at('10:30'))).toBeNull();
  });
});

describe('jstTime', () => {
  it('is the JST wall clock whatever the machine’s zone', () => {
    expect(jstTime('2026-12-07T00:30:00Z')).toBe('09:30');
  });
});
