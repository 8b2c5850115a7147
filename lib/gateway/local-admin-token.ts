import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

const fileName = 'admin-token';

/**
 * The admin token of a machine without FLINT_ADMIN_TOKEN: a random secret the app keeps in its data
 * directory (mode 0600), so only someone who can read that directory, i.e. the operator's own
 * `npm run keys`, can call the admin API. `create: false` answers undefined when there is none yet.
 */
export async function localAdminToken(dataDir: string, { create }: { create: boolean }): Promise<string | undefined> {
  const file = path.join(dataDir, fileName);
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || !create) return undefined;
  }
  await mkdir(dataDir, { recursive: true });
  const token = randomBytes(32).toString('base64url');
  // `wx` fails if another process wrote it first; then theirs is the token.
  await writeFile(file, token, { mode: 0o600, flag: 'wx' }).catch(() => undefined);
  return (await readFile(file, 'utf8')).trim();
}
