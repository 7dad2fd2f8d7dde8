import { TestApp } from '../support/test-app';
import { appointmentBody, createAppointment, createDesk, createSlot } from '../support/desk-fixtures';

// Issue #21 item 2: real concurrent HTTP requests against a listening server. A slot is
// never overbooked whatever order the transactions commit in, and moving one appointment
// twice at once leaves it in exactly one slot with the seats counted once.
describe('appointment slots under concurrency', () => {
  let t: TestApp;
  let counter: string;

  beforeAll(async () => {
    t = await TestApp.start({ listen: true });
    counter = await t.token('counter');
  });
  afterAll(() => t.close());

  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${t.baseUrl}${path}`, {
      method,
      headers: { Authorization: `Bearer ${counter}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  // Seats on the slot row against what the appointments hold (walk-ins take none).
  const seats = async (slotId: number) => {
    const [row] = await t.sql<{ booked: number; capacity: number; held: number; live: number }>(
      `SELECT s.booked, s.capacity,
              coalesce((SELECT sum(a.party_size) FROM appointments a WHERE a.slot_id = s.id AND a.status <> 'cancelled' AND NOT a.walk_in), 0)::int AS held,
              (SELECT count(*) FROM appointments a WHERE a.slot_id = s.id AND a.status = 'booked')::int AS live
         FROM appointment_slots s WHERE s.id = $1`,
      [slotId],
    );
    return row;
  };

  it('takes exactly 5 seats of a slot of 5 under 300 parallel bookings; the other 295 get 409', async () => {
    const slot = await createSlot(t, undefined, { capacity: 5 });
    const results = await Promise.all(Array.from({ length: 300 }, (_, i) => call('POST', '/api/appointments', appointmentBody(slot.id, { residentName: `住民 ${i}` }))));

    const created = results.filter((r) => r.status === 201);
    const refused = results.filter((r) => r.status === 409);
    expect(created).toHaveLength(5);
    expect(refused).toHaveLength(295);
    expect(new Set(refused.map((r) => r.body.code))).toEqual(new Set(['appointment_slot_full']));
    expect(await seats(slot.id)).toEqual({ booked: 5, capacity: 5, held: 5, live: 5 });
  });

  it('never goes past the capacity with parties of different sizes booking at once', async () => {
    const slot = await createSlot(t, undefined, { capacity: 7 });
    const sizes = Array.from({ length: 120 }, (_, i) => (i % 4) + 1);
    const results = await Promise.all(sizes.map((partySize) => call('POST', '/api/appointments', appointmentBody(slot.id, { partySize }))));
    const taken = results.filter((r) => r.status === 201).reduce((s, r) => s + (r.body.partySize as number), 0);
    expect(results.every((r) => r.status === 201 || r.status === 409)).toBe(true);
    const state = await seats(slot.id);
    expect(state.booked).toBe(taken);
    expect(state.held).toBe(taken);
    expect(taken).toBeGreaterThan(0);
    expect(taken).toBeLessThanOrEqual(7);
  });

  it('moves one appointment twice at once: it ends in one slot, the seats counted once, nothing lost', async () => {
    const desk = await createDesk(t);
    const from = await createSlot(t, desk.id, { capacity: 3 });
    const a = await createSlot(t, desk.id, { capacity: 3 });
    const b = await createSlot(t, desk.id, { capacity: 3 });
    for (let round = 0; round < 10; round++) {
      const appt = await createAppointment(t, from.id, { partySize: 2 });
      const [ra, rb] = await Promise.all([call('PUT', `/api/appointments/${appt.id}`, { slotId: a.id }), call('PUT', `/api/appointments/${appt.id}`, { slotId: b.id })]);
      expect([ra.status, rb.status]).toEqual([200, 200]);
      const [row] = await t.sql<{ slot_id: number }>('SELECT slot_id FROM appointments WHERE id = $1', [appt.id]);
      expect([a.id, b.id]).toContain(row.slot_id);
      // Back to the start for the next round (and the seats with it).
      expect((await call('PUT', `/api/appointments/${appt.id}`, { slotId: from.id })).status).toBe(200);
      for (const s of [from, a, b]) {
        const state = await seats(s.id as number);
        expect(state.booked).toBe(state.held);
      }
      expect((await seats(from.id)).booked).toBe(2);
      expect((await seats(a.id)).booked + (await seats(b.id)).booked).toBe(0);
      expect((await call('PUT', `/api/appointments/${appt.id}`, { status: 'cancelled' })).status).toBe(200);
    }
  });

  it('moves in opposite directions at once without a deadlock, and a move into a full slot changes nothing', async () => {
    const desk = await createDesk(t);
    const s1 = await createSlot(t, desk.id, { capacity: 2 });
    const s2 = await createSlot(t, desk.id, { capacity: 2 });
    const one = await Promise.all(Array.from({ length: 10 }, () => createAppointment(t, s1.id, { partySize: 1 }).catch(() => null)));
    const two = await Promise.all(Array.from({ length: 10 }, () => createAppointment(t, s2.id, { partySize: 1 }).catch(() => null)));
    const a1 = one.filter(Boolean) as { id: number }[];
    const a2 = two.filter(Boolean) as { id: number }[];
    expect(a1).toHaveLength(2);
    expect(a2).toHaveLength(2);
    // Cancel one in each so each slot has one seat free, then swap the others across.
    await call('PUT', `/api/appointments/${a1[1].id}`, { status: 'cancelled' });
    await call('PUT', `/api/appointments/${a2[1].id}`, { status: 'cancelled' });
    const results = await Promise.all([call('PUT', `/api/appointments/${a1[0].id}`, { slotId: s2.id }), call('PUT', `/api/appointments/${a2[0].id}`, { slotId: s1.id })]);
    expect(results.map((r) => r.status)).toEqual([200, 200]);
    expect(await seats(s1.id)).toMatchObject({ booked: 1, held: 1 });
    expect(await seats(s2.id)).toMatchObject({ booked: 1, held: 1 });

    // s1 is then filled: moving a party of two into it is refused and leaves both slots as they were.
    await createAppointment(t, s1.id, { partySize: 1 });
    const refused = await call('PUT', `/api/appointments/${a1[0].id}`, { slotId: s1.id, partySize: 2 });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('appointment_slot_full');
    expect(await seats(s1.id)).toMatchObject({ booked: 2, held: 2 });
    expect(await seats(s2.id)).toMatchObject({ booked: 1, held: 1 });
  });
});
