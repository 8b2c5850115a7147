// Tool calling as the official clients see it: function tools and tool_choice, Groq's built-in
// tools with executed_tools, and tool_use_failed.
import { createGroq } from '@ai-sdk/groq';
import { APICallError, generateText, jsonSchema, tool } from 'ai';
import Groq from 'groq-sdk';
import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from './server.ts';

let emulator: RunningEmulator;
let groq: Groq;
let openai: OpenAI;

beforeAll(async () => {
  emulator = await startEmulator({ speed: 0 });
  groq = new Groq({ baseURL: emulator.url, apiKey: 'gsk_test', maxRetries: 0 });
  openai = new OpenAI({ baseURL: emulator.openaiBaseURL, apiKey: 'sk-test', maxRetries: 0 });
});
afterAll(() => emulator.close());
beforeEach(() => {
  emulator.faults.clear();
  emulator.requests.clear();
});

const calculator = {
  type: 'function' as const,
  function: { name: 'calculator', description: 'Evaluates arithmetic', parameters: { type: 'object', properties: { expression: { type: 'string' } }, required: ['expression'] } },
};
const clock = {
  type: 'function' as const,
  function: { name: 'current_time', parameters: { type: 'object', properties: { timeZone: { type: 'string' } }, required: ['timeZone'] } },
};
const ask = (content: string) => [{ role: 'user' as const, content }];

describe('function tools', () => {
  it('calls the calculator with the arithmetic from the message, unnamed', async () => {
    const completion = await groq.chat.completions.create({ model: 'openai/gpt-oss-20b', messages: ask('What is (12*7)+3, please?'), tools: [calculator, clock] });
    const choice = completion.choices[0]!;
    expect(choice.finish_reason).toBe('tool_calls');
    expect(choice.message.tool_calls?.map((call) => [call.function.name, JSON.parse(call.function.arguments)])).toEqual([['calculator', { expression: '(12*7)+3' }]]);
  });

  it('passes a unit conversion and an IANA zone through as arguments', async () => {
    const units = await groq.chat.completions.create({ model: 'openai/gpt-oss-20b', messages: ask('how far is 5 km to mi'), tools: [calculator] });
    expect(JSON.parse(units.choices[0]!.message.tool_calls![0]!.function.arguments)).toEqual({ expression: '5 km to mi' });
    const time = await groq.chat.completions.create({ model: 'openai/gpt-oss-20b', messages: ask('current_time in Europe/Oslo?'), tools: [calculator, clock] });
    expect(time.choices[0]!.message.tool_calls!.map((call) => JSON.parse(call.function.arguments))).toEqual([{ timeZone: 'Europe/Oslo' }]);
  });

  it('answers in text quoting the tool result after the round trip', async () => {
    const completion = await groq.chat.completions.create({
      model: 'openai/gpt-oss-20b',
      tools: [calculator],
      messages: [
        { role: 'user', content: 'What is 12*7+3?' },
        { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'calculator', arguments: '{"expression":"12*7+3"}' } }] },
        { role: 'tool', tool_call_id: 'call_1', content: '{"result":"87"}' },
      ],
    });
    expect(completion.choices[0]!.finish_reason).toBe('stop');
    expect(completion.choices[0]!.message.content).toContain('87');
  });

  it.each([
    ['none', 'Please use the calculator: 2+2', []],
    ['auto', 'Say hello', []],
    ['required', 'Say hello', ['calculator']],
    [{ type: 'function', function: { name: 'current_time' } }, 'What is 2+2?', ['current_time']],
  ] as const)('honours tool_choice %j', async (toolChoice, text, expected) => {
    const completion = await groq.chat.completions.create({ model: 'openai/gpt-oss-20b', messages: ask(text), tools: [calculator, clock], tool_choice: toolChoice as Groq.Chat.ChatCompletionToolChoiceOption });
    expect((completion.choices[0]!.message.tool_calls ?? []).map((call) => call.function.name)).toEqual(expected);
  });

  it('streams a Groq tool call whole in one delta, and an OpenAI one in fragments', async () => {
    const groqDeltas = [];
    for await (const chunk of await groq.chat.completions.create({ model: 'openai/gpt-oss-20b', messages: ask('2+2'), tools: [calculator], stream: true })) {
      groqDeltas.push(...(chunk.choices[0]?.delta.tool_calls ?? []));
    }
    expect(groqDeltas).toEqual([expect.objectContaining({ index: 0, id: expect.stringMatching(/^call_/), function: { name: 'calculator', arguments: '{"expression":"2+2"}' } })]);
    const fragments: string[] = [];
    for await (const chunk of await openai.chat.completions.create({ model: 'gpt-4.1-mini', messages: ask('2+2'), tools: [calculator], stream: true })) {
      for (const call of chunk.choices[0]?.delta.tool_calls ?? []) fragments.push(call.function?.arguments ?? '');
    }
    expect(fragments.length).toBeGreaterThan(3);
    expect(JSON.parse(fragments.join(''))).toEqual({ expression: '2+2' });
  });

  it('answers tool_use_failed with failed_generation once, then calls normally', async () => {
    emulator.faults.add({ provider: 'groq', kind: 'tool_use_failed', times: 1 });
    const error = await groq.chat.completions.create({ model: 'openai/gpt-oss-20b', messages: ask('2+2'), tools: [calculator] }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Groq.BadRequestError);
    const body = (error as InstanceType<typeof Groq.BadRequestError>).error as { error: { code: string; failed_generation: string } };
    expect(body.error.code).toBe('tool_use_failed');
    expect(body.error.failed_generation).toContain('<function=calculator>');
    const retried = await groq.chat.completions.create({ model: 'openai/gpt-oss-20b', messages: ask('2+2'), tools: [calculator] });
    expect(retried.choices[0]!.finish_reason).toBe('tool_calls');
    expect(emulator.requests.list().map((entry) => [entry.status, entry.fault])).toEqual([[400, 'tool_use_failed'], [200, undefined]]);
  });
});

describe('tool_use_failed through @ai-sdk/groq', () => {
  it('is a non-retryable APICallError whose body carries the code and failed_generation', async () => {
    emulator.faults.add({ provider: 'groq', kind: 'tool_use_failed', times: 1 });
    const model = createGroq({ baseURL: emulator.groqBaseURL, apiKey: 'gsk_test' })('openai/gpt-oss-20b');
    const calculatorTool = tool({ inputSchema: jsonSchema<{ expression: string }>(calculator.function.parameters as never), execute: async () => '4' });
    const error = await generateText({ model, tools: { calculator: calculatorTool }, prompt: '2+2', maxRetries: 0 }).catch((caught: unknown) => caught);
    expect(APICallError.isInstance(error)).toBe(true);
    const apiError = error as APICallError;
    expect([apiError.statusCode, apiError.isRetryable]).toEqual([400, false]);
    expect(JSON.parse(apiError.responseBody!)).toMatchObject({ error: { code: 'tool_use_failed', failed_generation: expect.stringContaining('calculator') } });
  });
});

describe("Groq's built-in tools", () => {
  const search = [{ type: 'browser_search' }] as unknown as Groq.Chat.ChatCompletionTool[];

  it('runs browser_search on gpt-oss: executed_tools with type, arguments and output, and reasoning narrating it', async () => {
    const completion = await groq.chat.completions.create({ model: 'openai/gpt-oss-120b', messages: ask('What is the latest news about Flint?'), tools: search });
    const message = completion.choices[0]!.message;
    expect(completion.choices[0]!.finish_reason).toBe('stop');
    expect(message.tool_calls).toBeUndefined();
    expect(message.executed_tools).toEqual([expect.objectContaining({ index: 0, type: 'browser.search', arguments: JSON.stringify({ query: 'What is the latest news about Flint?' }), output: expect.stringContaining('https://example.com/emulated-search') })]);
    expect(message.executed_tools![0]!.search_results?.results?.[0]?.url).toContain('example.com');
    expect(message.reasoning).toMatch(/^I should search the web/);
    expect(message.content).toContain('emulated web search');
  });

  it('streams executed_tools in one delta between the reasoning and the content', async () => {
    const order: string[] = [];
    for await (const chunk of await groq.chat.completions.create({ model: 'openai/gpt-oss-20b', messages: ask('search for flint'), tools: search, stream: true })) {
      const delta = chunk.choices[0]?.delta;
      if (delta?.reasoning) order.push('reasoning');
      if (delta?.executed_tools) order.push(`executed:${delta.executed_tools.map((tool) => tool.type).join(',')}`);
      if (delta?.content) order.push('content');
    }
    const compact = order.filter((entry, index) => entry !== order[index - 1]);
    expect(compact).toEqual(['reasoning', 'executed:browser.search', 'content']);
  });

  it('runs code_interpreter as python when asked to run code', async () => {
    const completion = await groq.chat.completions.create({ model: 'openai/gpt-oss-20b', messages: ask('Run python for 3*7'), tools: [{ type: 'code_interpreter' }] as unknown as Groq.Chat.ChatCompletionTool[] });
    expect(completion.choices[0]!.message.executed_tools).toEqual([expect.objectContaining({ type: 'python', arguments: JSON.stringify({ code: 'print(3*7)' }) })]);
  });

  it('leaves a plain question alone and rejects built-in tools on other models and on OpenAI', async () => {
    const plain = await groq.chat.completions.create({ model: 'openai/gpt-oss-20b', messages: ask('Say hello'), tools: search });
    expect(plain.choices[0]!.message.executed_tools).toBeUndefined();
    const qwen = await groq.chat.completions.create({ model: 'qwen/qwen3.8-27b', messages: ask('search'), tools: search }).catch((caught: unknown) => caught);
    expect((qwen as InstanceType<typeof Groq.APIError>).status).toBe(400);
    const backup = await openai.chat.completions.create({ model: 'gpt-4.1-mini', messages: ask('search'), tools: search as unknown as OpenAI.Chat.ChatCompletionTool[] }).catch((caught: unknown) => caught);
    expect((backup as InstanceType<typeof OpenAI.APIError>).status).toBe(400);
  });
});
