import { DataSource, DataSourceOptions } from 'typeorm';
import * as pg from 'pg';
import type { AppConfig } from '../config/app-config';
import { prepareInstallation } from './installation';
import { MIGRATIONS } from './migrations';

// bigint (count(*), sums of yen) and numeric arrive as numbers: every value this
// system stores stays far below 2^53.
pg.types.setTypeParser(20, (v) => parseInt(v, 10));
pg.types.setTypeParser(1700, (v) => parseFloat(v));
// `date` columns stay the 'YYYY-MM-DD' text they are, never a shifted JS Date.
pg.types.setTypeParser(1082, (v) => v);

/**
 * The owner's connections (migrations, the demo seed, tests' checks) carry the
 * installation's default municipality as a setting, so the `municipality_code` column
 * of every table fills itself (its default reads the setting). The API's connections
 * carry none: `Db` sets the signed-in user's per transaction (common/db/tenant.ts),
 * and without it row-level security shows nothing.
 */
export function connectionOptions(config: Pick<AppConfig, 'municipalityCode'>): string {
  return `-c mynapoint.municipality_code=${config.municipalityCode} -c timezone=UTC`;
}

const APP_CONNECTION_OPTIONS = '-c timezone=UTC';

// pg-pool listens for errors only on idle clients. A client that is checked out but
// between two statements (an import or an export holds one for minutes) and loses
// its server emits 'error' with nobody listening, and Node ends the process: a
// database restart would take the API down with it. Every pooled client listens;
// its holder sees the failure on its next statement and the pool drops it.
class PooledClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    this.on('error', () => undefined);
  }
}

// The request pool. When PostgreSQL is down a connection attempt fails at once
// (refused) and the request gets a 503; when it is unreachable (a host that does not
// answer) or every connection is busy, a request waits at most
// connectionTimeoutMillis for one, then 503: never a hang. Not shorter: under a
// burst, requests queue for a connection behind writes waiting on a hot row (one
// quota taking every reservation), and a valid request should not fail for that.
// TCP keep-alive finds connections whose server went away silently. No
// statement_timeout: imports run long set-based statements on this pool
// (docs/operations.md).
export const POOL = {
  Client: PooledClient,
  max: 20,
  connectionTimeoutMillis: 10_000,
  keepAlive: true,
  keepAliveInitialDelayMillis: 10_000,
} as const;

export function dataSourceOptions(config: AppConfig, entities: DataSourceOptions['entities'] = []): DataSourceOptions {
  return {
    type: 'postgres',
    url: config.appDatabaseUrl,
    entities,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
    logging: ['error', 'migration'],
    applicationName: 'mynapoint',
    extra: { options: APP_CONNECTION_OPTIONS, ...POOL },
  } as DataSourceOptions;
}

/** The owner's connection: migrations, the installation's set-up, the demo seed. */
export function ownerDataSource(config: AppConfig): DataSource {
  return new DataSource({
    ...dataSourceOptions(config),
    url: config.databaseUrl,
    extra: { options: connectionOptions(config), ...POOL, max: 4 },
    logging: ['error'],
  } as DataSourceOptions);
}

/**
 * Applies pending migrations with a short-lived owner connection (start-up and tests),
 * then prepares the installation: the API role's login and the default municipality.
 */
export async function runMigrations(config: AppConfig): Promise<string[]> {
  const ds = ownerDataSource(config);
  await ds.initialize();
  try {
    const applied = await ds.runMigrations({ transaction: 'each' });
    await prepareInstallation(ds, config);
    return applied.map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}
