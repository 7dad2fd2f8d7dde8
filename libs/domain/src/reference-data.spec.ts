import { mayChangeReferenceRow } from './reference-data';

describe('mayChangeReferenceRow', () => {
  it('lets only the operator change a national row', () => {
    expect(mayChangeReferenceRow('operator', { national: true })).toBe(true);
    for (const role of ['admin', 'policy', 'counter', 'manager', 'prefecture'] as const) expect(mayChangeReferenceRow(role, { national: true })).toBe(false);
  });

  it('leaves a municipality’s own rows, and a call without a record, to the permissions table', () => {
    expect(mayChangeReferenceRow('policy', { national: false })).toBe(true);
    expect(mayChangeReferenceRow('policy', {})).toBe(true);
    expect(mayChangeReferenceRow('policy', undefined)).toBe(true);
  });
});
