// When something happened (reservedAt, appliedAt): the client's instant, or now when
// it is left out (the counter records what happens at the desk). An instant in the
// future is refused: a record says what did happen. A little slack absorbs clocks
// of office PCs that run a bit fast.
const CLOCK_SLACK_MS = 5 * 60_000;

export function recordedAt(value: string | null | undefined, now = new Date()): { at: Date; inFuture: boolean } {
  const at = value == null ? now : new Date(value);
  return { at, inFuture: at.getTime() > now.getTime() + CLOCK_SLACK_MS };
}
