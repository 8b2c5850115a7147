import { timingSafeEqual } from 'node:crypto';
import { env } from '../env.ts';
import { adminToken } from '../gateway/admin-token.ts';

/** The cookie that carries the admin token to /usage once it was entered. */
export const usageCookie = 'flint_admin';

/** Whether /usage may be shown: always in demo mode, else only with the admin token. */
export async function mayViewUsage(token: string | undefined): Promise<boolean> {
  if (env.demo) return true;
  const expected = await adminToken();
  if (token === undefined || expected === '' || token.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(token), Buffer.from(expected));
}
