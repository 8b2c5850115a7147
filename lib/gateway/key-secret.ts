import { createHash, randomBytes } from 'node:crypto';

/** Every gateway key starts with this, so leaked keys are recognisable (and scannable). */
export const keyPrefix = 'flk_';
const prefixLength = keyPrefix.length + 8;

/** The SHA-256 of a key: the only form in which keys are stored. */
export function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** A new key (`flk_` + 192 random bits in base64url), its display prefix and its hash. */
export function generateKeySecret(): { key: string; prefix: string; hash: string } {
  const key = `${keyPrefix}${randomBytes(24).toString('base64url')}`;
  return { key, prefix: key.slice(0, prefixLength), hash: hashKey(key) };
}
