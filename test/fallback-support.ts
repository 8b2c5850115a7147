// Shared builders for lib/ai tests: fake provider failures and scripted model streams.
import { APICallError, type LanguageModelV4StreamPart, type LanguageModelV4Usage } from '@ai-sdk/provider';
import { MockLanguageModelV4 } from 'ai/test';
import { createCatalog } from '../lib/ai/catalog/catalog';
import type { FallbackCandidate } from '../lib/ai/fallback/fallback-run';
import type { ModelEntry } from '../lib/ai/catalog/model-entry';

export const catalog = createCatalog();

export function entry(id: string): ModelEntry {
  const found = catalog.find(id);
  if (found === undefined) throw new Error(`no catalog entry ${id}`);
  return found;
}

export const speed = entry('openai/gpt-oss-20b');
export const quality = entry('openai/gpt-oss-120b');
export const backup = entry('gpt-4.1-mini');

export function apiError(statusCode: number | undefined, options: { headers?: Record<string, string>; code?: string } = {}) {
  return new APICallError({
    message: `upstream ${statusCode ?? 'connection'} error`,
    url: 'https://api.example.test/v1/chat/completions',
    requestBodyValues: {},
    ...(statusCode === undefined ? {} : { statusCode }),
    ...(options.headers ? { responseHeaders: options.headers } : {}),
    ...(options.code ? { responseBody: JSON.stringify({ error: { message: 'x', type: 'invalid_request_error', code: options.code } }) } : {}),
  });
}

export const usage = (input: number, output: number): LanguageModelV4Usage => ({
  inputTokens: { total: input, noCache: input, cacheRead: undefined, cacheWrite: undefined },
  outputTokens: { total: output, text: output, reasoning: undefined },
});

/** The parts of a complete streamed text answer. */
export function textParts(deltas: string[], options: { id?: string; modelId?: string } = {}): LanguageModelV4StreamPart[] {
  const id = options.id ?? 'text-1';
  return [
    { type: 'stream-start', warnings: [] },
    { type: 'response-metadata', modelId: options.modelId ?? 'upstream-model' },
    { type: 'text-start', id },
    ...deltas.map((delta): LanguageModelV4StreamPart => ({ type: 'text-delta', id, delta })),
    { type: 'text-end', id },
    { type: 'finish', finishReason: { unified: 'stop', raw: 'stop' }, usage: usage(10, deltas.length) },
  ];
}

/** A stream that yields the parts one per read, then errors, closes, or hangs forever. */
export function scriptedStream(
  parts: LanguageModelV4StreamPart[],
  end: { error: unknown } | 'close' | 'hang' = 'close',
): ReadableStream<LanguageModelV4StreamPart> {
  let index = 0;
  return new ReadableStream<LanguageModelV4StreamPart>({
    pull(controller) {
      const part = parts[index];
      index += 1;
      if (part !== undefined) return controller.enqueue(part);
      if (end === 'close') return controller.close();
      if (end === 'hang') return new Promise<void>(() => {});
      controller.error(end.error);
    },
  });
}

/** A mock model whose successive doStream calls return the given streams or throw the given errors. */
export function streamingModel(...results: Array<ReadableStream<LanguageModelV4StreamPart> | Error>) {
  let call = 0;
  return new MockLanguageModelV4({
    doStream: async () => {
      const result = results[Math.min(call, results.length - 1)];
      call += 1;
      if (result === undefined) throw new Error('no scripted result');
      if (result instanceof Error) throw result;
      return { stream: result };
    },
  });
}

export function candidate(modelEntry: ModelEntry, model: MockLanguageModelV4): FallbackCandidate {
  return { entry: modelEntry, model };
}

export async function readAll<T>(stream: ReadableStream<T>): Promise<T[]> {
  const parts: T[] = [];
  for (const reader = stream.getReader(); ; ) {
    const { done, value } = await reader.read();
    if (done) return parts;
    parts.push(value);
  }
}

export function textOf(parts: LanguageModelV4StreamPart[]): string {
  return parts.map((part) => (part.type === 'text-delta' ? part.delta : '')).join('');
}

export const prompt = [{ role: 'user' as const, content: [{ type: 'text' as const, text: 'Tell me about flint.' }] }];
