import { createQuota, newMyKeyId, reservationBody } from '../support/uptake-fixtures';
import { TestApp } from '../support/test-app';

// Real concurrent HTTP requests against a listening server: the quota must never be
// oversold and never leak units, whatever order the transactions commit in.
describe('reservation quota under concurrency', () => {
  let t: TestApp;
  let token: string;
  let adminToken: string;

  beforeAll(async () => {
    t = await TestApp.start({ listen: true });
    token = await t.token('counter');
    adminToken = await t.token('admin');
  });
  afterAll(() => t.close());

  const call = async (method: string, path: string, auth: string, body?: unknown) => {
    const res = await fetch(`${t.baseUrl}${path}`, {
      method,
      headers: { Authorization: `Bearer ${auth}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const reserve = (quotaId: number, myKeyId = newMyKeyId()) => call('POST', '/api/reservations', token, reservationBody(quotaId, { myKeyId }));

  const state = async (quotaId: number) => {
    const [row] = await t.sql<{ used: number; capacity: number; reservations: number; participants: number }>(
      `SELECT q.used, q.capacity,
              (SELECT count(*)::int FROM reservations r WHERE r.quota_id = q.id) AS reservations,
              (SELECT count(*)::int FROM participants p WHERE p.campaign_id = q.campaign_id) AS participants
       FROM reservation_quotas q WHERE q.id = $1`,
      [quotaId],
    );
    return row;
  };

  it('lets exactly 50 of 200 parallel reservations through a quota of 50; the other 150 get 409', async () => {
    const quota = await createQuota(t, { capacity: 50 });
    const results = await Promise.all(Array.from({ length: 200 }, () => reserve(quota.id)));

    const created = results.filter((r) => r.status === 201);
    const refused = results.filter((r) => r.status === 409);
    expect(created).toHaveLength(50);
    expect(refused).toHaveLength(150);
    expect(new Set(refused.map((r) => r.body.code))).toEqual(new Set(['quota_full']));
    expect(new Set(created.map((r) => r.body.id)).size).toBe(50);
    expect(await state(quota.id)).toEqual({ used: 50, capacity: 50, reservations: 50, participants: 50 });
  });

  it('admits one reservation for the same MyKey ID sent 30 times at once', async () => {
    const quota = await createQuota(t, { capacity: 100 });
    const myKeyId = newMyKeyId();
    const results = await Promise.all(Array.from({ length: 30 }, () => reserve(quota.id, myKeyId)));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409 && r.body.code === 'reservation_already_reserved')).toHaveLength(29);
    expect(await state(quota.id)).toMatchObject({ used: 1, reservations: 1, participants: 1 });
  });

  it('never leaks units under parallel delete + create churn', async () => {
    const quota = await createQuota(t, { capacity: 40 });
    const first = await Promise.all(Array.from({ length: 40 }, () => reserve(quota.id)));
    expect(first.every((r) => r.status === 201)).toBe(true);

    for (let round = 0; round < 3; round++) {
      const before = (await state(quota.id)).used;
      const existing = await t.sql<{ id: number }>('SELECT id FROM reservations WHERE quota_id = $1 ORDER BY random() LIMIT 25', [quota.id]);
      const work = [
        ...existing.map((r) => call('DELETE', `/api/reservations/${r.id}`, adminToken)),
        ...Array.from({ length: 60 }, () => reserve(quota.id)),
        // A delete of the same row twice: one 200, one 404, one unit back.
        ...(existing[0] ? [call('DELETE', `/api/reservations/${existing[0].id}`, adminToken)] : []),
      ];
      const results = await Promise.all(work);
      expect(results.every((r) => [200, 201, 404, 409].includes(r.status))).toBe(true);
      const deleted = results.filter((r) => r.status === 200).length;
      const created = results.filter((r) => r.status === 201).length;
      expect(deleted).toBe(existing.length);
      const s = await state(quota.id);
      expect(s.used).toBe(s.reservations);
      expect(s.used).toBe(before - deleted + created);
      expect(s.used).toBeLessThanOrEqual(40);
      expect(s.participants).toBe(s.reservations);
    }
  });
});
