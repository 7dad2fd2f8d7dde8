import type { AssistanceOutcome, AssistanceType, Office, UnableReason } from './assistance';
import type { Lang } from './enum';
import { toJstDate } from './dates';

// The rules of a counter assistance record that go beyond one field. The API refuses
// a record that breaks one (400, keyed by field), the admin forms warn before the
// round trip, and the database holds the same rules as CHECK constraints.

export interface AssistanceRuleInput {
  office: Office | string | null | undefined;
  assistanceTypes: readonly (AssistanceType | string)[] | null | undefined;
  outcome: AssistanceOutcome | string | null | undefined;
  unableReason?: UnableReason | string | null;
  sharedTerminalUsed?: boolean | null;
  /** The city's shared terminal the visit used: recording one means a shared terminal was used. */
  terminalId?: number | null;
  terminalLoggedOut?: boolean | null;
  serviceIdReadBack?: boolean | null;
}

export type AssistanceRule =
  | 'card_application_main_office_only'
  | 'unable_reason_required'
  | 'unable_reason_only_when_unable'
  | 'terminal_logout_required'
  | 'service_id_read_back_required';

export interface AssistanceRuleViolation {
  rule: AssistanceRule;
  /** The field the message belongs next to. */
  field: 'assistanceTypes' | 'unableReason' | 'terminalLoggedOut' | 'serviceIdReadBack';
  message: Readonly<Record<Lang, string>>;
}

export const ASSISTANCE_RULE_MESSAGES: Readonly<Record<AssistanceRule, Readonly<Record<Lang, string>>>> = {
  // 支所で申請はできません (city page): card applications only at the main office.
  card_application_main_office_only: {
    ja: 'マイナンバーカードの申請は本庁（市民生活課）の窓口でのみ受け付けています。支所では申請できません。',
    en: 'My Number card applications are taken only at the main office (citizen section), not at branch offices.',
  },
  unable_reason_required: {
    ja: '対応不可のときは、その理由を選んでください。',
    en: 'Choose the reason when the outcome is "unable".',
  },
  unable_reason_only_when_unable: {
    ja: '対応不可の理由は、結果が「対応不可」のときだけ記録します。',
    en: 'An unable reason is recorded only when the outcome is "unable".',
  },
  // MIC: 136 of 172 wrong-person cases came from a shared terminal left logged in.
  terminal_logout_required: {
    ja: '共用端末で予約・申し込みを操作したときは、利用者ごとに端末をログアウトしたことを確認してください（別人へのポイント付与の防止）。',
    en: 'When a shared terminal was used for a reservation or application, confirm it was logged out after the resident (prevents points going to the wrong person).',
  },
  // MIC: 32 cases came from a payment-service ID mistyped at a municipal counter.
  service_id_read_back_required: {
    ja: '共用端末で予約・申し込みを操作したときは、決済サービスのIDを住民本人に読み上げて確認してもらってください（別人へのポイント付与の防止）。',
    en: 'When a shared terminal was used for a reservation or application, have the resident confirm the payment-service ID read back to them (prevents points going to the wrong person).',
  },
};

/** Types whose operation on a shared terminal can send points to the wrong person. */
export const WRONG_PERSON_RISK_TYPES: readonly AssistanceType[] = ['mykey_reservation', 'point_application'];

/** True when the record must carry the wrong-person checklist (both checks). */
export function needsWrongPersonChecklist(r: Pick<AssistanceRuleInput, 'sharedTerminalUsed' | 'assistanceTypes'> & { terminalId?: number | null }): boolean {
  return (Boolean(r.sharedTerminalUsed) || r.terminalId != null) && (r.assistanceTypes ?? []).some((t) => (WRONG_PERSON_RISK_TYPES as readonly string[]).includes(t));
}

/** Card applications are refused at a branch office. */
export function isCardApplicationAtBranch(r: Pick<AssistanceRuleInput, 'office' | 'assistanceTypes'>): boolean {
  return r.office === 'branch_office' && (r.assistanceTypes ?? []).includes('card_application');
}

/** Every cross-field rule the record breaks (empty when it is fine). */
export function assistanceRuleViolations(r: AssistanceRuleInput): AssistanceRuleViolation[] {
  const out: AssistanceRuleViolation[] = [];
  const add = (rule: AssistanceRule, field: AssistanceRuleViolation['field']) => out.push({ rule, field, message: ASSISTANCE_RULE_MESSAGES[rule] });

  if (isCardApplicationAtBranch(r)) add('card_application_main_office_only', 'assistanceTypes');
  const hasReason = r.unableReason !== undefined && r.unableReason !== null;
  if (r.outcome === 'unable' && !hasReason) add('unable_reason_required', 'unableReason');
  if (r.outcome !== 'unable' && hasReason) add('unable_reason_only_when_unable', 'unableReason');
  if (needsWrongPersonChecklist(r)) {
    if (!r.terminalLoggedOut) add('terminal_logout_required', 'terminalLoggedOut');
    if (!r.serviceIdReadBack) add('service_id_read_back_required', 'serviceIdReadBack');
  }
  return out;
}

/**
 * Counter staff may correct their own record only on the JST calendar day they
 * logged it; after that the record is part of the day's figures and only an
 * administrator changes it.
 */
export function isWithinCounterEditWindow(loggedAt: Date, now: Date): boolean {
  return toJstDate(loggedAt) === toJstDate(now);
}

export const COUNTER_EDIT_WINDOW_CLOSED_MESSAGE = {
  ja: '窓口職員が修正できるのは、記録した当日（日本時間）の記録だけです。前日以前の記録の修正はシステム管理者に依頼してください。',
  en: 'Counter staff can correct a record only on the day it was logged (JST). Ask an administrator to correct older records.',
} as const;

/** Field limits the API's DTO, the database and the admin forms share. */
export const ASSISTANCE_LIMITS = {
  durationMinutes: { min: 1, max: 240 },
  district: 40,
  notes: 1000,
} as const;

// A visit is logged during or after it; a time far ahead is a typo (wrong year or
// AM/PM). A few minutes of clock difference between PCs are tolerated.
export const VISIT_FUTURE_TOLERANCE_MINUTES = 10;

export function isVisitInFuture(visitedAt: Date, now: Date): boolean {
  return visitedAt.getTime() > now.getTime() + VISIT_FUTURE_TOLERANCE_MINUTES * 60_000;
}

export const VISIT_IN_FUTURE_MESSAGE = {
  ja: '来庁日時が未来になっています。日時を確認してください。',
  en: 'The visit time is in the future. Check the date and time.',
} as const;
