import { BoundedTexts } from './db.service';

describe('BoundedTexts (which statement texts are kept prepared)', () => {
  it('admits the first texts up to its bound, keeps admitting those, and no new one after', () => {
    const texts = new BoundedTexts(2);
    expect(texts.admit('SELECT 1')).toBe(true);
    expect(texts.admit('SELECT 2')).toBe(true);
    expect(texts.admit('SELECT 3')).toBe(false);
    expect(texts.admit('SELECT 1')).toBe(true);
    expect(texts.admit('SELECT 2')).toBe(true);
    expect(texts.admit('SELECT 3')).toBe(false);
  });
});
