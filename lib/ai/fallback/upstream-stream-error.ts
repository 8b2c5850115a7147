import { APICallError } from '@ai-sdk/provider';
import { DeadlineError } from './deadline-error';
import { StreamEndedError } from './stream-ended-error';

/** A provider's stream broke or sent an error frame: an upstream failure, whatever the payload looks like. */
export class UpstreamStreamError extends Error {
  /** The error part's payload or the read error, as the provider produced it. */
  readonly payload: unknown;
  private readonly upstreamStreamMarker = 'flint.upstream-stream';

  constructor(payload: unknown) {
    super(describePayload(payload), { cause: payload });
    this.name = 'UpstreamStreamError';
    this.payload = payload;
  }

  static isInstance(error: unknown): error is UpstreamStreamError {
    return typeof error === 'object' && error !== null && (error as { upstreamStreamMarker?: unknown }).upstreamStreamMarker === 'flint.upstream-stream';
  }

  /** Marks an error read from a provider stream as upstream, keeping errors that already say where they came from. */
  static from(error: unknown): unknown {
    if (DeadlineError.isInstance(error) || StreamEndedError.isInstance(error) || APICallError.isInstance(error)) return error;
    if (UpstreamStreamError.isInstance(error)) return error;
    return new UpstreamStreamError(error);
  }
}

function describePayload(payload: unknown): string {
  if (payload instanceof Error) return `${payload.name}: ${payload.message}`;
  if (typeof payload === 'object' && payload !== null && 'message' in payload && typeof payload.message === 'string') return payload.message;
  try {
    return String(JSON.stringify(payload)).slice(0, 300);
  } catch {
    return 'unreadable stream error';
  }
}
