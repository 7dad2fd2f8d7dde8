import { createHmac, timingSafeEqual } from 'node:crypto';

// A browser download cannot send an Authorization header, and reading a huge export
// into the page's memory first defeats streaming. So the UI asks for a short-lived
// ticket bound to the signed-in session and to this exact export URL, then lets the
// browser download it natively. Revoking the session revokes its tickets.
export interface TicketClaims {
  /** The session's municipality: its row is found under that municipality only. */
  municipalityCode: string;
  sessionId: number;
  /** Path and query the ticket is good for (without the ticket itself). */
  target: string;
  expiresAt: number;
}

export const TICKET_TTL_MS = 60_000;

function sign(key: string, payload: string): string {
  return createHmac('sha256', `export-ticket:${key}`).update(payload).digest('base64url');
}

export function issueTicket(key: string, claims: TicketClaims): string {
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${payload}.${sign(key, payload)}`;
}

/** The claims, or null when forged, malformed, expired or meant for another URL. */
export function verifyTicket(key: string, ticket: string, target: string, now = Date.now()): TicketClaims | null {
  const [payload, mac] = ticket.split('.');
  if (!payload || !mac) return null;
  const expected = Buffer.from(sign(key, payload));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as TicketClaims;
    if (claims.expiresAt < now || claims.target !== target || !Number.isInteger(claims.sessionId) || !/^\d{6}$/.test(String(claims.municipalityCode))) return null;
    return claims;
  } catch {
    return null;
  }
}

/** The URL a ticket covers: path plus the query without `ticket`, parameters in a stable order. */
export function ticketTarget(path: string, query: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const key of Object.keys(query).filter((k) => k !== 'ticket').sort()) params.set(key, String(query[key]));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}
