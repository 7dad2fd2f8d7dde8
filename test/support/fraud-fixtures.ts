import type { TestApp } from './test-app';

// Fraud alert bodies the API accepts, and helpers that create one through the API
// (as admin unless told otherwise) for tests that need one to exist.

export function fraudAlertBody(overrides: Record<string, unknown> = {}) {
  return {
    reportedAt: '2020-09-14T10:30:00+09:00',
    channel: 'phone',
    impersonated: 'mic_staff',
    requestedItems: ['my_number'],
    damageYen: 0,
    district: '水原',
    description: '総務省の職員を名乗る電話で、マイナンバーを聞かれた。答えずに切った。',
    ...overrides,
  };
}

export type FraudAlert = { id: number; status: string; severity: string; noticePublishedAt: string | null } & Record<string, unknown>;

export async function createFraudAlert(t: TestApp, overrides: Record<string, unknown> = {}, as = 'admin'): Promise<FraudAlert> {
  const res = await (await t.as(as)).post('/api/fraud-alerts').send(fraudAlertBody(overrides));
  if (res.status !== 201) throw new Error(`create fraud alert: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** An alert with a complete notice draft, ready to publish. */
export function createFraudAlertWithNotice(t: TestApp, overrides: Record<string, unknown> = {}): Promise<FraudAlert> {
  return createFraudAlert(t, { noticeTitle: '総務省職員をかたる電話にご注意ください', noticeBody: '総務省や市の職員が電話でマイナンバーを聞くことは絶対にありません。', ...overrides });
}

/** Moves an alert along the given statuses through the API (as policy). */
export async function moveFraudAlert(t: TestApp, id: number, ...statuses: string[]): Promise<void> {
  const policy = await t.as('policy');
  for (const status of statuses) {
    const res = await policy.put(`/api/fraud-alerts/${id}`).send({ status });
    if (res.status !== 200) throw new Error(`move fraud alert to ${status}: ${res.status} ${JSON.stringify(res.body)}`);
  }
}
