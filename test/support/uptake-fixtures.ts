import type { Client_, TestApp } from './test-app';
import { createPaymentService } from './fixtures';
import { unique } from './route-cases';

// Bodies and helpers for campaigns, quotas, reservations and applications. Helpers
// create through the API as admin (what the tests check is the API's own doing).

type Rec = { id: number } & Record<string, unknown>;

/** Round 1's dates, with a unique name. */
export function campaignBody(overrides: Record<string, unknown> = {}) {
  return {
    name: unique('テストキャンペーン'),
    reservationOpensOn: '2020-07-01',
    reservationClosesOn: '2021-03-31',
    applicationOpensOn: '2020-07-01',
    applicationClosesOn: '2021-03-31',
    earningStartsOn: '2020-09-01',
    earningEndsOn: '2021-03-31',
    awardRatePercent: 25,
    capPerPersonYen: 5000,
    ...overrides,
  };
}

/** A fixed measure of Round 2's shape (7,500 yen on registration) under the campaign. */
export function measureBody(campaignId: number, overrides: Record<string, unknown> = {}) {
  return {
    campaignId,
    name: unique('施策'),
    kind: 'fixed_amount',
    fixedAmountYen: 7500,
    applicationOpensOn: '2020-07-01',
    applicationClosesOn: '2021-03-31',
    earningStartsOn: '2020-07-01',
    earningEndsOn: '2021-03-31',
    ...overrides,
  };
}

export function quotaBody(campaignId: number, overrides: Record<string, unknown> = {}) {
  return {
    campaignId,
    name: unique('予約枠'),
    capacity: 100,
    warnAtPercent: 90,
    opensAt: '2020-07-01T00:00:00+09:00',
    closesAt: '2021-04-01T00:00:00+09:00',
    ...overrides,
  };
}

let seq = 0;
/** A fresh MyKey ID (8 alphanumerics), unique within the process. */
export function newMyKeyId(): string {
  seq++;
  return `K${(process.pid % 1296).toString(36).padStart(2, '0')}${seq.toString(36).padStart(5, '0')}`.toUpperCase();
}

export function reservationBody(quotaId: number, overrides: Record<string, unknown> = {}) {
  return { quotaId, myKeyId: newMyKeyId(), channel: 'counter', reservedAt: '2020-09-01T10:00:00+09:00', ageBand: '40s', district: '水原', ...overrides };
}

export function applicationBody(myKeyId: string, paymentServiceId: number, overrides: Record<string, unknown> = {}) {
  return { myKeyId, paymentServiceId, channel: 'counter', appliedAt: '2020-09-10T10:00:00+09:00', preRegistered: false, ...overrides };
}

async function post(t: TestApp, path: string, body: object, by = 'admin'): Promise<Rec> {
  const as: Client_ = await t.as(by);
  const res = await as.post(path).send(body);
  if (res.status !== 201) throw new Error(`POST ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Created as admin, or as `by` (e.g. the operator, for a national one). */
export const createCampaign = (t: TestApp, overrides: Record<string, unknown> = {}, by = 'admin') => post(t, '/api/campaigns', campaignBody(overrides), by);

/** A measure (under a new campaign unless `campaignId` is given), created as admin or as `by`. */
export async function createMeasure(t: TestApp, overrides: Record<string, unknown> = {}, by = 'admin'): Promise<Rec> {
  const campaignId = (overrides.campaignId as number | undefined) ?? (await createCampaign(t, {}, by)).id;
  return post(t, '/api/measures', measureBody(campaignId, overrides), by);
}

export async function createQuota(t: TestApp, overrides: Record<string, unknown> = {}): Promise<Rec> {
  const campaignId = (overrides.campaignId as number | undefined) ?? (await createCampaign(t)).id;
  return post(t, '/api/reservation-quotas', quotaBody(campaignId, overrides));
}

/** A reservation; the clear MyKey ID is returned beside the record (the API never returns it). */
export async function createReservation(t: TestApp, overrides: Record<string, unknown> = {}): Promise<Rec & { myKeyId: string }> {
  const quotaId = (overrides.quotaId as number | undefined) ?? (await createQuota(t)).id;
  const body = reservationBody(quotaId, overrides);
  return { ...(await post(t, '/api/reservations', body)), myKeyId: body.myKeyId };
}

export async function createApplication(t: TestApp, overrides: Record<string, unknown> = {}): Promise<Rec & { myKeyId: string }> {
  const reservation = overrides.myKeyId ? null : await createReservation(t);
  const myKeyId = (overrides.myKeyId as string | undefined) ?? reservation!.myKeyId;
  const paymentServiceId = (overrides.paymentServiceId as number | undefined) ?? (await createPaymentService(t)).id;
  return { ...(await post(t, '/api/applications', applicationBody(myKeyId, paymentServiceId, overrides))), myKeyId };
}
