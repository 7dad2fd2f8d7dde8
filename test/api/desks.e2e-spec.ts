import type request from 'supertest';
import { AppointmentErasureJob } from '../../apps/api/src/appointments/appointment-erasure.job';
import { assistanceRecordBody } from '../support/assistance-fixtures';
import { appointmentBody, createAppointment, createDesk, createIncident, createSlot, createSlotNow, createTerminal, incidentBody } from '../support/desk-fixtures';
import { pdfPages } from '../support/pdf';
import { Client_, TestApp } from '../support/test-app';

// Issue #21: support desks, slots, appointments (booking, cancel, move, check-in), the
// counter's day, privacy (who sees names, erasure after the retention), shared terminals
// and wrong-person incidents, the desks' stats and papers.

const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};
const today = () => new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10);
const DAY = 86_400_000;

describe('support desks', () => {
  let t: TestApp;
  let admin: Client_;
  let policy: Client_;
  let counter: Client_;
  let manager: Client_;

  beforeAll(async () => {
    t = await TestApp.start();
    [admin, policy, counter, manager] = await Promise.all(['admin', 'policy', 'counter', 'manager'].map((r) => t.as(r)));
  });
  afterAll(() => t.close());

  const slotState = async (id: number) => (await t.sql<{ booked: number }>('SELECT booked FROM appointment_slots WHERE id = $1', [id]))[0].booked;

  describe('desks', () => {
    it('needs dates for a pop-up desk, in order, and a name of its own', async () => {
      const popup = await policy.post('/api/desks').send({ name: '出張窓口 安田公民館', office: 'popup' }).expect(400);
      expect(popup.body.code).toBe('desk_popup_dates_required');
      expect(popup.body.errors).toHaveProperty('opensOn');
      const order = await policy.post('/api/desks').send({ name: '出張窓口 安田公民館', office: 'popup', opensOn: '2022-09-16', closesOn: '2022-09-05' }).expect(400);
      expect(order.body.code).toBe('desk_dates_order');
      const ok = await policy.post('/api/desks').send({ name: '出張窓口 安田公民館', office: 'popup', opensOn: '2022-09-05', closesOn: '2022-09-16' }).expect(201);
      expect(ok.body).toMatchObject({ office: 'popup', opensOn: '2022-09-05', closesOn: '2022-09-16', active: true });
      expect((await policy.post('/api/desks').send({ name: '出張窓口 安田公民館', office: 'main_office' }).expect(409)).body.code).toBe('desk_name_taken');
      await counter.post('/api/desks').send({ name: '窓口', office: 'main_office' }).expect(403);
    });

    it('keeps a desk that has slots (409) and deletes one that has none', async () => {
      const slot = await createSlot(t);
      expect((await admin.delete(`/api/desks/${slot.deskId}`).expect(409)).body.code).toBe('desk_in_use');
      const bare = await createDesk(t);
      await admin.delete(`/api/desks/${bare.id}`).expect(200);
    });
  });

  describe('generating slots from a weekly pattern', () => {
    const pattern = (deskId: number, over: Record<string, unknown> = {}) => ({ deskId, from: '2030-09-16', to: '2030-09-20', weekdays: [1, 2, 3, 4, 5], startTime: '09:00', endTime: '12:00', everyMinutes: 30, seats: 2, ...over });

    it('skips public holidays and the municipality’s closed days, and makes each slot once', async () => {
      const [own] = (await admin.get('/api/municipalities').expect(200)).body as { id: number }[];
      await admin.put(`/api/municipalities/${own.id}`).send({ closedDays: ['2030-09-18'] }).expect(200);
      const desk = await createDesk(t);
      const res = await policy.post('/api/appointment-slots/generate').send(pattern(desk.id)).expect(201);
      // 9/16 is 敬老の日 (third Monday); 9/18 the city's own closed day; 3 days × 6 slots.
      expect(res.body).toEqual({
        created: 18,
        existing: 0,
        skipped: [
          { date: '2030-09-16', reason: 'holiday', name: '敬老の日' },
          { date: '2030-09-18', reason: 'municipality', name: '市の休業日' },
        ],
      });
      const again = await policy.post('/api/appointment-slots/generate').send(pattern(desk.id)).expect(201);
      expect(again.body).toMatchObject({ created: 0, existing: 18 });
      const list = await policy.get(`/api/appointment-slots?filter=${encodeURIComponent(JSON.stringify({ deskId: desk.id, startsAt: '2030-09-17' }))}&range=[0,99]`).expect(200);
      expect(list.body.map((s: { startsAt: string }) => new Date(s.startsAt).toISOString())).toEqual(
        ['00:00', '00:30', '01:00', '01:30', '02:00', '02:30'].map((hm) => `2030-09-17T${hm}:00.000Z`),
      );
      expect(list.body[0]).toMatchObject({ capacity: 2, booked: 0, remaining: 2, status: 'open', deskName: desk.name });
      await admin.put(`/api/municipalities/${own.id}`).send({ closedDays: [] }).expect(200);
    });

    it('closes the city hall over the year end (12/29 – 1/3) and keeps to a pop-up desk’s dates', async () => {
      const desk = await createDesk(t, { office: 'popup', opensOn: '2030-12-23', closesOn: '2031-01-07' });
      const res = await policy.post('/api/appointment-slots/generate').send(pattern(desk.id, { from: '2030-12-16', to: '2031-01-10' })).expect(201);
      const reasons = Object.fromEntries((res.body.skipped as { date: string; reason: string }[]).map((s) => [s.date, s.reason]));
      expect(reasons).toMatchObject({ '2030-12-20': 'desk_closed', '2030-12-30': 'year_end', '2030-12-31': 'year_end', '2031-01-01': 'year_end', '2031-01-02': 'year_end', '2031-01-03': 'year_end', '2031-01-08': 'desk_closed' });
      // Open: 12/23–12/27 and 1/6–1/7 (12/28–29 are a weekend), 6 slots each.
      expect(res.body.created).toBe((5 + 2) * 6);
    });

    it('refuses a pattern that cannot make a slot, field by field', async () => {
      const desk = await createDesk(t);
      const res = await policy.post('/api/appointment-slots/generate').send(pattern(desk.id, { endTime: '08:00' })).expect(400);
      expect(res.body.code).toBe('appointment_slot_pattern_invalid');
      expect(res.body.errors).toHaveProperty('endTime');
      await policy.post('/api/appointment-slots/generate').send(pattern(desk.id, { weekdays: [0] })).expect(400);
      await counter.post('/api/appointment-slots/generate').send(pattern(desk.id)).expect(403);
    });
  });

  describe('booking', () => {
    it('takes partySize seats, refuses a party that does not fit (409) and a slot that has ended (409)', async () => {
      const slot = await createSlot(t, undefined, { capacity: 3 });
      const a = await counter.post('/api/appointments').send(appointmentBody(slot.id, { partySize: 2 })).expect(201);
      expect(a.body).toMatchObject({ slotId: slot.id, status: 'booked', partySize: 2, residentName: '阿賀野 花子', walkIn: false, assistanceRecordId: null });
      const full = await counter.post('/api/appointments').send(appointmentBody(slot.id, { partySize: 2 })).expect(409);
      expect(full.body.code).toBe('appointment_slot_full');
      expect(full.body.message).toContain('残り1席');
      expect(await slotState(slot.id)).toBe(2);

      const past = await createSlot(t, slot.deskId as number, { startsInMinutes: -120 });
      expect((await counter.post('/api/appointments').send(appointmentBody(past.id)).expect(409)).body.code).toBe('appointment_slot_past');
      expect((await counter.post('/api/appointments').send(appointmentBody(999_999)).expect(400)).body.code).toBe('appointment_slot_unknown');
      await counter.post('/api/appointments').send(appointmentBody(slot.id, { partySize: 5 })).expect(400);
      expect((await counter.post('/api/appointments').send(appointmentBody(slot.id, { residentName: null })).expect(400)).body.code).toBe('appointment_name_required');
      await counter.post('/api/appointments').send(appointmentBody(slot.id, { status: 'checked_in' })).expect(400);
    });

    it('takes card applications at the main office only', async () => {
      const popup = await createDesk(t, { office: 'popup', opensOn: '2020-01-01', closesOn: '2099-12-31' });
      const slot = await createSlot(t, popup.id);
      const res = await counter.post('/api/appointments').send(appointmentBody(slot.id, { purpose: ['card_application'] })).expect(400);
      expect(res.body.code).toBe('appointment_purpose_not_at_desk');
      expect(res.body.errors).toHaveProperty('purpose');
    });

    it('gives the seats back on cancel, once, and accepts no other status by PUT', async () => {
      const slot = await createSlot(t, undefined, { capacity: 2 });
      const a = await createAppointment(t, slot.id, { partySize: 2 });
      expect((await counter.put(`/api/appointments/${a.id}`).send({ status: 'checked_in' }).expect(409)).body.code).toBe('appointment_illegal_status');
      const cancelled = await counter.put(`/api/appointments/${a.id}`).send({ ...a, status: 'cancelled' }).expect(200);
      expect(cancelled.body.status).toBe('cancelled');
      expect(await slotState(slot.id)).toBe(0);
      expect((await counter.put(`/api/appointments/${a.id}`).send({ slotId: slot.id, partySize: 1 }).expect(409)).body.code).toBe('appointment_not_booked');
      await counter.put(`/api/appointments/${a.id}`).send({ status: 'cancelled' }).expect(200);
      expect(await slotState(slot.id)).toBe(0);
    });

    it('moves an appointment to another slot in one step, and a party grows only into free seats', async () => {
      const desk = await createDesk(t);
      const s1 = await createSlot(t, desk.id, { capacity: 2 });
      const s2 = await createSlot(t, desk.id, { capacity: 2 });
      const a = await createAppointment(t, s1.id, { partySize: 2 });
      const moved = await counter.put(`/api/appointments/${a.id}`).send({ slotId: s2.id }).expect(200);
      expect(moved.body.slotId).toBe(s2.id);
      expect([await slotState(s1.id), await slotState(s2.id)]).toEqual([0, 2]);
      await createAppointment(t, s1.id, { partySize: 1 });
      expect((await counter.put(`/api/appointments/${a.id}`).send({ slotId: s1.id }).expect(409)).body.code).toBe('appointment_slot_full');
      expect([await slotState(s1.id), await slotState(s2.id)]).toEqual([1, 2]);
      const smaller = await counter.put(`/api/appointments/${a.id}`).send({ partySize: 1, notes: '一人で来庁' }).expect(200);
      expect(smaller.body).toMatchObject({ partySize: 1, notes: '一人で来庁' });
      expect(await slotState(s2.id)).toBe(1);
      await counter.put(`/api/appointments/${a.id}`).send({ partySize: 2 }).expect(200);
      await counter.put(`/api/appointments/${a.id}`).send({ partySize: 3 }).expect(409);
      expect(await slotState(s2.id)).toBe(2);
    });

    it('writes a walk-in on today’s slot without taking a seat', async () => {
      const slot = await createSlotNow(t, undefined, 1);
      await createAppointment(t, slot.id);
      const walkIn = await counter.post('/api/appointments').send({ slotId: slot.id, purpose: ['inquiry'], walkIn: true }).expect(201);
      expect(walkIn.body).toMatchObject({ walkIn: true, residentName: null, status: 'booked' });
      expect(await slotState(slot.id)).toBe(1);
      const later = await createSlot(t, slot.deskId as number);
      expect((await counter.post('/api/appointments').send({ slotId: later.id, purpose: ['inquiry'], walkIn: true }).expect(409)).body.code).toBe('appointment_walk_in_not_today');
    });

    it('refuses a My Number in any field of a booking', async () => {
      const slot = await createSlot(t);
      const res = await counter.post('/api/appointments').send(appointmentBody(slot.id, { notes: '番号 1234 5678 9018 を持参' })).expect(400);
      expect(res.body.message).toContain('マイナンバー');
      expect(await slotState(slot.id)).toBe(0);
    });
  });

  describe('check-in and the counter’s day', () => {
    it('marks the arrival and opens the visit record prefilled from the booking', async () => {
      const slot = await createSlotNow(t);
      const a = await createAppointment(t, slot.id, { purpose: ['mykey_reservation', 'point_application'] });
      await policy.post(`/api/appointments/${a.id}/check-in`).expect(403);
      const res = await counter.post(`/api/appointments/${a.id}/check-in`).expect(200);
      expect(res.body).toMatchObject({ status: 'checked_in', assistanceRecordId: expect.any(Number) });
      expect(res.body.checkedInAt).toBeTruthy();
      const record = await counter.get(`/api/assistance-records/${res.body.assistanceRecordId}`).expect(200);
      expect(record.body).toMatchObject({ office: 'main_office', assistanceTypes: ['mykey_reservation', 'point_application'], outcome: 'completed', durationMinutes: 30 });
      // The clerk saves the prefilled visit as their own record, the same day.
      await counter.put(`/api/assistance-records/${record.body.id}`).send({ ...record.body, durationMinutes: 25, visitedAt: new Date().toISOString() }).expect(200);
      expect((await counter.post(`/api/appointments/${a.id}/check-in`).expect(409)).body.code).toBe('appointment_already_checked_in');
    });

    it('records a pop-up desk’s visit under a branch office, and checks in only on the booking’s day', async () => {
      const popup = await createDesk(t, { office: 'popup', opensOn: '2020-01-01', closesOn: '2099-12-31' });
      const slot = await createSlotNow(t, popup.id);
      const a = await createAppointment(t, slot.id);
      const res = await counter.post(`/api/appointments/${a.id}/check-in`).expect(200);
      expect((await t.sql<{ office: string }>('SELECT office FROM assistance_records WHERE id = $1', [res.body.assistanceRecordId]))[0].office).toBe('branch_office');
      const tomorrow = await createAppointment(t, (await createSlot(t, popup.id)).id);
      expect((await counter.post(`/api/appointments/${tomorrow.id}/check-in`).expect(409)).body.code).toBe('appointment_not_today');
    });

    it('shows the day per slot with who is booked, arrived, late or walked in; a manager sees counts without names', async () => {
      const desk = await createDesk(t);
      const slot = await createSlotNow(t, desk.id, 3);
      const late = await createAppointment(t, slot.id, { residentName: '遅れ 太郎' });
      const arrived = await createAppointment(t, slot.id, { residentName: '来庁 花子' });
      await counter.post(`/api/appointments/${arrived.id}/check-in`).expect(200);
      await counter.post('/api/appointments').send({ slotId: slot.id, purpose: ['inquiry'], walkIn: true }).expect(201);
      // The slot began 15 minutes ago: the booked resident is late.
      await t.sql(`UPDATE appointment_slots SET starts_at = starts_at - interval '10 minutes' WHERE id = $1`, [slot.id]);

      const board = await counter.get(`/api/desks/${desk.id}/today`).expect(200);
      expect(board.body).toMatchObject({ deskId: desk.id, date: today(), contactVisible: true, totals: { booked: 1, checkedIn: 1, walkIns: 1, late: 1, seatsBooked: 2, capacity: 3 } });
      const [s] = board.body.slots;
      expect(s.appointments.map((x: Record<string, unknown>) => [x.id === late.id ? 'late' : x.id === arrived.id ? 'arrived' : 'walk-in', x.status, x.late])).toEqual([
        ['late', 'booked', true],
        ['arrived', 'checked_in', false],
        ['walk-in', 'booked', false],
      ]);
      expect(s.appointments[0].residentName).toBe('遅れ 太郎');

      const seen = await manager.get(`/api/desks/${desk.id}/today`).expect(200);
      expect(seen.body.contactVisible).toBe(false);
      expect(JSON.stringify(seen.body)).not.toContain('遅れ 太郎');
      expect(seen.body.totals).toEqual(board.body.totals);
      await manager.get(`/api/desks/${desk.id}/today?date=2022-13-01`).expect(400);
    });

    it('marks the booked appointments of slots that have ended as no-shows at the end of the day', async () => {
      const desk = await createDesk(t);
      const slot = await createSlotNow(t, desk.id, 2);
      const a = await createAppointment(t, slot.id);
      await t.sql(`UPDATE appointment_slots SET starts_at = now() - interval '3 minutes', ends_at = now() - interval '1 minute' WHERE id = $1`, [slot.id]);
      const open = await createSlotNow(t, desk.id, 2);
      const b = await createAppointment(t, open.id);
      const res = await counter.post('/api/appointments/no-shows').send({ deskId: desk.id }).expect(200);
      expect(res.body).toEqual({ marked: 1 });
      expect((await counter.get(`/api/appointments/${a.id}`).expect(200)).body.status).toBe('no_show');
      expect((await counter.get(`/api/appointments/${b.id}`).expect(200)).body.status).toBe('booked');
      expect(await slotState(slot.id)).toBe(1);
      expect((await counter.post('/api/appointments/no-shows').send({ deskId: 999_999 }).expect(404)).body.code).toBe('appointment_desk_not_found');
      await manager.post('/api/appointments/no-shows').send({ deskId: desk.id }).expect(403);
    });

    it('prints the day sheet in Japanese, with names for the counter and without for a manager', async () => {
      const desk = await createDesk(t, { name: '予約表テスト窓口' });
      const slot = await createSlotNow(t, desk.id);
      await createAppointment(t, slot.id, { residentName: '印刷 次郎' });
      const res = await counter.get(`/api/reports/day-sheet?deskId=${desk.id}`).buffer(true).parse(binary).expect(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      const text = pdfPages(res.body as Buffer).join('\n');
      expect(text).toContain('窓口の予約表');
      expect(text).toContain('予約表テスト窓口');
      expect(text).toContain('印刷 次郎');
      const hidden = await manager.get(`/api/reports/day-sheet?deskId=${desk.id}`).buffer(true).parse(binary).expect(200);
      expect(pdfPages(hidden.body as Buffer).join('\n')).not.toContain('印刷 次郎');
      await counter.get('/api/reports/day-sheet?deskId=abc').expect(400);
    });
  });

  describe('privacy', () => {
    it('hides names, phone numbers and notes from a manager, who cannot search by them either', async () => {
      const slot = await createSlot(t);
      const a = await createAppointment(t, slot.id, { residentName: '秘密 花子', phone: '0250-00-1111', notes: '耳が遠い' });
      const one = await manager.get(`/api/appointments/${a.id}`).expect(200);
      expect(one.body).toMatchObject({ residentName: null, phone: null, notes: null, partySize: 1, status: 'booked' });
      const list = await manager.get('/api/appointments?range=[0,999]').expect(200);
      expect(JSON.stringify(list.body)).not.toContain('秘密');
      expect((await manager.get(`/api/appointments?filter=${encodeURIComponent('{"q":"秘密"}')}`).expect(403)).body.code).toBe('appointment_contact_hidden');
      await manager.get(`/api/appointments?filter=${encodeURIComponent('{"residentName":"秘密"}')}`).expect(403);
      expect((await counter.get(`/api/appointments?filter=${encodeURIComponent('{"q":"秘密"}')}`).expect(200)).body).toHaveLength(1);
    });

    it('never puts names or phone numbers in a bulk export', async () => {
      const slot = await createSlot(t);
      await createAppointment(t, slot.id, { residentName: '輸出 花子', phone: '0250-99-8888' });
      const res = await manager.get('/api/exports/appointments?format=csv').buffer(true).parse(binary).expect(200);
      const csv = (res.body as Buffer).toString('utf8');
      expect(csv).not.toContain('輸出 花子');
      expect(csv).not.toContain('0250-99-8888');
      expect(csv.split('\r\n')[0]).not.toContain('氏名');
      expect(csv.split('\r\n')[0]).toContain('人数');
    });

    it('erases names and phone numbers after the retention, by the job at the time it is given, keeping the counts', async () => {
      const job = t.app.get(AppointmentErasureJob);
      const slot = await createSlot(t, undefined, { capacity: 3 });
      const a = await createAppointment(t, slot.id, { residentName: '消去 太郎', phone: '0250-11-2222', notes: '連絡済み', partySize: 2 });
      const visit = new Date(slot.endsAt as string).getTime();

      await job.run(new Date(visit + 89 * DAY));
      expect((await counter.get(`/api/appointments/${a.id}`).expect(200)).body).toMatchObject({ residentName: '消去 太郎', erasedAt: null });

      const erased = await job.run(new Date(visit + 91 * DAY));
      expect(erased['152234']).toBeGreaterThanOrEqual(1);
      const after = (await counter.get(`/api/appointments/${a.id}`).expect(200)).body;
      expect(after).toMatchObject({ residentName: null, phone: null, notes: null, partySize: 2, status: 'booked', slotId: slot.id });
      expect(after.erasedAt).toBeTruthy();
      expect(await slotState(slot.id)).toBe(2);

      // A municipality's own retention: 30 days.
      const [own] = (await admin.get('/api/municipalities').expect(200)).body as { id: number }[];
      await admin.put(`/api/municipalities/${own.id}`).send({ appointmentRetentionDays: 30 }).expect(200);
      const b = await createAppointment(t, slot.id, { residentName: '三十日 花子' });
      await job.run(new Date(visit + 29 * DAY));
      expect((await counter.get(`/api/appointments/${b.id}`).expect(200)).body.residentName).toBe('三十日 花子');
      await job.run(new Date(visit + 31 * DAY));
      expect((await counter.get(`/api/appointments/${b.id}`).expect(200)).body.residentName).toBeNull();
      await admin.put(`/api/municipalities/${own.id}`).send({ appointmentRetentionDays: 0 }).expect(400);
      await admin.put(`/api/municipalities/${own.id}`).send({ appointmentRetentionDays: 90 }).expect(200);
    });
  });

  describe('shared terminals', () => {
    it('requires the checklist whenever a terminal is recorded for a reservation or an application', async () => {
      const terminal = await createTerminal(t);
      const missing = await counter.post('/api/assistance-records').send(assistanceRecordBody({ assistanceTypes: ['point_application'], terminalId: terminal.id })).expect(400);
      expect(missing.body.code).toBe('wrong_person_checklist_required');
      expect(missing.body.errors).toHaveProperty('terminalLoggedOut');
      const ok = await counter
        .post('/api/assistance-records')
        .send(assistanceRecordBody({ assistanceTypes: ['point_application'], terminalId: terminal.id, terminalLoggedOut: true, serviceIdReadBack: true }))
        .expect(201);
      expect(ok.body).toMatchObject({ terminalId: terminal.id, sharedTerminalUsed: true });
      // Turning "shared terminal" off while the terminal stays recorded changes nothing.
      const put = await counter.put(`/api/assistance-records/${ok.body.id}`).send({ sharedTerminalUsed: false, terminalLoggedOut: false }).expect(400);
      expect(put.body.code).toBe('wrong_person_checklist_required');
      expect((await counter.post('/api/assistance-records').send(assistanceRecordBody({ terminalId: 999_999 })).expect(400)).body.code).toBe('assistance_record_terminal_not_found');
      // The database holds the rule too.
      await expect(t.sql('UPDATE assistance_records SET shared_terminal_used = false WHERE id = $1', [ok.body.id])).rejects.toThrow(/assistance_records_terminal_shared|wrong_person_checklist/);
    });

    it('shows the visits before and after a given visit on that terminal', async () => {
      const desk = await createDesk(t);
      const terminal = await createTerminal(t, desk.id);
      const other = await createTerminal(t, desk.id);
      const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();
      const visit = async (terminalId: number, minutesAgo: number) =>
        (await counter.post('/api/assistance-records').send(assistanceRecordBody({ terminalId, visitedAt: at(minutesAgo), assistanceTypes: ['inquiry'] })).expect(201)).body.id as number;
      const v = [await visit(terminal.id, 50), await visit(terminal.id, 40), await visit(other.id, 35), await visit(terminal.id, 30), await visit(terminal.id, 20), await visit(terminal.id, 10)];
      const log = await policy.get(`/api/terminals/${terminal.id}/log?around=${v[3]}&count=1`).expect(200);
      expect(log.body.visits.map((x: { id: number; position: number }) => [x.id, x.position])).toEqual([
        [v[1], -1],
        [v[3], 0],
        [v[4], 1],
      ]);
      const wide = await policy.get(`/api/terminals/${terminal.id}/log?around=${v[0]}&count=5`).expect(200);
      expect(wide.body.visits.map((x: { id: number }) => x.id)).toEqual([v[0], v[1], v[3], v[4], v[5]]);
      expect(wide.body.visits[0]).toMatchObject({ position: 0, staffName: expect.any(String), terminalLoggedOut: false });
      expect((await policy.get(`/api/terminals/${terminal.id}/log?around=${v[2]}`).expect(400)).body.code).toBe('terminal_visit_not_on_terminal');
      await policy.get(`/api/terminals/${terminal.id}/log?count=0`).expect(400);
      expect((await admin.delete(`/api/terminals/${terminal.id}`).expect(409)).body.code).toBe('terminal_in_use');
    });
  });

  describe('wrong-person incidents', () => {
    it('links the visits involved and keeps its workflow and history like a fraud report', async () => {
      const terminal = await createTerminal(t);
      const r1 = (await counter.post('/api/assistance-records').send(assistanceRecordBody({ terminalId: terminal.id })).expect(201)).body.id;
      const r2 = (await counter.post('/api/assistance-records').send(assistanceRecordBody({ terminalId: terminal.id })).expect(201)).body.id;
      const created = await counter.post('/api/wrong-person-incidents').send(incidentBody({ terminalId: terminal.id, assistanceRecordIds: [r2, r1] })).expect(201);
      expect(created.body).toMatchObject({ status: 'new', terminalId: terminal.id, assistanceRecordIds: [r1, r2].sort((a, b) => a - b), residentsContactStatus: 'not_contacted', operatorReplyStatus: 'not_asked' });
      const id = created.body.id;

      expect((await policy.post('/api/wrong-person-incidents').send(incidentBody({ assistanceRecordIds: [999_999] })).expect(400)).body.code).toBe('wrong_person_incident_unknown_visit');
      expect((await policy.put(`/api/wrong-person-incidents/${id}`).send({ status: 'reported' }).expect(409)).body.code).toBe('wrong_person_incident_illegal_transition');
      await policy.put(`/api/wrong-person-incidents/${id}`).send({ status: 'investigating', statusComment: '端末の利用記録を確認', residentsContactStatus: 'contacting', operatorReplyStatus: 'asked' }).expect(200);
      const needs = await policy.put(`/api/wrong-person-incidents/${id}`).send({ status: 'reported' }).expect(400);
      expect(needs.body.errors).toHaveProperty('micReportedOn');
      const reported = await policy
        .put(`/api/wrong-person-incidents/${id}`)
        .send({ status: 'reported', micReportedOn: '2022-10-01', micReportRef: '阿市民第1号', operatorReplyStatus: 'replied', operatorReply: '再付与済み', assistanceRecordIds: [r1] })
        .expect(200);
      expect(reported.body).toMatchObject({ status: 'reported', micReportedOn: '2022-10-01', assistanceRecordIds: [r1], operatorReply: '再付与済み' });
      const history = await manager.get(`/api/wrong-person-incidents/${id}/history`).expect(200);
      expect(history.body.map((h: { fromStatus: string | null; toStatus: string; comment: string | null }) => [h.fromStatus, h.toStatus, h.comment])).toEqual([
        [null, 'new', null],
        ['new', 'investigating', '端末の利用記録を確認'],
        ['investigating', 'reported', null],
      ]);
      await manager.put(`/api/wrong-person-incidents/${id}`).send({ status: 'closed' }).expect(403);
      await counter.put(`/api/wrong-person-incidents/${id}`).send({ status: 'closed' }).expect(403);
      expect((await createIncident(t, { occurredOn: '2022-09-01' })).status).toBe('new');
    });
  });

  describe('stats and the monthly report', () => {
    it('counts booked seats against capacity, no-shows, walk-ins and the wait per desk and day', async () => {
      const desk = await createDesk(t, { name: '集計テスト窓口' });
      const slot = await createSlotNow(t, desk.id, 4);
      const a = await createAppointment(t, slot.id, { partySize: 2 });
      const b = await createAppointment(t, slot.id);
      const c = await createAppointment(t, slot.id);
      await counter.put(`/api/appointments/${c.id}`).send({ status: 'cancelled' }).expect(200);
      const checked = await counter.post(`/api/appointments/${a.id}/check-in`).expect(200);
      // The visit began 6 minutes after the arrival.
      await t.sql(`UPDATE appointments SET checked_in_at = now() - interval '6 minutes' WHERE id = $1`, [a.id]);
      await t.sql(`UPDATE assistance_records SET visited_at = now() WHERE id = $1`, [checked.body.assistanceRecordId]);
      await counter.post('/api/appointments').send({ slotId: slot.id, purpose: ['inquiry'], walkIn: true }).expect(201);
      await t.sql(`UPDATE appointment_slots SET starts_at = now() - interval '3 minutes', ends_at = now() - interval '1 minute' WHERE id = $1`, [slot.id]);
      await counter.post('/api/appointments/no-shows').send({ deskId: desk.id, date: today() }).expect(200);
      expect((await counter.get(`/api/appointments/${b.id}`).expect(200)).body.status).toBe('no_show');

      const res = await manager.get(`/api/stats/desks?from=${today()}&to=${today()}`).expect(200);
      const mine = res.body.byDesk.find((d: { deskId: number }) => d.deskId === desk.id);
      expect(mine).toMatchObject({ deskName: '集計テスト窓口', office: 'main_office', capacity: 4, seatsBooked: 3, appointments: 3, checkedIn: 1, noShows: 1, cancelled: 1, walkIns: 1, noShowRatePercent: 50 });
      expect(mine.avgWaitMinutes).toBeCloseTo(6, 0);
      expect(res.body.byDeskDay.find((d: { deskId: number }) => d.deskId === desk.id)).toMatchObject({ date: today(), capacity: 4, walkIns: 1 });
    });

    it('gives the monthly report a desks page and sheet', async () => {
      const month = today().slice(0, 7);
      const pdf = await manager.get(`/api/reports/monthly?month=${month}&format=pdf`).buffer(true).parse(binary).expect(200);
      const text = pdfPages(pdf.body as Buffer).join('\n');
      expect(text).toContain('7. 窓口の予約');
      expect(text).toContain('集計テスト窓口');
      expect(text).not.toContain('秘密 花子');
    });
  });
});
