import { timingSafeEqual } from 'node:crypto';
import { env } from '../env.ts';
import { localAdminToken } from './local-admin-token.ts';

/** The token the admin API and /usage accept: FLINT_ADMIN_TOKEN, else the local token in the data directory. */
export async function adminToken(): Promise<string> {
  return env.adminToken ?? (await localAdminToken(env.dataDir, { create: true })) ?? '';
}

/** Whether a request carries the admin token as `Authorization: Bearer` (compared in constant time). */
export async function isAdminRequest(headers: Headers): Promise<boolean> {
  const given = /^Bearer\s+(.+)$/i.exec(headers.get('authorization') ?? '')?.[1]?.trim() ?? '';
  const expected = await adminToken();
  if (given === '' || expected === '' || given.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}
