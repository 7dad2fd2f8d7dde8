import fc from 'fast-check';
import { ageWithin, carriedCap } from './measures';

describe('carriedCap', () => {
  it('gives a newcomer the whole cap, a Round 1 applicant what is left, and nothing at the cap', () => {
    expect(carriedCap(5000, null)).toBe(5000);
    expect(carriedCap(5000, 0)).toBe(5000);
    expect(carriedCap(5000, 1200)).toBe(3800);
    expect(carriedCap(5000, 5000)).toBeNull();
  });

  it('never lets earlier and later points together pass the cap', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 0, max: 100_000 }), (cap, earlier) => {
        const left = carriedCap(cap, earlier);
        if (left === null) expect(earlier).toBeGreaterThanOrEqual(cap);
        else expect(earlier + left).toBe(cap);
      }),
    );
  });
});

describe('ageWithin', () => {
  it('keeps open bounds open', () => {
    expect(ageWithin(17, null, 17)).toBe(true);
    expect(ageWithin(18, null, 17)).toBe(false);
    expect(ageWithin(65, 65, null)).toBe(true);
    expect(ageWithin(64, 65, null)).toBe(false);
  });
});
