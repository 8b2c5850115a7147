import type { LanguageModelV4GenerateResult, LanguageModelV4Middleware, LanguageModelV4StreamPart, SharedV4ProviderMetadata } from '@ai-sdk/provider';
import { recordCache } from '@/lib/observability/record';
import type { Store } from '@/lib/store/store';
import { decodeCached, encodeCached } from './cache-codec';
import { cacheKey, isCacheable } from './cache-key';

/** Options of {@link responseCacheMiddleware}. */
export type ResponseCacheOptions = {
  /** Where entries live: a bounded memory store of its own, or the shared Redis store (see createResponseCacheStore). */
  store: Store;
  /** Lifetime of an entry; 0 turns the cache off. */
  ttlMs: number;
  /** The model route the key starts with; by default the wrapped model's provider and id. */
  route?: string;
  /** An entry larger than this is not kept (one huge answer must not evict everything). */
  maxEntryBytes?: number;
  /** Called when a call was answered from the cache, e.g. to make served-by say "from cache". */
  onHit?: () => void;
};

type CachedGenerate = Pick<LanguageModelV4GenerateResult, 'content' | 'finishReason' | 'usage' | 'providerMetadata' | 'warnings' | 'structuredOutputText'>
  & { response?: Omit<NonNullable<LanguageModelV4GenerateResult['response']>, 'headers' | 'body'> };

// Only complete answers are worth replaying; an error, filter or interruption must be asked again.
const keepable = new Set(['stop', 'length', 'tool-calls']);

/** Marks a result as served from the cache, for served-by and the usage record. */
function markHit(metadata: SharedV4ProviderMetadata | undefined): SharedV4ProviderMetadata {
  return { ...metadata, flint: { ...metadata?.flint, cache: 'hit' } };
}

/**
 * An exact-match response cache as a model middleware. Apply it with wrapLanguageModel OUTSIDE the
 * fallback chain, so a hit touches neither a provider nor a breaker. Streamed hits replay as a stream.
 */
export function responseCacheMiddleware(options: ResponseCacheOptions): LanguageModelV4Middleware {
  const maxEntryBytes = options.maxEntryBytes ?? 1024 * 1024;
  const enabled = options.ttlMs > 0;

  async function lookup(key: string): Promise<string | undefined> {
    // A failing cache is a miss, never a failed request.
    return options.store.get(key).catch(() => undefined);
  }
  function keep(key: string, value: unknown): void {
    const text = encodeCached(value);
    if (Buffer.byteLength(text) > maxEntryBytes) return;
    void options.store.set(key, text, options.ttlMs).catch(() => undefined);
  }

  return {
    specificationVersion: 'v4',
    async wrapGenerate({ doGenerate, params, model }) {
      if (!enabled || !isCacheable(params)) {
        recordCache('skip');
        return doGenerate();
      }
      const key = cacheKey(options.route ?? `${model.provider}:${model.modelId}`, 'generate', params);
      const cached = await lookup(key);
      if (cached !== undefined) {
        recordCache('hit');
        options.onHit?.();
        const entry = decodeCached<CachedGenerate>(cached);
        return { ...entry, warnings: entry.warnings ?? [], providerMetadata: markHit(entry.providerMetadata) };
      }
      recordCache('miss');
      const result = await doGenerate();
      if (keepable.has(result.finishReason.unified)) {
        const { headers: _headers, body: _body, ...response } = result.response ?? {};
        const entry: CachedGenerate = {
          content: result.content, finishReason: result.finishReason, usage: result.usage, warnings: result.warnings,
          providerMetadata: result.providerMetadata, structuredOutputText: result.structuredOutputText, response,
        };
        keep(key, entry);
      }
      return result;
    },

    async wrapStream({ doStream, params, model }) {
      if (!enabled || !isCacheable(params)) {
        recordCache('skip');
        return doStream();
      }
      const key = cacheKey(options.route ?? `${model.provider}:${model.modelId}`, 'stream', params);
      const cached = await lookup(key);
      if (cached !== undefined) {
        recordCache('hit');
        options.onHit?.();
        const parts = decodeCached<LanguageModelV4StreamPart[]>(cached).map((part) =>
          part.type === 'finish' ? { ...part, providerMetadata: markHit(part.providerMetadata) } : part);
        // All parts at once: a replay has nothing to wait for (a paced simulateReadableStream costs ~4x the CPU).
        return { stream: new ReadableStream<LanguageModelV4StreamPart>({ start(controller) {
          for (const part of parts) controller.enqueue(part);
          controller.close();
        } }) };
      }
      recordCache('miss');
      const result = await doStream();
      const parts: LanguageModelV4StreamPart[] = [];
      let broken = false;
      const recorder = new TransformStream<LanguageModelV4StreamPart, LanguageModelV4StreamPart>({
        transform(part, controller) {
          if (part.type === 'error') broken = true;
          else if (part.type !== 'raw') parts.push(part);
          controller.enqueue(part);
        },
        // Runs only when the stream ended normally: a cancelled or failed stream is never kept.
        flush() {
          const finish = parts.findLast((part) => part.type === 'finish');
          if (!broken && finish?.type === 'finish' && keepable.has(finish.finishReason.unified)) keep(key, parts);
        },
      });
      return { ...result, stream: result.stream.pipeThrough(recorder) };
    },
  };
}
