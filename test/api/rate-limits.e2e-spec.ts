import type { INestApplication } from '@nestjs/common';
import { createApp } from '../../apps/api/src/app.factory';
import { paymentServicesSeed } from '../../apps/api/src/database/seed/payment-services.seed';
import { usersSeed } from '../../apps/api/src/database/seed/users.seed';
import { TestApp } from '../support/test-app';

// Issue #24: the API runs as several processes, and a user's rate limit is one budget
// across them (kept in rate_limit_windows). Two app instances over one database stand in
// for two processes: the tokens are sessions in the database, so either instance serves them.
// Both listen, and the requests are real concurrent HTTP requests.
describe('rate limits shared by every API process', () => {
  const EXPORTS = 5;
  const IMPORTS = 3;
  let t: TestApp;
  let second: INestApplication;
  let one: string;
  let two: string;

  beforeAll(async () => {
    t = await TestApp.start({ listen: true, seed: [usersSeed, paymentServicesSeed], config: { rateLimitExportsPerMinute: EXPORTS, rateLimitImportsPerMinute: IMPORTS } });
    second = await createApp(t.config, { logLevels: ['error'] });
    await second.listen(0, '127.0.0.1');
    one = t.baseUrl!;
    two = (await second.getUrl()).replace('[::1]', '127.0.0.1');
  });
  afterAll(async () => {
    await second?.close();
    await t.close();
  });

  const exportOn = async (base: string, token: string) => {
    const res = await fetch(`${base}/api/exports/payment-services?format=csv`, { headers: { Authorization: `Bearer ${token}` } });
    const text = await res.text();
    return { status: res.status, retryAfter: Number(res.headers.get('retry-after')), body: res.status === 200 ? null : (JSON.parse(text) as { code: string; message: string }) };
  };
  const hitsOf = async (username: string, bucket: string) =>
    (
      await t.sql<{ n: number }>(
        `SELECT cardinality(w.hits) AS n FROM rate_limit_windows w JOIN users u ON u.municipality_code = w.municipality_code AND u.id = w.user_id
          WHERE u.username = $1 AND w.bucket = $2`,
        [username, bucket],
      )
    ).map((r) => r.n);

  it('spends one budget on either instance: the (limit + 1)-th download is refused with 429 and Retry-After', async () => {
    const token = await t.token('manager');
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await exportOn(one, token)).status);
    for (let i = 0; i < EXPORTS - 3; i++) statuses.push((await exportOn(two, token)).status);
    expect(statuses).toEqual(Array(EXPORTS).fill(200));
    const refused = await exportOn(two, token);
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({
      code: 'too_many_requests',
      message: 'ダウンロード（エクスポート・帳票）が短時間に集中しています。しばらく待ってから再度お試しください。',
    });
    // The first download was a moment ago: a unit frees up in about a minute.
    expect(refused.retryAfter).toBeGreaterThanOrEqual(50);
    expect(refused.retryAfter).toBeLessThanOrEqual(60);
    expect((await exportOn(one, token)).status).toBe(429);
    // A refused request spends nothing: the window holds the five that got through.
    expect(await hitsOf('manager', 'exports')).toEqual([EXPORTS]);
  });

  it('lets exactly the limit through when many requests arrive at once on both instances', async () => {
    const token = await t.token('admin');
    const statuses = (await Promise.all(Array.from({ length: 20 }, (_, i) => exportOn(i % 2 ? two : one, token)))).map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(EXPORTS);
    expect(statuses.filter((s) => s === 429)).toHaveLength(20 - EXPORTS);
    expect(await hitsOf('admin', 'exports')).toEqual([EXPORTS]);
  });

  it('slides on the database clock: hits older than a minute free their units and are dropped', async () => {
    const policy = await t.as('policy');
    const upload = () => policy.post('/api/imports').field('type', 'reservations').attach('file', Buffer.from('not,a,header\n'), 'x.csv');
    // Time travel: the user's imports of the last minute and a half, written as the limiter keeps them.
    const past = (...seconds: number[]) => `ARRAY[${seconds.map((s) => `now() - interval '${s} seconds'`).join(', ')}]`;
    await t.sql(
      `INSERT INTO rate_limit_windows (municipality_code, user_id, bucket, hits)
       SELECT municipality_code, id, 'imports', ${past(90, 50, 40, 30)} FROM users WHERE username = 'policy'`,
    );
    // Three of them within the minute: spent. The oldest of those leaves the window in 10 s.
    const refused = await upload().expect(429);
    expect(refused.body.message).toBe('取り込みの開始が短時間に集中しています。しばらく待ってから再度お試しください。');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(9);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(10);

    // Twenty seconds later (the same hits, moved back): two have left the window.
    await t.sql(`UPDATE rate_limit_windows SET hits = ${past(110, 70, 60, 50)} WHERE bucket = 'imports'`);
    expect((await upload()).status).toBe(400);
    expect((await upload()).status).toBe(400);
    await upload().expect(429);
    // The window keeps only what is in it: the 50-second-old hit and the two new ones.
    expect(await hitsOf('policy', 'imports')).toEqual([IMPORTS]);
  });
});
