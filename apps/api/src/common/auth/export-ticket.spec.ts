import { issueTicket, ticketTarget, verifyTicket } from './export-ticket';

describe('export tickets', () => {
  const key = 'a-test-key-of-some-length';
  const target = ticketTarget('/api/exports/payment-services', { format: 'csv', filter: '{"kind":"qr_code"}' });
  const claims = { municipalityCode: '152234', sessionId: 7, target, expiresAt: Date.now() + 60_000 };

  it('verifies a ticket for its own URL', () => {
    expect(verifyTicket(key, issueTicket(key, claims), target)).toEqual(claims);
  });

  it('refuses another URL, an expired ticket, another key and tampering', () => {
    const ticket = issueTicket(key, claims);
    expect(verifyTicket(key, ticket, ticketTarget('/api/exports/users', { format: 'csv' }))).toBeNull();
    expect(verifyTicket(key, ticket, target, claims.expiresAt + 1)).toBeNull();
    expect(verifyTicket('another-key-entirely', ticket, target)).toBeNull();
    const [payload, mac] = ticket.split('.');
    const forged = Buffer.from(JSON.stringify({ ...claims, sessionId: 8 })).toString('base64url');
    expect(verifyTicket(key, `${forged}.${mac}`, target)).toBeNull();
    expect(verifyTicket(key, `${payload}.`, target)).toBeNull();
    expect(verifyTicket(key, 'garbage', target)).toBeNull();
  });

  it('ignores parameter order and the ticket itself when naming the target', () => {
    expect(ticketTarget('/p', { b: '2', a: '1', ticket: 'x' })).toBe(ticketTarget('/p', { a: '1', b: '2' }));
  });
});
