// Durability across a hard kill: a local engine in a child process runs a batch from a PGlite data directory, is
// SIGKILLed mid-batch, and a new process finishes it: no finished line runs again, the dead instance's claimed lines
// come back once their lease runs out, and every custom_id ends with exactly one result.
import { spawn, type ChildProcess } from 'node:child_process';
import { eq } from 'drizzle-orm';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../emulator/server.ts';
import { openDatabase } from '../db/open-database';
import { createBatchService } from './batch-service';
import { fileQueries } from './file-queries';
import { batchLines } from './schema';
import { catalogPrice } from './price-line';
import { batchJsonl } from './test-support/batch-fixtures';

const root = path.resolve(import.meta.dirname, '../..');
let emulator: RunningEmulator;
let dataDir: string;

beforeAll(async () => {
  // Paced like the real models, so lines are in flight when the kill lands.
  emulator = await startEmulator({ port: 0, speed: 1 });
  dataDir = mkdtempSync(path.join(tmpdir(), 'flint-batch-restart-'));
}, 60_000);
afterAll(async () => {
  await emulator.close();
  rmSync(dataDir, { recursive: true, force: true });
});

type Run = { child: ChildProcess; sent: string[]; finished: string[]; exited: Promise<number | null> };

/** Starts the engine child; `onFinished(count)` sees each recorded line as it is reported. */
function runChild(batchId: string, leaseMs: number, onFinished: (count: number) => void = () => {}): Run {
  const child = spawn(path.join(root, 'node_modules/.bin/node'), ['--import', './lib/batch/test-support/resolve-ts-hooks.ts', 'lib/batch/test-support/engine-child.ts'], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, BASE_URL: emulator.groqBaseURL, BATCH_ID: batchId, LEASE_MS: String(leaseMs) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const run: Run = { child, sent: [], finished: [], exited: new Promise((resolve) => child.on('exit', (code) => resolve(code))) };
  createInterface({ input: child.stdout! }).on('line', (line) => {
    const [kind, id] = line.split(' ');
    if (kind === 'sent' && id) run.sent.push(id);
    if (kind === 'finished' && id) {
      run.finished.push(id);
      onFinished(run.finished.length);
    }
  });
  return run;
}

const chatCalls = () => emulator.requests.list().filter((entry) => entry.path.endsWith('/chat/completions'));

/** How many times the emulator was asked each line, read from the prompt it logged (`Line N …` is custom_id `req-N`). */
function callsPerLine(): Map<string, number> {
  const calls = new Map<string, number>();
  for (const entry of chatCalls()) {
    const id = `req-${/^Line (\d+)/.exec(entry.lastUserText ?? '')?.[1]}`;
    calls.set(id, (calls.get(id) ?? 0) + 1);
  }
  return calls;
}

describe('a local batch across a SIGKILL', () => {
  it('resumes where it stopped, never runs a finished line again, and recovers the dead instance\'s claims', async () => {
    const setup = await openDatabase({ dataDir });
    const service = createBatchService({ db: setup.db, wake: () => {}, providerConfigured: false, isGroqModel: () => true, price: catalogPrice() });
    const file = await service.uploadFile('k1', { filename: 'in.jsonl', purpose: 'batch', content: batchJsonl(50, { prompt: (index) => `Line ${index + 1} [emulate tokens=60]` }) });
    const batch = await service.createBatch('k1', { input_file_id: file.id, endpoint: '/v1/chat/completions', completion_window: '24h' });
    await setup.close();

    // A long lease for the first instance: had its claims no lease at all, they would stay stuck forever.
    let killed!: () => void;
    const tenFinished = new Promise<void>((resolve) => (killed = resolve));
    const first = runChild(batch.id, 60_000, (count) => {
      if (count === 10) {
        first.child.kill('SIGKILL');
        killed();
      }
    });
    await tenFinished;
    await first.exited;

    // What the database says at the kill (the child's last stdout may be lost with it): recorded lines, and claimed ones.
    const between = await openDatabase({ dataDir });
    const lines = await between.db.select({ customId: batchLines.customId, status: batchLines.status }).from(batchLines).where(eq(batchLines.batchId, batch.id));
    await between.close();
    const recordedAtKill = lines.filter((line) => line.status === 'completed').map((line) => line.customId);
    const inFlightAtKill = lines.filter((line) => line.status === 'running').map((line) => line.customId);
    expect(recordedAtKill).toEqual(expect.arrayContaining(first.finished));
    expect(recordedAtKill.length).toBeLessThan(50);

    // The second instance takes the dead one's claims once they are older than its lease.
    const second = runChild(batch.id, 1_000);
    expect(await second.exited).toBe(0);

    expect(second.sent.filter((id) => recordedAtKill.includes(id))).toEqual([]);
    // The kill left lines claimed by the dead instance; they ran again only through the expired lease.
    expect(inFlightAtKill.length).toBeGreaterThan(0);
    expect(second.sent).toEqual(expect.arrayContaining(inFlightAtKill));
    expect([...recordedAtKill, ...second.finished].sort()).toEqual(Array.from({ length: 50 }, (_, index) => `req-${index + 1}`).sort());
    // Per the emulator's log: every line asked, a line recorded before the kill asked once, and the only lines asked
    // twice are ones in flight at the kill, whose results were never recorded.
    const calls = callsPerLine();
    expect([...calls.keys()].sort()).toEqual(Array.from({ length: 50 }, (_, index) => `req-${index + 1}`).sort());
    for (const id of recordedAtKill) expect(calls.get(id)).toBe(1);
    const twice = [...calls].filter(([, count]) => count > 1).map(([id]) => id);
    expect(inFlightAtKill).toEqual(expect.arrayContaining(twice));
    expect(Math.max(...calls.values())).toBeLessThanOrEqual(2);

    const after = await openDatabase({ dataDir });
    const row = await createBatchService({ db: after.db, wake: () => {}, providerConfigured: false, isGroqModel: () => true, price: catalogPrice() }).getBatch('k1', batch.id);
    const output = (await fileQueries(after.db).get(row.output_file_id!, 'k1'))?.content ?? '';
    await after.close();
    expect(row).toMatchObject({ status: 'completed', request_counts: { total: 50, completed: 50, failed: 0 } });
    expect(new Set(output.trim().split('\n').map((line) => JSON.parse(line).custom_id)).size).toBe(50);
  }, 120_000);
});
