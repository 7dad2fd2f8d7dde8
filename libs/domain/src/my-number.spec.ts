import fc from 'fast-check';
import { containsMyNumber, findMyNumberFields, isValidMyNumber, myNumberCheckDigit } from './my-number';

const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
const validMyNumber = digits(11).map((d) => d + String(myNumberCheckDigit(d)));
const invalidMyNumber = fc
  .tuple(digits(11), fc.integer({ min: 1, max: 9 }))
  .map(([d, shift]) => d + String((myNumberCheckDigit(d) + shift) % 10));

const toFullWidth = (s: string) => s.replace(/\d/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const formats: Array<(n: string) => string> = [
  (n) => n,
  (n) => `${n.slice(0, 4)} ${n.slice(4, 8)} ${n.slice(8)}`,
  (n) => `${n.slice(0, 4)}-${n.slice(4, 8)}-${n.slice(8)}`,
  (n) => toFullWidth(n),
  (n) => toFullWidth(`${n.slice(0, 4)}－${n.slice(4, 8)}－${n.slice(8)}`),
  (n) => `${n.slice(0, 4)}　${n.slice(4, 8)}　${n.slice(8)}`,
  (n) => `${n.slice(0, 4)} - ${n.slice(4, 8)} - ${n.slice(8)}`,
];

describe('myNumberCheckDigit', () => {
  it('matches the statutory formula on worked examples', () => {
    // 11 − (Σ Pn×Qn mod 11), 0 when the remainder is 0 or 1.
    expect(myNumberCheckDigit('12345678901')).toBe(8);
    expect(isValidMyNumber('123456789018')).toBe(true);
    expect(isValidMyNumber('123456789010')).toBe(false);
    expect(isValidMyNumber('000000000000')).toBe(true);
  });

  it('is always a single digit', () => {
    fc.assert(fc.property(digits(11), (d) => myNumberCheckDigit(d) >= 0 && myNumberCheckDigit(d) <= 9));
  });
});

describe('containsMyNumber', () => {
  it('finds a valid My Number in every accepted format, inside any text', () => {
    fc.assert(
      fc.property(validMyNumber, fc.constantFrom(...formats), fc.string(), fc.string(), (n, format, before, after) => {
        const text = `${before.replace(/[\d０-９]/g, '')} ${format(n)} ${after.replace(/[\d０-９]/g, '')}`;
        return containsMyNumber(text);
      }),
    );
  });

  it('lets 12-digit numbers with a wrong check digit pass', () => {
    fc.assert(fc.property(invalidMyNumber, fc.constantFrom(...formats), (n, format) => !containsMyNumber(`番号 ${format(n)} です`)));
  });

  it('does not read a longer digit run as a My Number', () => {
    fc.assert(fc.property(validMyNumber, fc.integer({ min: 0, max: 9 }), (n, extra) => !containsMyNumber(`${n}${extra}`) && !containsMyNumber(`${extra}${n}`)));
    // a 16-digit card number written in groups of four
    expect(containsMyNumber('1234 5678 9018 1111')).toBe(false);
  });

  it('lets phone numbers and short numbers pass', () => {
    for (const text of ['090-1234-5678', '0250-62-2510', '0120-95-0178', '#9110', '188', '電話 03-1234-5678 まで', '予約番号 12345678']) {
      expect(containsMyNumber(text)).toBe(false);
    }
  });

  it('finds the examples staff might actually type', () => {
    expect(containsMyNumber('個人番号は123456789018です')).toBe(true);
    expect(containsMyNumber('１２３４ ５６７８ ９０１８')).toBe(true);
    expect(containsMyNumber('1234-5678-9018')).toBe(true);
  });
});

describe('findMyNumberFields', () => {
  it('names every nested string field holding one, and nothing else', () => {
    const body = { name: 'ok', notes: 'no 123456789018', nested: { list: ['fine', '1234 5678 9018'] }, n: 123456789018 };
    expect(findMyNumberFields(body)).toEqual(['notes', 'nested.list.1']);
  });
});
