import { randomUUID } from 'node:crypto';

// Short, printable and header-safe: anything else a client sends is replaced, so logs cannot be forged.
const acceptable = /^[A-Za-z0-9._:-]{8,128}$/;

/** Keeps a well-formed incoming `x-request-id`, or makes a new one. */
export function requestIdFrom(headers: Headers): string {
  const incoming = headers.get('x-request-id')?.trim();
  return incoming !== undefined && acceptable.test(incoming) ? incoming : randomUUID();
}
