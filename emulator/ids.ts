import { createHash, randomBytes } from 'node:crypto';
import type { Provider } from './types.ts';

const crockford = '0123456789abcdefghjkmnpqrstvwxyz';

/** A fresh request id in the provider's style: Groq `req_` + 26 ULID chars, OpenAI `req_` + 32 hex. */
export function createRequestId(provider: Provider): string {
  if (provider === 'openai') return `req_${randomBytes(16).toString('hex')}`;
  const bytes = randomBytes(26);
  let id = '';
  for (const byte of bytes) id += crockford[byte % 32];
  return `req_${id}`;
}

/** A short deterministic hex digest, so ids derived from the same input repeat. */
export function stableHash(text: string, length = 12): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}
