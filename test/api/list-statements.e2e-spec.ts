import { Client as PgClient } from 'pg';
import { listQuery, TestApp } from '../support/test-app';

// Issue #24: a list page's statement is kept prepared on its connection (plan reuse,
// common/db/db.service.ts `prepared: 'bounded'`): its text depends on which fields are
// filtered and the sort, never on the values, which travel as parameters.

describe('list statements', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(async () => t?.close());

  /** The list statements (SELECT … "__total") a request sent, with the names they were sent under. */
  async function sentFor(url: string) {
    const sent = jest.spyOn(PgClient.prototype, 'query');
    try {
      await (await t.as('admin')).get(url).expect(200);
      return sent.mock.calls
        .map(([q]) => (typeof q === 'string' ? { text: q, name: undefined } : (q as { text: string; name?: string })))
        .filter((q) => q.text.includes('__total'));
    } finally {
      sent.mockRestore();
    }
  }

  it('sends a page prepared, under one name for any values of the same filter, another for another filter or sort', async () => {
    const [a] = await sentFor(`/api/users?${listQuery({ filter: { role: 'policy' }, range: [0, 9] })}`);
    const [b] = await sentFor(`/api/users?${listQuery({ filter: { role: 'counter' }, range: [10, 19] })}`);
    const [c] = await sentFor(`/api/users?${listQuery({ filter: { active: true }, range: [0, 9] })}`);
    const [d] = await sentFor(`/api/users?${listQuery({ filter: { role: 'policy' }, sort: ['username', 'ASC'], range: [0, 9] })}`);
    expect(a.name).toMatch(/^s_[0-9a-f]{20}$/);
    expect(b.name).toBe(a.name);
    expect(b.text).not.toContain('counter');
    expect(new Set([a.name, c.name, d.name]).size).toBe(3);
  });
});
