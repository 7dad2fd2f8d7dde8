import { ModulesContainer } from '@nestjs/core';
import { Readable } from 'node:stream';
import type { PoolClient } from 'pg';
import { QueryFailedError } from 'typeorm';
import { Db } from '../../apps/api/src/common/db/db.service';
import { sqlExamples } from '../../apps/api/src/common/db/generate-sql';
import { withTenant } from '../../apps/api/src/common/db/tenant';
import { TestApp } from '../support/test-app';

// Every repository method marked @GenerateSql runs with its example arguments against
// the real (empty) database, in a transaction rolled back afterwards; the statements it
// sends are compared with the committed snapshot, so a query change shows up in review
// (update with `npm test -- test/api/sql-snapshots.e2e-spec.ts -u`). A statement the
// database cannot parse or plan fails here, whatever the snapshot says.

const ROLLBACK = new Error('rollback');

// Syntax errors, unknown columns or functions, type mismatches: a broken statement.
// (A foreign-key or check violation on example data is the database doing its job.)
const BROKEN_SQL = /^(42|22P02)/;

describe('SQL of every repository', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(() => t.close());

  // As the installation's default municipality (row-level security shows nothing to no one).
  it('matches the snapshots, and every statement runs on PostgreSQL', () => withTenant({ municipalityCode: t.config.municipalityCode }, async () => {
    const db = t.app.get(Db);
    const recorded: string[] = [];
    const run = db.run.bind(db);
    db.run = ((sql: string, params?: unknown[], opts?: unknown) => {
      recorded.push(sql);
      return run(sql, params, opts as never);
    }) as Db['run'];
    // Streams (COPY, cursors) run on a pooled connection of their own: their statements
    // are recorded too (a pooled client is wrapped once; it comes back again).
    const wrapped = new WeakSet<PoolClient>();
    const rawClient = db.rawClient.bind(db);
    db.rawClient = async () => {
      const client = await rawClient();
      if (!wrapped.has(client)) {
        wrapped.add(client);
        const query = client.query.bind(client) as (...a: unknown[]) => unknown;
        client.query = ((config: unknown, ...rest: unknown[]) => {
          const c = config as { text?: string; cursor?: { text?: string } } | string;
          const text = typeof c === 'string' ? c : (c.text ?? c.cursor?.text);
          if (text) recorded.push(text);
          return query(config, ...rest);
        }) as PoolClient['query'];
      }
      return client;
    };

    const repositories = [...t.app.get(ModulesContainer).values()]
      .flatMap((m) => [...m.providers.values()])
      .map((wrapper) => wrapper.instance as object | undefined)
      .filter((instance): instance is object => !!instance && sqlExamples(instance).length > 0)
      .sort((a, b) => a.constructor.name.localeCompare(b.constructor.name));
    expect(repositories.map((r) => r.constructor.name)).toContain('ReservationsRepository');

    for (const repo of repositories) {
      const out: string[] = [];
      for (const [method, examples] of sqlExamples(repo)) {
        for (const example of examples) {
          recorded.length = 0;
          let failure: unknown;
          await db
            .transaction(async () => {
              try {
                const result = await (repo as Record<string, (...a: unknown[]) => Promise<unknown>>)[method](...example.params);
                // A method that hands back a stream has run its statement once the stream is read.
                if (result instanceof Readable) for await (const _ of result);
              } catch (e) {
                failure = e;
              }
              throw ROLLBACK;
            })
            .catch((e) => {
              if (e !== ROLLBACK) throw e;
            });
          const code = failure instanceof QueryFailedError ? String((failure as { code?: string }).code ?? '') : '';
          if (failure && BROKEN_SQL.test(code)) throw new Error(`${repo.constructor.name}.${method}: ${String(failure)}`);
          expect(recorded.length).toBeGreaterThan(0);
          out.push(`-- ${method}${example.name ? ` (${example.name})` : ''}\n${recorded.map(tidy).join(';\n')};`);
        }
      }
      expect(out.join('\n\n')).toMatchSnapshot(repo.constructor.name);
    }
  }));
});

function tidy(sql: string): string {
  return sql
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n');
}
