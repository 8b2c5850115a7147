import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A throwaway Postgres server for tests. */
export interface RunningPostgres {
  url: string;
  stop(): Promise<void>;
}

const binaries = process.env.POSTGRES_BIN ?? '/usr/lib/postgresql/15/bin';

/**
 * Starts a real Postgres (Debian's postgresql-15 binaries) in a temporary directory on a free
 * port, as user `nobody` when running as root (postgres refuses root), and resolves once it accepts connections.
 */
export async function startPostgres(): Promise<RunningPostgres> {
  const dir = mkdtempSync(path.join(tmpdir(), 'flint-pg-'));
  chmodSync(dir, 0o777);
  const dataDir = path.join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  const command = (binary: string, args: string[]) =>
    asRoot ? { file: 'runuser', args: ['-u', 'nobody', '--', path.join(binaries, binary), ...args] } : { file: path.join(binaries, binary), args };
  const init = command('initdb', ['-D', dataDir, '-U', 'flint', '--auth=trust', '--no-sync', '-E', 'UTF8']);
  execFileSync(init.file, init.args, { stdio: 'pipe' });
  const port = await freePort();
  const run = command('postgres', ['-D', dataDir, '-p', String(port), '-k', dir, '-h', '127.0.0.1', '-c', 'fsync=off']);
  // Its own process group, so the stop signal reaches postgres itself, not only runuser.
  const server = spawn(run.file, run.args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  await ready(server);
  const url = `postgres://flint@127.0.0.1:${port}/postgres`;
  return {
    url,
    async stop() {
      if (server.exitCode === null) {
        const exited = new Promise((resolve) => server.once('exit', resolve));
        // SIGINT is postgres's fast shutdown: it ends open sessions instead of waiting for them.
        process.kill(-(server.pid ?? 0), 'SIGINT');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Resolves when the server logs that it is ready; rejects when it exits first. */
function ready(server: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let log = '';
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes('ready to accept connections')) {
        server.stderr?.off('data', onData);
        resolve();
      }
    };
    server.stderr?.on('data', onData);
    server.once('exit', (code) => reject(new Error(`postgres exited with ${code}:\n${log}`)));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
