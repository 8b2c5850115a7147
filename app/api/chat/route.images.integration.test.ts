// Image questions end to end: POST /api/chat -> image checks -> router -> fallback chain -> the
// emulator's Groq/OpenAI wire protocols, whose request log shows which model got which images.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RunningEmulator } from '@/emulator/server';
import { startWiredEmulator } from '@/test/start-wired-emulator';
import { dataUrlOf, filePart, pngDataUrl, userMessage } from '@/lib/chat/image-test-support';
import type { ChatRequest } from '@/lib/chat/request';

vi.mock('server-only', () => ({}));

let emulator: RunningEmulator;
let POST: typeof import('./route').POST;
let runtime: typeof import('@/lib/server/runtime').runtime;

beforeAll(async () => {
  emulator = await startWiredEmulator();
  ({ POST } = await import('./route'));
  ({ runtime } = await import('@/lib/server/runtime'));
});
afterAll(() => emulator.close());
beforeEach(() => {
  emulator.faults.clear();
  emulator.requests.clear();
});

type Messages = ChatRequest['messages'];

/** Posts a conversation to the chat route and reads the answer's text (or the error body). */
async function post(messages: Messages, tier: ChatRequest['tier'] = 'auto') {
  const response = await POST(new Request('http://flint.test/api/chat', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ id: 'chat', trigger: 'submit-message', tier, messages }),
  }));
  const body = await response.text();
  if (!response.ok) return { status: response.status, text: '', error: (JSON.parse(body) as { error: { code: string; message: string } }).error };
  let text = '';
  for (const line of body.split('\n')) {
    if (!line.startsWith('data: {')) continue;
    const chunk = JSON.parse(line.slice('data: '.length)) as { type: string; delta?: string; errorText?: string };
    if (chunk.type === 'text-delta') text += chunk.delta;
    if (chunk.type === 'error') throw new Error(`stream error: ${chunk.errorText}`);
  }
  return { status: response.status, text, error: undefined };
}

const chatCalls = () => emulator.requests.list().filter((entry) => entry.path.endsWith('/chat/completions'));
const withImage = (text = 'What is in this picture?') => [userMessage('u1', text, [filePart()])];

describe('image questions through the emulator', () => {
  it.each(['auto', 'speed', 'quality'] as const)('sends an image to the vision model with an image_url part on the %s tier', async (tier) => {
    const answer = await post(withImage(), tier);
    expect(answer.status).toBe(200);
    expect(answer.text).toContain('I received 1 image');
    expect(chatCalls().map((entry) => [entry.model, entry.images])).toEqual([
      ['qwen/qwen3.8-27b', [{ mediaType: 'image/png', urlLength: pngDataUrl.length }]],
    ]);
  });

  it('sends a follow-up question to the vision model with the earlier image included', async () => {
    const conversation: Messages = [
      ...withImage(),
      { id: 'a1', role: 'assistant', parts: [{ type: 'text', text: 'A single pixel.' }] },
      userMessage('u2', 'What colour is it?'),
    ];
    const answer = await post(conversation, 'speed');
    expect(answer.status).toBe(200);
    expect(chatCalls().map((entry) => [entry.model, entry.images?.length])).toEqual([['qwen/qwen3.8-27b', 1]]);
  });

  it('falls back only to another vision model (OpenAI) when qwen fails, never to a text-only model', async () => {
    emulator.faults.add({ provider: 'groq', model: 'qwen/qwen3.8-27b', kind: 'status', status: 503 });
    const answer = await post(withImage(), 'speed');
    expect(answer.status).toBe(200);
    expect(chatCalls().map((entry) => [entry.provider, entry.model, entry.images?.length])).toEqual([
      ['groq', 'qwen/qwen3.8-27b', 1],
      ['openai', 'gpt-4.1-mini', 1],
    ]);
  });

  it('answers with no_vision_model:chat, and calls no text model, when no vision model is listed', async () => {
    const { catalog } = runtime();
    catalog.setListedModels('groq', ['openai/gpt-oss-20b', 'openai/gpt-oss-120b']);
    catalog.setListedModels('openai', []);
    try {
      const answer = await post(withImage(), 'speed');
      expect([answer.status, answer.error?.code]).toEqual([503, 'no_vision_model:chat']);
      expect(chatCalls()).toEqual([]);
    } finally {
      catalog.setListedModels('groq', catalog.models.filter((entry) => entry.provider === 'groq').map((entry) => entry.id));
      catalog.setListedModels('openai', catalog.models.filter((entry) => entry.provider === 'openai').map((entry) => entry.id));
    }
  });

  it('refuses six images in one message with 400 too_many_images:chat before calling any model', async () => {
    const answer = await post([userMessage('u1', 'compare', Array.from({ length: 6 }, () => filePart()))]);
    expect([answer.status, answer.error?.code]).toEqual([400, 'too_many_images:chat']);
    expect(answer.error?.message).toMatch(/at most 5 images/);
    expect(chatCalls()).toEqual([]);
  });

  it('refuses a PDF with 415 unsupported_file:chat before calling any model', async () => {
    const pdf = filePart(dataUrlOf('application/pdf', [0x25, 0x50, 0x44, 0x46, 0x2d, 0x31]), 'application/pdf');
    const answer = await post([userMessage('u1', 'summarise', [pdf])]);
    expect([answer.status, answer.error?.code]).toEqual([415, 'unsupported_file:chat']);
    expect(chatCalls()).toEqual([]);
  });

  it('sends only the newest 5 images of a long conversation, the older ones as a note', async () => {
    const conversation: Messages = [
      userMessage('u1', 'first three', [filePart(), filePart(), filePart()]),
      { id: 'a1', role: 'assistant', parts: [{ type: 'text', text: 'Three pixels.' }] },
      userMessage('u2', 'three more', [filePart(), filePart(), filePart()]),
    ];
    const answer = await post(conversation);
    expect(answer.status).toBe(200);
    expect(chatCalls().map((entry) => [entry.model, entry.images?.length])).toEqual([['qwen/qwen3.8-27b', 3]]);
  });
});
