import type { TestApp } from './test-app';

// Support desks (issue #21): bodies the API accepts and helpers that create desks, slots,
// appointments, terminals and wrong-person incidents through the API (as admin unless
// told otherwise).

let seq = 0;

export function deskBody(overrides: Record<string, unknown> = {}) {
  return { name: `本庁 マイナポイント窓口 ${process.pid}-${++seq}`, office: 'main_office', place: '市役所 1階', ...overrides };
}

export type Rec = { id: number } & Record<string, unknown>;

async function created(res: { status: number; body: Rec }, what: string): Promise<Rec> {
  if (res.status !== 201) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function createDesk(t: TestApp, overrides: Record<string, unknown> = {}, as = 'admin'): Promise<Rec> {
  return created(await (await t.as(as)).post('/api/desks').send(deskBody(overrides)), 'create desk');
}

/** A slot starting `startsInMinutes` from now (default: tomorrow), lasting 30 minutes. */
export function slotBody(deskId: number, opts: { capacity?: number; startsInMinutes?: number } = {}) {
  const start = Date.now() + (opts.startsInMinutes ?? 24 * 60) * 60_000 + ++seq * 1000;
  return { deskId, startsAt: new Date(start).toISOString(), endsAt: new Date(start + 30 * 60_000).toISOString(), capacity: opts.capacity ?? 3 };
}

export async function createSlot(t: TestApp, deskId?: number, opts: { capacity?: number; startsInMinutes?: number } = {}, as = 'admin'): Promise<Rec> {
  const desk = deskId ?? (await createDesk(t)).id;
  return created(await (await t.as(as)).post('/api/appointment-slots').send(slotBody(desk, opts)), 'create slot');
}

/** A slot of today that began five minutes ago: residents can be checked in on it. */
export function createSlotNow(t: TestApp, deskId?: number, capacity = 3): Promise<Rec> {
  return createSlot(t, deskId, { capacity, startsInMinutes: -5 });
}

export function appointmentBody(slotId: number, overrides: Record<string, unknown> = {}) {
  return { slotId, residentName: '阿賀野 花子', phone: '0250-62-2510', purpose: ['point_application'], partySize: 1, ...overrides };
}

export async function createAppointment(t: TestApp, slotId: number, overrides: Record<string, unknown> = {}, as = 'counter'): Promise<Rec> {
  return created(await (await t.as(as)).post('/api/appointments').send(appointmentBody(slotId, overrides)), 'create appointment');
}

export async function createTerminal(t: TestApp, deskId?: number, overrides: Record<string, unknown> = {}): Promise<Rec> {
  const desk = deskId ?? (await createDesk(t)).id;
  return created(await (await t.as('admin')).post('/api/terminals').send({ deskId: desk, name: `貸出PC ${++seq}号機`, ...overrides }), 'create terminal');
}

export function incidentBody(overrides: Record<string, unknown> = {}) {
  return {
    occurredOn: '2022-09-20',
    cause: 'terminal_not_logged_out',
    description: '前の来庁者が決済サービスからログアウトしないまま、次の来庁者の申し込みを行った。',
    ...overrides,
  };
}

export async function createIncident(t: TestApp, overrides: Record<string, unknown> = {}, as = 'admin'): Promise<Rec> {
  return created(await (await t.as(as)).post('/api/wrong-person-incidents').send(incidentBody(overrides)), 'create incident');
}
