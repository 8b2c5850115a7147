import type { IncomingMessage } from 'node:http';
import { ApiError } from './api-error.ts';

/** The 413 both providers answer for an oversized upload. */
export function tooLarge(limitBytes: number): ApiError {
  return new ApiError({
    status: 413,
    message: `Request Entity Too Large: the request body exceeds the ${Math.round(limitBytes / 1024 / 1024)} MB limit.`,
    type: 'invalid_request_error',
    code: 'request_too_large',
  });
}

/** Reads the whole request body, throwing 413 as soon as it passes `limitBytes`. */
export async function readBody(request: IncomingMessage, limitBytes: number): Promise<Buffer> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > limitBytes) {
    request.resume();
    throw tooLarge(limitBytes);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    total += buffer.length;
    if (total > limitBytes) {
      request.resume();
      throw tooLarge(limitBytes);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}
