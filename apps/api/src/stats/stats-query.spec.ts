import { DomainException } from '../common/errors/domain.exception';
import { parseStatsQuery } from './stats-query';

const NOW = new Date('2020-09-02T01:00:00Z'); // 2020-09-02 10:00 JST

const refusal = (q: Record<string, unknown>, opts = { campaign: true }) => {
  try {
    parseStatsQuery(q, NOW, opts);
  } catch (e) {
    return { status: (e as DomainException).status, code: (e as DomainException).code };
  }
  return null;
};

describe('parseStatsQuery', () => {
  it('reads campaignId where the endpoint has one, and ignores it elsewhere', () => {
    expect(parseStatsQuery({ campaignId: '12' }, NOW, { campaign: true }).campaignId).toBe(12);
    expect(parseStatsQuery({}, NOW, { campaign: true }).campaignId).toBeNull();
    expect(parseStatsQuery({ campaignId: '' }, NOW, { campaign: true }).campaignId).toBeNull();
    expect(parseStatsQuery({ campaignId: 'abc' }, NOW).campaignId).toBeNull();
  });

  it.each([['abc'], ['0'], ['-1'], ['1.5'], ['012'], ['2147483648'], [['1', '2']]])('refuses campaignId %j with 400 bad_query', (campaignId) => {
    expect(refusal({ campaignId })).toEqual({ status: 400, code: 'bad_query' });
  });

  it('takes the endpoint’s defaults for interval and from', () => {
    const p = parseStatsQuery({ to: '2021-03-31' }, NOW, { defaultInterval: 'week', defaultFrom: () => '2021-02-28' });
    expect(p).toMatchObject({ from: '2021-02-28', to: '2021-03-31', interval: 'week', today: '2020-09-02' });
    expect(p.periods[0]).toBe('2021-02-22');
    expect(parseStatsQuery({ interval: 'month' }, NOW, { defaultInterval: 'week' }).interval).toBe('month');
  });

  it.each([[{ from: '2020-02-30' }], [{ to: ['2020-01-01'] }], [{ from: '2020-09-02', to: '2020-09-01' }], [{ interval: 'year' }], [{ from: '1990-01-01', to: '2020-01-01' }]])(
    'refuses %j with 400 bad_query',
    (q) => {
      expect(refusal(q)).toEqual({ status: 400, code: 'bad_query' });
    },
  );
});
