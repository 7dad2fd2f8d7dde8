import type { DeskDayFigures, DeskStats } from '@mynapoint/domain';

// The counter panel's desk figures (GET /api/stats/desks): seats booked against
// capacity per desk and per day. Pure: the panel draws what these return, and its
// table shows the same numbers. The no-show rate and the wait come from the API.

/** Seats booked of the capacity (0 when there is no capacity). */
export function fillRate(f: Pick<DeskDayFigures, 'seatsBooked' | 'capacity'>): number {
  return f.capacity > 0 ? f.seatsBooked / f.capacity : 0;
}

export interface CapacityBar {
  key: string;
  name: string;
  booked: number;
  capacity: number;
  /** 0–1, capped at 1 for the bar's width. */
  fill: number;
}

const hasSlots = (f: DeskDayFigures) => f.capacity > 0 || f.seatsBooked > 0 || f.walkIns > 0;

/** One bar per desk with slots (or walk-ins), the fullest first. */
export function deskBars(s: DeskStats): CapacityBar[] {
  return s.byDesk
    .filter(hasSlots)
    .map((d) => ({ key: String(d.deskId), name: d.deskName, booked: d.seatsBooked, capacity: d.capacity, fill: Math.min(1, fillRate(d)) }))
    .sort((a, b) => b.fill - a.fill || b.booked - a.booked);
}

/** One bar per desk and day with slots, in date order (the latest `limit`). */
export function deskDayBars(s: DeskStats, dayLabel: (date: string) => string, limit = 14): CapacityBar[] {
  const rows = s.byDeskDay.filter(hasSlots).map((d, i) => ({ d, i }));
  // a stable order: by day, then as the API lists the desks
  rows.sort((a, b) => (a.d.date === b.d.date ? a.i - b.i : a.d.date < b.d.date ? -1 : 1));
  return rows.slice(-limit).map(({ d }) => ({ key: `${d.deskId}-${d.date}`, name: `${dayLabel(d.date)} ${d.deskName}`, booked: d.seatsBooked, capacity: d.capacity, fill: Math.min(1, fillRate(d)) }));
}
