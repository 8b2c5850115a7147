// What one cost-ledger row costs in CPU on the embedded database, written behind the way requests write it:
//   flock /tmp/flint-heavy.lock node_modules/.bin/node --conditions=react-server --import ./lib/batch/test-support/resolve-ts-hooks.ts bench/ledger-write.ts
// Standalone, not in npm run bench: five fresh PGlite databases (file-backed, real migrations), two trickle rates,
// three rounds each take ~90 s. Rows arrive a few per 10 ms tick; the figure is process CPU (all threads, as the
// server bench counts it) and main-thread CPU per row, open and migrations excluded, median of the rounds, next to
// a floor that runs the same trickle into a no-op (timers and promises only). Figures, no assertions.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Database, Db } from '../lib/db/database';
import { insertUsageRows } from '../lib/db/insert-usage-rows';
import { openDatabase } from '../lib/db/open-database';
import { usageLedger } from '../lib/db/schema';
import { recordUsage } from '../lib/usage/record-usage';
import type { UsageRow } from '../lib/usage/usage-row';

type Record = (row: UsageRow, db: Db) => Promise<void>;

/** The ledger's batching before this bench: one window per database, then one write of its rows. */
function batched(write: (rows: UsageRow[], db: Db) => Promise<unknown>, windowMs: number): Record {
  let open: { rows: UsageRow[]; done: Promise<void> } | undefined;
  return (row, db) => {
    if (open !== undefined) {
      open.rows.push(row);
      return open.done;
    }
    const rows = [row];
    const done = (async () => {
      await new Promise((resolve) => setTimeout(resolve, windowMs));
      open = undefined;
      await write(rows, db);
    })();
    open = { rows, done };
    return done;
  };
}

const types = ['uuid', 'text', 'text', 'text', 'text', 'int', 'int', 'int', 'float8', 'int', 'int', 'text', 'int', 'bool', 'bool', 'bool'];
const columns = 'key_id, key_prefix, surface, provider, model, input_tokens, cached_tokens, output_tokens, cost_usd, ttft_ms, duration_ms, status, fallbacks, cache_hit, estimated, byo_key';
/** The parameterised alternative: one array parameter per column, `INSERT ... SELECT * FROM unnest(...)`, through drizzle. */
function unnestInsert(rows: UsageRow[], db: Db) {
  const values = rows.map((row) => [row.keyId ?? null, row.keyPrefix ?? null, row.surface, row.provider ?? null, row.model ?? null, row.inputTokens ?? 0,
    row.cachedTokens ?? 0, row.outputTokens ?? 0, row.costUsd ?? 0, row.ttftMs ?? null, row.durationMs ?? 0, row.status, row.fallbacks ?? 0,
    row.cacheHit ?? false, row.estimated ?? false, row.byoKey ?? false]);
  const parameters = types.map((type, index) => sql`${sql.param(values.map((value) => value[index]))}${sql.raw(`::${type}[]`)}`);
  return db.execute(sql`${sql.raw(`INSERT INTO usage_ledger (${columns}) SELECT * FROM unnest(`)}${sql.join(parameters, sql.raw(', '))})`);
}

const variants: Array<[string, Record]> = [
  ['floor: the trickle into a no-op', batched(async () => {}, 100)],
  ['before: drizzle insert().values(), 100 ms', batched((rows, db) => db.insert(usageLedger).values(rows), 100)],
  ['unnest($1::uuid[], ...) via drizzle, 100 ms', batched(unnestInsert, 100)],
  ['the same JSON statement, 100 ms', batched((rows, db) => insertUsageRows(db, rows), 100)],
  ['after: recordUsage (JSON, simple query, 250 ms)', recordUsage],
];

function rowsOf(count: number): UsageRow[] {
  return Array.from({ length: count }, (_, index) => ({
    keyId: index % 3 === 0 ? null : '3f0c6a4e-8b1d-4c2a-9e5f-0123456789ab',
    keyPrefix: index % 3 === 0 ? null : 'flk_abcdefgh',
    surface: index % 2 === 0 ? 'v1' : 'chat',
    provider: 'groq',
    model: 'openai/gpt-oss-20b',
    inputTokens: 40 + (index % 50),
    outputTokens: 200 + index,
    costUsd: 0.000123 * (1 + (index % 7)),
    ttftMs: index % 9 === 0 ? null : 120 + (index % 30),
    durationMs: 900 + index,
    status: 'ok',
    fallbacks: index % 10 === 0 ? 1 : 0,
    cacheHit: false,
    estimated: index % 20 === 0,
    byoKey: false,
  }));
}

const threadMicros = () => {
  const used = process.threadCpuUsage();
  return used.user + used.system;
};

/** CPU µs per row (process, main thread) of `rows` recorded `perTick` at a time every 10 ms, until the last is written. */
async function trickle(record: Record, db: Db, rows: UsageRow[], perTick: number): Promise<[number, number]> {
  const writes: Array<Promise<void>> = [];
  const start = process.cpuUsage();
  const threadStart = threadMicros();
  for (let index = 0; index < rows.length; index += perTick) {
    for (const row of rows.slice(index, index + perTick)) writes.push(record(row, db));
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  await Promise.all(writes);
  const used = process.cpuUsage(start);
  return [(used.user + used.system) / rows.length, (threadMicros() - threadStart) / rows.length];
}

const median = (values: number[]) => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)]!;
const directories: string[] = [];
const databases: Database[] = [];
for (const _ of variants) {
  const directory = await mkdtemp(path.join(tmpdir(), 'flint-ledger-bench-'));
  directories.push(directory);
  databases.push(await openDatabase({ dataDir: directory }));
}
try {
  for (const [perTick, count] of [[20, 2000], [2, 600]] as const) {
    const rows = rowsOf(count);
    const samples = variants.map(() => ({ process: [] as number[], thread: [] as number[] }));
    // Warm every path first: the JIT would otherwise charge its compile time to whichever runs first.
    for (const [index, [, record]] of variants.entries()) await trickle(record, databases[index]!.db, rows.slice(0, 200), perTick);
    for (let round = 0; round < 3; round += 1) {
      for (const [index, [, record]] of variants.entries()) {
        const [processMicros, threadMicrosPerRow] = await trickle(record, databases[index]!.db, rows, perTick);
        samples[index]!.process.push(processMicros);
        samples[index]!.thread.push(threadMicrosPerRow);
      }
    }
    console.log(`\n${perTick} rows per 10 ms tick (${perTick * 100} rows/s), ${count} rows, median of 3: CPU µs per row, process | main thread | process over the floor`);
    const floor = median(samples[0]!.process);
    const before = median(samples[1]!.process) - floor;
    for (const [index, [name]] of variants.entries()) {
      const processMicros = median(samples[index]!.process);
      const over = processMicros - floor;
      const ratio = index < 1 ? '' : `  (${(over / before).toFixed(2)}x before)`;
      console.log(`  ${name.padEnd(48)} ${processMicros.toFixed(1).padStart(7)} | ${median(samples[index]!.thread).toFixed(1).padStart(7)} | ${index < 1 ? '      -' : over.toFixed(1).padStart(7)}${ratio}`);
    }
  }
  const counts = await Promise.all(databases.map(async (database) => (await database.db.select({ count: sql<number>`count(*)::int` }).from(usageLedger))[0]!.count));
  console.log(`\nrows written per database: ${counts.join(', ')}`);
} finally {
  await Promise.all(databases.map((database) => database.close()));
  await Promise.all(directories.map((directory) => rm(directory, { recursive: true, force: true })));
}
