/// <reference types="jest" />
import type { DeskDayFigures, DeskStats } from '@mynapoint/domain';
import { deskBars, deskDayBars, fillRate } from './deskRows';

const f = (capacity: number, seatsBooked: number, walkIns = 0): DeskDayFigures => ({ capacity, seatsBooked, appointments: seatsBooked, checkedIn: 0, noShows: 0, cancelled: 0, walkIns, avgWaitMinutes: null });
const stats: DeskStats = {
  from: '2022-09-01',
  to: '2022-09-30',
  totals: { ...f(70, 40, 3), noShowRatePercent: null },
  byDesk: [
    { deskId: 1, deskName: '本庁', office: 'main_office', ...f(60, 30, 3), noShowRatePercent: null },
    { deskId: 2, deskName: '出張窓口', office: 'popup', ...f(10, 10), noShowRatePercent: null },
    { deskId: 3, deskName: '休止中', office: 'branch_office', ...f(0, 0), noShowRatePercent: null },
  ],
  byDeskDay: [
    { date: '2022-09-02', deskId: 1, deskName: '本庁', ...f(30, 10) },
    { date: '2022-09-01', deskId: 1, deskName: '本庁', ...f(30, 20, 3) },
    { date: '2022-09-01', deskId: 2, deskName: '出張窓口', ...f(10, 10) },
    { date: '2022-09-03', deskId: 2, deskName: '出張窓口', ...f(0, 0) },
  ],
};

describe('fillRate', () => {
  it('reads seats booked of capacity, 0 without capacity', () => {
    expect(fillRate(stats.totals)).toBeCloseTo(40 / 70);
    expect(fillRate(f(0, 0))).toBe(0);
  });
});

describe('deskBars', () => {
  it('has one bar per desk with slots, the fullest first', () => {
    expect(deskBars(stats).map((b) => [b.name, b.booked, b.capacity, b.fill])).toEqual([
      ['出張窓口', 10, 10, 1],
      ['本庁', 30, 60, 0.5],
    ]);
  });
});

describe('deskDayBars', () => {
  it('has one bar per desk and day with slots, by day and then in the API’s desk order', () => {
    expect(deskDayBars(stats, (d) => d.slice(5)).map((b) => b.name)).toEqual(['09-01 本庁', '09-01 出張窓口', '09-02 本庁']);
    expect(deskDayBars(stats, (d) => d, 1).map((b) => b.key)).toEqual(['1-2022-09-02']);
  });
});
