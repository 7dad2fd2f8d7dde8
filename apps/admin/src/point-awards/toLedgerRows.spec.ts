/// <reference types="jest" />
import fc from 'fast-check';
import { toLedgerRows, type LedgerAward } from './toLedgerRows';

const award = (id: number, transactionDate: string, points: number, externalId = `T${id}`): LedgerAward => ({
  id,
  externalId,
  transactionDate,
  kind: 'charge',
  amountYen: points * 4,
  points,
  importId: null,
  capYen: 5000,
});

describe('toLedgerRows', () => {
  it('orders by transaction date then transaction id, with the running total and the standing to the cap', () => {
    const ledger = toLedgerRows([award(1, '2020-09-20', 4000, 'B'), award(2, '2020-09-05', 1000, 'A')]);
    expect(ledger.rows.map((r) => [r.externalId, r.runningTotal])).toEqual([
      ['A', 1000],
      ['B', 5000],
    ]);
    expect(ledger).toMatchObject({ total: 5000, cap: 5000, percent: 100, capReached: true });
  });

  it('shows an empty ledger against a known cap', () => {
    expect(toLedgerRows([], 5000)).toEqual({ rows: [], total: 0, cap: 5000, percent: 0, capReached: false });
    expect(toLedgerRows([])).toMatchObject({ cap: null, percent: 0 });
  });

  it('ends at the same total whatever order the awards come in', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ day: fc.integer({ min: 1, max: 28 }), points: fc.nat(5000) }), { maxLength: 20 }), (plan) => {
        const awards = plan.map((p, i) => award(i, `2020-09-${String(p.day).padStart(2, '0')}`, p.points));
        const forward = toLedgerRows(awards);
        const backward = toLedgerRows([...awards].reverse());
        return forward.total === backward.total && forward.rows.every((r, i) => r.id === backward.rows[i].id) && forward.percent <= 100;
      }),
    );
  });
});
