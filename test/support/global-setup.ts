import { Client } from 'pg';
import { runMigrations } from '../../apps/api/src/database/data-source';
import { adminDatabaseUrl, templateName, testConfig } from './test-env';

// Once per run: a template database with every migration applied. Each test file
// clones it (CREATE DATABASE … TEMPLATE), so files run in parallel, isolated, and
// never pay for migrations again.
export default async function globalSetup(): Promise<void> {
  if (process.env.MP_TEST_RUN) return; // the other project already made it
  process.env.MP_TEST_RUN = `${Date.now().toString(36)}${process.pid}`;
  const admin = new Client({ connectionString: adminDatabaseUrl() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${templateName()}`);
  } finally {
    await admin.end();
  }
  await runMigrations(testConfig(templateName()));
}
