// Starting and stopping the processes the bench measures: the emulator, the app, the bench's own Next app.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { cpuMicros } from './process-stats.ts';

export const root = new URL('..', import.meta.url).pathname;
export const benchAppDir = `${root}bench/next-app`;
const next = `${root}node_modules/next/dist/bin/next`;

/** A started server: its URL, the pid whose process tree is measured, and how to stop it. */
export type Server = { url: string; pid: number; stop: () => Promise<void> };

const pinned = spawnSync('which', ['taskset']).status === 0;
/** The servers' stderr (the app logs every fallback there), kept out of the bench's tables. */
export const serverLog = `${tmpdir()}/flint-bench-servers.log`;
const serverLogFd = openSync(serverLog, 'w');

/** Spawns a child pinned to one core when taskset exists, in its own process group (next start forks). */
function spawnPinned(core: number, command: string, args: string[], env: NodeJS.ProcessEnv, cwd = root): ChildProcess {
  const [file, argv] = pinned ? ['taskset', ['-c', String(core), command, ...args]] : [command, args];
  return spawn(file, argv, { cwd, env, stdio: ['ignore', 'ignore', serverLogFd], detached: true });
}

/** Stops a child and everything it started, resolving once it has exited. */
function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    process.kill(-child.pid!, 'SIGTERM');
  } catch {
    return Promise.resolve();
  }
  return Promise.race([exited, delay(10_000)]);
}

/** A server left over from an earlier run would be measured instead of this build: refuse. */
async function assertPortFree(url: string) {
  const answered = await fetch(url).then(() => true, () => false);
  if (answered) throw new Error(`${url} already answers: stop the server left on that port first`);
}

async function waitFor(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await delay(100);
  }
  throw new Error(`${url} did not come up within ${timeoutMs} ms`);
}

const children = new Set<ChildProcess>();
// Interrupted, the bench still stops what it started (the 'exit' handler below runs on process.exit).
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));
process.on('exit', () => {
  for (const child of children) {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // gone
    }
  }
});

async function startServer(options: { core: number; args: string[]; env: Record<string, string>; url: string; healthPath: string; cwd?: string }): Promise<Server> {
  await assertPortFree(`${options.url}${options.healthPath}`);
  const child = spawnPinned(options.core, process.execPath, options.args, { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...options.env }, options.cwd);
  children.add(child);
  await waitFor(`${options.url}${options.healthPath}`, 60_000);
  await settled(child.pid!);
  return {
    url: options.url,
    pid: child.pid!,
    stop: async () => {
      await stopGroup(child);
      children.delete(child);
    },
  };
}

/**
 * Waits until a server that already answers has finished its start-up work (the app opens its
 * embedded database and runs migrations after the first answer: ~4.5 s of CPU). Otherwise that
 * work is charged to the first figures, and a keep-alive socket idle through it is reset when reused.
 */
async function settled(pid: number, timeoutMs = 30_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (let before = cpuMicros(pid); performance.now() < deadline; ) {
    await delay(500);
    const now = cpuMicros(pid);
    if (now - before < 50_000) return;
    before = now;
  }
}

/** Builds a Next app (the project, or the bench's own) when it has no build yet or `rebuild` is set. */
export function buildIfNeeded(dir: string, rebuild: boolean, log: (line: string) => void) {
  if (existsSync(`${dir}/.next/BUILD_ID`) && !rebuild) return;
  log(`building ${dir === root ? 'the app' : 'the bench routes'} (next build)…`);
  const build = spawnSync(process.execPath, [next, 'build', dir], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (build.status !== 0) throw new Error(`next build of ${dir} failed`);
}

/** The emulator, pinned to core 0 and paced like Groq (speed 1). */
export async function startEmulator(port: number): Promise<Server> {
  const emulator = await startServer({ core: 0, args: ['emulator/main.ts', '--port', String(port), '--speed', '1'], env: {}, url: `http://127.0.0.1:${port}`, healthPath: '/_emulator' });
  // The bench sends more tokens a minute than a developer-tier key allows (300k on gpt-oss-20b).
  // /api/chat reads the reported budgets and rightly moves to gpt-oss-120b, then to OpenAI, when
  // they run short, so its rows would measure other models than the floor's. Reported budgets stay
  // full, as on a higher tier.
  await fetch(`${emulator.url}/_emulator/rate-limits`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ provider: 'groq', remainingTokens: 100_000_000, resetTokensMs: 60_000 }),
  });
  return emulator;
}

/** The app's admin token in the bench, so /v1's row can create a gateway key through the admin API. */
export const benchAdminToken = 'bench-admin-token-0123456789';

/**
 * The middleware settings of the app under test. `on`: logs at info (into the server log), metrics,
 * the response cache and the client rate guard, with limits no bench client reaches. `off`: no log
 * lines, no cache, no guard (metrics have no switch and stay on).
 */
export type Middleware = 'on' | 'off';
const middlewareEnv: Record<Middleware, Record<string, string>> = {
  on: { LOG_LEVEL: 'info', FLINT_RATE_LIMIT: '1000000000', FLINT_MAX_STREAMS: '1000000' },
  off: { LOG_LEVEL: 'silent', FLINT_RATE_LIMIT: '0', FLINT_CACHE_TTL_S: '0' },
};

/**
 * The Node flags `npm start` gives the server (package.json's start script, e.g. its young-generation
 * cap), so the bench measures the app as it runs in production.
 */
export function startFlags(): string[] {
  const script: string = JSON.parse(readFileSync(`${root}package.json`, 'utf8')).scripts.start;
  const match = /^node((?: --[\w-]+(?:=\S+)?)*) node_modules\/next\/dist\/bin\/next start$/.exec(script);
  if (match === null) throw new Error(`package.json's start script is not "node [flags] node_modules/next/dist/bin/next start": ${script}`);
  return match[1]!.trim().split(' ').filter(Boolean);
}

/**
 * `next start` of the app as `npm start` runs it, pinned to core 1, on the emulator. `nodeOptions` e.g. for
 * --cpu-prof; `dir` another built checkout of the app (an earlier commit, for an A/B run).
 */
export function startApp(port: number, emulatorURL: string, nodeOptions = '', middleware: Middleware = 'on', dir = root): Promise<Server> {
  return startServer({
    core: 1,
    cwd: dir,
    args: [...startFlags(), `${dir}node_modules/next/dist/bin/next`, 'start', '--port', String(port), '--hostname', '127.0.0.1'],
    env: {
      FLINT_DEMO: '1',
      FLINT_ADMIN_TOKEN: benchAdminToken,
      // Its own embedded database, not the checkout's .data/.
      FLINT_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'flint-bench-')),
      ...middlewareEnv[middleware],
      GROQ_API_KEY: 'gsk_bench',
      GROQ_BASE_URL: `${emulatorURL}/openai/v1`,
      OPENAI_API_KEY: 'sk-bench',
      OPENAI_BASE_URL: `${emulatorURL}/v1`,
      ...(nodeOptions ? { NODE_OPTIONS: nodeOptions } : {}),
    },
    url: `http://127.0.0.1:${port}`,
    healthPath: '/api/health',
  });
}

/** `next start` of bench/next-app (floor, naive and fast routes), pinned to core 1 like the app. */
export function startBenchApp(port: number, emulatorURL: string, nodeOptions = ''): Promise<Server> {
  return startServer({
    core: 1,
    args: [next, 'start', benchAppDir, '--port', String(port), '--hostname', '127.0.0.1'],
    env: { BENCH_GROQ_BASE_URL: `${emulatorURL}/openai/v1`, ...(nodeOptions ? { NODE_OPTIONS: nodeOptions } : {}) },
    url: `http://127.0.0.1:${port}`,
    healthPath: '/api/health',
  });
}
