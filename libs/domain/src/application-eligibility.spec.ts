import fc from 'fast-check';
import { applicationProblems, EligibilityInput } from './application-eligibility';

function makeInput(over: Partial<EligibilityInput> = {}): EligibilityInput {
  return {
    appliedAt: '2020-09-10T10:00:00+09:00',
    reservedAt: '2020-09-01T10:00:00+09:00',
    service: { name: 'テストPay', status: 'active', applicationsOpenOn: '2020-07-01', preRegistrationRequired: false },
    campaign: { applicationOpensOn: '2020-07-01', applicationClosesOn: '2021-03-31' },
    preRegistered: false,
    certRenewedAt: null,
    ...over,
  };
}
const codes = (over: Partial<EligibilityInput>) => applicationProblems(makeInput(over)).map((p) => p.code);

describe('applicationProblems', () => {
  it('accepts an eligible application', () => {
    expect(applicationProblems(makeInput())).toEqual([]);
  });

  it('needs a prior reservation', () => {
    expect(codes({ reservedAt: null })).toEqual(['no_reservation']);
    expect(codes({ reservedAt: '2020-09-11T00:00:00+09:00' })).toEqual(['before_reservation']);
    expect(codes({ appliedAt: '2020-09-01T10:00:00+09:00' })).toEqual([]);
  });

  it('needs no reservation for a measure of a campaign that takes none (Round 2, a top-up)', () => {
    expect(codes({ reservedAt: null, reservationRequired: false })).toEqual([]);
    expect(codes({ reservedAt: null, reservationRequired: true })).toEqual(['no_reservation']);
  });

  it('refuses a service that does not take part in the measure, or closed for it before the JST application date', () => {
    expect(codes({ measureService: { taking: false, closesOn: null } })).toEqual(['service_not_in_measure']);
    expect(codes({ measureService: { taking: true, closesOn: '2020-09-10' } })).toEqual([]);
    expect(codes({ measureService: { taking: true, closesOn: '2020-09-09' } })).toEqual(['service_closed_for_measure']);
    expect(codes({ appliedAt: '2020-09-09T23:59:00+09:00', measureService: { taking: true, closesOn: '2020-09-09' } })).toEqual([]);
  });

  it('needs an active service that is open for applications on that JST date', () => {
    expect(codes({ service: { ...makeInput().service, status: 'suspended' } })).toEqual(['service_not_active']);
    expect(codes({ service: { ...makeInput().service, status: 'withdrawn' } })).toEqual(['service_not_active']);
    expect(codes({ service: { ...makeInput().service, applicationsOpenOn: '2020-09-11' } })).toEqual(['service_not_open_yet']);
    // 2020-09-10T15:00Z is already 09-11 in Japan.
    expect(codes({ appliedAt: '2020-09-10T15:00:00Z', service: { ...makeInput().service, applicationsOpenOn: '2020-09-11' } })).toEqual([]);
    expect(applicationProblems(makeInput({ service: { ...makeInput().service, applicationsOpenOn: '2020-09-11' } }))[0].message).toContain('2020年9月11日');
  });

  it('stays within the campaign’s application period (inclusive, JST)', () => {
    expect(codes({ appliedAt: '2021-03-31T23:59:00+09:00' })).toEqual([]);
    expect(codes({ appliedAt: '2021-04-01T00:00:00+09:00' })).toEqual(['outside_application_period']);
    expect(codes({ reservedAt: '2020-06-01T00:00:00+09:00', appliedAt: '2020-06-30T23:59:00+09:00', service: { ...makeInput().service, applicationsOpenOn: '2020-06-01' } })).toEqual([
      'outside_application_period',
    ]);
  });

  it('needs confirmed pre-registration where the service requires it', () => {
    const service = { ...makeInput().service, preRegistrationRequired: true };
    expect(codes({ service })).toEqual(['pre_registration_required']);
    expect(codes({ service, preRegistered: true })).toEqual([]);
  });

  it('applies the 24-hour rule after a certificate renewal', () => {
    const problems = applicationProblems(makeInput({ certRenewedAt: '2020-09-10T09:00:00+09:00' }));
    expect(problems.map((p) => p.code)).toEqual(['cert_renewal_wait']);
    expect(problems[0].message).toContain('2020年9月11日 09:00 以降');
    expect(codes({ certRenewedAt: '2020-09-09T10:00:00+09:00' })).toEqual([]);
  });

  it('applies the same rule after the certificate is first issued, on its own field', () => {
    const problems = applicationProblems(makeInput({ certIssuedAt: '2020-09-10T09:00:00+09:00' }));
    expect(problems.map((p) => [p.code, p.field])).toEqual([['cert_renewal_wait', 'certIssuedAt']]);
    expect(problems[0].message).toBe('電子証明書の発行から24時間経過後（2020年9月11日 09:00 以降）に申し込みできます。');
    expect(codes({ certIssuedAt: '2020-09-09T10:00:00+09:00' })).toEqual([]);
  });

  it('reports every problem at once, each on its own field', () => {
    const problems = applicationProblems(
      makeInput({ reservedAt: null, service: { ...makeInput().service, status: 'suspended', preRegistrationRequired: true }, appliedAt: '2021-05-01T00:00:00+09:00' }),
    );
    expect(problems.map((p) => [p.code, p.field])).toEqual([
      ['no_reservation', 'myKeyId'],
      ['service_not_active', 'paymentServiceId'],
      ['outside_application_period', 'appliedAt'],
      ['pre_registration_required', 'preRegistered'],
    ]);
  });

  // The law: the outcome only depends on the rules, so an application is accepted
  // exactly when every single condition holds.
  it('accepts exactly when every condition holds', () => {
    const day = (d: Date) => new Date(d.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
    const t = (min: string, max: string) => fc.date({ min: new Date(min), max: new Date(max), noInvalidDate: true });
    fc.assert(
      fc.property(
        t('2020-06-01', '2021-06-01'),
        fc.option(t('2020-06-01', '2021-06-01'), { nil: null }),
        fc.constantFrom('active', 'suspended', 'withdrawn'),
        t('2020-06-01', '2021-01-01'),
        fc.boolean(),
        fc.boolean(),
        fc.option(t('2020-06-01', '2021-06-01'), { nil: null }),
        (appliedAt, reservedAt, status, opensOn, preRegRequired, preRegistered, certRenewedAt) => {
          const input = makeInput({
            appliedAt,
            reservedAt,
            service: { status, applicationsOpenOn: day(opensOn), preRegistrationRequired: preRegRequired },
            preRegistered,
            certRenewedAt,
          });
          const expectOk =
            reservedAt !== null &&
            appliedAt >= reservedAt &&
            status === 'active' &&
            day(appliedAt) >= day(opensOn) &&
            day(appliedAt) >= '2020-07-01' &&
            day(appliedAt) <= '2021-03-31' &&
            (!preRegRequired || preRegistered) &&
            (certRenewedAt === null || appliedAt.getTime() >= certRenewedAt.getTime() + 86_400_000);
          return (applicationProblems(input).length === 0) === expectOk;
        },
      ),
    );
  });
});
