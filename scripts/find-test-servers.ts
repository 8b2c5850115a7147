// The integration tests start real servers (redis-server for shared state, PostgreSQL for storage):
// finds them, installs Debian's packages when root, or says in one line what to install.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const redisServer = '/usr/bin/redis-server';

/** The bin folder of the newest PostgreSQL server Debian or Ubuntu installed, or POSTGRES_BIN. */
function postgresBin(): string | undefined {
  if (process.env.POSTGRES_BIN) return existsSync(`${process.env.POSTGRES_BIN}/postgres`) ? process.env.POSTGRES_BIN : undefined;
  const versions = existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql').filter((name) => /^\d+$/.test(name)) : [];
  const newest = versions.sort((left, right) => Number(right) - Number(left)).find((version) => existsSync(`/usr/lib/postgresql/${version}/bin/postgres`));
  return newest === undefined ? undefined : `/usr/lib/postgresql/${newest}/bin`;
}

function missing(): string[] {
  return [...(existsSync(redisServer) ? [] : ['redis-server']), ...(postgresBin() ? [] : ['postgresql'])];
}

/**
 * Makes sure redis-server and a PostgreSQL server exist, installing Debian's packages when root.
 * Sets POSTGRES_BIN for the tests. Returns undefined when ready, else the one line to print.
 */
export function ensureTestServers(): string | undefined {
  let packages = missing();
  if (packages.length > 0 && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    console.log(`== installing ${packages.join(' and ')} for the integration tests (apt-get)`);
    const quiet = { stdio: 'ignore', timeout: 300_000, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } } as const;
    spawnSync('apt-get', ['update', '-qq'], quiet);
    spawnSync('apt-get', ['install', '-y', '-qq', ...packages], quiet);
    packages = missing();
  }
  if (packages.length > 0) {
    return `npm test starts real ${packages.join(' and ')} servers for its integration tests: on Debian/Ubuntu run \`sudo apt-get install ${packages.join(' ')}\` (or set POSTGRES_BIN to a PostgreSQL bin folder), then npm test again.`;
  }
  process.env.POSTGRES_BIN = postgresBin();
  return undefined;
}
