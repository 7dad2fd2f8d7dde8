import { TestApp } from '../support/test-app';

// Under row-level security every statement of the API carries `municipality_code = …`:
// an index of a municipality's table that does not start with the code cannot serve it
// (a list's count becomes a scan of the municipality's whole key range). Migration
// 1764001810000 made every index lead with it; this keeps new ones doing so.
describe('indexes of municipality-owned tables', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start({ seed: [] });
  });
  afterAll(() => t.close());

  // Read across municipalities on purpose: a token before its municipality is known, and
  // start-up's look at every municipality's unfinished imports.
  const ACROSS = ['imports_unfinished_idx', 'sessions_token_hash_idx'];

  it('lead with municipality_code, except the two that are read across municipalities', async () => {
    const rows = await t.sql<{ index: string; first: string }>(
      `SELECT i.relname AS index, a.attname AS first
         FROM pg_index x
         JOIN pg_class i ON i.oid = x.indexrelid
         JOIN pg_class c ON c.oid = x.indrelid
         LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = x.indkey[0]
        WHERE EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid AND p.polname = 'tenant')
        ORDER BY 1`,
    );
    expect(rows.length).toBeGreaterThan(50);
    expect(rows.filter((r) => r.first !== 'municipality_code').map((r) => r.index)).toEqual(ACROSS);
  });
});
