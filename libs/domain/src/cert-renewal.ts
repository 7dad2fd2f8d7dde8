import { formatJapaneseDate, toJstIso } from './dates';

// The city page: after renewing the user certificate (利用者証明用電子証明書), a
// reservation or an application is possible only 24 hours after the renewal
// completed. The database holds the same rule as a CHECK on both tables.
export const CERT_RENEWAL_WAIT_HOURS = 24;
const WAIT_MS = CERT_RENEWAL_WAIT_HOURS * 3_600_000;

/** The first instant a reservation or application is possible after a renewal. */
export function earliestAfterCertRenewal(certRenewedAt: Date | string): Date {
  return new Date(new Date(certRenewedAt).getTime() + WAIT_MS);
}

/** True when `at` is still within the 24 hours after the renewal (refused). */
export function isWithinCertRenewalWait(certRenewedAt: Date | string | null | undefined, at: Date | string): boolean {
  if (certRenewedAt == null) return false;
  return new Date(at).getTime() < earliestAfterCertRenewal(certRenewedAt).getTime();
}

/** 2020年9月2日 10:00 (JST), the way the message tells a resident when to come back. */
export function formatJstDateTime(instant: Date): string {
  return `${formatJapaneseDate(instant)} ${toJstIso(instant).slice(11, 16)}`;
}

export type CertRenewalAction = 'reserve' | 'apply';

/** 「電子証明書の更新から24時間経過後（2020年9月2日 10:00 以降）に予約できます。」 */
export function certRenewalWaitMessage(certRenewedAt: Date | string, action: CertRenewalAction): string {
  const verb = action === 'reserve' ? '予約できます' : '申し込みできます';
  return `電子証明書の更新から${CERT_RENEWAL_WAIT_HOURS}時間経過後（${formatJstDateTime(earliestAfterCertRenewal(certRenewedAt))} 以降）に${verb}。`;
}
