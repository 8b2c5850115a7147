import { createGroq } from '@ai-sdk/groq';
import { createOpenAI } from '@ai-sdk/openai';
import type { LanguageModelV4, TranscriptionModelV4 } from '@ai-sdk/provider';
import type { FetchFunction } from '@ai-sdk/provider-utils';
import type { ModelEntry, ProviderName } from './catalog/model-entry';
import { wireFetch } from './fallback/wire-watch';
import { createLeanGroqModel } from './lean-stream';

/** Connection settings of one provider; without an API key the provider counts as unconfigured. */
export interface ProviderSettings {
  apiKey?: string;
  baseURL: string;
}

/** SDK model factories for catalog entries, plus which providers can be called at all. */
export interface Providers {
  configured: ProviderName[];
  isConfigured(provider: ProviderName): boolean;
  languageModel(entry: ModelEntry): LanguageModelV4;
  transcriptionModel(entry: ModelEntry): TranscriptionModelV4;
}

/** Builds the Groq and OpenAI SDK providers with explicit base URLs (neither reads a base URL from the environment). */
export function createProviders(settings: {
  groq: ProviderSettings;
  openai: ProviderSettings;
  /** Replaces fetch for every provider call (tests, instrumentation). */
  fetch?: FetchFunction;
}): Providers {
  // The wire watch tells the chain when a request is really sent, so its first-token clock measures the provider.
  const extra = { fetch: wireFetch(settings.fetch) };
  const groqSettings = { apiKey: settings.groq.apiKey ?? '', baseURL: settings.groq.baseURL, ...extra };
  const groq = createGroq(groqSettings);
  const openai = createOpenAI({ apiKey: settings.openai.apiKey ?? '', baseURL: settings.openai.baseURL, ...extra });
  const configured = (['groq', 'openai'] as const).filter((name) => Boolean(settings[name].apiKey));
  // One SDK model per catalog id, reused by every request: a model keeps no per-call state (each call
  // builds its own request), and building one was a createGroq per candidate per request before the fetch.
  const models = new Map<string, LanguageModelV4>();
  const build = (entry: ModelEntry) => (entry.provider === 'groq' ? createLeanGroqModel(entry.id, groqSettings) : openai.chat(entry.id));

  return {
    configured,
    isConfigured: (provider) => configured.includes(provider),
    // Chat Completions (`.chat`), not the Responses API: every OpenAI-compatible backup speaks it.
    // Groq streams parse through lean-stream, replacing the SDK's SSE + per-chunk zod parse on the hot path:
    // a 98-frame gpt-oss reply costs 2.3 ms CPU through @ai-sdk/groq and 0.8 ms lean (bench/groq-stream-parse.ts;
    // the parse was ~10-14 % of /api/chat per request, issue 14). Plain calls are sent as the SDK's own bytes
    // (plain-groq-body.ts); the SDK builds every other request and maps every failure.
    languageModel(entry) {
      const id = `${entry.provider}:${entry.id}`;
      let model = models.get(id);
      if (model === undefined) models.set(id, (model = build(entry)));
      return model;
    },
    transcriptionModel: (entry) => (entry.provider === 'groq' ? groq.transcription(entry.id) : openai.transcription(entry.id)),
  };
}
