import { linkSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const lockName = 'flint.pid';

/** Another live process already has this embedded database open. */
export class DataDirInUseError extends Error {
  override name = 'DataDirInUseError';
  readonly dataDir: string;
  readonly pid: number;
  constructor(dataDir: string, pid: number) {
    super(
      pid === process.pid
        ? `The embedded database in ${dataDir} is already open in this process: close it before opening it again.`
        : `The embedded database in ${dataDir} is open in another Flint process (pid ${pid}). PGlite allows one process per directory: stop that one, or give this one its own FLINT_DATA_DIR.`,
    );
    this.dataDir = dataDir;
    this.pid = pid;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function holder(file: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(file, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Claims `dataDir` for this process with a pid file, so a second server on the same directory fails
 * at once with a clear reason instead of two PostgreSQL instances writing the same files (which
 * corrupts them). A file left by a process that died is taken over. Returns the release function.
 */
export function lockDataDir(dataDir: string): () => void {
  const file = path.join(dataDir, lockName);
  // Written whole under a private name, then linked into place: link fails if the lock exists, and
  // a reader never sees a half-written pid.
  const draft = `${file}.${process.pid}`;
  writeFileSync(draft, String(process.pid));
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        linkSync(draft, file);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt === 2) throw error;
        const pid = holder(file);
        if (pid !== undefined && alive(pid)) throw new DataDirInUseError(dataDir, pid);
        rmSync(file, { force: true });
      }
    }
  } finally {
    rmSync(draft, { force: true });
  }
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off('exit', release);
    if (holder(file) === process.pid) rmSync(file, { force: true });
  };
  process.on('exit', release);
  return release;
}
