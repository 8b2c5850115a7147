// One process per embedded database directory: a second opener is refused with the holder's pid, a lock
// left by a dead process is taken over, and closing the database frees the directory.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataDirInUseError, lockDataDir } from './data-dir-lock';
import { openDatabase } from './open-database';

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'flint-lock-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

const lockFile = () => path.join(dataDir, 'flint.pid');

describe('lockDataDir', () => {
  it('refuses a directory another live process holds, naming its pid and FLINT_DATA_DIR', () => {
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
    try {
      writeFileSync(lockFile(), String(other.pid));
      let refused: unknown;
      try {
        lockDataDir(dataDir);
      } catch (error) {
        refused = error;
      }
      expect(refused).toBeInstanceOf(DataDirInUseError);
      expect((refused as DataDirInUseError).pid).toBe(other.pid);
      expect((refused as Error).message).toContain(`pid ${other.pid}`);
      expect((refused as Error).message).toContain('FLINT_DATA_DIR');
      // The holder's claim is untouched.
      expect(readFileSync(lockFile(), 'utf8')).toBe(String(other.pid));
    } finally {
      other.kill();
    }
  });

  it('takes over a lock whose process has died, and its release removes the file', () => {
    const dead = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
    writeFileSync(lockFile(), dead.stdout.trim());
    const release = lockDataDir(dataDir);
    expect(readFileSync(lockFile(), 'utf8')).toBe(String(process.pid));
    release();
    expect(existsSync(lockFile())).toBe(false);
  });

  it('takes over an empty lock file, as a process that died between creating and writing it leaves', () => {
    writeFileSync(lockFile(), '');
    const release = lockDataDir(dataDir);
    expect(readFileSync(lockFile(), 'utf8')).toBe(String(process.pid));
    release();
  });

  it('refuses a second claim from this process until the first is released', () => {
    const release = lockDataDir(dataDir);
    expect(() => lockDataDir(dataDir)).toThrow(/already open in this process/);
    release();
    lockDataDir(dataDir)();
  });
});

describe('openDatabase on a PGlite directory', () => {
  it('refuses a second open while the first is open, and opens again once it is closed', async () => {
    const first = await openDatabase({ dataDir });
    await expect(openDatabase({ dataDir })).rejects.toBeInstanceOf(DataDirInUseError);
    await first.close();
    expect(existsSync(lockFile())).toBe(false);
    const again = await openDatabase({ dataDir });
    await again.close();
  }, 60_000);
});
