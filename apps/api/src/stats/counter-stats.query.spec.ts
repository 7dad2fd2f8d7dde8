import { DomainException } from '../common/errors/domain.exception';
import { parseCounterStatsQuery } from './counter-stats.query';

const NOW = new Date('2020-09-02T01:00:00Z'); // Wednesday 2020-09-02 10:00 JST

describe('parseCounterStatsQuery', () => {
  it('defaults to the 30 days up to today (JST), by day, with this ISO week', () => {
    const p = parseCounterStatsQuery({}, NOW);
    expect(p).toMatchObject({ from: '2020-08-04', to: '2020-09-02', interval: 'day', today: '2020-09-02', weekFrom: '2020-08-31', weekTo: '2020-09-06' });
    expect(p.periods).toHaveLength(30);
  });

  it('takes JST, not UTC, for today', () => {
    expect(parseCounterStatsQuery({}, new Date('2020-09-01T15:30:00Z')).today).toBe('2020-09-02');
  });

  it('reads from, to and interval, and ignores other parameters', () => {
    const p = parseCounterStatsQuery({ from: '2020-07-01', to: '2021-03-31', interval: 'month', _: '123' }, NOW);
    expect(p).toMatchObject({ from: '2020-07-01', to: '2021-03-31', interval: 'month' });
    expect(p.periods).toEqual(['2020-07-01', '2020-08-01', '2020-09-01', '2020-10-01', '2020-11-01', '2020-12-01', '2021-01-01', '2021-02-01', '2021-03-01']);
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

  it('allows a long range by month where by day would be too many points', () => {
    expect(parseCounterStatsQuery({ from: '2000-01-01', to: '2020-01-01', interval: 'month' }, NOW).periods).toHaveLength(241);
  });
});
