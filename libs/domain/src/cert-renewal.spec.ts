import fc from 'fast-check';
import { certRenewalWaitMessage, certWaitProblem, earliestAfterCertRenewal, isWithinCertRenewalWait } from './cert-renewal';

const HOUR = 3_600_000;

describe('the 24-hour rule after a certificate renewal', () => {
  it('refuses until exactly 24 hours have passed, then allows', () => {
    const renewed = '2020-09-01T10:00:00+09:00';
    expect(isWithinCertRenewalWait(renewed, '2020-09-02T09:59:59+09:00')).toBe(true);
    expect(isWithinCertRenewalWait(renewed, '2020-09-02T10:00:00+09:00')).toBe(false);
    expect(isWithinCertRenewalWait(null, '2020-09-01T10:00:00+09:00')).toBe(false);
  });

  it('says from when it becomes possible, in JST', () => {
    expect(certRenewalWaitMessage('2020-09-01T01:00:00Z', 'reserve')).toBe('電子証明書の更新から24時間経過後（2020年9月2日 10:00 以降）に予約できます。');
    expect(certRenewalWaitMessage('2020-12-31T15:30:00Z', 'apply')).toBe('電子証明書の更新から24時間経過後（2021年1月2日 00:30 以降）に申し込みできます。');
  });

  it('has one boundary: refused before renewal + 24 h, allowed from it on', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }),
        fc.integer({ min: -48 * HOUR, max: 96 * HOUR }),
        (renewed, offset) => {
          const at = new Date(renewed.getTime() + offset);
          return isWithinCertRenewalWait(renewed, at) === (offset < 24 * HOUR);
        },
      ),
    );
  });

  it('names an instant at which the rule allows it', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }), (renewed) => {
        const earliest = earliestAfterCertRenewal(renewed);
        return !isWithinCertRenewalWait(renewed, earliest) && isWithinCertRenewalWait(renewed, new Date(earliest.getTime() - 1));
      }),
    );
  });
});

describe('the 24-hour rule after a certificate is first issued (Round 2) as well as renewed', () => {
  it('refuses within 24 hours of the first issue and names the issue', () => {
    expect(certWaitProblem({ certIssuedAt: '2022-07-01T10:00:00+09:00' }, '2022-07-02T09:59:00+09:00', 'reserve')).toEqual({
      event: 'issued',
      field: 'certIssuedAt',
      message: '電子証明書の発行から24時間経過後（2022年7月2日 10:00 以降）に予約できます。',
    });
    expect(certWaitProblem({ certIssuedAt: '2022-07-01T10:00:00+09:00' }, '2022-07-02T10:00:00+09:00', 'reserve')).toBeNull();
    expect(certWaitProblem({}, '2022-07-02T10:00:00+09:00', 'apply')).toBeNull();
  });

  it('names the renewal when only it waits, and the later of the two when both do', () => {
    expect(certWaitProblem({ certRenewedAt: '2022-07-01T10:00:00+09:00' }, '2022-07-01T12:00:00+09:00', 'apply')?.field).toBe('certRenewedAt');
    expect(
      certWaitProblem({ certIssuedAt: '2022-07-01T08:00:00+09:00', certRenewedAt: '2022-07-01T11:00:00+09:00' }, '2022-07-01T12:00:00+09:00', 'apply')?.message,
    ).toBe('電子証明書の更新から24時間経過後（2022年7月2日 11:00 以降）に申し込みできます。');
  });

  it('refuses exactly when either instant is less than 24 hours back', () => {
    const base = new Date('2022-07-01T00:00:00Z').getTime();
    const instant = fc.option(fc.integer({ min: -72 * HOUR, max: 72 * HOUR }), { nil: null });
    fc.assert(
      fc.property(instant, instant, (issued, renewed) => {
        const at = new Date(base);
        const cert = { certIssuedAt: issued === null ? null : new Date(base + issued), certRenewedAt: renewed === null ? null : new Date(base + renewed) };
        const waits = (o: number | null) => o !== null && -o < 24 * HOUR;
        return (certWaitProblem(cert, at, 'reserve') !== null) === (waits(issued) || waits(renewed));
      }),
    );
  });
});
