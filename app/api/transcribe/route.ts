import { TranscriptionError } from '@/lib/ai/transcription/transcription-error';
import { readAudioUpload } from '@/lib/audio/read-audio-upload';
import { FlintError } from '@/lib/errors';
import { errorResponse } from '@/lib/http';
import { observedRoute } from '@/lib/server/observed-route';
import { requirePageKey } from '@/lib/session/require-page-key';
import { transcribeSpeech } from '@/lib/services/transcription';
import { busyRetryAfterSeconds, transcriptionSlots } from '@/lib/services/transcription-slots';

/** POST /api/transcribe: multipart audio (`file`, optional `language`, `prompt`) in, JSON transcript out. */
export function POST(request: Request) {
  // The same-origin rule and the client rate guard run first (observedRoute): a refused client's upload is never read.
  return observedRoute(request, '/api/transcribe', async (context) => {
    let free: (() => void) | undefined;
    try {
      // FLINT_REQUIRE_KEY: only a signed-in page may transcribe (401 before the upload is read).
      await requirePageKey(request);
      // Taken before the body is read: a refused upload never reaches memory.
      free = transcriptionSlots.take();
      const upload = await readAudioUpload(request);
      const { catalog, providers, health } = context.runtime;
      const result = await transcribeSpeech(upload, request.signal, { catalog, providers, health, onAttempt: context.onAttempt });
      const served = result.attempts.findLast((attempt) => attempt.outcome === 'ok');
      context.note({ costUsd: result.costUsd, ...(served ? { servedBy: `${served.provider}/${served.model}` } : {}) });
      return Response.json(result);
    } catch (error) {
      // The client went away (Cancel, closed tab): nobody reads this, and it is no server fault to log.
      if (request.signal.aborted) return new Response(null, { status: 499 });
      if (FlintError.isInstance(error)) context.note({ code: error.code });
      const response = errorResponse(error);
      // Every model is rate limited: say when the soonest frees up, so a client can wait instead of hammering.
      if (TranscriptionError.isInstance(error) && error.retryAfterMs !== undefined) {
        response.headers.set('retry-after', String(Math.ceil(error.retryAfterMs / 1000)));
      }
      if (FlintError.isInstance(error) && error.code === 'busy:transcribe') response.headers.set('retry-after', String(busyRetryAfterSeconds));
      return response;
    } finally {
      free?.();
    }
  });
}
