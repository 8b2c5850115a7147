// Without FLINT_REQUIRE_KEY the chat page stays open: no session is asked for and chats are anonymous.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { GatewayTestApp } from '@/lib/gateway/gateway-test-app';

vi.mock('server-only', () => ({}));

let gateway: GatewayTestApp;
beforeAll(async () => {
  delete process.env.FLINT_REQUIRE_KEY;
  const { startGatewayTestApp } = await import('@/lib/gateway/gateway-test-app');
  gateway = await startGatewayTestApp();
  await gateway.createKey();
  (await import('@/lib/services/request-log')).setRequestSink(() => {});
}, 60_000);
afterAll(() => gateway?.close());

describe('the chat page without FLINT_REQUIRE_KEY', () => {
  it('asks for no key: the session says so, signing in is not offered, and a chat without a cookie is answered anonymously', async () => {
    const session = await import('./route');
    expect(await (await session.GET(new Request('http://flint.test/api/session'))).json()).toEqual({ required: false, signedIn: false });
    const key = await gateway.createKey({ name: 'unused' });
    const signIn = await session.POST(new Request('http://flint.test/api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ key }) }));
    expect(signIn.status).toBe(404);
    expect((await signIn.json()).error.code).toBe('not_enabled:session');
    expect(signIn.headers.get('set-cookie')).toBeNull();

    const { POST } = await import('../chat/route');
    const answer = await POST(
      new Request('http://flint.test/api/chat', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ id: 'chat', trigger: 'submit-message', tier: 'speed', tools: false, messages: [{ id: 'u1', role: 'user', parts: [{ type: 'text', text: 'Hi [emulate tokens=4]' }] }] }),
      }),
    );
    expect(answer.status).toBe(200);
    await answer.text();
    await (await import('@/lib/usage/pending-writes')).pendingWrites();
    const [{ sharedDatabase }, { usageLedger }, { eq }] = await Promise.all([import('@/lib/db/shared-database'), import('@/lib/db/schema'), import('drizzle-orm')]);
    const rows = await (await sharedDatabase()).db.select().from(usageLedger).where(eq(usageLedger.surface, 'chat'));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'ok', keyId: null, keyPrefix: null });
  });
});
