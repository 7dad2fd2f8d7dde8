import fc from 'fast-check';
import { addDays } from './dates';
import { STAT_INTERVAL, nextPeriod, periodStart, periodStarts, wholeMonths } from './stat-periods';

const day = fc.integer({ min: 0, max: 3650 }).map((n) => addDays('2019-01-01', n));
const interval = fc.constantFrom(...STAT_INTERVAL.values);

describe('periodStart', () => {
  it('starts weeks on Monday and months on the 1st', () => {
    expect(periodStart('2020-09-06', 'week')).toBe('2020-08-31'); // Sunday → the Monday before
    expect(periodStart('2020-08-31', 'week')).toBe('2020-08-31');
    expect(periodStart('2021-02-28', 'month')).toBe('2021-02-01');
    expect(periodStart('2021-02-28', 'day')).toBe('2021-02-28');
  });

  it('holds the date: start ≤ date < next start, and is idempotent', () => {
    fc.assert(
      fc.property(day, interval, (d, i) => {
        const s = periodStart(d, i);
        expect(s <= d && d < nextPeriod(s, i)).toBe(true);
        expect(periodStart(s, i)).toBe(s);
      }),
    );
  });
});

describe('periodStarts', () => {
  it('covers from..to with consecutive buckets, without gaps or repeats', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 400 }), interval, (from, span, i) => {
        const to = addDays(from, span);
        const ps = periodStarts(from, to, i)!;
        expect(ps[0]).toBe(periodStart(from, i));
        expect(ps[ps.length - 1]).toBe(periodStart(to, i));
        for (let k = 1; k < ps.length; k++) expect(ps[k]).toBe(nextPeriod(ps[k - 1], i));
      }),
    );
  });

  it('gives null past the maximum number of buckets', () => {
    expect(periodStarts('2020-01-01', '2020-12-31', 'day', 100)).toBeNull();
    expect(periodStarts('2020-01-01', '2020-12-31', 'month', 100)).toHaveLength(12);
  });
});

describe('wholeMonths', () => {
  it('splits a range into the days before, the whole months, and the days after', () => {
    expect(wholeMonths('2020-07-01', '2021-12-31')).toEqual({ wholeFrom: '2020-07-01', wholeUntil: '2022-01-01' });
    expect(wholeMonths('2020-07-15', '2020-10-10')).toEqual({ wholeFrom: '2020-08-01', wholeUntil: '2020-10-01' });
    expect(wholeMonths('2020-02-01', '2020-02-29')).toEqual({ wholeFrom: '2020-02-01', wholeUntil: '2020-03-01' });
    // No whole month: every day is "before".
    expect(wholeMonths('2020-07-01', '2020-07-30')).toEqual({ wholeFrom: '2020-07-31', wholeUntil: '2020-07-31' });
    expect(wholeMonths('2020-07-05', '2020-08-10')).toEqual({ wholeFrom: '2020-08-11', wholeUntil: '2020-08-11' });
  });

  it('covers every day of the range exactly once, whole months starting on the 1st', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 500 }), (from, span) => {
        const to = addDays(from, span);
        const { wholeFrom, wholeUntil } = wholeMonths(from, to);
        expect(from <= wholeFrom && wholeFrom <= wholeUntil && wholeUntil <= addDays(to, 1)).toBe(true);
        if (wholeFrom < wholeUntil) {
          expect(periodStart(wholeFrom, 'month')).toBe(wholeFrom);
          expect(periodStart(wholeUntil, 'month')).toBe(wholeUntil);
        }
        // Whole months are as many as fit: no month between `from` and `to` is left to the daily rows.
        for (let m = periodStart(from, 'month'); m <= to; m = nextPeriod(m, 'month')) {
          const inside = m >= from && addDays(nextPeriod(m, 'month'), -1) <= to;
          expect(inside).toBe(m >= wholeFrom && m < wholeUntil);
        }
      }),
    );
  });
});
