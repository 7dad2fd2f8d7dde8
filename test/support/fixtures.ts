import type { TestApp } from './test-app';
import { unique } from './route-cases';

// Request bodies that the API accepts, with overrides; and helpers that create a
// record through the API (as admin) for tests that need one to exist.

export function paymentServiceBody(overrides: Record<string, unknown> = {}) {
  return {
    name: unique('テストPay'),
    operator: 'テスト決済株式会社',
    kind: 'qr_code',
    preRegistrationRequired: false,
    applicationsOpenOn: '2020-07-01',
    status: 'active',
    ...overrides,
  };
}

/** Created as admin, or as `by` (e.g. the operator, for a national one). */
export async function createPaymentService(t: TestApp, overrides: Record<string, unknown> = {}, by = 'admin'): Promise<{ id: number } & Record<string, unknown>> {
  const res = await (await t.as(by)).post('/api/payment-services').send(paymentServiceBody(overrides));
  if (res.status !== 201) throw new Error(`create payment service: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export function userBody(overrides: Record<string, unknown> = {}) {
  return { username: unique('user').slice(0, 40), displayName: 'テスト職員', role: 'counter', password: 'a-long-password', ...overrides };
}

/** Created as admin, or as `by` (e.g. the operator, for an installation account). */
export async function createUser(t: TestApp, overrides: Record<string, unknown> = {}, by = 'admin'): Promise<{ id: number } & Record<string, unknown>> {
  const res = await (await t.as(by)).post('/api/users').send(userBody(overrides));
  if (res.status !== 201) throw new Error(`create user: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
