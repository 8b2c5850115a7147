import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
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

/** Creates the pid file unless one exists: an exclusive create is atomic, and every file system has it. */
function create(file: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, String(process.pid));
  } finally {
    closeSync(fd);
  }
  return true;
}

const pause = (ms: number) => void Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Claims `dataDir` for this process with a pid file, so a second server on the same directory fails
 * at once with a clear reason instead of two PostgreSQL instances writing the same files (which
 * corrupts them). A file left by a process that died is taken over. Returns the release function.
 */
export function lockDataDir(dataDir: string): () => void {
  const file = path.join(dataDir, lockName);
  for (let attempt = 0; !create(file); attempt++) {
    if (attempt === 3) throw new Error(`Could not claim the embedded database in ${dataDir}: ${file} keeps coming back.`);
    let pid = holder(file);
    // No pid yet: another process created the file a moment ago and is writing it.
    if (pid === undefined) {
      pause(50);
      pid = holder(file);
    }
    if (pid !== undefined && alive(pid)) throw new DataDirInUseError(dataDir, pid);
    rmSync(file, { force: true });
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
