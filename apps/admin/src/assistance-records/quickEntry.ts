import {
  ASSISTANCE_LIMITS,
  assistanceRuleViolations,
  containsMyNumber,
  isVisitInFuture,
  type AssistanceRuleInput,
  type AssistanceType,
  type Lang,
  type Office,
} from '@mynapoint/domain';

/** The quick-entry screen: the resource's create page. */
export const QUICK_ENTRY_PATH = '/assistance-records/create';

// The quick-entry form's values, defaults and client-side checks, kept out of the
// components so they can be tested on their own. The server checks all of it again.

export interface VisitValues {
  /** `YYYY-MM-DDTHH:mm` in JST, as a datetime-local input holds it. */
  visitedAtLocal: string;
  office: Office;
  assistanceTypes: AssistanceType[];
  durationMinutes: number | null;
  outcome: 'completed' | 'follow_up' | 'unable';
  unableReason: string | null;
  sharedTerminalUsed: boolean;
  /** The shared terminal used (only with sharedTerminalUsed). */
  terminalId: number | null;
  terminalLoggedOut: boolean;
  serviceIdReadBack: boolean;
  paymentServiceId: number | null;
  ageBand: string | null;
  district: string | null;
  proxy: 'none' | 'legal_representative';
  notes: string | null;
}

// The order counter staff meet them: reservation and application come together
// most often, a lent PC next; rare ones last. Round 2's two registrations (health-
// insurance card, public-funds account) come after them, so the arrow-key moves staff
// learnt in Round 1 stay the same. Every type is here: the form sends only these.
export const QUICK_TYPE_ORDER: AssistanceType[] = [
  'mykey_reservation',
  'point_application',
  'pc_lending',
  'inquiry',
  'pin_reset',
  'cert_renewal',
  'card_application',
  'fraud_consultation',
  'health_insurance_registration',
  'public_funds_account_registration',
];

export const DURATION_PRESETS = [5, 10, 15, 20, 30, 45];

const JST_MS = 9 * 3600_000;

export function toJstLocalInput(instant: Date): string {
  return new Date(instant.getTime() + JST_MS).toISOString().slice(0, 16);
}

/** The datetime-local value as an instant with the JST offset, or null when malformed. */
export function fromJstLocalInput(local: string | null | undefined): string | null {
  if (!local || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local)) return null;
  const iso = `${local}:00+09:00`;
  return Number.isNaN(Date.parse(iso)) ? null : iso;
}

/** A fresh visit: now, at the office the clerk used last. */
export function blankVisit(office: Office, now: Date): VisitValues {
  return {
    visitedAtLocal: toJstLocalInput(now),
    office,
    assistanceTypes: [],
    durationMinutes: null,
    outcome: 'completed',
    unableReason: null,
    sharedTerminalUsed: false,
    terminalId: null,
    terminalLoggedOut: false,
    serviceIdReadBack: false,
    paymentServiceId: null,
    ageBand: null,
    district: null,
    proxy: 'none',
    notes: null,
  };
}

const blankToNull = (s: string | null | undefined) => (s && s.trim() ? s.trim() : null);

/** The POST body: the API's field names; the reason only when unable. */
export function toCreateBody(v: VisitValues): Record<string, unknown> {
  return {
    visitedAt: fromJstLocalInput(v.visitedAtLocal) ?? undefined,
    office: v.office,
    assistanceTypes: QUICK_TYPE_ORDER.filter((t) => v.assistanceTypes.includes(t)),
    durationMinutes: v.durationMinutes,
    outcome: v.outcome,
    unableReason: v.outcome === 'unable' ? v.unableReason : null,
    sharedTerminalUsed: v.sharedTerminalUsed,
    terminalId: v.sharedTerminalUsed ? (v.terminalId ?? null) : null,
    terminalLoggedOut: v.sharedTerminalUsed && v.terminalLoggedOut,
    serviceIdReadBack: v.sharedTerminalUsed && v.serviceIdReadBack,
    paymentServiceId: v.assistanceTypes.includes('point_application') ? v.paymentServiceId : null,
    ageBand: v.ageBand || null,
    district: blankToNull(v.district),
    proxy: v.proxy,
    notes: blankToNull(v.notes),
  };
}

export type VisitErrors = Partial<Record<keyof VisitValues, string>>;

/**
 * Everything the server would refuse, as messages by field: the domain's rules
 * (branch office, unable reason, wrong-person checklist), limits, and My Numbers.
 */
export function validateVisit(v: VisitValues, now: Date, lang: Lang, messages: { required: string; duration: string; tooLong: (n: number) => string; myNumber: string; future: string; badTime: string }): VisitErrors {
  const errors: VisitErrors = {};
  if (!v.assistanceTypes.length) errors.assistanceTypes = messages.required;
  const d = v.durationMinutes;
  const { min, max } = ASSISTANCE_LIMITS.durationMinutes;
  if (d === null || d === undefined || Number.isNaN(d)) errors.durationMinutes = messages.required;
  else if (!Number.isInteger(d) || d < min || d > max) errors.durationMinutes = messages.duration;
  const visitedAt = fromJstLocalInput(v.visitedAtLocal);
  if (!visitedAt) errors.visitedAtLocal = messages.badTime;
  else if (isVisitInFuture(new Date(visitedAt), now)) errors.visitedAtLocal = messages.future;
  for (const [field, limit] of [['district', ASSISTANCE_LIMITS.district], ['notes', ASSISTANCE_LIMITS.notes]] as const) {
    const text = v[field] ?? '';
    if (text.length > limit) errors[field] = messages.tooLong(limit);
    else if (containsMyNumber(text)) errors[field] = messages.myNumber;
  }
  const body = toCreateBody(v);
  for (const violation of assistanceRuleViolations({ ...body, unableReason: v.outcome === 'unable' ? v.unableReason : null } as AssistanceRuleInput)) {
    errors[violation.field] ??= violation.message[lang];
  }
  return errors;
}

/** One key per form submission: a double-clicked save is one record. */
export function newIdempotencyKey(): string {
  const random = typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
  return `quick-entry-${random}`;
}

/** Today's running figures beside the form. */
export function summarizeDay(rows: ReadonlyArray<{ durationMinutes?: unknown }>): { count: number; minutes: number } {
  return { count: rows.length, minutes: rows.reduce((s, r) => s + (typeof r.durationMinutes === 'number' ? r.durationMinutes : 0), 0) };
}

/** The API's field errors, keyed by the form's field names. */
export function toFormErrors(errors: Record<string, string>): VisitErrors {
  const out: Record<string, string> = {};
  for (const [field, message] of Object.entries(errors)) {
    const base = field.split('.')[0];
    out[base === 'visitedAt' ? 'visitedAtLocal' : base] ??= message;
  }
  return out as VisitErrors;
}
