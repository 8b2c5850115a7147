import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { createProviders, type Providers } from '@/lib/ai/providers';
import { env } from '@/lib/env';

// Only in this process's memory, as long as the caller keeps calling (never written anywhere): the
// key already lives here for each of its requests. Keyed by a hash so the map's keys are not secrets.
const cache = new LRUCache<string, Providers>({ max: 256, ttl: 10 * 60 * 1000 });

/**
 * The providers of a bring-your-own-key call: Groq with the caller's key, and the server's OpenAI
 * backup only when the gateway key allows it. Built once per provider key and setting, not per
 * request, so the models built from them are reused too.
 */
export function byoProviders(providerKey: string, allowServerFallback: boolean): Providers {
  const id = `${allowServerFallback ? 1 : 0}:${createHash('sha256').update(providerKey).digest('base64url')}`;
  let providers = cache.get(id);
  if (providers === undefined) {
    const openai = allowServerFallback ? env.openai : { baseURL: env.openai.baseURL };
    providers = createProviders({ groq: { apiKey: providerKey, baseURL: env.groq.baseURL }, openai });
    cache.set(id, providers);
  }
  return providers;
}
