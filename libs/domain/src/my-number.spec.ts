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

describe('containsMyNumber, beyond the plain formats', () => {
  // Formats whose groups are joined without whitespace: one "word" in the text.
  const compact: Array<(n: string) => string> = [
    (n) => n,
    (n) => `${n.slice(0, 4)}-${n.slice(4, 8)}-${n.slice(8)}`,
    (n) => toFullWidth(n),
    (n) => toFullWidth(`${n.slice(0, 4)}－${n.slice(4, 8)}－${n.slice(8)}`),
    (n) => `${n.slice(0, 4)}ー${n.slice(4, 8)}ー${n.slice(8)}`,
  ];
  const phone = fc.constantFrom('090-1234-5678', '0250-62-2510', '03 1234 5678', '0120-95-0178', '12');

  it('finds one written right after (or before) another number, apart by a space', () => {
    fc.assert(
      fc.property(validMyNumber, fc.constantFrom(...compact), phone, fc.constantFrom(' ', '　', '\n', ' / '), (n, format, other, gap) => {
        return containsMyNumber(`TEL ${other}${gap}${format(n)}`) && containsMyNumber(`${format(n)}${gap}${other} まで`);
      }),
    );
  });

  it('sees through invisible characters and line breaks between the groups', () => {
    fc.assert(
      fc.property(validMyNumber, fc.constantFrom('\u200b', '\u2060', '\ufeff', '\n', '\t', '\u00a0', '\u2009'), (n, sep) =>
        containsMyNumber(`番号${n.slice(0, 4)}${sep}${n.slice(4, 8)}${sep}${n.slice(8)}`),
      ),
    );
  });

  it('finds one digit by digit, with a space between every digit', () => {
    fc.assert(fc.property(validMyNumber, (n) => containsMyNumber(n.split('').join(' '))));
  });

  it('still lets wrong check digits pass next to other numbers', () => {
    fc.assert(
      fc.property(invalidMyNumber, fc.constantFrom(...compact), phone, (n, format, other) => !containsMyNumber(`TEL ${other} ${format(n)}`)),
    );
  });

  it('never reads a 16-digit card number in groups of four as a My Number', () => {
    fc.assert(
      fc.property(digits(16), fc.constantFrom(' ', '-', '　', ''), (d, sep) =>
        !containsMyNumber(`カード ${d.slice(0, 4)}${sep}${d.slice(4, 8)}${sep}${d.slice(8, 12)}${sep}${d.slice(12)}`),
      ),
    );
  });

  it('lets a phone number followed by a date pass', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }), phone, (d, other) =>
        !containsMyNumber(`${other} ${d.toISOString().slice(0, 10)} 来庁`),
      ),
    );
  });

  it('lets separators too far apart split the number (4 or more characters)', () => {
    expect(containsMyNumber('1234 -  5678 9018')).toBe(false);
    expect(containsMyNumber('1234 - 5678 - 9018')).toBe(true);
  });
});

describe('findMyNumberFields', () => {
  it('names every nested string field holding one, and nothing else', () => {
    const body = { name: 'ok', notes: 'no 123456789018', nested: { list: ['fine', '1234 5678 9018'] }, n: 123456789018 };
    expect(findMyNumberFields(body)).toEqual(['notes', 'nested.list.1']);
  });

  it('scans object keys too, without putting the number into the path', () => {
    const found = findMyNumberFields({ meta: { '123456789018': 'x', ok: '1234-5678-9018' } });
    expect(found).toEqual(['meta.(key)', 'meta.ok']);
    expect(found.join()).not.toMatch(/9018/);
  });

  it('finds a My Number in any field of any shape (property)', () => {
    const json = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, fc.string(), fc.integer(), fc.boolean(), fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 5 }), tie('value'), { maxKeys: 3 })),
    })).value;
    fc.assert(
      fc.property(json, validMyNumber, fc.constantFrom(...formats), fc.string({ minLength: 1, maxLength: 8 }), (value, n, format, key) => {
        const safeKey = key.replace(/[\d０-９]/g, '') || 'k';
        return findMyNumberFields({ wrap: value, [safeKey + '_']: `メモ ${format(n)}` }).includes(`${safeKey}_`);
      }),
    );
  });
});
