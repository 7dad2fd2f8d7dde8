import fc from 'fast-check';
import { digestMyKeyId } from './mykey-hasher';
import { createMyKeyDigester, createMyKeyReader } from './mykey-digester';

describe('createMyKeyDigester', () => {
  it('equals node:crypto HMAC-SHA-256 (digestMyKeyId) for any key and MyKey ID', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 16, maxLength: 100 }), fc.stringMatching(/^[0-9A-Z]{8}$/), (secret, id) => {
        const fast = createMyKeyDigester(secret)(id);
        const slow = digestMyKeyId(secret, id);
        return fast.hash.equals(slow.hash) && fast.last4 === slow.last4 && fast.ref === slow.ref;
      }),
      { numRuns: 500 },
    );
  });

  it('reads raw cells as the hasher does: case, width and spaces do not matter; anything else is null', () => {
    const read = createMyKeyReader('a-secret-of-sixteen-chars');
    expect(read(' ab12cd7q ')!.hash.equals(digestMyKeyId('a-secret-of-sixteen-chars', 'AB12CD7Q').hash)).toBe(true);
    expect(read('ＡＢ１２ＣＤ７Ｑ')!.last4).toBe('CD7Q');
    expect(read('AB-12CD7')).toBeNull();
  });
});
