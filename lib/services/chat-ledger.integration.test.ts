// Every chat-page request lands in the cost ledger (surface `chat`): answered ones with their real
// usage and time to first token, refused ones with their error.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { GatewayTestApp } from '@/lib/gateway/gateway-test-app';
import { createHealthRegistry } from '@/lib/ai/health/health';
import { uiChunkStream } from '@/test/ui-chunk-stream';

vi.mock('server-only', () => ({}));

let gateway: GatewayTestApp;
let streamChat: typeof import('./chat').streamChat;
beforeAll(async () => {
  const { startGatewayTestApp } = await import('@/lib/gateway/gateway-test-app');
  gateway = await startGatewayTestApp();
  // Opens the shared database, as the server does at start (instrumentation.ts).
  await gateway.createKey();
  ({ streamChat } = await import('./chat'));
}, 60_000);
afterAll(() => gateway?.close());

async function chatRows() {
  await (await import('@/lib/usage/pending-writes')).pendingWrites();
  const [{ sharedDatabase }, { usageLedger }, { eq, asc }] = await Promise.all([import('@/lib/db/shared-database'), import('@/lib/db/schema'), import('drizzle-orm')]);
  return (await sharedDatabase()).db.select().from(usageLedger).where(eq(usageLedger.surface, 'chat')).orderBy(asc(usageLedger.id));
}

const request = (text: string) => ({ id: 'chat', tier: 'speed' as const, trigger: 'submit-message' as const, messages: [{ id: 'u1', role: 'user' as const, parts: [{ type: 'text' as const, text }] }] });

describe('the chat page in the ledger', () => {
  it('records an answered chat with tokens, cost and time to first token, and a refused one with its error', async () => {
    const stream = uiChunkStream(await streamChat(request('Hello [emulate tokens=12]'), new AbortController().signal, { health: createHealthRegistry({ logError: () => {} }) }));
    const reader = stream.getReader();
    while (!(await reader.read()).done);
    for (const provider of ['groq', 'openai'] as const) gateway.emulator.faults.add({ provider, kind: 'status', status: 401 });
    await expect(streamChat(request('Again'), new AbortController().signal, { health: createHealthRegistry({ logError: () => {} }) })).rejects.toThrow();
    const [answered, refused] = await chatRows();
    expect(answered).toMatchObject({ surface: 'chat', status: 'ok', model: 'openai/gpt-oss-20b', keyId: null });
    expect(answered!.outputTokens).toBeGreaterThanOrEqual(12);
    expect(answered!.costUsd).toBeGreaterThan(0);
    expect(answered!.ttftMs).not.toBeNull();
    expect(refused!.status).toMatch(/^error:/);
  });
});
