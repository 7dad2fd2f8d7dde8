import fc from 'fast-check';
import { canTakeUnit, quotaFillLevel, quotaFillPercent, quotaRemaining, quotaStatus, QuotaState } from './quota';

const OPENS = new Date('2020-07-01T00:00:00+09:00');
const CLOSES = new Date('2021-04-01T00:00:00+09:00');
const makeQuota = (over: Partial<QuotaState> = {}): QuotaState => ({ capacity: 10, used: 0, opensAt: OPENS, closesAt: CLOSES, ...over });

const quotaArb = fc
  .record({ capacity: fc.integer({ min: 1, max: 100_000 }), fill: fc.double({ min: 0, max: 1, noNaN: true }), warnAtPercent: fc.integer({ min: 1, max: 100 }) })
  .map(({ capacity, fill, warnAtPercent }) => ({ capacity, used: Math.floor(capacity * fill), warnAtPercent }));
const instantArb = fc.date({ min: new Date('2020-01-01'), max: new Date('2022-01-01'), noInvalidDate: true });

describe('quotaStatus', () => {
  it('is open inside the window with units left, full without, closed outside the window', () => {
    expect(quotaStatus(makeQuota(), '2020-09-01T10:00:00+09:00')).toBe('open');
    expect(quotaStatus(makeQuota({ used: 10 }), '2020-09-01T10:00:00+09:00')).toBe('full');
    expect(quotaStatus(makeQuota({ used: 10 }), '2021-04-01T00:00:00+09:00')).toBe('closed');
    expect(quotaStatus(makeQuota(), '2020-06-30T23:59:59+09:00')).toBe('closed');
  });

  it('treats the window as [opensAt, closesAt)', () => {
    expect(quotaStatus(makeQuota(), OPENS)).toBe('open');
    expect(quotaStatus(makeQuota(), new Date(CLOSES.getTime() - 1))).toBe('open');
    expect(quotaStatus(makeQuota(), CLOSES)).toBe('closed');
  });

  it('is closed whenever the instant lies outside the window, whatever the fill', () => {
    fc.assert(
      fc.property(quotaArb, instantArb, (q, at) => {
        const outside = at < OPENS || at >= CLOSES;
        const status = quotaStatus({ ...q, opensAt: OPENS, closesAt: CLOSES }, at);
        return outside ? status === 'closed' : status === (q.used >= q.capacity ? 'full' : 'open');
      }),
    );
  });
});

describe('canTakeUnit (the atomic take)', () => {
  // A model of `UPDATE … SET used = used + 1 WHERE used < capacity AND window` run for
  // any interleaving of takes and give-backs: never oversold, never below zero, and
  // every unit is accounted for.
  it('never oversells and never leaks units, for any sequence of takes and give-backs', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.array(fc.boolean(), { maxLength: 400 }), (capacity, ops) => {
        let q = makeQuota({ capacity });
        let held = 0;
        const at = '2020-10-01T12:00:00+09:00';
        for (const take of ops) {
          if (take) {
            if (canTakeUnit(q, at)) {
              q = { ...q, used: q.used + 1 };
              held++;
            }
          } else if (held > 0) {
            q = { ...q, used: q.used - 1 };
            held--;
          }
          if (q.used > q.capacity || q.used < 0 || q.used !== held) return false;
        }
        return quotaRemaining(q) === capacity - held;
      }),
    );
  });

  it('lets exactly `capacity` of n > capacity simultaneous takes succeed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 0, max: 500 }), (capacity, extra) => {
        let q = makeQuota({ capacity });
        let ok = 0;
        for (let i = 0; i < capacity + extra; i++) {
          if (canTakeUnit(q, '2020-10-01T00:00:00+09:00')) {
            q = { ...q, used: q.used + 1 };
            ok++;
          }
        }
        return ok === capacity && quotaStatus(q, '2020-10-01T00:00:00+09:00') === 'full';
      }),
    );
  });
});

describe('quotaFillLevel', () => {
  it('turns amber at the warn threshold and red when full', () => {
    expect(quotaFillLevel({ capacity: 10, used: 8, warnAtPercent: 90 })).toBe('normal');
    expect(quotaFillLevel({ capacity: 10, used: 9, warnAtPercent: 90 })).toBe('warn');
    expect(quotaFillLevel({ capacity: 10, used: 10, warnAtPercent: 90 })).toBe('full');
    expect(quotaFillLevel({ capacity: 10, used: 10, warnAtPercent: 100 })).toBe('full');
    expect(quotaFillLevel({ capacity: 3, used: 0, warnAtPercent: 1 })).toBe('normal');
  });

  it('never goes down as units are taken (normal → warn → full)', () => {
    const rank = { normal: 0, warn: 1, full: 2 } as const;
    fc.assert(
      fc.property(quotaArb, (q) => {
        for (let used = 0; used < q.capacity && used < 300; used++) {
          if (rank[quotaFillLevel({ ...q, used })] > rank[quotaFillLevel({ ...q, used: used + 1 })]) return false;
        }
        return true;
      }),
    );
  });

  it('is full exactly when nothing remains', () => {
    fc.assert(fc.property(quotaArb, (q) => (quotaFillLevel(q) === 'full') === (quotaRemaining(q) === 0)));
  });
});

describe('quotaFillPercent', () => {
  it('rounds down and stays within 0–100', () => {
    expect(quotaFillPercent({ capacity: 1000, used: 999 })).toBe(99);
    expect(quotaFillPercent({ capacity: 8000, used: 8000 })).toBe(100);
    fc.assert(fc.property(quotaArb, (q) => quotaFillPercent(q) >= 0 && quotaFillPercent(q) <= 100 && (quotaFillPercent(q) === 100) === (q.used >= q.capacity)));
  });
});
