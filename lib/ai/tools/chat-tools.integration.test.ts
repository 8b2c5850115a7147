// The chat's tools end to end: AI SDK multi-step calls against the emulator's Groq and OpenAI,
// a real MCP server from the MCP TypeScript SDK, and Groq's built-in tools through the middleware.
import { createGroq } from '@ai-sdk/groq';
import { createOpenAI } from '@ai-sdk/openai';
import { generateText, isStepCount, streamText, tool, wrapLanguageModel, type ToolSet } from 'ai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startEmulator, type RunningEmulator } from '@/emulator/server';
import { createCatalog } from '@/lib/ai/catalog/catalog';
import { createFallbackModel } from '@/lib/ai/fallback/fallback-model';
import { createFallbackTrace } from '@/lib/ai/fallback/fallback-trace';
import { createHealthRegistry } from '@/lib/ai/health/health';
import { startMcpServer, type RunningMcpServer } from '@/test/start-mcp-server';
import { chatTools } from './chat-tools';
import { loadMcpTools } from './load-mcp-tools';
import { serverToolsMiddleware } from './server-tools-middleware';
import { withToolTimeout } from './with-tool-timeout';

let emulator: RunningEmulator;
let mcp: RunningMcpServer;
let groq: ReturnType<typeof createGroq>;
let openai: ReturnType<typeof createOpenAI>;
const catalog = createCatalog();
const entry = (id: string) => catalog.find(id)!;

beforeAll(async () => {
  [emulator, mcp] = await Promise.all([startEmulator({ port: 0, speed: 0 }), startMcpServer()]);
  groq = createGroq({ baseURL: emulator.groqBaseURL, apiKey: 'gsk_test' });
  openai = createOpenAI({ baseURL: emulator.openaiBaseURL, apiKey: 'sk-test' });
});
afterAll(async () => {
  await Promise.all([emulator.close(), mcp.close()]);
});
beforeEach(() => {
  emulator.faults.clear();
  emulator.requests.clear();
  mcp.calls.length = 0;
});

/** A URL nothing listens on: a server that is down. */
const deadUrl = 'http://127.0.0.1:9/mcp?token=secret';

async function ask(tools: ToolSet, prompt: string, model = groq('openai/gpt-oss-20b')) {
  return generateText({ model, tools, prompt, stopWhen: isStepCount(5), maxRetries: 0 });
}

describe('built-in tools through the emulated model', () => {
  it('calls the calculator for arithmetic and answers with the right number', async () => {
    const chat = await chatTools({ groqTools: [], mcpServers: [], models: [entry('openai/gpt-oss-20b')] });
    const result = await ask(chat.tools, 'What is 12*7+3?');
    expect(result.steps[0]!.toolCalls.map((call) => [call.toolName, call.input])).toEqual([['calculator', { expression: '12*7+3' }]]);
    expect(result.steps[0]!.toolResults[0]!.output).toEqual({ expression: '12*7+3', result: '87' });
    expect(result.text).toContain('87');
    // Two calls: the tool call, then the answer that carries its result.
    expect(emulator.requests.list().map((entry) => entry.toolResults)).toEqual([0, 1]);
    await chat.close();
  });

  it('converts units through the OpenAI backup, whose tool calls arrive in fragments', async () => {
    const chat = await chatTools({ groqTools: [], mcpServers: [], models: [entry('gpt-4.1-mini')] });
    const result = streamText({ model: openai.chat('gpt-4.1-mini'), tools: chat.tools, prompt: 'How much is 5 km to mi?', stopWhen: isStepCount(5), maxRetries: 0 });
    expect(await result.text).toContain('3.10685596119 mi');
  });

  it('hands an unknown time zone back to the model as a tool error, and the chat goes on', async () => {
    const chat = await chatTools({ groqTools: [], mcpServers: [], models: [entry('openai/gpt-oss-20b')] });
    const result = await ask(chat.tools, 'What is the current_time in Mars/Olympus?');
    const errors = result.steps[0]!.content.filter((part) => part.type === 'tool-error');
    expect(errors).toHaveLength(1);
    expect(result.finishReason).toBe('stop');
    expect(result.text).toContain('Unknown time zone');
  });

  it('turns a tool that never answers into a timeout error the model sees', async () => {
    const hanging = tool({ description: 'Never answers', inputSchema: z.object({ expression: z.string() }), execute: () => new Promise<{ result: string }>(() => {}) });
    const result = await ask(withToolTimeout({ calculator: hanging }, 50), '2+2');
    expect(result.steps[0]!.content.some((part) => part.type === 'tool-error')).toBe(true);
    expect(result.text).toContain('did not answer within');
  });
});

describe('MCP servers', () => {
  it('loads a real MCP server tool and the model calls it through the SDK', async () => {
    const chat = await chatTools({ groqTools: [], mcpServers: [mcp.url], models: [entry('openai/gpt-oss-20b')] });
    expect(chat.mcpServers).toEqual([{ url: mcp.url, name: 'flint-test-mcp', tools: ['word_count'] }]);
    expect(Object.keys(chat.tools)).toEqual(['calculator', 'current_time', 'word_count']);
    const result = await ask(chat.tools, 'Please run word_count on this');
    expect(mcp.calls).toEqual([{ text: 'emulated text' }]);
    expect(result.text).toContain('2 words');
    await chat.close();
    // Closed means closed: the tool can no longer reach its server.
    const execute = chat.tools.word_count!.execute!;
    await expect(Promise.resolve(execute({ text: 'a b' }, { toolCallId: 'late', messages: [], context: {} }))).rejects.toThrow();
    expect(mcp.calls).toHaveLength(1);
  });

  it('skips a server that is down with a notice that hides its query, keeping the others', async () => {
    const loaded = await loadMcpTools([deadUrl, mcp.url], { timeoutMs: 2000 });
    expect(Object.keys(loaded.tools)).toEqual(['word_count']);
    expect(loaded.notices).toEqual(['MCP server http://127.0.0.1:9/mcp is unavailable and was skipped.']);
    await loaded.close();
  });

  it('skips a server that does not answer in time', async () => {
    const { createServer } = await import('node:http');
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(silent.address() as { port: number }).port}/mcp`;
    const loaded = await loadMcpTools([url], { timeoutMs: 200 });
    expect(loaded.tools).toEqual({});
    expect(loaded.notices).toEqual([`MCP server ${url} is unavailable and was skipped.`]);
    silent.closeAllConnections();
    silent.close();
  });
});

describe("Groq's built-in tools", () => {
  const gptOss = entry('openai/gpt-oss-120b');

  it('offers browser_search only when a candidate runs it, and explains code_interpreter', async () => {
    const onQwen = await chatTools({ groqTools: ['browser_search'], mcpServers: [], models: [entry('qwen/qwen3.8-27b')] });
    expect(Object.keys(onQwen.tools)).not.toContain('browser_search');
    expect(onQwen.notices).toEqual(["Groq's browser_search is not offered: none of the models for this request can run it."]);
    const onGptOss = await chatTools({ groqTools: ['browser_search', 'code_interpreter'], mcpServers: [], models: [gptOss] });
    expect(Object.keys(onGptOss.tools)).toContain('browser_search');
    expect(onGptOss.notices).toEqual(["Groq's code_interpreter is not offered: the installed @ai-sdk/groq cannot send it."]);
  });

  it('surfaces the executed search as provider-executed tool parts in a stream, between reasoning and text', async () => {
    const chat = await chatTools({ groqTools: ['browser_search'], mcpServers: [], models: [gptOss] });
    const model = wrapLanguageModel({ model: groq('openai/gpt-oss-120b'), middleware: serverToolsMiddleware(gptOss) });
    const result = streamText({ model, tools: chat.tools, prompt: 'What is the latest news about Flint?', stopWhen: isStepCount(5), maxRetries: 0 });
    const order: string[] = [];
    for await (const part of result.stream) {
      if (part.type === 'tool-call') order.push(`call:${part.toolName}:${String(part.providerExecuted)}`);
      if (part.type === 'tool-result') order.push(`result:${part.toolName}`);
      if (part.type === 'reasoning-delta' && order.at(-1) !== 'reasoning') order.push('reasoning');
      if (part.type === 'text-delta' && order.at(-1) !== 'text') order.push('text');
      if (part.type === 'raw') order.push('raw');
    }
    expect(order).toEqual(['reasoning', 'call:browser_search:true', 'result:browser_search', 'text']);
    const [step] = await result.steps;
    expect(step!.toolResults[0]!.output).toMatchObject({ type: 'browser.search', output: expect.stringContaining('example.com') });
    expect(await result.text).toContain('emulated web search');
    // Groq ran the tool: one upstream call, no tool round trip.
    expect(emulator.requests.list()).toHaveLength(1);
  });

  it('surfaces it from a non-streamed answer too', async () => {
    const chat = await chatTools({ groqTools: ['browser_search'], mcpServers: [], models: [gptOss] });
    const model = wrapLanguageModel({ model: groq('openai/gpt-oss-120b'), middleware: serverToolsMiddleware(gptOss) });
    const result = await ask(chat.tools, 'search the web for flint', model);
    expect(result.steps[0]!.toolCalls).toEqual([expect.objectContaining({ toolName: 'browser_search', providerExecuted: true })]);
  });

  it('removes browser_search for candidates that cannot run it, so the same tool set works on every model', async () => {
    const chat = await chatTools({ groqTools: ['browser_search'], mcpServers: [], models: [gptOss, entry('qwen/qwen3.8-27b')] });
    const qwen = wrapLanguageModel({ model: groq('qwen/qwen3.8-27b'), middleware: serverToolsMiddleware(entry('qwen/qwen3.8-27b')) });
    const result = await ask(chat.tools, 'search for flint', qwen);
    expect(result.text).toContain('qwen/qwen3.8-27b');
    const unwrapped = await ask(chat.tools, 'search for flint', groq('qwen/qwen3.8-27b')).catch((error: unknown) => error);
    expect((unwrapped as { statusCode?: number }).statusCode).toBe(400);
  });

  it('works through the fallback chain: the search reaches the stream, and a fallback to qwen3.8 drops the tool instead of failing', async () => {
    const entries = [entry('openai/gpt-oss-20b'), entry('qwen/qwen3.8-27b')];
    const chat = await chatTools({ groqTools: ['browser_search'], mcpServers: [], models: entries });
    const run = async () => {
      const chain = createFallbackModel({
        candidates: entries.map((candidate) => ({ entry: candidate, model: wrapLanguageModel({ model: groq(candidate.id), middleware: serverToolsMiddleware(candidate) }) })),
        health: createHealthRegistry(), firstTokenTimeoutMs: 5000, totalTimeoutMs: 20_000, trace: createFallbackTrace(),
      });
      const result = streamText({ model: chain, tools: chat.tools, prompt: 'search for flint', stopWhen: isStepCount(5), maxRetries: 0 });
      const types = new Set<string>();
      for await (const part of result.stream) types.add(part.type);
      return { types, text: await result.text };
    };
    const served = await run();
    expect(served.types).toContain('tool-result');
    expect(served.text).toContain('emulated web search');
    emulator.faults.add({ provider: 'groq', model: 'openai/gpt-oss-20b', kind: 'status', status: 503, times: 1 });
    const fellBack = await run();
    expect(fellBack.types).not.toContain('tool-call');
    expect(fellBack.text).toContain('qwen/qwen3.8-27b');
    expect(emulator.requests.list().map((call) => [call.model, call.status, call.tools])).toEqual([
      ['openai/gpt-oss-20b', 200, ['calculator', 'current_time', 'browser_search']],
      ['openai/gpt-oss-20b', 503, ['calculator', 'current_time', 'browser_search']],
      ['qwen/qwen3.8-27b', 200, ['calculator', 'current_time']],
    ]);
  });
});
