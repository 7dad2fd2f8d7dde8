import { sanitizeForAudit } from './audit.service';

describe('sanitizeForAudit', () => {
  it('drops write-only secrets at any depth and keeps the rest', () => {
    const out = sanitizeForAudit({ name: 'x', password: 'p', nested: [{ myKeyId: 'AB12CD7Q', ok: 1 }], accessToken: 't' });
    expect(out).toEqual({ name: 'x', nested: [{ ok: 1 }] });
  });
});
