import fc from 'fast-check';
import { num } from './pdf-kit';
import { niceTicks } from './nice-ticks';

describe('niceTicks', () => {
  it('counts up to 3 get one line per whole number (not 0, 1, 1, 2, 2, 3)', () => {
    expect(niceTicks(3, { integer: true }).ticks).toEqual([0, 1, 2, 3]);
    expect(niceTicks(1, { integer: true }).ticks).toEqual([0, 1]);
  });

  it('steps 1, 2 or 5 × 10^n up to the first tick at or above the maximum', () => {
    expect(niceTicks(7, { integer: true }).ticks).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(10, { integer: true }).ticks).toEqual([0, 2, 4, 6, 8, 10]);
    expect(niceTicks(23, { integer: true }).ticks).toEqual([0, 5, 10, 15, 20, 25]);
    expect(niceTicks(1234, { integer: true }).ticks).toEqual([0, 500, 1000, 1500]);
    expect(niceTicks(0.7).ticks).toEqual([0, 0.2, 0.4, 0.6, 0.8]);
  });

  it('draws an empty chart with one step', () => {
    expect(niceTicks(0, { integer: true }).ticks).toEqual([0, 1]);
    expect(niceTicks(Number.NaN).ticks).toEqual([0, 1]);
  });

  it('labels strictly increase, are whole numbers for counts, and the top covers the maximum', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (max) => {
        const { ticks, top } = niceTicks(max, { integer: true });
        const labels = ticks.map(num);
        expect(new Set(labels).size).toBe(labels.length);
        ticks.slice(1).forEach((t, i) => expect(t).toBeGreaterThan(ticks[i]));
        ticks.forEach((t) => expect(Number.isInteger(t)).toBe(true));
        expect(top).toBeGreaterThanOrEqual(max);
        expect(ticks.length).toBeLessThanOrEqual(6);
        const step = ticks[1];
        expect([1, 2, 5]).toContain(step / 10 ** Math.floor(Math.log10(step)));
      }),
    );
  });

  it('also for fractional data (labels to 3 decimals): increasing, distinct labels, top ≥ max', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 1e6, noNaN: true }), (max) => {
        const { ticks, top } = niceTicks(max);
        ticks.slice(1).forEach((t, i) => expect(t).toBeGreaterThan(ticks[i]));
        expect(top).toBeGreaterThanOrEqual(max);
        expect(new Set(ticks.map(num)).size).toBe(ticks.length);
      }),
    );
  });
});
