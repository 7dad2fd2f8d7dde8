import fc from 'fast-check';
import { addDays, formatJapaneseDate, formatJapaneseEraDate, formatJapaneseEraMonth, isIsoDate, jstDayRange, sameJstDay, toJstDate, toJstIso } from './dates';

describe('Japanese era dates', () => {
  it('writes Reiwa dates the way offices do', () => {
    expect(formatJapaneseEraDate('2020-09-01')).toBe('令和2年9月1日');
    expect(formatJapaneseEraDate('2021-03-31')).toBe('令和3年3月31日');
    expect(formatJapaneseEraMonth('2020-09-01')).toBe('令和2年9月');
  });

  it('writes the first year of an era as 元年', () => {
    expect(formatJapaneseEraDate('2019-05-01')).toBe('令和元年5月1日');
    expect(formatJapaneseEraDate('2019-04-30')).toBe('平成31年4月30日');
  });

  it('formats Gregorian dates in Japanese', () => {
    expect(formatJapaneseDate('2020-07-01')).toBe('2020年7月1日');
  });
});

describe('JST calendar', () => {
  it('puts 15:00 UTC on the next JST day', () => {
    expect(toJstDate(new Date('2020-08-31T15:00:00Z'))).toBe('2020-09-01');
    expect(toJstDate(new Date('2020-08-31T14:59:59Z'))).toBe('2020-08-31');
  });

  it('gives a 24-hour day starting at JST midnight', () => {
    const { start, end } = jstDayRange('2020-09-01');
    expect(start.toISOString()).toBe('2020-08-31T15:00:00.000Z');
    expect(end.getTime() - start.getTime()).toBe(86_400_000);
  });

  it('agrees with itself: every instant of a JST day is on that day', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2040-01-01'), noInvalidDate: true }), (d) => {
        const { start, end } = jstDayRange(toJstDate(d));
        return start <= d && d < end && sameJstDay(start, d);
      }),
    );
  });

  it('writes instants with the +09:00 offset', () => {
    expect(toJstIso(new Date('2020-09-01T01:00:00Z'))).toBe('2020-09-01T10:00:00+09:00');
  });

  it('validates calendar dates', () => {
    expect(isIsoDate('2020-02-29')).toBe(true);
    expect(isIsoDate('2021-02-29')).toBe(false);
    expect(isIsoDate('2020-13-01')).toBe(false);
    expect(isIsoDate('2020-9-1')).toBe(false);
    expect(addDays('2020-12-31', 1)).toBe('2021-01-01');
  });
});
