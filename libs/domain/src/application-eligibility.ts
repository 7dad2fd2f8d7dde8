import { certWaitProblem, formatJstDateTime } from './cert-renewal';
import { formatJapaneseDate, toJstDate } from './dates';
import type { PaymentServiceStatus } from './payment-service';

// Whether a resident may apply (申し込み) to a payment service at a given instant.
// One payment service per person per campaign is held by the database (UNIQUE); the
// rest is here, shared by the API (which refuses with 400) and the admin form.

export interface EligibilityInput {
  appliedAt: Date | string;
  /** The participant's reservation in the campaign; null when there is none. */
  reservedAt: Date | string | null;
  service: {
    name?: string;
    status: PaymentServiceStatus | string;
    /** YYYY-MM-DD (JST): the service takes applications from this date. */
    applicationsOpenOn: string;
    preRegistrationRequired: boolean;
  };
  /** The application period: the measure's (a campaign's first measure shares the campaign's). */
  campaign: { applicationOpensOn: string; applicationClosesOn: string };
  /**
   * False for a measure whose campaign takes no reservations (Round 2, a city's top-up):
   * then no reservation is needed. Default: true.
   */
  reservationRequired?: boolean;
  /**
   * The service's part in the measure, when the measure lists its services: `taking:
   * false` when it does not take part; `closesOn` (YYYY-MM-DD, JST) when it closes early.
   * Undefined: the measure takes every service until it closes.
   */
  measureService?: { taking: boolean; closesOn: string | null };
  /** The resident confirmed the operator's pre-registration. */
  preRegistered: boolean;
  /** The certificate's first issue (with the card), when recent: 24 hours' wait as after a renewal. */
  certIssuedAt?: Date | string | null;
  certRenewedAt?: Date | string | null;
}

export type EligibilityCode =
  | 'no_reservation'
  | 'before_reservation'
  | 'service_not_active'
  | 'service_not_open_yet'
  | 'outside_application_period'
  | 'service_not_in_measure'
  | 'service_closed_for_measure'
  | 'pre_registration_required'
  /** Within 24 hours after the certificate's renewal or first issue (the field says which). */
  | 'cert_renewal_wait';

export interface EligibilityProblem {
  code: EligibilityCode;
  /** The request field the message belongs next to. */
  field: 'myKeyId' | 'appliedAt' | 'paymentServiceId' | 'preRegistered' | 'certRenewedAt' | 'certIssuedAt';
  message: string;
}

const SERVICE_STATUS_TEXT: Record<string, string> = { suspended: '一時停止中', withdrawn: '撤退済み' };

/** Every reason the application is refused, most fundamental first; empty when it may go ahead. */
export function applicationProblems(input: EligibilityInput): EligibilityProblem[] {
  const problems: EligibilityProblem[] = [];
  const appliedAt = new Date(input.appliedAt);
  const day = toJstDate(appliedAt);
  const name = input.service.name ? `「${input.service.name}」` : 'この決済サービス';

  if (input.reservedAt == null && input.reservationRequired !== false) {
    problems.push({
      code: 'no_reservation',
      field: 'myKeyId',
      message: 'このマイキーIDのマイナポイント予約がありません。先に予約を登録してください。',
    });
  } else if (input.reservedAt != null && appliedAt.getTime() < new Date(input.reservedAt).getTime()) {
    problems.push({
      code: 'before_reservation',
      field: 'appliedAt',
      message: `申し込み日時が予約日時（${formatJstDateTime(new Date(input.reservedAt))}）より前です。予約の後の日時を入力してください。`,
    });
  }

  if (input.service.status !== 'active') {
    const why = SERVICE_STATUS_TEXT[input.service.status] ?? '受付停止中';
    problems.push({ code: 'service_not_active', field: 'paymentServiceId', message: `${name}は${why}のため申し込みできません。別のサービスを選んでください。` });
  } else if (day < input.service.applicationsOpenOn) {
    problems.push({
      code: 'service_not_open_yet',
      field: 'paymentServiceId',
      message: `${name}の申し込み受付は${formatJapaneseDate(input.service.applicationsOpenOn)}からです。`,
    });
  }

  if (day < input.campaign.applicationOpensOn || day > input.campaign.applicationClosesOn) {
    problems.push({
      code: 'outside_application_period',
      field: 'appliedAt',
      message: `申し込み期間（${formatJapaneseDate(input.campaign.applicationOpensOn)}〜${formatJapaneseDate(input.campaign.applicationClosesOn)}）外です。`,
    });
  }

  if (input.measureService && !input.measureService.taking) {
    problems.push({ code: 'service_not_in_measure', field: 'paymentServiceId', message: `${name}はこの施策に参加していません。参加している決済サービスを選んでください。` });
  } else if (input.measureService?.closesOn && day > input.measureService.closesOn) {
    problems.push({
      code: 'service_closed_for_measure',
      field: 'paymentServiceId',
      message: `${name}はこの施策の申し込みを${formatJapaneseDate(input.measureService.closesOn)}で締め切りました。別の決済サービスを選んでください。`,
    });
  }

  if (input.service.preRegistrationRequired && !input.preRegistered) {
    problems.push({
      code: 'pre_registration_required',
      field: 'preRegistered',
      message: `${name}は事業者への事前登録が必要です。事前登録が済んでいることを確認してから申し込んでください。`,
    });
  }

  const certWait = certWaitProblem(input, appliedAt, 'apply');
  if (certWait) problems.push({ code: 'cert_renewal_wait', field: certWait.field, message: certWait.message });
  return problems;
}
