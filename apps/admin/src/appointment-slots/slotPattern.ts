import { MAX_PATTERN_DAYS, slotPatternProblems, slotsFromPattern, type SlotPattern } from '@mynapoint/domain';

// The "generate from a weekly pattern" dialog: the form's values, the body of
// POST /api/appointment-slots/generate, and the preview (how many slots, which days
// are skipped) from the same domain function the server makes them with.

/** ISO weekdays, Monday first: 1 = Monday … 7 = Sunday. */
export const ISO_WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;

export interface PatternValues {
  deskId: number | null;
  from: string | null; // YYYY-MM-DD
  to: string | null;
  weekdays: string[]; // ISO weekdays as strings (chip values)
  startTime: string; // HH:mm
  endTime: string;
  everyMinutes: number | null;
  seats: number | null;
  breakStart: string | null;
  breakEnd: string | null;
}

export function defaultPattern(today: string): PatternValues {
  return { deskId: null, from: today, to: today, weekdays: ['1', '2', '3', '4', '5'], startTime: '09:00', endTime: '16:30', everyMinutes: 30, seats: 3, breakStart: '12:00', breakEnd: '13:00' };
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The pattern as the domain and the API take it, or null while a field is missing or malformed. */
export function toPattern(v: PatternValues): SlotPattern | null {
  const times = [v.startTime, v.endTime];
  if (!v.from || !v.to || !DATE.test(v.from) || !DATE.test(v.to)) return null;
  if (!times.every((t) => TIME.test(t ?? ''))) return null;
  if ((v.breakStart && !TIME.test(v.breakStart)) || (v.breakEnd && !TIME.test(v.breakEnd))) return null;
  if (!Number.isInteger(v.everyMinutes) || (v.everyMinutes ?? 0) < 5 || !Number.isInteger(v.seats) || (v.seats ?? 0) < 1) return null;
  if (!v.weekdays.length) return null;
  return {
    from: v.from,
    to: v.to,
    weekdays: v.weekdays.map(Number).sort((a, b) => a - b),
    startTime: v.startTime,
    endTime: v.endTime,
    everyMinutes: v.everyMinutes!,
    seats: v.seats!,
    breakStart: v.breakStart || null,
    breakEnd: v.breakEnd || null,
  };
}

/** Field errors: the domain's cross-field rules, plus what the form itself needs. Keys of i18n or plain messages. */
export function patternErrors(v: PatternValues, required: string): Record<string, string> {
  const e: Record<string, string> = {};
  if (v.deskId == null) e.deskId = required;
  if (!v.from) e.from = required;
  if (!v.to) e.to = required;
  if (!v.weekdays.length) e.weekdays = required;
  if (!TIME.test(v.startTime ?? '')) e.startTime = required;
  if (!TIME.test(v.endTime ?? '')) e.endTime = required;
  if (!Number.isInteger(v.everyMinutes) || (v.everyMinutes ?? 0) < 5) e.everyMinutes = required;
  if (!Number.isInteger(v.seats) || (v.seats ?? 0) < 1) e.seats = required;
  const p = toPattern(v);
  if (p) Object.assign(e, slotPatternProblems(p), e);
  return e;
}

export interface PatternPreview {
  slots: number;
  seats: number;
  days: number;
  skipped: Array<{ date: string; name: string }>;
}

/** What the server will make for this desk (its own dates and the closed days taken into account). */
export function previewPattern(v: PatternValues, desk?: { opensOn?: string | null; closesOn?: string | null } | null, closedDays: readonly string[] = []): PatternPreview | null {
  const p = toPattern(v);
  if (!p || Object.keys(slotPatternProblems(p)).length) return null;
  const { slots, skipped } = slotsFromPattern(p, { closedDays, deskOpensOn: desk?.opensOn ?? null, deskClosesOn: desk?.closesOn ?? null });
  const days = new Set(slots.map((s) => s.startsAt.toISOString().slice(0, 10))).size;
  return { slots: slots.length, seats: slots.reduce((n, s) => n + s.capacity, 0), days, skipped: skipped.map((s) => ({ date: s.date, name: s.name })) };
}

export { MAX_PATTERN_DAYS };
