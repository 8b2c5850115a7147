import 'server-only';
import type { Catalog } from '@/lib/ai/catalog/catalog';
import { costOf } from '@/lib/ai/usage/cost-of';
import type { HealthRegistry } from '@/lib/ai/health/health';
import type { Providers } from '@/lib/ai/providers';
import { routeTranscription } from '@/lib/ai/routing/router';
import { transcribeWithFallback, type TranscriptionAttempt } from '@/lib/ai/transcription/transcribe-with-fallback';
import type { AudioUpload } from '@/lib/audio/read-audio-upload';
import { wavDurationSeconds } from '@/lib/audio/wav-duration';
import { runtime } from '@/lib/server/runtime';

/** What POST /api/transcribe answers: the transcript, who made it, what was tried, and what it cost. */
export interface TranscriptionResponse {
  text: string;
  model: string;
  language?: string;
  durationSeconds?: number;
  attempts: Array<{ model: string; provider: string; outcome: string; ms: number }>;
  costUsd: number;
}

/** What the service calls; tests pass their own catalog, providers and health. */
export interface TranscriptionDependencies {
  catalog: Catalog;
  providers: Providers;
  health: HealthRegistry;
  attemptTimeoutMs?: number;
  /** Sees every attempt as the chain records it (the route's log lines and metrics). */
  onAttempt?: (attempt: TranscriptionAttempt) => void;
}

// Groq bills every request as at least ten seconds of audio.
const groqMinimumBilledSeconds = 10;

/** Transcribes validated audio through the Whisper fallback chain; throws a TranscriptionError when no model can. */
export async function transcribeSpeech(
  upload: AudioUpload,
  signal: AbortSignal,
  dependencies: TranscriptionDependencies = defaultDependencies(),
): Promise<TranscriptionResponse> {
  const { catalog, providers, health } = dependencies;
  const candidates = routeTranscription(catalog, providers.configured).map((entry) => ({ entry, model: providers.transcriptionModel(entry) }));
  const outcome = await transcribeWithFallback({
    candidates,
    health,
    audio: upload.audio,
    ...(upload.language === undefined ? {} : { language: upload.language }),
    ...(upload.prompt === undefined ? {} : { prompt: upload.prompt }),
    abortSignal: signal,
    ...(dependencies.attemptTimeoutMs === undefined ? {} : { attemptTimeoutMs: dependencies.attemptTimeoutMs }),
    // The route logs one warn line per failed attempt (provider message included) from this hook.
    ...(dependencies.onAttempt === undefined ? {} : { onAttempt: dependencies.onAttempt }),
  });

  const durationSeconds = outcome.durationSeconds ?? (upload.sniffed.format === 'wav' ? wavDurationSeconds(upload.audio) : undefined);
  const billedSeconds = outcome.servedBy.provider === 'groq' ? Math.max(durationSeconds ?? 0, groqMinimumBilledSeconds) : (durationSeconds ?? 0);
  return {
    text: outcome.text,
    model: outcome.servedBy.label,
    ...(outcome.language === undefined ? {} : { language: outcome.language }),
    ...(durationSeconds === undefined ? {} : { durationSeconds: Math.round(durationSeconds * 100) / 100 }),
    attempts: outcome.attempts.map((attempt) => ({ model: attempt.modelId, provider: attempt.provider, outcome: attempt.outcome, ms: Math.round(attempt.ms) })),
    costUsd: costOf(outcome.servedBy, { audioSeconds: billedSeconds }),
  };
}

function defaultDependencies(): TranscriptionDependencies {
  const { catalog, providers, health } = runtime();
  return { catalog, providers, health };
}
