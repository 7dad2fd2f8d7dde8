import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createApp } from '../../apps/api/src/app.factory';
import { DEMO_PASSWORD } from '../../apps/api/src/database/seed/users.seed';
import { TestApp } from '../support/test-app';

// Issue #24: each API process serves sessions from memory and drops them on
// PostgreSQL's notices (auth/session-cache.ts, migration 1764002600000). Two app
// instances over one database, each with its own cache and its own listening
// connection, stand for two API processes (test/resilience/processes.e2e-spec.ts runs
// real ones): whatever ends a session or changes a user through one, or straight in
// the database, the other refuses or reflects on the very next request.

describe('sessions served from memory, across API instances', () => {
  let a: TestApp;
  let b: INestApplication;

  beforeAll(async () => {
    a = await TestApp.start();
    b = await createApp(a.config, { logLevels: ['error'] });
    await b.init();
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  const login = async (username: string) => {
    const res = await request(a.server).post('/api/auth/login').send({ username, password: DEMO_PASSWORD }).expect(200);
    return res.body.accessToken as string;
  };
  const meOnB = (token: string) => request(b.getHttpServer()).get('/api/auth/me').set('Authorization', `Bearer ${token}`);
  /** Two answers from B, so that the second comes from its memory. */
  const cachedOnB = async (token: string) => {
    await meOnB(token).expect(200);
    return (await meOnB(token).expect(200)).body;
  };
  const owner = <T = Record<string, any>>(sql: string, params: unknown[] = []) => a.sql<T>(sql, params);

  it('a logout through one instance is refused by the other on the next request (20 times over)', async () => {
    for (let i = 0; i < 20; i++) {
      const token = await login('policy');
      await cachedOnB(token);
      await request(a.server).post('/api/auth/logout').set('Authorization', `Bearer ${token}`).expect(200);
      await meOnB(token).expect(401);
    }
  });

  it('sees what is written straight in the database: a revocation, an expiry, a set-back last use', async () => {
    const changes = [
      `UPDATE sessions SET revoked_at = now() WHERE id = $1`,
      `UPDATE sessions SET expires_at = now() - interval '1 second' WHERE id = $1`,
      `UPDATE sessions SET last_seen_at = now() - interval '1 day' WHERE id = $1`,
      `DELETE FROM sessions WHERE id = $1`,
    ];
    for (const change of changes) {
      const token = await login('counter');
      const me = await cachedOnB(token);
      const [session] = await owner(`SELECT s.id FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.username = 'counter' ORDER BY s.id DESC LIMIT 1`);
      await owner(change, [session.id]);
      expect(me.username).toBe('counter');
      expect([change, (await meOnB(token)).status]).toEqual([change, 401]);
    }
  });

  it('refuses a session that expires while held in memory, at its expiry', async () => {
    const token = await login('policy');
    const [session] = await owner(`SELECT id FROM sessions WHERE token_hash = sha256(convert_to($1, 'UTF8'))`, [token]);
    await owner(`UPDATE sessions SET expires_at = now() + interval '1.5 seconds' WHERE id = $1`, [session.id]);
    await cachedOnB(token);
    await new Promise((r) => setTimeout(r, 1600));
    await meOnB(token).expect(401);
  });

  it('reflects a user changed in the database: a new role answers at once, a disabled user is refused', async () => {
    const token = await login('manager');
    expect((await cachedOnB(token)).role).toBe('manager');
    await owner(`UPDATE users SET role = 'policy' WHERE username = 'manager'`);
    expect((await meOnB(token).expect(200)).body.role).toBe('policy');
    await owner(`UPDATE users SET role = 'manager', active = false WHERE username = 'manager'`);
    await meOnB(token).expect(401);
    await owner(`UPDATE users SET active = true WHERE username = 'manager'`);
  });

  it('serves from memory: a change the database does not announce is not seen (so the notices are what keeps it right)', async () => {
    const token = await login('admin');
    await cachedOnB(token);
    const client = await a.db.connect();
    try {
      // The trigger off for this one transaction's statement only: nobody is told.
      await client.query('BEGIN');
      await client.query('ALTER TABLE sessions DISABLE TRIGGER sessions_auth_change');
      await client.query(`UPDATE sessions SET revoked_at = now() WHERE token_hash = sha256(convert_to($1, 'UTF8'))`, [token]);
      await client.query('ALTER TABLE sessions ENABLE TRIGGER sessions_auth_change');
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    await meOnB(token).expect(200);
    // A's instance never held it: it reads the database and refuses.
    await request(a.server).get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(401);
  });

  it('while its listening connection is down, an instance reads every session from the database, and caches again once it is back', async () => {
    const token = await login('policy');
    await cachedOnB(token);
    await owner(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'mynapoint-listen' AND datname = current_database()`);
    // Revoked without a notice reaching anyone: the listeners are gone.
    await owner(`UPDATE sessions SET revoked_at = now() WHERE token_hash = sha256(convert_to($1, 'UTF8'))`, [token]);
    await meOnB(token).expect(401);
    // Both instances listen again (each reconnects on its own).
    for (let i = 0; ; i++) {
      const [{ n }] = await owner<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'mynapoint-listen' AND datname = current_database() AND state = 'idle'`);
      if (n === 2) break;
      if (i > 100) throw new Error('the listeners did not come back');
      await new Promise((r) => setTimeout(r, 100));
    }
    const again = await login('policy');
    await cachedOnB(again);
    await request(a.server).post('/api/auth/logout').set('Authorization', `Bearer ${again}`).expect(200);
    await meOnB(again).expect(401);
  });
});
