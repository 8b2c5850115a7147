import type { EngineEvent } from '../engine-events';

/** A JSONL batch file of `count` chat lines for the given model, each with a distinct prompt. */
export function batchJsonl(count: number, options: { model?: string; prompt?: (index: number) => string; maxTokens?: number } = {}): string {
  return Array.from({ length: count }, (_, index) => JSON.stringify({
    custom_id: `req-${index + 1}`,
    method: 'POST',
    url: '/v1/chat/completions',
    body: { model: options.model ?? 'openai/gpt-oss-20b', messages: [{ role: 'user', content: options.prompt?.(index) ?? `Question number ${index + 1}` }], ...(options.maxTokens ? { max_tokens: options.maxTokens } : {}) },
  })).join('\n') + '\n';
}

/** Resolves once `count` events of an engine match (for waiting on progress instead of sleeping). */
export function countEvents(on: (listener: (event: EngineEvent) => void) => () => void, match: (event: EngineEvent) => boolean, count: number): Promise<void> {
  return new Promise((resolve) => {
    let seen = 0;
    const off = on((event) => {
      if (!match(event)) return;
      seen += 1;
      if (seen >= count) {
        off();
        resolve();
      }
    });
  });
}
