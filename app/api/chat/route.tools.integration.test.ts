// Tools in chat end to end: POST /api/chat -> router (tool-capable models) -> multi-step streamText ->
// fallback chain per step -> the emulator's Groq/OpenAI, with Flint's calculator, a real MCP server
// (the MCP TypeScript SDK's) and Groq's browser_search. The emulator's request log shows every step.
import { readUIMessageStream, type UIMessageChunk } from 'ai';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RunningEmulator } from '@/emulator/server';
import { startWiredEmulator } from '@/test/start-wired-emulator';
import { startMcpServer, type RunningMcpServer } from '@/test/start-mcp-server';
import { createCatalog } from '@/lib/ai/catalog/catalog';
import { costOf } from '@/lib/ai/usage/cost-of';
import type { FlintUIMessage } from '@/lib/chat/message';
import type { ChatRequest } from '@/lib/chat/request';

vi.mock('server-only', () => ({}));

let emulator: RunningEmulator;
let mcp: RunningMcpServer;
let POST: typeof import('./route').POST;
const saved = { groq: process.env.FLINT_GROQ_TOOLS, mcp: process.env.FLINT_MCP_SERVERS };

beforeAll(async () => {
  [emulator, mcp] = await Promise.all([startWiredEmulator(), startMcpServer()]);
  // lib/env reads these once, at import: one server that answers and one that is down.
  process.env.FLINT_MCP_SERVERS = `${mcp.url},http://127.0.0.1:9/mcp`;
  process.env.FLINT_GROQ_TOOLS = 'browser_search';
  ({ POST } = await import('./route'));
});
afterAll(async () => {
  for (const [name, value] of [['FLINT_GROQ_TOOLS', saved.groq], ['FLINT_MCP_SERVERS', saved.mcp]] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  await Promise.all([emulator.close(), mcp.close()]);
});
beforeEach(() => {
  emulator.faults.clear();
  emulator.requests.clear();
  mcp.calls.length = 0;
});

type Messages = ChatRequest['messages'];
type Answer = { status: number; chunks: UIMessageChunk[]; message: FlintUIMessage; text: string };

const user = (text: string, id = 'u1'): Messages[number] => ({ id, role: 'user', parts: [{ type: 'text', text }] });

/** Posts a conversation and assembles the answer as the browser's useChat would. */
async function post(messages: Messages, extra: Partial<ChatRequest> = {}): Promise<Answer> {
  const response = await POST(new Request('http://flint.test/api/chat', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ id: 'chat', trigger: 'submit-message', tier: 'speed', messages, ...extra }),
  }));
  const body = await response.text();
  if (!response.ok) throw new Error(`status ${response.status}: ${body}`);
  const chunks = body.split('\n').filter((line) => line.startsWith('data: {')).map((line) => JSON.parse(line.slice(6)) as UIMessageChunk);
  const errors = chunks.filter((chunk) => chunk.type === 'error');
  if (errors.length > 0) throw new Error(`stream error: ${JSON.stringify(errors)}`);
  let message: FlintUIMessage | undefined;
  const stream = new ReadableStream<UIMessageChunk>({ start(controller) { chunks.forEach((chunk) => controller.enqueue(chunk)); controller.close(); } });
  for await (const snapshot of readUIMessageStream<FlintUIMessage>({ stream })) message = snapshot;
  const text = message!.parts.map((part) => (part.type === 'text' ? part.text : '')).join('');
  return { status: response.status, chunks, message: message!, text };
}

const chatCalls = () => emulator.requests.list().filter((entry) => entry.path.endsWith('/chat/completions'));
const toolParts = (message: FlintUIMessage) => message.parts.filter((part) => part.type.startsWith('tool-') || part.type === 'dynamic-tool');
const catalog = createCatalog();

describe('tools in the chat', () => {
  it('calls the calculator, shows the step in the answer, and answers with its result; tokens and cost cover both steps', async () => {
    const answer = await post([user('What is 12*7+3?')]);
    const [step, ...rest] = toolParts(answer.message);
    expect(rest).toEqual([]);
    expect(step).toMatchObject({ type: 'tool-calculator', state: 'output-available', input: { expression: '12*7+3' }, output: { expression: '12*7+3', result: '87' } });
    // The step sits before the text that uses it.
    expect(answer.message.parts.findIndex((part) => part === step)).toBeLessThan(answer.message.parts.findIndex((part) => part.type === 'text'));
    expect(answer.text).toContain('87');
    const calls = chatCalls();
    expect(calls.map((call) => [call.model, call.toolResults, call.status])).toEqual([['openai/gpt-oss-20b', 0, 200], ['openai/gpt-oss-20b', 1, 200]]);
    expect(calls[0]!.tools).toEqual(['calculator', 'current_time', 'word_count', 'browser_search']);
    const metadata = answer.message.metadata!;
    expect(metadata.attempts?.map((attempt) => attempt.outcome)).toEqual(['ok', 'ok']);
    expect(metadata.inputTokens).toBe(calls.reduce((sum, call) => sum + call.usage!.promptTokens, 0));
    expect(metadata.outputTokens).toBe(calls.reduce((sum, call) => sum + call.usage!.completionTokens, 0));
    const entry = catalog.find('openai/gpt-oss-20b')!;
    const perStep = calls.map((call) => costOf(entry, { inputTokens: call.usage!.promptTokens, outputTokens: call.usage!.completionTokens }));
    expect(metadata.costUsd).toBeCloseTo(perStep[0]! + perStep[1]!, 12);
  });

  it('lists the MCP servers reached and tells why one was skipped, in the answer metadata', async () => {
    const answer = await post([user('Hello [emulate tokens=5]')]);
    expect(answer.message.metadata?.tools).toEqual({
      tools: ['calculator', 'current_time', 'browser_search', 'word_count'],
      mcpServers: [{ url: mcp.url, name: 'flint-test-mcp', tools: ['word_count'] }],
      notices: ['MCP server http://127.0.0.1:9/mcp is unavailable and was skipped.'],
    });
  });

  it('hands a failing tool back to the model as a tool error, and the answer goes on', async () => {
    const answer = await post([user('What is the current_time in Mars/Olympus?')]);
    expect(toolParts(answer.message)).toEqual([
      expect.objectContaining({ type: 'tool-current_time', state: 'output-error', input: { timeZone: 'Mars/Olympus' }, errorText: expect.stringContaining('Unknown time zone') }),
    ]);
    expect(answer.text).toContain('Unknown time zone');
    expect(answer.chunks.find((chunk) => chunk.type === 'finish')).toMatchObject({ finishReason: 'stop' });
  });

  it('with tools turned off for the chat, offers none and answers in one call', async () => {
    const answer = await post([user('What is 12*7+3?')], { tools: false });
    expect(toolParts(answer.message)).toEqual([]);
    expect(answer.message.metadata?.tools).toBeUndefined();
    expect(chatCalls().map((call) => [call.model, call.tools])).toEqual([['openai/gpt-oss-20b', []]]);
  });

  it("calls a real MCP server's tool through the chat", async () => {
    const answer = await post([user('Please run word_count on this')]);
    expect(toolParts(answer.message)).toEqual([
      // MCP tools are dynamic: their schemas arrive at run time.
      expect.objectContaining({ type: 'dynamic-tool', toolName: 'word_count', state: 'output-available', input: { text: 'emulated text' } }),
    ]);
    expect(mcp.calls).toEqual([{ text: 'emulated text' }]);
    expect(answer.text).toContain('2 words');
  });

  it("shows Groq's executed browser_search as a provider-executed step", async () => {
    const answer = await post([user('What is the latest news about Flint?')]);
    expect(toolParts(answer.message)).toEqual([
      expect.objectContaining({
        type: 'tool-browser_search',
        state: 'output-available',
        providerExecuted: true,
        output: expect.objectContaining({ type: 'browser.search', input: { query: 'What is the latest news about Flint?' }, searchResults: expect.anything() }),
      }),
    ]);
    expect(answer.text).toContain('emulated web search');
    expect(chatCalls()).toHaveLength(1);
  });

  it('accepts a conversation with completed tool steps when it is sent again, and answers the follow-up', async () => {
    const first = await post([user('What is 12*7+3?')]);
    const searched = await post([user('What is the latest news about Flint?')]);
    emulator.requests.clear();
    const conversation: Messages = [
      user('What is 12*7+3?'),
      first.message as Messages[number],
      user('What is the latest news about Flint?', 'u2'),
      { ...(searched.message as Messages[number]), id: 'a2' },
      user('Thanks! Say hello [emulate tokens=5]', 'u3'),
    ];
    const answer = await post(conversation);
    expect(answer.status).toBe(200);
    expect(chatCalls().map((call) => [call.status, call.toolResults])).toEqual([[200, 1]]);
    // The follow-up with tools off still carries the earlier steps as history.
    const off = await post(conversation, { tools: false });
    expect(off.text).toContain("Flint's local emulator");
  });

  it("sends a history with Groq's executed search to the OpenAI backup when Groq is down", async () => {
    const searched = await post([user('What is the latest news about Flint?')]);
    emulator.faults.add({ provider: 'groq', kind: 'status', status: 503 });
    emulator.requests.clear();
    const answer = await post([user('What is the latest news about Flint?'), searched.message as Messages[number], user('Thanks [emulate tokens=5]', 'u2')]);
    expect(answer.message.metadata).toMatchObject({ model: 'gpt-4.1-mini' });
    expect(chatCalls().at(-1)).toMatchObject({ provider: 'openai', status: 200 });
  });
});

describe('routing and fallback with tools', () => {
  it('a step that fails after a tool ran falls back with the tool result: the tool ran once', async () => {
    emulator.faults.add({ provider: 'groq', model: 'openai/gpt-oss-20b', kind: 'status', status: 503, withToolResults: true, times: 1 });
    const answer = await post([user('Please run word_count on this')]);
    expect(mcp.calls).toHaveLength(1);
    expect(chatCalls().map((call) => [call.model, call.toolResults, call.status])).toEqual([
      ['openai/gpt-oss-20b', 0, 200],
      ['openai/gpt-oss-20b', 1, 503],
      ['openai/gpt-oss-120b', 1, 200],
    ]);
    expect(toolParts(answer.message)).toHaveLength(1);
    expect(answer.text).toContain('2 words');
    expect(answer.message.metadata).toMatchObject({ model: 'gpt-oss-120b' });
    expect(answer.message.metadata?.attempts?.map((attempt) => [attempt.model, attempt.outcome])).toEqual([
      ['gpt-oss-20b', 'ok'],
      ['gpt-oss-20b', 'server_error'],
      ['gpt-oss-120b', 'ok'],
    ]);
  });

  it("retries Groq's tool_use_failed once on the next model instead of showing an error", async () => {
    emulator.faults.add({ provider: 'groq', model: 'openai/gpt-oss-20b', kind: 'tool_use_failed', times: 1 });
    const answer = await post([user('What is 12*7+3?')]);
    expect(answer.text).toContain('87');
    expect(chatCalls().map((call) => [call.model, call.status])).toEqual([
      ['openai/gpt-oss-20b', 400],
      ['openai/gpt-oss-120b', 200],
      // The next step starts from the top again: a broken tool call says nothing about the model's health.
      ['openai/gpt-oss-20b', 200],
    ]);
    expect(answer.message.metadata?.attempts?.map((attempt) => attempt.outcome)).toEqual(['tool_call_failed', 'ok', 'ok']);
  });
});
