import { currentTenant, withTenant } from '../common/db/tenant';
import { DomainException } from '../common/errors/domain.exception';
import { closeStatsQuery, inStatsScope, parseCounterStatsQuery, parseOpenStatsQuery, parseStatsQuery } from './stats-query';

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

describe('parseOpenStatsQuery', () => {
  it('leaves a missing from to the service, which closes the query with its default', () => {
    const open = parseOpenStatsQuery({ to: '2021-03-31' }, NOW, { defaultInterval: 'week' });
    expect(open).toEqual({ from: null, to: '2021-03-31', interval: 'week', today: '2020-09-02', campaignId: null, municipalityCode: null });
    expect(closeStatsQuery(open, '2021-03-01')).toMatchObject({ from: '2021-03-01', periods: ['2021-03-01', '2021-03-08', '2021-03-15', '2021-03-22', '2021-03-29'] });
    expect(closeStatsQuery(parseOpenStatsQuery({ from: '2021-03-30', to: '2021-03-31' }, NOW), '2000-01-01').from).toBe('2021-03-30');
  });

  it('refuses bad values at once, and too many buckets when the query is closed', () => {
    for (const q of [{ from: '2021-02-30' }, { from: '2021-04-01', to: '2021-03-31' }, { interval: 'year' }]) {
      expect(() => parseOpenStatsQuery(q, NOW)).toThrow(DomainException);
    }
    const open = parseOpenStatsQuery({ to: '2021-03-31' }, NOW);
    expect(() => closeStatsQuery(open, '1990-01-01')).toThrow(DomainException);
  });
});

describe('municipalityCode', () => {
  const prefecture = { municipalityCode: '000000', statsMunicipalities: ['152064', '152234'] };
  const city = { municipalityCode: '152234' };
  const code = (municipalityCode: unknown, tenant: { municipalityCode: string; statsMunicipalities?: string[] }) =>
    parseStatsQuery({ municipalityCode }, NOW, { tenant }).municipalityCode;
  const refused = (municipalityCode: unknown, tenant: { municipalityCode: string; statsMunicipalities?: string[] }) => {
    try {
      code(municipalityCode, tenant);
    } catch (e) {
      return { status: (e as DomainException).status, code: (e as DomainException).code, message: (e as DomainException).message };
    }
    return null;
  };

  it('lets a prefecture user pick one of its municipalities, and means all of them without one', () => {
    expect(code('152064', prefecture)).toBe('152064');
    expect(code(undefined, prefecture)).toBeNull();
    expect(code('', prefecture)).toBeNull();
  });

  it('refuses a prefecture user a municipality outside its scope with 400', () => {
    expect(refused('131016', prefecture)).toMatchObject({ status: 400, code: 'bad_query', message: expect.stringContaining('集計できる市区町村ではありません') });
    expect(refused('152234', { municipalityCode: '000000', statsMunicipalities: [] })).toMatchObject({ status: 400 });
  });

  it('ignores a municipality’s own code for its staff and refuses any other with 400', () => {
    expect(code('152234', city)).toBeNull();
    expect(refused('152064', city)).toMatchObject({ status: 400, code: 'bad_query', message: expect.stringContaining('152234') });
  });

  it.each([['15206'], ['1520640'], ['abcdef'], [['152064']], ['１５２０６４']])('refuses the malformed code %j with 400', (value) => {
    expect(refused(value, prefecture)).toMatchObject({ status: 400, code: 'bad_query' });
  });

  it('reads the request’s tenant when none is given, and every stats parser takes it', async () => {
    await withTenant(prefecture, async () => {
      expect(parseCounterStatsQuery({ municipalityCode: '152234' }, NOW).municipalityCode).toBe('152234');
      expect(parseOpenStatsQuery({ municipalityCode: '152064' }, NOW).municipalityCode).toBe('152064');
      expect(() => parseOpenStatsQuery({ municipalityCode: '999999' }, NOW)).toThrow(DomainException);
    });
  });

  it('narrows the stats scope to the chosen municipality for the statements run inside', async () => {
    const seen = await withTenant(prefecture, () => inStatsScope({ municipalityCode: '152064' }, async () => currentTenant()));
    expect(seen).toEqual({ municipalityCode: '000000', statsMunicipalities: ['152064'] });
    const unchanged = await withTenant(prefecture, () => inStatsScope({ municipalityCode: null }, async () => currentTenant()));
    expect(unchanged).toEqual(prefecture);
  });
});
