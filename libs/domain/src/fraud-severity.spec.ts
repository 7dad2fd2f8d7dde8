import fc from 'fast-check';
import { REQUESTED_ITEM, SEVERITY } from './fraud';
import { SEVERITY_RANK, allowedSeverities, defaultFraudSeverity, isSeverityAllowed, maxSeverity } from './fraud-severity';

const items = fc.subarray([...REQUESTED_ITEM.values]);
const facts = fc.record({ damageYen: fc.nat({ max: 10_000_000 }), requestedItems: items });

describe('defaultFraudSeverity', () => {
  it.each([
    [{ damageYen: 0, requestedItems: [] }, 'low'],
    [{ damageYen: 0, requestedItems: ['other'] }, 'low'],
    [{ damageYen: 0, requestedItems: ['my_number'] }, 'medium'],
    [{ damageYen: 0, requestedItems: ['family', 'assets'] }, 'medium'],
    [{ damageYen: 0, requestedItems: ['bank_account'] }, 'medium'],
    [{ damageYen: 1, requestedItems: [] }, 'high'],
    [{ damageYen: 0, requestedItems: ['money_or_fee'] }, 'high'],
    [{ damageYen: 0, requestedItems: ['passbook_or_cash_card'] }, 'high'],
    [{ damageYen: 0, requestedItems: ['my_number', 'pin'] }, 'high'],
  ] as const)('%j → %s', (f, expected) => {
    expect(defaultFraudSeverity(f)).toBe(expected);
  });

  it('never goes down when more is asked for or the damage grows', () => {
    fc.assert(
      fc.property(facts, items, fc.nat({ max: 1_000_000 }), (f, more, extra) => {
        const bigger = { damageYen: f.damageYen + extra, requestedItems: [...new Set([...f.requestedItems, ...more])] };
        expect(SEVERITY_RANK[defaultFraudSeverity(bigger)]).toBeGreaterThanOrEqual(SEVERITY_RANK[defaultFraudSeverity(f)]);
      }),
    );
  });

  it('is high whenever there was damage', () => {
    fc.assert(fc.property(items, fc.integer({ min: 1, max: 1e9 }), (i, d) => expect(defaultFraudSeverity({ damageYen: d, requestedItems: i })).toBe('high')));
  });
});

describe('allowedSeverities', () => {
  it('starts at the default and includes everything above it, never below', () => {
    fc.assert(
      fc.property(facts, (f) => {
        const floor = defaultFraudSeverity(f);
        const allowed = allowedSeverities(f);
        expect(allowed[0]).toBe(floor);
        expect(allowed).toContain('high');
        for (const s of SEVERITY.values) expect(isSeverityAllowed(s, f)).toBe(allowed.includes(s));
        for (const s of SEVERITY.values) expect(isSeverityAllowed(maxSeverity(s, floor), f)).toBe(true);
      }),
    );
  });
});
