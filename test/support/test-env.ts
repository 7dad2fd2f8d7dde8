import { AppConfig, loadConfig } from '../../apps/api/src/config/app-config';

export const TEST_HMAC_SECRET = 'test-only-mykey-hmac-secret';

export function adminDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: run the tests with `npm test`, which starts a PostgreSQL.');
  return url;
}

export function databaseUrlFor(name: string): string {
  const u = new URL(adminDatabaseUrl());
  u.pathname = `/${name}`;
  return u.toString();
}

export function testConfig(databaseName: string, overrides: Partial<AppConfig> = {}): AppConfig {
  return loadConfig(
    { ...process.env, DATABASE_URL: databaseUrlFor(databaseName), MYKEY_HMAC_SECRET: TEST_HMAC_SECRET, LOG_FORMAT: 'pretty', SEED_DEMO: 'false' },
    overrides,
  );
}

/** This run's id, shared by global setup and every worker through the environment. */
export function runId(): string {
  const id = process.env.MP_TEST_RUN;
  if (!id) throw new Error('MP_TEST_RUN is not set (global setup did not run)');
  return id;
}

export const templateName = () => `mp_tpl_${runId()}`;
