/** A failure as the chat UI shows it. */
export type ErrorNotice = { code: string; message: string; retryable: boolean; retryAfterSeconds?: number };

/**
 * Reads the error the chat transport hands the UI: either an HTTP error body
 * (`{"error":{...}}`) or an in-stream error text (`{"code",...}`). Anything else, such as a
 * network failure, becomes a generic message rather than raw text.
 */
export function toErrorNotice(error: Error): ErrorNotice {
  try {
    const parsed = JSON.parse(error.message) as { error?: Partial<ErrorNotice> } & Partial<ErrorNotice>;
    const body = parsed.error ?? parsed;
    if (typeof body.code === 'string' && typeof body.message === 'string') {
      const wait = typeof body.retryAfterSeconds === 'number' && body.retryAfterSeconds > 0 ? Math.ceil(body.retryAfterSeconds) : undefined;
      // The client rate guard's refusal says plainly how long to wait (its Retry-After, in the body too).
      if (body.code === 'rate_limit:client' && wait !== undefined) {
        return { code: body.code, message: `Too many requests from you: try again in ${wait} s.`, retryable: true, retryAfterSeconds: wait };
      }
      return { code: body.code, message: body.message, retryable: body.retryable ?? true, ...(wait === undefined ? {} : { retryAfterSeconds: wait }) };
    }
  } catch {
    // not one of ours
  }
  return {
    code: 'network:chat',
    message: 'Flint could not reach the server. Check your connection and try again.',
    retryable: true,
  };
}
