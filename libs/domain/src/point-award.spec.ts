import fc from 'fast-check';
import { AwardRule, AwardTransaction, awardBatch, awardBatches, awardPoints, awardRefusal, basePoints } from './point-award';

const ROUND1: AwardRule = { awardRatePercent: 25, capPerPersonYen: 5000 };
const tx = (externalId: string, amountYen: number, transactionDate = '2020-10-01'): AwardTransaction => ({ externalId, transactionDate, amountYen });
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('basePoints', () => {
  it('is 25% rounded down', () => {
    expect(basePoints(20_000, 25)).toBe(5000);
    expect(basePoints(19_999, 25)).toBe(4999);
    expect(basePoints(3, 25)).toBe(0);
    expect(basePoints(0, 25)).toBe(0);
  });
});

describe('awardPoints', () => {
  it('holds the city page examples', () => {
    expect(awardPoints(20_000, ROUND1, 0)).toBe(5000); // a 20,000-yen charge
    expect(awardPoints(30_000, ROUND1, 0)).toBe(5000); // a 30,000-yen purchase
    expect(awardPoints(19_999, ROUND1, 0)).toBe(4999);
    expect(awardPoints(4000, ROUND1, 0)).toBe(1000); // 4,000 then 16,000
    expect(awardPoints(16_000, ROUND1, 1000)).toBe(4000);
  });

  it('never goes negative, even past the cap', () => {
    expect(awardPoints(10_000, ROUND1, 5000)).toBe(0);
    expect(awardPoints(10_000, ROUND1, 6000)).toBe(0);
  });
});

describe('awardBatch', () => {
  it('applies 4,000 then 16,000 as 1,000 + 4,000 whatever the file order', () => {
    expect(awardBatch([tx('a', 4000, '2020-09-05'), tx('b', 16_000, '2020-09-20')], ROUND1)).toEqual([1000, 4000]);
    expect(awardBatch([tx('b', 16_000, '2020-09-20'), tx('a', 4000, '2020-09-05')], ROUND1)).toEqual([4000, 1000]);
  });

  it('breaks date ties by the operator transaction id', () => {
    expect(awardBatch([tx('T2', 16_000), tx('T1', 16_000)], ROUND1)).toEqual([1000, 4000]);
  });

  const rules = fc.record({ awardRatePercent: fc.integer({ min: 1, max: 100 }), capPerPersonYen: fc.integer({ min: 1, max: 20_000 }) });
  const transactions = fc.uniqueArray(
    fc.record({
      externalId: fc.string({ minLength: 1, maxLength: 6 }),
      transactionDate: fc.integer({ min: 0, max: 200 }).map((d) => new Date(Date.UTC(2020, 8, 1) + d * 86_400_000).toISOString().slice(0, 10)),
      amountYen: fc.integer({ min: 1, max: 60_000 }),
    }),
    { selector: (t) => t.externalId, maxLength: 30 },
  );

  it('gives a participant min(Σ floor(amount × rate), cap) in total', () => {
    fc.assert(
      fc.property(rules, transactions, (rule, txs) => {
        const expected = Math.min(sum(txs.map((t) => basePoints(t.amountYen, rule.awardRatePercent))), rule.capPerPersonYen);
        return sum(awardBatch(txs, rule)) === expected;
      }),
    );
  });

  it('gives the same award per transaction whatever order the batch comes in', () => {
    fc.assert(
      fc.property(rules, transactions, fc.infiniteStream(fc.nat()), (rule, txs, seeds) => {
        const shuffled = txs.map((t, i) => ({ t, i, k: seeds.next().value })).sort((a, b) => a.k - b.k);
        const direct = awardBatch(txs, rule);
        const fromShuffled = awardBatch(shuffled.map((s) => s.t), rule);
        return shuffled.every((s, j) => fromShuffled[j] === direct[s.i]);
      }),
    );
  });

  it('reaches the same total whatever batches the transactions arrive in, and in whatever order the batches come', () => {
    fc.assert(
      fc.property(rules, transactions, fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 30, maxLength: 30 }), fc.infiniteStream(fc.nat()), (rule, txs, batchOf, seeds) => {
        const batches: AwardTransaction[][] = [[], [], [], [], []];
        txs.forEach((t, i) => batches[batchOf[i]].push(t));
        const arrival = batches.map((b) => ({ b, k: seeds.next().value })).sort((x, y) => x.k - y.k);
        const points = awardBatches(arrival.map(({ b }) => b), rule);
        let total = 0;
        for (const batchPoints of points) {
          if (batchPoints.some((p) => p < 0)) return false;
          total += sum(batchPoints);
          if (total > rule.capPerPersonYen) return false;
        }
        return total === Math.min(sum(txs.map((t) => basePoints(t.amountYen, rule.awardRatePercent))), rule.capPerPersonYen);
      }),
    );
  });
});

describe('awardBatches', () => {
  it('never takes back points: a later batch with an earlier date gets min(its floor, what is left)', () => {
    // 16,000 on 09-20 first (4,000), then 4,000 on 09-05 in a later file: 1,000 left, 1,000 given.
    expect(awardBatches([[tx('b', 16_000, '2020-09-20')], [tx('a', 4000, '2020-09-05')]], ROUND1)).toEqual([[4000], [1000]]);
    expect(awardBatches([[tx('b', 20_000, '2020-09-20')], [tx('a', 4000, '2020-09-05')]], ROUND1)).toEqual([[5000], [0]]);
    expect(awardBatches([[tx('a', 8000)], [tx('c', 8000), tx('b', 8000)]], ROUND1, 1000)).toEqual([[2000], [0, 2000]]);
  });
});

describe('awardRefusal', () => {
  const base = { transactionDate: '2020-10-01', earningStartsOn: '2020-09-01', earningEndsOn: '2021-03-31', appliedPaymentServiceId: 7, paymentServiceId: 7 };

  it('accepts a transaction of the applied service within the earning period, both ends included', () => {
    expect(awardRefusal(base)).toBeNull();
    expect(awardRefusal({ ...base, transactionDate: '2020-09-01' })).toBeNull();
    expect(awardRefusal({ ...base, transactionDate: '2021-03-31' })).toBeNull();
  });

  it('refuses dates outside the earning period', () => {
    expect(awardRefusal({ ...base, transactionDate: '2020-08-31' })).toBe('outside_earning_period');
    expect(awardRefusal({ ...base, transactionDate: '2021-04-01' })).toBe('outside_earning_period');
  });

  it('refuses a service the participant did not apply to', () => {
    expect(awardRefusal({ ...base, paymentServiceId: 8 })).toBe('not_applied_to_service');
    expect(awardRefusal({ ...base, appliedPaymentServiceId: null })).toBe('not_applied_to_service');
  });
});
