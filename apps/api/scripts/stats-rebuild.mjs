// `npm run stats:rebuild`: recompute every stats rollup from the base tables with
// SELECT stats_rebuild() (see docs/stats.md). Connects to DATABASE_URL, else to the
// embedded PostgreSQL under .data/ the way `npm start` does: the one already running
// for the API on its port, or a fresh start of it for the duration of the rebuild.
import { existsSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join, resolve } from 'node:path';
import pg from 'pg';

const ROOT = resolve(import.meta.dirname, '../../..');

function listening(port) {
  return new Promise((done) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.once('connect', () => socket.end(() => done(true)));
    socket.once('error', () => done(false));
  });
}

async function main() {
  let url = process.env.DATABASE_URL;
  let embedded;
  if (!url) {
    const port = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
    const dataDir = join(resolve(ROOT, process.env.DATA_DIR ?? '.data'), 'pg');
    if (await listening(port)) {
      url = `postgres://postgres:postgres@127.0.0.1:${port}/mynapoint`;
    } else {
      if (!existsSync(join(dataDir, 'PG_VERSION'))) throw new Error(`No DATABASE_URL and no embedded database in ${dataDir}: run npm start once first.`);
      const { startEmbeddedPostgres } = await import('../src/database/embedded-postgres.mjs');
      embedded = await startEmbeddedPostgres({ dataDir, port, persistent: true });
      url = embedded.url;
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const t0 = Date.now();
    await client.query('SELECT stats_rebuild()');
    const { rows } = await client.query(
      `SELECT (SELECT count(*) FROM uptake_daily_stats) AS uptake, (SELECT count(*) FROM application_service_daily_stats) AS services,
              (SELECT count(*) FROM point_award_daily_stats) AS points, (SELECT count(*) FROM participant_point_stats) AS buckets,
              (SELECT count(*) FROM assistance_hourly_stats) AS assistance`,
    );
    const r = rows[0];
    process.stdout.write(
      `stats_rebuild() done in ${((Date.now() - t0) / 1000).toFixed(1)} s: ` +
        `uptake_daily_stats ${r.uptake}, application_service_daily_stats ${r.services}, point_award_daily_stats ${r.points}, ` +
        `participant_point_stats ${r.buckets}, assistance_hourly_stats ${r.assistance} rows\n`,
    );
  } finally {
    await client.end();
    if (embedded) await embedded.stop();
  }
}

main().catch((e) => {
  process.stderr.write(`stats:rebuild failed: ${e?.message ?? e}\n`);
  process.exit(1);
});
