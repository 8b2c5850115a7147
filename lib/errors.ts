/**
 * One error vocabulary for the whole app: a `type:surface` code maps to an HTTP status and a
 * message that is safe to show a user. Provider text, stack traces and keys are logged, never sent.
 */
const catalog = {
  'bad_request:api': [400, 'The request was not understood.'],
  'too_large:api': [413, 'The request is too large.'],
  'unsupported_media:api': [415, 'That file type is not supported.'],
  'forbidden:api': [403, 'This request must come from the Flint page itself.'],
  'timeout:api': [408, 'The upload took too long to arrive. Check the connection and try again.'],
  'busy:transcribe': [503, 'Too many recordings are being transcribed right now. Your recording is kept; try again in a moment.'],
  'rate_limit:chat': [429, 'The models are busy right now. Please try again in a moment.'],
  'unavailable:chat': [503, 'No model could answer right now. Please try again in a moment.'],
  'not_configured:chat': [503, 'No AI provider is configured. Set GROQ_API_KEY or run the demo.'],
  'context_too_long:chat': [413, 'This conversation is too long for every available model. Start a new chat.'],
  'no_vision_model:chat': [503, 'No image-capable model is available right now, so the image cannot be read.'],
  'bad_image:chat': [400, 'An attached image could not be read. Attach it again as JPEG, PNG, WebP or GIF.'],
  'unsupported_file:chat': [415, 'Only images can be attached: JPEG, PNG, WebP or GIF.'],
  'too_many_images:chat': [400, 'A message can carry at most 5 images.'],
  'images_too_large:chat': [413, 'The attached images are too large together: at most 4 MB per message.'],
  'invalid_request:chat': [400, 'The model rejected this request.'],
  'rate_limit:transcribe': [429, 'Transcription is busy right now. Your recording is kept; try again in a moment.'],
  'unavailable:transcribe': [503, 'Transcription is unavailable right now. Your recording is kept; try again.'],
  'not_configured:transcribe': [503, 'No transcription provider is configured. Set GROQ_API_KEY or run the demo.'],
  'invalid_audio:transcribe': [422, 'The recording could not be transcribed. Try recording it again.'],
  // The message is lib/guard/client-rate-limit.ts's; the 429 itself is built by lib/guard/refusal-response.ts.
  'rate_limit:client': [429, 'You are sending requests too quickly. Please wait a moment and try again.'],
  'unauthorized:metrics': [401, 'A valid metrics token is required.'],
  // FLINT_REQUIRE_KEY: the chat page's session (lib/session) and the gateway key it is charged to.
  'unauthorized:session': [401, 'Sign in with your Flint key to use this page.'],
  'invalid_key:session': [401, 'That key is unknown or has been revoked. Check it and try again.'],
  'not_enabled:session': [404, 'This server does not ask for a key: the chat page is open.'],
  'forbidden:key': [403, 'Your key may not use any model that can answer this chat.'],
  'quota:key': [429, 'Your key has used its budget for this period.'],
  'rate_limit:key': [429, 'Your key has sent too many requests this minute. Try again shortly.'],
  'invalid_schema:extract': [400, 'The schema cannot be used for extraction.'],
  'no_object:extract': [422, 'No model produced an object that matches the schema. Try simpler text or a simpler schema.'],
  'unavailable:extract': [503, 'No model could extract right now. Please try again in a moment.'],
  'internal:api': [500, 'Something went wrong on our side.'],
} as const satisfies Record<string, readonly [number, string]>;

export type ErrorCode = keyof typeof catalog;

/** An error whose code and message may be shown to the user as they are. */
export class FlintError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  /** Whether trying again later can help (shown to the user, used by Retry). */
  readonly retryable: boolean;
  /** When trying again can help, in seconds (sent as Retry-After and in the body). */
  readonly retryAfterSeconds: number | undefined;
  private readonly marker = 'flint.error';

  constructor(code: ErrorCode, options: { message?: string; cause?: unknown; retryable?: boolean; retryAfterSeconds?: number } = {}) {
    const [status, message] = catalog[code];
    super(options.message ?? message, { cause: options.cause });
    this.name = 'FlintError';
    this.code = code;
    this.status = status;
    this.retryable = options.retryable ?? (status === 429 || status >= 500);
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  static isInstance(error: unknown): error is FlintError {
    return typeof error === 'object' && error !== null && (error as { marker?: unknown }).marker === 'flint.error';
  }

  /** The JSON body every API error answers with. */
  toBody() {
    const wait = this.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: this.retryAfterSeconds };
    return { error: { code: this.code, message: this.message, retryable: this.retryable, ...wait } };
  }
}

/** Turns anything thrown into a FlintError; unknown errors become `internal:api`. */
export function toFlintError(error: unknown): FlintError {
  return FlintError.isInstance(error) ? error : new FlintError('internal:api', { cause: error });
}
