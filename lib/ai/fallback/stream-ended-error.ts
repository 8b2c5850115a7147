/** A stream that ended without a successful finish part: a dropped connection, as far as the chain is concerned. */
export class StreamEndedError extends Error {
  private readonly streamEndedMarker = 'flint.stream-ended';

  constructor() {
    super('the stream ended without a finish part');
    this.name = 'StreamEndedError';
  }

  static isInstance(error: unknown): error is StreamEndedError {
    return (
      typeof error === 'object' && error !== null && (error as { streamEndedMarker?: unknown }).streamEndedMarker === 'flint.stream-ended'
    );
  }
}
