import fc from 'fast-check';
import { CHANNEL, TRANSACTION_KIND } from '@mynapoint/domain';
import { generalInstant, readBool, readDate, readEnum, readId, readInstant, readYen, readCount, readPercent } from './cells';

describe('readDate', () => {
  it.each([
    ['2020-09-05', '2020-09-05'],
    ['2020/9/5', '2020-09-05'],
    ['20200905', '2020-09-05'],
    ['２０２０－０９－０５', '2020-09-05'],
    ['2020年9月5日', '2020-09-05'],
    ['令和2年9月5日', '2020-09-05'],
    ['令和元年5月1日', '2019-05-01'],
    [' 2020.09.05 ', '2020-09-05'],
  ])('reads %s', (raw, iso) => expect(readDate(raw)).toBe(iso));

  it('refuses impossible or malformed dates, and tells empty apart', () => {
    for (const bad of ['2021-02-29', '2020-13-01', '05/09/2020', 'yesterday', '2020-9']) expect(readDate(bad)).toBeNull();
    expect(readDate('')).toBeUndefined();
    expect(readDate('  ')).toBeUndefined();
  });
});

describe('readInstant', () => {
  it('reads Japan time when no offset is written', () => {
    expect(readInstant('2020-09-01 10:00')).toBe('2020-09-01T10:00:00+09:00');
    expect(readInstant('2020/9/1 9:05:30')).toBe('2020-09-01T09:05:30+09:00');
    expect(readInstant('2020-09-01')).toBe('2020-09-01T00:00:00+09:00');
    expect(new Date(readInstant('2020-09-01 10:00')!).toISOString()).toBe('2020-09-01T01:00:00.000Z');
  });

  it('keeps an explicit offset', () => {
    expect(readInstant('2020-09-01T01:00:00Z')).toBe('2020-09-01T01:00:00Z');
    expect(readInstant('2020-09-01T10:00:00+0900')).toBe('2020-09-01T10:00:00+09:00');
  });

  it('reads the common forms fast, exactly as the general reader does', () => {
    const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));
    const instant = fc
      .tuple(fc.integer({ min: 1999, max: 2031 }), two(13), two(32), fc.constantFrom('T', ' '), two(25), two(61), fc.option(two(61)), fc.constantFrom('', 'Z', '+09:00', '+0900', '-05:30'))
      .map(([y, mo, d, sep, h, mi, s, off]) => `${y}-${mo}-${d}${sep}${h}:${mi}${s === null ? '' : `:${s}`}${off}`);
    fc.assert(fc.property(instant, (text) => readInstant(text) === generalInstant(text)), { numRuns: 2000 });
  });

  it('refuses impossible times', () => {
    for (const bad of ['2020-09-01 24:00', '2020-02-30 10:00', '10:00', '2020-09-01 10:61']) expect(readInstant(bad)).toBeNull();
  });
});

describe('readEnum', () => {
  it('takes codes and labels in either language', () => {
    expect(readEnum('counter', CHANNEL)).toBe('counter');
    expect(readEnum('窓口支援', CHANNEL)).toBe('counter');
    expect(readEnum('Smartphone', CHANNEL)).toBe('self_smartphone');
    expect(readEnum('チャージ', TRANSACTION_KIND)).toBe('charge');
    expect(readEnum('PURCHASE', TRANSACTION_KIND)).toBe('purchase');
    expect(readEnum('cash', TRANSACTION_KIND)).toBeNull();
    expect(readEnum('', TRANSACTION_KIND)).toBeUndefined();
  });
});

describe('readBool', () => {
  it('reads the ways offices write yes and no', () => {
    expect([readBool('true'), readBool('はい'), readBool('済'), readBool('1')]).toEqual([true, true, true, true]);
    expect([readBool('FALSE'), readBool('未'), readBool('0')]).toEqual([false, false, false]);
    expect(readBool('maybe')).toBeNull();
    expect(readBool('')).toBeUndefined();
  });
});

describe('readYen', () => {
  it('reads whole yen with separators and units', () => {
    expect(readYen('20000')).toBe(20000);
    expect(readYen('20,000')).toBe(20000);
    expect(readYen('¥20,000')).toBe(20000);
    expect(readYen('２０，０００円')).toBe(20000);
  });

  it('tells malformed from not positive', () => {
    expect(readYen('-500')).toBe('not_positive');
    expect(readYen('0')).toBe('not_positive');
    expect(readYen('12.5')).toBe('invalid');
    expect(readYen('')).toBe('invalid');
    expect(readYen('99999999999')).toBe('invalid');
  });
});

describe('readId', () => {
  it('reads positive ids only', () => {
    expect(readId('12')).toBe(12);
    expect(readId('0')).toBeNull();
    expect(readId('x')).toBeNull();
    expect(readId('')).toBeUndefined();
  });
});

describe('readCount', () => {
  it('reads counts of people with separators and units, zero included', () => {
    expect(readCount('21000')).toBe(21000);
    expect(readCount('２１，０００人')).toBe(21000);
    expect(readCount('0')).toBe(0);
  });

  it('tells malformed from negative', () => {
    expect(readCount('-3')).toBe('negative');
    expect(readCount('1.5')).toBe('invalid');
    expect(readCount('')).toBe('invalid');
    expect(readCount('99999999999')).toBe('invalid');
  });
});

describe('readPercent', () => {
  it('reads rates from 0 to 100 with up to two decimals, with or without the sign', () => {
    expect(readPercent('76.9')).toBe(76.9);
    expect(readPercent('７６．９％')).toBe(76.9);
    expect(readPercent('100')).toBe(100);
    expect(readPercent('0.05')).toBe(0.05);
  });

  it('refuses what is not such a rate', () => {
    expect(readPercent('100.5')).toBeNull();
    expect(readPercent('-1')).toBeNull();
    expect(readPercent('76.123')).toBeNull();
    expect(readPercent('')).toBeNull();
  });
});
