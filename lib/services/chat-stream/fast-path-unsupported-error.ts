const marker = 'flint.fast-path-unsupported';

/**
 * A part the fast path cannot map (tool input, calls and results, files, sources): the caller
 * chose the fast path for a chat that needed the SDK's full stream, which is a bug in that choice.
 */
export class FastPathUnsupportedError extends Error {
  private readonly marker = marker;
  /** The part type that was refused. */
  readonly partType: string;

  constructor(partType: string) {
    super(`The chat fast path cannot send a "${partType}" part; tool and multi-step chats take the streamText path.`);
    this.name = 'FastPathUnsupportedError';
    this.partType = partType;
  }

  static isInstance(error: unknown): error is FastPathUnsupportedError {
    return typeof error === 'object' && error !== null && (error as { marker?: unknown }).marker === marker;
  }
}
