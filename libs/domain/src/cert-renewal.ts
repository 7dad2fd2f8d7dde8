import { formatJapaneseDate, toJstIso } from './dates';

// The city page: after the user certificate (利用者証明用電子証明書) is first issued
// with the card, and again after it is renewed, a reservation or an application is
// possible only 24 hours later (Round 2 said so of the first issue too). The database
// holds the same rules as CHECKs on both tables (cert_issued_at, cert_renewed_at).
export const CERT_RENEWAL_WAIT_HOURS = 24;
const WAIT_MS = CERT_RENEWAL_WAIT_HOURS * 3_600_000;

/** What happened to the certificate: first issued with the card, or renewed. */
export type CertEvent = 'issued' | 'renewed';

/** The first instant a reservation or application is possible after a renewal (or a first issue). */
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

const EVENT_TEXT: Record<CertEvent, string> = { issued: '発行', renewed: '更新' };

/** 「電子証明書の更新から24時間経過後（2020年9月2日 10:00 以降）に予約できます。」 (発行から… after a first issue). */
export function certRenewalWaitMessage(certRenewedAt: Date | string, action: CertRenewalAction, event: CertEvent = 'renewed'): string {
  const verb = action === 'reserve' ? '予約できます' : '申し込みできます';
  return `電子証明書の${EVENT_TEXT[event]}から${CERT_RENEWAL_WAIT_HOURS}時間経過後（${formatJstDateTime(earliestAfterCertRenewal(certRenewedAt))} 以降）に${verb}。`;
}

export interface CertInstants {
  /** When the certificate was first issued (with the card); only when recent enough to matter. */
  certIssuedAt?: Date | string | null;
  /** When the certificate was last renewed. */
  certRenewedAt?: Date | string | null;
}

export interface CertWaitProblem {
  event: CertEvent;
  field: 'certIssuedAt' | 'certRenewedAt';
  message: string;
}

/**
 * Why `at` is still too early after the certificate's first issue or renewal, or null.
 * When both wait, the one that ends later is named (the resident must wait for it).
 */
export function certWaitProblem(cert: CertInstants, at: Date | string, action: CertRenewalAction): CertWaitProblem | null {
  const waits = (
    [
      ['issued', 'certIssuedAt', cert.certIssuedAt],
      ['renewed', 'certRenewedAt', cert.certRenewedAt],
    ] as const
  ).filter(([, , instant]) => instant != null && isWithinCertRenewalWait(instant, at));
  if (!waits.length) return null;
  const [event, field, instant] = waits.reduce((a, b) => (new Date(b[2]!).getTime() > new Date(a[2]!).getTime() ? b : a));
  return { event, field, message: certRenewalWaitMessage(instant!, action, event) };
}
