import type { AssistanceType, Office } from './assistance';
import { defineEnum, EnumValue } from './enum';
import { addDays, jstStartOfDay } from './dates';
import { cityHallClosure, ClosedReason, weekdayOf } from './holidays';
import type { Role } from './roles';

// Support desks (窓口) and their appointment slots (issue #21). A pop-up desk (出張窓口)
// runs for a few days at a community centre; the main office and branch offices run
// all year.

export const DESK_OFFICE = defineEnum({
  main_office: { ja: '本庁（市民生活課）', en: 'Main office' },
  branch_office: { ja: '支所', en: 'Branch office' },
  popup: { ja: '出張窓口', en: 'Pop-up desk' },
});
export type DeskOffice = EnumValue<typeof DESK_OFFICE>;

/**
 * The office a visit at this desk is recorded under (assistance records know only the
 * main office and branch offices). A pop-up desk is away from the main office's
 * counter, where alone card applications are taken, so its visits count as a branch
 * office's: the same rule (no card applications) holds there.
 */
export function deskAssistanceOffice(office: DeskOffice): Office {
  return office === 'main_office' ? 'main_office' : 'branch_office';
}

export const SLOT_STATUS = defineEnum({
  open: { ja: '受付中', en: 'Open' },
  full: { ja: '満席', en: 'Full' },
  past: { ja: '終了', en: 'Past' },
});
export type SlotStatus = EnumValue<typeof SLOT_STATUS>;

export const APPOINTMENT_STATUS = defineEnum({
  booked: { ja: '予約済み', en: 'Booked' },
  checked_in: { ja: '来庁済み', en: 'Checked in' },
  no_show: { ja: '来庁なし', en: 'No-show' },
  cancelled: { ja: 'キャンセル', en: 'Cancelled' },
});
export type AppointmentStatus = EnumValue<typeof APPOINTMENT_STATUS>;

export const PARTY_SIZE = { min: 1, max: 4 } as const;

/** Days after the visit a resident's name and phone number are kept (a municipality may change it). */
export const DEFAULT_APPOINTMENT_RETENTION_DAYS = 90;

/** A slot is past once it has ended: until then the counter may still book a resident into it. */
export function slotStatus(s: { capacity: number; booked: number; endsAt: Date | string }, now: Date = new Date()): SlotStatus {
  if (new Date(s.endsAt).getTime() <= now.getTime()) return 'past';
  return s.booked >= s.capacity ? 'full' : 'open';
}

/** Minutes late: how long after the slot began a booked resident has not arrived (0 when not late). */
export function minutesLate(startsAt: Date | string, now: Date = new Date()): number {
  return Math.max(0, Math.floor((now.getTime() - new Date(startsAt).getTime()) / 60_000));
}

/** A booked resident counts as late on the board this many minutes after the slot began. */
export const LATE_AFTER_MINUTES = 10;

// Names and phone numbers are personal data: only the staff who book and serve residents
// (and the policy and admin staff who run the desks) read them; a manager reads counts.
const CONTACT_ROLES: readonly Role[] = ['admin', 'policy', 'counter'];
export function canSeeResidentContact(role: Role): boolean {
  return CONTACT_ROLES.includes(role);
}

// Purposes a desk cannot serve: card applications only at the main office (city page).
export function purposeRefusedAtDesk(office: DeskOffice, purpose: readonly (AssistanceType | string)[]): boolean {
  return office !== 'main_office' && purpose.includes('card_application');
}

/** A weekly pattern of slots (POST /api/appointment-slots/generate). Times are JST, HH:MM. */
export interface SlotPattern {
  from: string; // YYYY-MM-DD
  to: string; // YYYY-MM-DD, inclusive
  /** ISO weekdays: 1 = Monday … 7 = Sunday. */
  weekdays: readonly number[];
  startTime: string;
  endTime: string;
  everyMinutes: number;
  seats: number;
  breakStart?: string | null;
  breakEnd?: string | null;
}

export interface GeneratedSlot {
  startsAt: Date;
  endsAt: Date;
  capacity: number;
}

export interface SkippedDay {
  date: string;
  reason: ClosedReason | 'desk_closed';
  name: string;
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

export const MAX_PATTERN_DAYS = 366;

/**
 * The slots of a pattern over its dates: every `everyMinutes` from startTime while the
 * slot ends by endTime, leaving out slots that overlap the break; days the city hall is
 * closed (public holidays, the year-end closure, the municipality's closed days) and
 * days outside the desk's own dates are skipped and said so.
 */
export function slotsFromPattern(
  p: SlotPattern,
  opts: { closedDays?: readonly string[]; deskOpensOn?: string | null; deskClosesOn?: string | null } = {},
): { slots: GeneratedSlot[]; skipped: SkippedDay[] } {
  const slots: GeneratedSlot[] = [];
  const skipped: SkippedDay[] = [];
  const start = minutesOf(p.startTime);
  const end = minutesOf(p.endTime);
  const breakStart = p.breakStart ? minutesOf(p.breakStart) : null;
  const breakEnd = p.breakEnd ? minutesOf(p.breakEnd) : null;
  for (let date = p.from; date <= p.to; date = addDays(date, 1)) {
    const isoWeekday = weekdayOf(date) === 0 ? 7 : weekdayOf(date);
    if (!p.weekdays.includes(isoWeekday)) continue;
    if ((opts.deskOpensOn && date < opts.deskOpensOn) || (opts.deskClosesOn && date > opts.deskClosesOn)) {
      skipped.push({ date, reason: 'desk_closed', name: '窓口の開設期間外' });
      continue;
    }
    const closed = cityHallClosure(date, { closedDays: opts.closedDays });
    if (closed) {
      skipped.push({ date, ...closed });
      continue;
    }
    const midnight = jstStartOfDay(date).getTime();
    for (let t = start; t + p.everyMinutes <= end; t += p.everyMinutes) {
      const slotEnd = t + p.everyMinutes;
      if (breakStart !== null && breakEnd !== null && t < breakEnd && slotEnd > breakStart) continue;
      slots.push({ startsAt: new Date(midnight + t * 60_000), endsAt: new Date(midnight + slotEnd * 60_000), capacity: p.seats });
    }
  }
  return { slots, skipped };
}

/** What is wrong with a pattern (field → message), empty when it can be generated. */
export function slotPatternProblems(p: SlotPattern): Record<string, string> {
  const out: Record<string, string> = {};
  if (p.to < p.from) out.to = '開始日以降の日付にしてください。';
  else if (addDays(p.from, MAX_PATTERN_DAYS - 1) < p.to) out.to = `一度に作成できるのは${MAX_PATTERN_DAYS}日分までです。`;
  if (minutesOf(p.endTime) <= minutesOf(p.startTime)) out.endTime = '開始時刻より後にしてください。';
  else if (minutesOf(p.startTime) + p.everyMinutes > minutesOf(p.endTime)) out.everyMinutes = '開始から終了までに1枠も入りません。';
  if (Boolean(p.breakStart) !== Boolean(p.breakEnd)) out[p.breakStart ? 'breakEnd' : 'breakStart'] = '休憩は開始と終了の両方を指定してください。';
  else if (p.breakStart && p.breakEnd && minutesOf(p.breakEnd) <= minutesOf(p.breakStart)) out.breakEnd = '休憩の開始時刻より後にしてください。';
  return out;
}

// Wrong-person incidents (別人へのポイント付与): MIC counted 172 cases, 136 from a shared
// terminal not logged out between residents, 32 from a payment-service ID mistyped at a
// municipal counter. Each incident has its own workflow, like a fraud report.

export const INCIDENT_CAUSE = defineEnum({
  terminal_not_logged_out: { ja: '共用端末のログアウト漏れ', en: 'Shared terminal not logged out' },
  service_id_mistyped: { ja: '決済サービスIDの入力誤り', en: 'Payment-service ID mistyped' },
  other: { ja: 'その他', en: 'Other' },
  unknown: { ja: '調査中', en: 'Unknown' },
});
export type IncidentCause = EnumValue<typeof INCIDENT_CAUSE>;

export const RESIDENT_CONTACT_STATUS = defineEnum({
  not_contacted: { ja: '未連絡', en: 'Not contacted' },
  contacting: { ja: '連絡中', en: 'Contacting' },
  contacted: { ja: '連絡済み', en: 'Contacted' },
  unreachable: { ja: '連絡がつかない', en: 'Unreachable' },
});
export type ResidentContactStatus = EnumValue<typeof RESIDENT_CONTACT_STATUS>;

export const OPERATOR_REPLY_STATUS = defineEnum({
  not_asked: { ja: '未照会', en: 'Not asked' },
  asked: { ja: '照会中', en: 'Asked' },
  replied: { ja: '回答あり', en: 'Replied' },
});
export type OperatorReplyStatus = EnumValue<typeof OPERATOR_REPLY_STATUS>;

export const INCIDENT_STATUS = defineEnum({
  new: { ja: '新規', en: 'New' },
  investigating: { ja: '調査中', en: 'Investigating' },
  reported: { ja: '総務省へ報告済み', en: 'Reported to MIC' },
  closed: { ja: '完了', en: 'Closed' },
});
export type IncidentStatus = EnumValue<typeof INCIDENT_STATUS>;

export const INCIDENT_INITIAL_STATUS: IncidentStatus = 'new';

// new → investigating → reported (to MIC) → closed; investigating → closed when it turns
// out not to be a wrong-person case; a closed or reported incident can be reopened.
export const INCIDENT_TRANSITIONS: Readonly<Record<IncidentStatus, readonly IncidentStatus[]>> = {
  new: ['investigating'],
  investigating: ['reported', 'closed'],
  reported: ['closed', 'investigating'],
  closed: ['investigating'],
};

export function canTransitionIncident(from: IncidentStatus, to: IncidentStatus): boolean {
  return (INCIDENT_TRANSITIONS[from] ?? []).includes(to);
}

export function incidentTransitionRefusal(from: IncidentStatus, to: IncidentStatus): string {
  const next = (INCIDENT_TRANSITIONS[from] ?? []).map((s) => `「${INCIDENT_STATUS.label(s)}」`).join('、');
  return `状態を「${INCIDENT_STATUS.label(from)}」から「${INCIDENT_STATUS.label(to)}」へは変更できません。次に選べる状態: ${next}。`;
}

/** The report to MIC is part of moving to `reported`: its date must be recorded. */
export function incidentStatusNeeds(to: IncidentStatus, r: { micReportedOn?: string | null }): string | null {
  if (to === 'reported' && !r.micReportedOn) return '総務省へ報告した日を入力してください。';
  return null;
}

/** The JST calendar days of an inclusive range, for a day sheet or the stats. */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** One desk's figures for one JST day, or for a whole range (GET /api/stats/desks). */
export interface DeskDayFigures {
  /** Seats offered (the slots' capacity). */
  capacity: number;
  /** Seats taken by bookings (slots' booked). */
  seatsBooked: number;
  /** Bookings made (walk-ins apart), whatever became of them. */
  appointments: number;
  checkedIn: number;
  noShows: number;
  cancelled: number;
  /** Residents who came without a booking. */
  walkIns: number;
  /** Average minutes from check-in to the start of the visit (its record's visitedAt); null without data. */
  avgWaitMinutes: number | null;
}

export interface DeskStats {
  from: string;
  to: string;
  totals: DeskDayFigures & { noShowRatePercent: number | null };
  byDesk: (DeskDayFigures & { deskId: number; deskName: string; office: DeskOffice; noShowRatePercent: number | null })[];
  byDeskDay: (DeskDayFigures & { date: string; deskId: number; deskName: string })[];
}

/**
 * No-show rate: of the bookings whose day has been settled (arrived or marked no-show),
 * the share that did not come, in percent with one decimal; null when none settled.
 */
export function noShowRatePercent(f: Pick<DeskDayFigures, 'checkedIn' | 'noShows'>): number | null {
  const settled = f.checkedIn + f.noShows;
  return settled ? Math.round((f.noShows / settled) * 1000) / 10 : null;
}
