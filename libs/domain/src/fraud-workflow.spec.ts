import fc from 'fast-check';
import { FRAUD_STATUS, FraudStatus } from './fraud';
import { FRAUD_INITIAL_STATUS, FRAUD_TRANSITIONS, canTransitionFraud, fraudTransitionRefusal, isFraudReopen, nextFraudStatuses } from './fraud-workflow';

const status = fc.constantFrom(...FRAUD_STATUS.values);

// A walk through the workflow: at each step pick one of the allowed next statuses.
const walk = fc.array(fc.nat(), { maxLength: 40 }).map((picks) => {
  const path: FraudStatus[] = [FRAUD_INITIAL_STATUS];
  for (const pick of picks) {
    const next = nextFraudStatuses(path[path.length - 1]);
    path.push(next[pick % next.length]);
  }
  return path;
});

describe('canTransitionFraud', () => {
  it('allows exactly the steps of the issue', () => {
    const allowed = FRAUD_STATUS.values.flatMap((from) => FRAUD_STATUS.values.filter((to) => canTransitionFraud(from, to)).map((to) => `${from}→${to}`));
    expect(allowed.sort()).toEqual(
      ['new→investigating', 'investigating→referred_police', 'investigating→closed', 'referred_police→investigating', 'closed→investigating'].sort(),
    );
  });

  it('every reachable sequence of statuses is made of allowed steps, and never stalls', () => {
    fc.assert(
      fc.property(walk, (path) => {
        for (let i = 1; i < path.length; i++) expect(canTransitionFraud(path[i - 1], path[i])).toBe(true);
        expect(nextFraudStatuses(path[path.length - 1]).length).toBeGreaterThan(0);
      }),
    );
  });

  it('reaches every status from new, and never goes back to new', () => {
    const seen = new Set<FraudStatus>([FRAUD_INITIAL_STATUS]);
    const queue: FraudStatus[] = [FRAUD_INITIAL_STATUS];
    while (queue.length) for (const n of nextFraudStatuses(queue.shift()!)) if (!seen.has(n)) (seen.add(n), queue.push(n));
    expect([...seen].sort()).toEqual([...FRAUD_STATUS.values].sort());
    fc.assert(fc.property(status, (from) => expect(canTransitionFraud(from, 'new')).toBe(false)));
  });

  it('never allows staying in place (a no-op is not a change)', () => {
    fc.assert(fc.property(status, (s) => expect(canTransitionFraud(s, s)).toBe(false)));
  });

  it('only lists known statuses as next steps', () => {
    for (const next of Object.values(FRAUD_TRANSITIONS)) for (const s of next) expect(FRAUD_STATUS.has(s)).toBe(true);
  });
});

describe('isFraudReopen', () => {
  it('is a step back to investigating from a finished case', () => {
    expect(isFraudReopen('closed', 'investigating')).toBe(true);
    expect(isFraudReopen('referred_police', 'investigating')).toBe(true);
    expect(isFraudReopen('new', 'investigating')).toBe(false);
  });
});

describe('fraudTransitionRefusal', () => {
  it('names both statuses and every allowed next step', () => {
    fc.assert(
      fc.property(status, status, (from, to) => {
        fc.pre(!canTransitionFraud(from, to));
        const msg = fraudTransitionRefusal(from, to);
        expect(msg).toContain(FRAUD_STATUS.label(from));
        for (const n of nextFraudStatuses(from)) expect(msg).toContain(`「${FRAUD_STATUS.label(n)}」`);
      }),
    );
    expect(fraudTransitionRefusal('new', 'closed', 'en')).toBe('The status cannot change from "New" to "Closed". Allowed next: Investigating.');
  });
});
