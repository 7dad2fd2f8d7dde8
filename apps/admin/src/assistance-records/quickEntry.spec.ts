import { describe, expect, it } from '@jest/globals';
import { ASSISTANCE_TYPE } from '@mynapoint/domain';
import { blankVisit, fromJstLocalInput, newIdempotencyKey, summarizeDay, toCreateBody, toFormErrors, toJstLocalInput, validateVisit, type VisitValues } from './quickEntry';

const NOW = new Date('2020-09-01T01:30:00Z'); // 10:30 JST
const MESSAGES = { required: 'required', duration: 'duration', tooLong: (n: number) => `max ${n}`, myNumber: 'my number', future: 'future', badTime: 'bad time' };
const visit = (overrides: Partial<VisitValues> = {}): VisitValues => ({ ...blankVisit('main_office', NOW), assistanceTypes: ['inquiry'], durationMinutes: 10, ...overrides });
const check = (overrides: Partial<VisitValues>) => validateVisit(visit(overrides), NOW, 'ja', MESSAGES);

describe('JST datetime-local values', () => {
  it('round-trips through the input format in JST whatever the browser’s zone', () => {
    expect(toJstLocalInput(NOW)).toBe('2020-09-01T10:30');
    expect(fromJstLocalInput('2020-09-01T10:30')).toBe('2020-09-01T10:30:00+09:00');
    expect(Date.parse(fromJstLocalInput(toJstLocalInput(NOW))!)).toBe(NOW.getTime());
    expect(fromJstLocalInput('')).toBeNull();
    expect(fromJstLocalInput('2020-13-01T10:30')).toBeNull();
  });
});

describe('blankVisit', () => {
  it('opens at now and the clerk’s last office, everything else cleared', () => {
    expect(blankVisit('branch_office', NOW)).toMatchObject({ visitedAtLocal: '2020-09-01T10:30', office: 'branch_office', assistanceTypes: [], durationMinutes: null, outcome: 'completed', proxy: 'none' });
  });
});

describe('toCreateBody', () => {
  it('sends the API’s fields, types in a stable order, and drops what does not apply', () => {
    const body = toCreateBody(
      visit({ assistanceTypes: ['pc_lending', 'point_application'], outcome: 'completed', unableReason: 'pin_locked', sharedTerminalUsed: false, terminalLoggedOut: true, paymentServiceId: 4, district: '  ', notes: ' メモ ' }),
    );
    expect(body).toMatchObject({
      visitedAt: '2020-09-01T10:30:00+09:00',
      assistanceTypes: ['point_application', 'pc_lending'],
      unableReason: null,
      terminalLoggedOut: false,
      paymentServiceId: 4,
      district: null,
      notes: 'メモ',
    });
    expect(toCreateBody(visit({ assistanceTypes: ['inquiry'], paymentServiceId: 4 })).paymentServiceId).toBeNull();
  });
  it('sends the shared terminal only when one was used', () => {
    expect(toCreateBody(visit({ sharedTerminalUsed: true, terminalId: 7 })).terminalId).toBe(7);
    expect(toCreateBody(visit({ sharedTerminalUsed: false, terminalId: 7 })).terminalId).toBeNull();
    expect(toCreateBody(visit({ sharedTerminalUsed: true })).terminalId).toBeNull();
  });

  it('sends every assistance type a clerk can choose, Round 2’s registrations included', () => {
    expect(toCreateBody(visit({ assistanceTypes: [...ASSISTANCE_TYPE.values] })).assistanceTypes).toHaveLength(ASSISTANCE_TYPE.values.length);
    expect(toCreateBody(visit({ assistanceTypes: ['public_funds_account_registration', 'health_insurance_registration'] })).assistanceTypes).toEqual([
      'health_insurance_registration',
      'public_funds_account_registration',
    ]);
  });
});

describe('validateVisit', () => {
  it('accepts a plain visit', () => {
    expect(check({})).toEqual({});
  });

  it('mirrors the server’s rules, by field', () => {
    expect(check({ assistanceTypes: [] })).toEqual({ assistanceTypes: 'required' });
    expect(check({ durationMinutes: null })).toEqual({ durationMinutes: 'required' });
    expect(check({ durationMinutes: 241 })).toEqual({ durationMinutes: 'duration' });
    expect(check({ office: 'branch_office', assistanceTypes: ['card_application'] }).assistanceTypes).toContain('本庁');
    expect(check({ outcome: 'unable' }).unableReason).toBeDefined();
    expect(Object.keys(check({ assistanceTypes: ['point_application'], sharedTerminalUsed: true })).sort()).toEqual(['serviceIdReadBack', 'terminalLoggedOut']);
    expect(check({ visitedAtLocal: '2020-09-01T12:00' })).toEqual({ visitedAtLocal: 'future' });
    expect(check({ notes: '番号 1234 5678 9018' })).toEqual({ notes: 'my number' });
    expect(check({ district: 'x'.repeat(41) })).toEqual({ district: 'max 40' });
  });
});

describe('newIdempotencyKey / summarizeDay', () => {
  it('makes a fresh, server-acceptable key each time', () => {
    const a = newIdempotencyKey();
    expect(a).toMatch(/^[\w.:-]{8,100}$/);
    expect(newIdempotencyKey()).not.toBe(a);
  });

  it('counts entries and minutes', () => {
    expect(summarizeDay([{ durationMinutes: 10 }, { durationMinutes: 25 }, {}])).toEqual({ count: 3, minutes: 35 });
  });
});

describe('toFormErrors', () => {
  it('puts the server’s field errors on the form’s fields', () => {
    expect(toFormErrors({ visitedAt: 'future', 'assistanceTypes.0': 'bad', notes: 'my number' })).toEqual({ visitedAtLocal: 'future', assistanceTypes: 'bad', notes: 'my number' });
  });
});
