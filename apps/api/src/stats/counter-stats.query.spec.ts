import fc from 'fast-check';
import { DomainException } from '../common/errors/domain.exception';
import { isoWeekday, parseCounterStatsQuery, periodStarts } from './counter-stats.query';

const NOW = new Date('2020-09-02T01:00:00Z'); // Wednesday 2020-09-02 10:00 JST

describe('parseCounterStatsQuery', () => {
  it('defaults to the 30 days up to today (JST), by day, with this ISO week', () => {
    expect(parseCounterStatsQuery({}, NOW)).toEqual({
      from: '2020-08-04',
      to: '2020-09-02',
      interval: 'day',
      today: '2020-09-02',
      weekFrom: '2020-08-31',
      weekTo: '2020-09-06',
    });
  });

  it('takes JST, not UTC, for today', () => {
    expect(parseCounterStatsQuery({}, new Date('2020-09-01T15:30:00Z')).today).toBe('2020-09-02');
  });

  it('reads from, to and interval, and ignores other parameters', () => {
    expect(parseCounterStatsQuery({ from: '2020-07-01', to: '2021-03-31', interval: 'month', _: '123' }, NOW)).toMatchObject({
      from: '2020-07-01',
      to: '2021-03-31',
      interval: 'month',
    });
  });

  it.each([
    [{ from: '2020-02-30' }],
    [{ to: 'today' }],
    [{ from: '2020-09-02', to: '2020-09-01' }],
    [{ interval: 'hour' }],
    [{ from: '2000-01-01', to: '2020-01-01' }],
    [{ from: ['2020-01-01'] }],
  ])('refuses %j with 400', (q) => {
    expect(() => parseCounterStatsQuery(q, NOW)).toThrow(DomainException);
    try {
      parseCounterStatsQuery(q, NOW);
    } catch (e) {
      expect((e as DomainException).status).toBe(400);
    }
  });
});

describe('isoWeekday', () => {
  it('counts Monday as 1 and Sunday as 7', () => {
    expect(isoWeekday('2020-08-31')).toBe(1);
    expect(isoWeekday('2020-09-06')).toBe(7);
  });
});

describe('periodStarts', () => {
  it('lists every day, Monday or first of the month touching the range', () => {
    expect(periodStarts('2020-09-29', '2020-10-02', 'day')).toEqual(['2020-09-29', '2020-09-30', '2020-10-01', '2020-10-02']);
    expect(periodStarts('2020-09-02', '2020-09-14', 'week')).toEqual(['2020-08-31', '2020-09-07', '2020-09-14']);
    expect(periodStarts('2020-11-15', '2021-02-01', 'month')).toEqual(['2020-11-01', '2020-12-01', '2021-01-01', '2021-02-01']);
  });

  it('covers the range without gaps (property)', () => {
    const day = fc.date({ min: new Date('2019-01-01'), max: new Date('2022-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 400 }), fc.constantFrom('day', 'week', 'month' as const), (from, span, interval) => {
        const to = new Date(Date.parse(`${from}T00:00:00Z`) + span * 86_400_000).toISOString().slice(0, 10);
        const starts = periodStarts(from, to, interval);
        const sorted = starts.every((s, i) => i === 0 || starts[i - 1] < s);
        return starts.length > 0 && starts[0] <= from && starts[starts.length - 1] <= to && sorted;
      }),
    );
  });
});
