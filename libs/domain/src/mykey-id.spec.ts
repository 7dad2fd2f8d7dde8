import fc from 'fast-check';
import { maskMyKeyLast4, normalizeMyKeyId } from './mykey-id';

describe('normalizeMyKeyId', () => {
  it('accepts 8 alphanumerics in any case and upper-cases them', () => {
    expect(normalizeMyKeyId('ab12cd7q')).toBe('AB12CD7Q');
    expect(normalizeMyKeyId(' AB12CD7Q ')).toBe('AB12CD7Q');
    expect(normalizeMyKeyId('ＡＢ１２ＣＤ７Ｑ')).toBe('AB12CD7Q');
  });

  it('refuses anything else', () => {
    for (const bad of ['', 'AB12CD7', 'AB12CD7Q9', 'AB12-D7Q', 'あいうえおかきく']) expect(normalizeMyKeyId(bad)).toBeNull();
  });

  it('is idempotent', () => {
    fc.assert(fc.property(fc.stringMatching(/^[0-9A-Za-z]{8}$/), (id) => normalizeMyKeyId(normalizeMyKeyId(id)!) === normalizeMyKeyId(id)));
  });

  it('masks all but the last four characters', () => {
    expect(maskMyKeyLast4('7Q2K')).toBe('****7Q2K');
  });
});
