// A local engine in its own process, for the kill-and-restart test: it runs one batch from a PGlite data directory and
// reports on stdout `sent <custom_id>` before each call and `finished <custom_id>` once a result is recorded, then `done`.
// Run: node --import ./lib/batch/test-support/resolve-ts-hooks.ts lib/batch/test-support/engine-child.ts
import { openDatabase } from '../../db/open-database';
import { fetchRunLine } from '../fetch-run-line';
import { createLocalEngine } from '../local-engine';

const { DATA_DIR, BASE_URL, BATCH_ID, LEASE_MS } = process.env;
if (!DATA_DIR || !BASE_URL || !BATCH_ID || !LEASE_MS) throw new Error('engine-child needs DATA_DIR, BASE_URL, BATCH_ID and LEASE_MS');

const database = await openDatabase({ dataDir: DATA_DIR });
const direct = fetchRunLine({ baseURL: BASE_URL, apiKey: 'gsk_child' });
const engine = createLocalEngine({
  db: database.db,
  runLine: (body, context) => {
    process.stdout.write(`sent ${context.customId}\n`);
    return direct(body, context);
  },
  maxInFlight: 4,
  leaseMs: Number(LEASE_MS),
  idlePollMs: 20,
});
engine.on((event) => {
  if (event.type === 'line-finished') process.stdout.write(`finished ${event.customId}\n`);
});
engine.start();
const row = await engine.finished(BATCH_ID);
await engine.stop();
await database.close();
process.stdout.write(`done ${row.status}\n`);
