import 'server-only';
import type { AudioUpload } from '@/lib/audio/read-audio-upload';
import type { Db } from '@/lib/db/database';
import { sharedDatabase } from '@/lib/db/shared-database';
import type { GatewayCaller } from '@/lib/gateway/authenticate';
import { recordUsage } from '@/lib/usage/record-usage';
import { trackWrite } from '@/lib/usage/pending-writes';
import { transcribeSpeech } from './transcription';

/** OpenAI's transcription response formats Flint answers. */
export type TranscriptionFormat = 'json' | 'text' | 'verbose_json';

/**
 * POST /v1/audio/transcriptions: the Whisper fallback chain behind OpenAI's response formats;
 * answers the body and its content type, and lands the call in the ledger.
 */
export async function gatewayTranscription(
  upload: AudioUpload,
  format: TranscriptionFormat,
  caller: GatewayCaller,
  signal: AbortSignal,
  db?: Db,
): Promise<{ body: string; contentType: string; servedBy: string }> {
  const startedAt = performance.now();
  let status = 'ok';
  try {
    const result = await transcribeSpeech(upload, signal);
    trackWrite(
      recordUsage(
        {
          keyId: caller.key.id,
          keyPrefix: caller.key.prefix,
          surface: 'transcription',
          provider: result.attempts.find((attempt) => attempt.outcome === 'ok')?.provider ?? null,
          model: result.attempts.find((attempt) => attempt.outcome === 'ok')?.model ?? null,
          costUsd: result.costUsd,
          durationMs: Math.round(performance.now() - startedAt),
          status,
          fallbacks: result.attempts.filter((attempt) => attempt.outcome !== 'ok' && !attempt.outcome.startsWith('skipped')).length,
        },
        db ?? (await sharedDatabase()).db,
      ),
    );
    const xFlint = { served_by: result.model, attempts: result.attempts.map(({ model, outcome, ms }) => ({ model, outcome, ms })), cost_usd: result.costUsd, cache: 'miss' };
    if (format === 'text') return { body: result.text, contentType: 'text/plain; charset=utf-8', servedBy: result.model };
    const body =
      format === 'json'
        ? { text: result.text, x_flint: xFlint }
        : { task: 'transcribe', language: result.language ?? null, duration: result.durationSeconds ?? null, text: result.text, segments: [], x_flint: xFlint };
    return { body: JSON.stringify(body), contentType: 'application/json', servedBy: result.model };
  } catch (error) {
    status = signal.aborted ? 'aborted' : 'error';
    trackWrite(
      recordUsage(
        { keyId: caller.key.id, keyPrefix: caller.key.prefix, surface: 'transcription', durationMs: Math.round(performance.now() - startedAt), status },
        db ?? (await sharedDatabase()).db,
      ),
    );
    throw error;
  }
}
