import { randomBytes } from 'node:crypto';

const alphabet = '0123456789abcdefghjkmnpqrstvwxyz';

/** A Groq-style id (`file_…`, `batch_…`, `batch_req_…`): the prefix and 26 random base-32 characters. */
export function newId(prefix: 'file' | 'batch' | 'batch_req'): string {
  let id = '';
  for (const byte of randomBytes(26)) id += alphabet[byte % 32];
  return `${prefix}_${id}`;
}
