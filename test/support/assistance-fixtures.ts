import type { Client_, TestApp } from './test-app';

// Counter assistance records: a body the API accepts, with overrides, and a helper
// that logs one through the API as a given user (the staff member is whoever posts).

export function assistanceRecordBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    visitedAt: new Date(Date.now() - 5 * 60_000).toISOString(),
    office: 'main_office',
    assistanceTypes: ['inquiry'],
    outcome: 'completed',
    durationMinutes: 10,
    ...overrides,
  };
}

export interface AssistanceRecordResponse extends Record<string, unknown> {
  id: number;
  staffId: number;
}

export async function createAssistanceRecord(t: TestApp, as: Client_ | string = 'counter', overrides: Record<string, unknown> = {}): Promise<AssistanceRecordResponse> {
  const client = typeof as === 'string' ? await t.as(as) : as;
  const res = await client.post('/api/assistance-records').send(assistanceRecordBody(overrides));
  if (res.status !== 201) throw new Error(`create assistance record: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Test setup: moves a record's visit and logging time back by whole days, as if logged then. */
export async function backdateAssistanceRecord(t: TestApp, id: number, days: number): Promise<void> {
  await t.sql(
    `UPDATE assistance_records SET visited_at = visited_at - make_interval(days => $2), created_at = created_at - make_interval(days => $2), updated_at = updated_at - make_interval(days => $2) WHERE id = $1`,
    [id, days],
  );
}
