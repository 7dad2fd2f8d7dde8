import fc from 'fast-check';
import { autumnalEquinoxDay, cityHallClosure, isYearEndClosure, japaneseHolidays, publicHolidayName, vernalEquinoxDay, weekdayOf } from './holidays';

const dates = (y: number) => japaneseHolidays(y).map((h) => h.date);

describe('japaneseHolidays', () => {
  // The Cabinet Office's published calendar (内閣府「国民の祝日について」).
  it('gives the published holidays of 2022 and 2023 (Round 2 peak)', () => {
    expect(dates(2022)).toEqual([
      '2022-01-01', '2022-01-10', '2022-02-11', '2022-02-23', '2022-03-21', '2022-04-29', '2022-05-03', '2022-05-04', '2022-05-05',
      '2022-07-18', '2022-08-11', '2022-09-19', '2022-09-23', '2022-10-10', '2022-11-03', '2022-11-23',
    ]);
    expect(dates(2023)).toEqual([
      '2023-01-01', '2023-01-02', '2023-01-09', '2023-02-11', '2023-02-23', '2023-03-21', '2023-04-29', '2023-05-03', '2023-05-04', '2023-05-05',
      '2023-07-17', '2023-08-11', '2023-09-18', '2023-09-23', '2023-10-09', '2023-11-03', '2023-11-23',
    ]);
  });

  it('moves a Sunday holiday to the next day that is not a holiday (振替休日)', () => {
    expect(publicHolidayName('2023-01-02')).toBe('振替休日'); // 元日 on a Sunday
    expect(publicHolidayName('2026-05-06')).toBe('振替休日'); // 5/3 Sunday, 5/4 and 5/5 holidays
    expect(publicHolidayName('2019-05-06')).toBe('振替休日');
  });

  it('makes a plain day between two holidays a holiday (国民の休日)', () => {
    expect(publicHolidayName('2026-09-22')).toBe('国民の休日'); // 敬老の日 9/21, 秋分の日 9/23
    expect(publicHolidayName('2019-04-30')).toBe('国民の休日');
    expect(publicHolidayName('2019-05-02')).toBe('国民の休日');
  });

  it('follows the Olympic moves of 2020 and 2021 and the Emperor’s birthday change', () => {
    expect(publicHolidayName('2020-07-24')).toBe('スポーツの日');
    expect(publicHolidayName('2020-10-12')).toBeNull();
    expect(publicHolidayName('2021-08-09')).toBe('振替休日'); // 山の日 8/8 on a Sunday
    expect(publicHolidayName('2018-12-23')).toBe('天皇誕生日');
    expect(publicHolidayName('2019-12-23')).toBeNull();
    expect(publicHolidayName('2020-02-23')).toBe('天皇誕生日');
  });

  it('computes the equinoxes by the formula', () => {
    expect([2020, 2021, 2022, 2023, 2024, 2025].map(vernalEquinoxDay)).toEqual([20, 20, 21, 21, 20, 20]);
    expect([2020, 2021, 2022, 2023, 2024, 2025].map(autumnalEquinoxDay)).toEqual([22, 23, 23, 23, 22, 23]);
  });

  it('puts the Happy-Monday holidays on Mondays, and no holiday is left on a Sunday without a substitute after it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2099 }), (y) => {
        const list = japaneseHolidays(y);
        for (const name of ['成人の日', '敬老の日']) {
          const h = list.find((x) => x.name === name);
          if (!h || weekdayOf(h.date) !== 1) return false;
        }
        const set = new Set(list.map((h) => h.date));
        for (const h of list) {
          if (weekdayOf(h.date) !== 0 || h.date.endsWith('-12-31')) continue;
          // Some later day of the run of holidays after a Sunday holiday is a substitute.
          let d = h.date;
          let found = false;
          for (let i = 0; i < 4; i++) {
            d = new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
            if (!set.has(d)) break;
            if (publicHolidayName(d) === '振替休日') found = true;
          }
          if (!found) return false;
        }
        return list.every((h, i) => i === 0 || list[i - 1].date < h.date);
      }),
    );
  });
});

describe('cityHallClosure', () => {
  it('closes for the year-end 12/29 – 1/3, holidays and the municipality’s own days', () => {
    expect(isYearEndClosure('2022-12-29')).toBe(true);
    expect(isYearEndClosure('2023-01-03')).toBe(true);
    expect(isYearEndClosure('2023-01-04')).toBe(false);
    expect(isYearEndClosure('2022-12-28')).toBe(false);
    expect(cityHallClosure('2022-12-30')).toEqual({ reason: 'year_end', name: '年末年始の閉庁日' });
    expect(cityHallClosure('2022-09-19')).toEqual({ reason: 'holiday', name: '敬老の日' });
    expect(cityHallClosure('2022-09-20', { closedDays: ['2022-09-20'] })?.reason).toBe('municipality');
    expect(cityHallClosure('2022-09-20')).toBeNull();
  });

  it('counts weekends only when asked', () => {
    expect(cityHallClosure('2022-09-24')).toBeNull();
    expect(cityHallClosure('2022-09-24', { weekends: true })?.reason).toBe('weekend');
  });
});
