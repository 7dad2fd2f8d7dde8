/// <reference types="jest" />
import { toPointAwardBody } from './pointAwardBody';

describe('toPointAwardBody', () => {
  const typed = { myKeyId: 'AB12CD7Q', measureId: 3, paymentServiceId: 2, externalId: 'T-1', transactionDate: '2022-07-01', kind: 'charge', amountYen: 4000, occurredOn: '2022-07-05' };

  it('sends a registration award of a fixed measure without an amount, a service or a transaction', () => {
    expect(toPointAwardBody(typed, 'fixed_amount')).toEqual({ myKeyId: 'AB12CD7Q', measureId: 3, kind: 'registration', occurredOn: '2022-07-05' });
  });

  it('sends a charge or purchase with its fields and the measure, never a registration date', () => {
    expect(toPointAwardBody(typed, 'rate_with_cap')).toEqual({ myKeyId: 'AB12CD7Q', measureId: 3, paymentServiceId: 2, externalId: 'T-1', transactionDate: '2022-07-01', kind: 'charge', amountYen: 4000 });
    expect(toPointAwardBody({ ...typed, measureId: null }, undefined)).not.toHaveProperty('measureId');
  });
});
