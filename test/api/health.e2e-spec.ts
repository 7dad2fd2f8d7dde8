import { Client } from 'pg';
import { adminDatabaseUrl } from '../support/test-env';
import { TestApp } from '../support/test-app';

describe('health and docs', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(() => t.close());

  it('reports ok while the database answers', async () => {
    const res = await t.anon.get('/api/health').expect(200);
    expect(res.body).toMatchObject({ status: 'ok', database: 'up' });
  });

  it('serves the OpenAPI document with every resource', async () => {
    const res = await t.anon.get('/api/docs-json').expect(200);
    expect(res.body.openapi).toMatch(/^3\./);
    for (const path of ['/api/auth/login', '/api/payment-services', '/api/payment-services/{id}', '/api/users', '/api/audit-logs']) {
      expect(res.body.paths).toHaveProperty([path]);
    }
  });

  it('answers 404 in the error shape for unknown API paths', async () => {
    const res = await (await t.as('admin')).get('/api/nothing-here').expect(404);
    expect(res.body).toMatchObject({ statusCode: 404, code: 'not_found' });
  });
});

describe('health when the database is down', () => {
  it('answers 503', async () => {
    const t = await TestApp.start();
    const admin = new Client({ connectionString: adminDatabaseUrl() });
    await admin.connect();
    try {
      await t.anon.get('/api/health').expect(200);
      // Cut this app's connections and keep new ones out, as an outage would.
      await admin.query(`ALTER DATABASE ${t.databaseName} ALLOW_CONNECTIONS false`);
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [t.databaseName]);
      const res = await t.anon.get('/api/health');
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({ status: 'error', database: 'down' });
      await admin.query(`ALTER DATABASE ${t.databaseName} ALLOW_CONNECTIONS true`);
      await t.anon.get('/api/health').expect(200);
    } finally {
      await admin.query(`ALTER DATABASE ${t.databaseName} ALLOW_CONNECTIONS true`).catch(() => undefined);
      await admin.end();
      await t.close();
    }
  });
});

describe('start-up', () => {
  it('stops with a clear message when the database is unreachable', async () => {
    const { bootstrap } = await import('../../apps/api/src/main');
    await expect(bootstrap({ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/nowhere', MYKEY_HMAC_SECRET: 'a-secret-for-this-test', PORT: '0' })).rejects.toThrow(
      /Cannot reach PostgreSQL at 127\.0\.0\.1:1\/nowhere.*\n.*Check DATABASE_URL/,
    );
  });

  it('names every invalid setting', async () => {
    const { bootstrap } = await import('../../apps/api/src/main');
    await expect(bootstrap({ DATABASE_URL: 'mysql://x', PORT: 'abc' })).rejects.toThrow(/DATABASE_URL[\s\S]*MYKEY_HMAC_SECRET[\s\S]*PORT/);
  });
});
