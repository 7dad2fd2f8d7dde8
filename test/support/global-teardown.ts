import { Client } from 'pg';
import { adminDatabaseUrl, runId } from './test-env';

export default async function globalTeardown(): Promise<void> {
  if (!process.env.MP_TEST_RUN || process.env.MP_TEST_TORN_DOWN) return;
  process.env.MP_TEST_TORN_DOWN = '1';
  const admin = new Client({ connectionString: adminDatabaseUrl() });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE 'mp\\_%' AND datname LIKE $1`,
      [`%${runId()}%`],
    );
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
