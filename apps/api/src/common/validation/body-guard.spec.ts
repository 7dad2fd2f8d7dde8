import { hasBadCharacters } from './body-guard';

describe('hasBadCharacters', () => {
  it('finds NUL and lone surrogates, not ordinary text or emoji', () => {
    expect(hasBadCharacters('a\u0000b')).toBe(true);
    expect(hasBadCharacters('\ud800')).toBe(true);
    expect(hasBadCharacters('x\udc00')).toBe(true);
    expect(hasBadCharacters('𠮷野家🍣 水原\t\r\n')).toBe(false);
    expect(hasBadCharacters('')).toBe(false);
  });
});
