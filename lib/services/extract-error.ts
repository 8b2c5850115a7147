/**
 * Error codes of the extraction service, in the `type:surface` form of lib/errors.ts. They live
 * here until lib/errors.ts takes them into its catalog; the body has the same shape.
 */
const codes = {
  'invalid_schema:extract': [400, 'The schema cannot be used for extraction.'],
  'no_object:extract': [422, 'No model produced an object that matches the schema. Try simpler text or a simpler schema.'],
  'unavailable:extract': [503, 'No model could extract right now. Please try again in a moment.'],
} as const satisfies Record<string, readonly [number, string]>;

/** An extraction error code. */
export type ExtractErrorCode = keyof typeof codes;

/** An extraction failure whose code and message may be shown to the caller as they are. */
export class ExtractError extends Error {
  readonly code: ExtractErrorCode;
  readonly status: number;
  readonly retryable: boolean;
  private readonly marker = 'flint.extract-error';

  constructor(code: ExtractErrorCode, options: { message?: string; cause?: unknown; retryable?: boolean } = {}) {
    const [status, message] = codes[code];
    super(options.message ?? message, { cause: options.cause });
    this.name = 'ExtractError';
    this.code = code;
    this.status = status;
    this.retryable = options.retryable ?? status >= 500;
  }

  static isInstance(error: unknown): error is ExtractError {
    return typeof error === 'object' && error !== null && (error as { marker?: unknown }).marker === 'flint.extract-error';
  }

  /** The JSON body every Flint API error answers with. */
  toBody() {
    return { error: { code: this.code, message: this.message, retryable: this.retryable } };
  }
}
