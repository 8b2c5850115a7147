/** A failure as the chat UI shows it. */
export type ErrorNotice = { code: string; message: string; retryable: boolean };

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
      return { code: body.code, message: body.message, retryable: body.retryable ?? true };
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
