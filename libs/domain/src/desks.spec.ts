import { canSeeResidentContact, canTransitionIncident, deskAssistanceOffice, incidentStatusNeeds, minutesLate, purposeRefusedAtDesk, slotPatternProblems, slotStatus, slotsFromPattern, SlotPattern } from './desks';
import { toJstIso } from './dates';

const makePattern = (over: Partial<SlotPattern> = {}): SlotPattern => ({
  from: '2022-09-19',
  to: '2022-09-25',
  weekdays: [1, 2, 3, 4, 5],
  startTime: '09:00',
  endTime: '16:30',
  everyMinutes: 30,
  seats: 3,
  breakStart: '12:00',
  breakEnd: '13:00',
  ...over,
});

describe('slotsFromPattern', () => {
  it('makes Mon–Fri 9:00–16:30 slots every 30 minutes without the lunch hour, skipping the holidays', () => {
    const { slots, skipped } = slotsFromPattern(makePattern());
    // 9/19 敬老の日 and 9/23 秋分の日 are skipped; 13 slots a day (15 minus lunch).
    expect(skipped).toEqual([
      { date: '2022-09-19', reason: 'holiday', name: '敬老の日' },
      { date: '2022-09-23', reason: 'holiday', name: '秋分の日' },
    ]);
    expect(slots).toHaveLength(3 * 13);
    const first = slots.slice(0, 13).map((s) => toJstIso(s.startsAt).slice(11, 16));
    expect(first).toEqual(['09:00', '09:30', '10:00', '10:30', '11:00', '11:30', '13:00', '13:30', '14:00', '14:30', '15:00', '15:30', '16:00']);
    expect(toJstIso(slots[12].endsAt)).toBe('2022-09-20T16:30:00+09:00');
    expect(slots.every((s) => s.capacity === 3)).toBe(true);
  });

  it('skips the municipality’s closed days, the year-end closure and days outside the desk’s dates', () => {
    const { slots, skipped } = slotsFromPattern(makePattern({ from: '2022-12-26', to: '2023-01-06', breakStart: null, breakEnd: null, everyMinutes: 450 }), {
      closedDays: ['2022-12-27'],
      deskClosesOn: '2023-01-05',
    });
    expect(skipped.map((s) => `${s.date}:${s.reason}`)).toEqual([
      '2022-12-27:municipality',
      '2022-12-29:year_end',
      '2022-12-30:year_end',
      '2023-01-02:year_end',
      '2023-01-03:year_end',
      '2023-01-06:desk_closed',
    ]);
    expect(slots.map((s) => toJstIso(s.startsAt).slice(0, 10))).toEqual(['2022-12-26', '2022-12-28', '2023-01-04', '2023-01-05']);
  });

  it('opens on weekends when the pattern says so (a pop-up desk on Saturday)', () => {
    const { slots } = slotsFromPattern(makePattern({ weekdays: [6], breakStart: null, breakEnd: null }));
    expect(new Set(slots.map((s) => toJstIso(s.startsAt).slice(0, 10)))).toEqual(new Set(['2022-09-24']));
  });
});

describe('slotPatternProblems', () => {
  it('names each field that is wrong', () => {
    expect(slotPatternProblems(makePattern())).toEqual({});
    expect(slotPatternProblems(makePattern({ to: '2022-09-01' }))).toHaveProperty('to');
    expect(slotPatternProblems(makePattern({ to: '2024-01-01' }))).toHaveProperty('to');
    expect(slotPatternProblems(makePattern({ endTime: '08:00' }))).toHaveProperty('endTime');
    expect(slotPatternProblems(makePattern({ everyMinutes: 600 }))).toHaveProperty('everyMinutes');
    expect(slotPatternProblems(makePattern({ breakEnd: null }))).toHaveProperty('breakEnd');
    expect(slotPatternProblems(makePattern({ breakEnd: '11:00' }))).toHaveProperty('breakEnd');
  });
});

describe('slotStatus and minutesLate', () => {
  const now = new Date('2022-09-20T10:15:00+09:00');
  it('is past once the slot has ended, full when every seat is taken', () => {
    expect(slotStatus({ capacity: 3, booked: 3, endsAt: '2022-09-20T10:15:00+09:00' }, now)).toBe('past');
    expect(slotStatus({ capacity: 3, booked: 3, endsAt: '2022-09-20T10:30:00+09:00' }, now)).toBe('full');
    expect(slotStatus({ capacity: 3, booked: 2, endsAt: '2022-09-20T10:30:00+09:00' }, now)).toBe('open');
  });
  it('counts minutes since the slot began', () => {
    expect(minutesLate('2022-09-20T10:00:00+09:00', now)).toBe(15);
    expect(minutesLate('2022-09-20T10:30:00+09:00', now)).toBe(0);
  });
});

describe('desk rules', () => {
  it('records a pop-up desk’s visits as a branch office’s and refuses card applications there', () => {
    expect(deskAssistanceOffice('main_office')).toBe('main_office');
    expect(deskAssistanceOffice('popup')).toBe('branch_office');
    expect(purposeRefusedAtDesk('popup', ['card_application'])).toBe(true);
    expect(purposeRefusedAtDesk('main_office', ['card_application'])).toBe(false);
  });
  it('shows names only to counter, policy and admin', () => {
    expect(['admin', 'policy', 'counter', 'manager', 'operator', 'prefecture'].filter((r) => canSeeResidentContact(r as never))).toEqual(['admin', 'policy', 'counter']);
  });
  it('lets an incident go to reported only through investigating, with the report’s date', () => {
    expect(canTransitionIncident('new', 'reported')).toBe(false);
    expect(canTransitionIncident('investigating', 'reported')).toBe(true);
    expect(canTransitionIncident('closed', 'investigating')).toBe(true);
    expect(incidentStatusNeeds('reported', {})).not.toBeNull();
    expect(incidentStatusNeeds('reported', { micReportedOn: '2022-10-01' })).toBeNull();
  });
});
