import * as groq from '@ai-sdk/groq';
import type { LanguageModelV4CallOptions } from '@ai-sdk/provider';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../emulator/server';
import { streamOutcome } from '../../../test/stream-outcome';
import { createLeanGroqModel } from './lean-groq-model';

// Counts the SDK providers built: each SDK-built request builds one, a lean request none.
vi.mock('@ai-sdk/groq', async (importOriginal) => {
  const original = await importOriginal<typeof import('@ai-sdk/groq')>();
  return { ...original, createGroq: vi.fn(original.createGroq) };
});

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0, speed: 0 });
});
afterAll(() => emulator.close());

const call = (text: string, extra: Partial<LanguageModelV4CallOptions> = {}): LanguageModelV4CallOptions => ({
  prompt: [{ role: 'system', content: 'You are Flint.' }, { role: 'user', content: [{ type: 'text', text }] }],
  ...extra,
});

describe('createLeanGroqModel: plain calls after the first', () => {
  it('skip the SDK’s request build; failures and other calls still go through the SDK', async () => {
    const built = vi.mocked(groq.createGroq);
    const model = createLeanGroqModel('openai/gpt-oss-20b', { apiKey: 'gsk_test', baseURL: emulator.groqBaseURL });
    const buildsFor = async (options: LanguageModelV4CallOptions) => {
      const before = built.mock.calls.length;
      const outcome = await streamOutcome(model, options);
      return { builds: built.mock.calls.length - before, outcome };
    };

    expect((await buildsFor(call('first'))).builds).toBe(1);
    const later = await buildsFor(call('second', { temperature: 0.3 }));
    expect(later.builds).toBe(0);
    expect(later.outcome.parts.at(-1)).toMatchObject({ type: 'finish', finishReason: { unified: 'stop' } });

    const tools = await buildsFor(call('Use weather', { tools: [{ type: 'function', name: 'weather', inputSchema: { type: 'object' } }], toolChoice: { type: 'auto' } }));
    expect(tools.builds).toBe(0);
    expect(tools.outcome.parts).toContainEqual(expect.objectContaining({ type: 'tool-call', toolName: 'weather' }));
    // An option plainGroqBody does not write: the SDK builds that request.
    expect((await buildsFor(call('fourth', { topP: 0.5 }))).builds).toBe(1);

    emulator.faults.add({ provider: 'groq', kind: 'status', status: 503 });
    const failed = await buildsFor(call('third'));
    emulator.faults.clear();
    expect(failed.builds).toBe(1);
    expect(failed.outcome.thrown).toMatchObject({ class: 'APICallError', statusCode: 503, isRetryable: true });
  });
});
