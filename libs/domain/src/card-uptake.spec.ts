import fc from 'fast-check';
import { formatRate, peopleToReach, populationCountProblems, ratePercent } from './card-uptake';

const population = fc.integer({ min: 1, max: 2_000_000_000 });
const cell = population.chain((p) => fc.record({ population: fc.constant(p), count: fc.integer({ min: 0, max: p }) }));
const target = fc.integer({ min: 1, max: 1000 }).map((tenths) => tenths / 10);

describe('ratePercent', () => {
  it('rounds half up to one decimal', () => {
    expect(ratePercent(5385, 10000)).toBe(53.9);
    expect(ratePercent(5384, 10000)).toBe(53.8);
    expect(ratePercent(1, 3)).toBe(33.3);
    expect(ratePercent(2, 3)).toBe(66.7);
    expect(ratePercent(0, 7)).toBe(0);
    expect(ratePercent(7, 7)).toBe(100);
  });

  it('has no rate without a population', () => {
    expect(ratePercent(0, 0)).toBeNull();
  });

  // The law, with exact integers: the rate r (in tenths, k) is the one whose half-open
  // interval [k − ½, k + ½) tenths of a percent holds 100 × count / population.
  it('is the tenth of a percent whose rounding interval holds the exact rate', () => {
    fc.assert(
      fc.property(cell, ({ population: p, count: c }) => {
        const k = BigInt(Math.round(ratePercent(c, p)! * 10));
        const [P, C] = [BigInt(p), BigInt(c)];
        return (2n * k - 1n) * P <= 2000n * C && 2000n * C < (2n * k + 1n) * P;
      }),
    );
  });
});

describe('peopleToReach', () => {
  it('counts the people still missing to reach a target exactly', () => {
    // 京ヶ瀬: 6,500 residents, 3,092 applications; 53.9 % of 6,500 is 3,503.5 → 3,504.
    expect(peopleToReach(3092, 6500, 53.9)).toBe(412);
    expect(peopleToReach(3504, 6500, 53.9)).toBe(0);
    expect(peopleToReach(9000, 6500, 53.9)).toBe(0);
    expect(peopleToReach(0, 0, 53.9)).toBe(0);
  });

  it('is the least number that brings the exact rate to the target', () => {
    fc.assert(
      fc.property(cell, target, ({ population: p, count: c }, percent) => {
        const n = peopleToReach(c, p, percent);
        const tenths = BigInt(Math.round(percent * 10));
        const reaches = (x: number) => BigInt(x) * 1000n >= tenths * BigInt(p);
        return n >= 0 && reaches(c + n) && (n === 0 || !reaches(c + n - 1));
      }),
    );
  });
});

describe('populationCountProblems', () => {
  it('accepts counts within the population', () => {
    expect(populationCountProblems({ population: 100, cardApplications: 100, cardsIssued: 0 })).toEqual({});
  });

  it('refuses negative counts and counts above the population, by field', () => {
    expect(populationCountProblems({ population: -1, cardApplications: 0, cardsIssued: 0 })).toEqual({ population: 'negative' });
    expect(populationCountProblems({ population: 10, cardApplications: 11, cardsIssued: -2 })).toEqual({ cardApplications: 'above_population', cardsIssued: 'negative' });
  });
});

describe('formatRate', () => {
  it('writes one decimal, and a dash without a rate', () => {
    expect(formatRate(80)).toBe('80.0%');
    expect(formatRate(null)).toBe('—');
  });
});
