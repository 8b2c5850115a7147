import { createHash } from 'node:crypto';
import type { LanguageModelV4CallOptions } from '@ai-sdk/provider';
import { encodeCached } from './cache-codec';

/** Whether a call may be answered from the cache: temperature 0, or `providerOptions.flint.cache: true`; `false` always opts out. */
export function isCacheable(params: LanguageModelV4CallOptions): boolean {
  const choice = params.providerOptions?.flint?.cache;
  if (choice === false) return false;
  // Raw chunks are provider wire data a replay cannot reproduce.
  if (params.includeRawChunks === true) return false;
  return choice === true || params.temperature === 0;
}

/** The exact-match key: model route, prompt and every setting that changes the answer (not headers or the abort signal). */
export function cacheKey(route: string, mode: 'generate' | 'stream', params: LanguageModelV4CallOptions): string {
  const { abortSignal: _signal, headers: _headers, includeRawChunks: _raw, providerOptions, ...settings } = params;
  const { flint: _flint, ...forwarded } = providerOptions ?? {};
  const material = encodeCached({ version: 1, route, mode, settings, providerOptions: forwarded }, true);
  return `flint:cache:${createHash('sha256').update(material).digest('hex')}`;
}
