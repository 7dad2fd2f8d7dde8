import type { INestApplication } from '@nestjs/common';
import { Client, Pool } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type { Role } from '@mynapoint/domain';
import { createApp } from '../../apps/api/src/app.factory';
import type { AppConfig } from '../../apps/api/src/config/app-config';
import { connectionOptions } from '../../apps/api/src/database/data-source';
import { seedDemo } from '../../apps/api/src/database/seed';
import { DEMO_PASSWORD, usersSeed } from '../../apps/api/src/database/seed/users.seed';
import type { SeedStep } from '../../apps/api/src/database/seed/seed-context';
import { adminDatabaseUrl, runId, templateName, testConfig } from './test-env';

export const ROLES: Role[] = ['admin', 'policy', 'counter', 'manager'];
/** The municipality's four roles and the installation's two (`addInstallationUsers` creates accounts named after these). */
export const ALL_ROLES: Role[] = [...ROLES, 'operator', 'prefecture'];

export interface TestAppOptions {
  /** Seed steps to run (default: the demo users). */
  seed?: SeedStep[];
  /** Listen on a free port (browser tests). */
  listen?: boolean;
  config?: Partial<AppConfig>;
  /** Log as `npm start` does (every level, one line per request), for tests that read the logs. */
  productionLogging?: boolean;
}

type Method = 'get' | 'post' | 'put' | 'delete' | 'patch';
export type Client_ = Record<Method, (url: string) => request.Test>;

let counter = 0;

export class TestApp {
  private tokens = new Map<string, string>();

  private constructor(
    readonly app: INestApplication,
    readonly config: AppConfig,
    readonly databaseName: string,
    /** Direct SQL for checking what the API did (never for setting up what it should do). */
    readonly db: Pool,
    readonly baseUrl: string | null,
  ) {}

  static async start(opts: TestAppOptions = {}): Promise<TestApp> {
    const name = `mp_t_${runId()}_${process.pid}_${++counter}`;
    const admin = new Client({ connectionString: adminDatabaseUrl() });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${templateName()}`);
    } finally {
      await admin.end();
    }
    const config = testConfig(name, opts.config);

    const ds = new DataSource({ type: 'postgres', url: config.databaseUrl, extra: { options: connectionOptions(config) } });
    await ds.initialize();
    try {
      // A first start writes CITY_NAME, DISTRICTS and DISTRICT_POPULATION to the default
      // municipality's row (database/installation.ts); the template was migrated with the
      // defaults, so a test's own values are written here, as that start would have.
      if (opts.config && ['cityName', 'districts', 'districtPopulation'].some((k) => k in opts.config!)) {
        await ds.query('UPDATE municipalities SET name = $2, districts = $3, district_population = $4 WHERE code = $1', [
          config.municipalityCode,
          config.cityName,
          config.districts,
          JSON.stringify(config.districtPopulation),
        ]);
      }
      await seedDemo(ds, config, opts.seed ?? [usersSeed]);
    } finally {
      await ds.destroy();
    }

    const app = await createApp(config, opts.productionLogging ? { accessLog: true } : { logLevels: ['error'] });
    let baseUrl: string | null = null;
    if (opts.listen) {
      await app.listen(0, '127.0.0.1');
      baseUrl = await app.getUrl();
      baseUrl = baseUrl.replace('[::1]', '127.0.0.1');
    } else {
      await app.init();
    }
    const db = new Pool({ connectionString: config.databaseUrl, options: connectionOptions(config), max: 4 });
    db.on('error', () => undefined); // idle clients cut by outage tests
    return new TestApp(app, config, name, db, baseUrl);
  }

  get server() {
    return this.app.getHttpServer();
  }

  /** Requests without a token. */
  get anon(): Client_ {
    return this.client(undefined);
  }

  /** Requests as one of the demo users (logged in once, token cached); of another municipality with `municipalityCode`. */
  async as(username: Role | string, municipalityCode?: string): Promise<Client_> {
    return this.client(await this.token(username, DEMO_PASSWORD, municipalityCode));
  }

  async token(username: string, password = DEMO_PASSWORD, municipalityCode?: string): Promise<string> {
    const key = municipalityCode ? `${municipalityCode}/${username}` : username;
    const cached = this.tokens.get(key);
    if (cached) return cached;
    const res = await request(this.server)
      .post('/api/auth/login')
      .send(municipalityCode ? { username, password, municipalityCode } : { username, password });
    if (res.status !== 200) throw new Error(`login as ${key} failed: ${res.status} ${JSON.stringify(res.body)}`);
    this.tokens.set(key, res.body.accessToken);
    return res.body.accessToken;
  }

  /**
   * A second municipality in this database (its settings row and the four demo users), as
   * the operator would set it up; then `as(role, code)` signs in there.
   */
  async addMunicipality(code: string, name: string, districts: string[] = []): Promise<void> {
    await this.sql('INSERT INTO municipalities (code, name, districts) VALUES ($1, $2, $3) ON CONFLICT (code) DO NOTHING', [code, name, districts]);
    const client = await this.db.connect();
    try {
      await client.query('BEGIN');
      await client.query("SELECT set_config('mynapoint.municipality_code', $1, true)", [code]);
      await client.query(
        `INSERT INTO users (username, display_name, role, password_hash)
         SELECT username, display_name, role, password_hash FROM users
          WHERE municipality_code = $1 AND role IN ('admin', 'policy', 'counter', 'manager')
         ON CONFLICT DO NOTHING`,
        [this.config.municipalityCode],
      );
      await client.query('COMMIT');
    } catch (e) {
      await client.query('ROLLBACK');
      throw e;
    } finally {
      client.release();
    }
  }

  /**
   * An installation account (operator, or prefecture with its 2-digit prefecture) with the
   * demo password, as the first operator is set up by hand (docs/operations.md); then
   * `as(username)` signs in as it (no municipality code: installation accounts have none).
   */
  async addInstallationUser(username: string, role: 'operator' | 'prefecture', prefectureCode: string | null = null): Promise<void> {
    await this.sql(
      `INSERT INTO users (municipality_code, username, display_name, role, prefecture_code, password_hash)
       SELECT '000000', $1, $2, $3, $4, password_hash FROM users WHERE municipality_code = $5 AND username = 'admin'
       ON CONFLICT DO NOTHING`,
      [username, role === 'operator' ? '運用担当' : '県 市町村課', role, prefectureCode, this.config.municipalityCode],
    );
  }

  /** The accounts `operator` and `prefecture` (新潟県, 15), so `as('operator')` and `as('prefecture')` sign in. */
  async addInstallationUsers(): Promise<void> {
    await this.addInstallationUser('operator', 'operator');
    await this.addInstallationUser('prefecture', 'prefecture', '15');
  }

  /** Requests as the installation's operator (created on first use). */
  async asOperator(username = 'operator'): Promise<Client_> {
    await this.addInstallationUser(username, 'operator');
    return this.as(username);
  }

  client(token: string | undefined): Client_ {
    const make = (method: Method) => (url: string) => {
      const req = request(this.server)[method](url);
      return token ? req.set('Authorization', `Bearer ${token}`) : req;
    };
    return { get: make('get'), post: make('post'), put: make('put'), delete: make('delete'), patch: make('patch') };
  }

  async sql<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
    return (await this.db.query(text, params)).rows as T[];
  }

  async close(): Promise<void> {
    await this.db.end();
    await this.app.close();
    const admin = new Client({ connectionString: adminDatabaseUrl() });
    await admin.connect();
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${this.databaseName} WITH (FORCE)`);
    } finally {
      await admin.end();
    }
  }
}

/** `filter`, `sort` and `range` as react-admin sends them. */
export function listQuery(params: { filter?: unknown; sort?: [string, string]; range?: [number, number] }): string {
  const q = new URLSearchParams();
  if (params.filter !== undefined) q.set('filter', JSON.stringify(params.filter));
  if (params.sort) q.set('sort', JSON.stringify(params.sort));
  if (params.range) q.set('range', JSON.stringify(params.range));
  return q.toString();
}

/** The total from `Content-Range: resource 0-24/TOTAL`. */
export function totalOf(res: request.Response): number {
  const header = res.headers['content-range'];
  const m = /\/(\d+)$/.exec(String(header));
  if (!m) throw new Error(`no Content-Range total in ${header}`);
  return Number(m[1]);
}
