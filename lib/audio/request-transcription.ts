import { recordingFileName } from './recording-format';

/** The part of POST /api/transcribe's answer the browser uses. */
export interface TranscriptionAnswer {
  text: string;
  model: string;
  durationSeconds?: number;
}

/** A failed upload: the server's user-safe message and whether sending the same recording again can help. */
export class TranscriptionRequestError extends Error {
  readonly retryable: boolean;

  constructor(message: string, retryable: boolean) {
    super(message);
    this.name = 'TranscriptionRequestError';
    this.retryable = retryable;
  }
}

/** Uploads a recording to /api/transcribe; throws TranscriptionRequestError with a message fit to show. */
export async function requestTranscription(recording: Blob, signal: AbortSignal): Promise<TranscriptionAnswer> {
  const form = new FormData();
  form.append('file', recording, recordingFileName(recording.type));
  let response: Response;
  try {
    response = await fetch('/api/transcribe', { method: 'POST', body: form, signal });
  } catch (error) {
    if (signal.aborted) throw error;
    throw new TranscriptionRequestError('Could not reach Flint to transcribe. Check your connection; your recording is kept.', true);
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (response.ok && isAnswer(body)) return body;
  const problem = errorOf(body);
  // Anything but a clear client mistake may work on a second try with the same audio.
  const retryable = problem?.retryable ?? (response.status >= 500 || response.status === 429);
  throw new TranscriptionRequestError(problem?.message ?? `Transcription failed (HTTP ${response.status}).`, retryable);
}

function isAnswer(body: unknown): body is TranscriptionAnswer {
  return typeof body === 'object' && body !== null && 'text' in body && typeof body.text === 'string';
}

function errorOf(body: unknown): { message: string; retryable?: boolean } | undefined {
  if (typeof body !== 'object' || body === null || !('error' in body)) return undefined;
  const error = body.error;
  if (typeof error !== 'object' || error === null || !('message' in error) || typeof error.message !== 'string') return undefined;
  return { message: error.message, ...('retryable' in error && typeof error.retryable === 'boolean' ? { retryable: error.retryable } : {}) };
}
