// FLINT_REQUIRE_KEY=1: the chat page signs in with a gateway key once (a session cookie), and its
// chats are then charged to that key with the key's models, limits and budget, in the ledger too.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { GatewayTestApp } from '@/lib/gateway/gateway-test-app';

vi.mock('server-only', () => ({}));

type Handler = (request: Request) => Response | Promise<Response>;
let gateway: GatewayTestApp;
let session: { GET: Handler; POST: Handler; DELETE: Handler };
let chat: Handler;
let transcribe: Handler;
let extract: Handler;

beforeAll(async () => {
  // lib/env.ts reads the environment once: the flag is set before anything imports it.
  process.env.FLINT_REQUIRE_KEY = '1';
  const { startGatewayTestApp } = await import('@/lib/gateway/gateway-test-app');
  gateway = await startGatewayTestApp();
  await gateway.createKey({ name: 'opens the database' });
  const [sessionRoute, chatRoute, transcribeRoute, extractRoute, { setRequestSink }] = await Promise.all([
    import('./route'),
    import('../chat/route'),
    import('../transcribe/route'),
    import('../extract/route'),
    import('@/lib/services/request-log'),
  ]);
  setRequestSink(() => {});
  session = sessionRoute;
  chat = chatRoute.POST;
  transcribe = transcribeRoute.POST;
  extract = extractRoute.POST;
}, 60_000);
afterAll(() => gateway?.close());
beforeEach(() => {
  gateway.emulator.faults.clear();
  gateway.emulator.requests.clear();
});

const url = (path: string) => `http://flint.test${path}`;
const withCookie = (cookie: string | undefined): Record<string, string> => (cookie === undefined ? {} : { cookie });

async function signIn(key: string) {
  const response = await session.POST(new Request(url('/api/session'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ key }) }));
  return { response, cookie: response.headers.get('set-cookie')?.split(';')[0] };
}

async function sessionState(cookie?: string) {
  return (await session.GET(new Request(url('/api/session'), { headers: withCookie(cookie) }))).json();
}

/** Asks the chat route and reads the whole answer; answers the status and the error code when refused. */
async function ask(cookie: string | undefined, text = 'Hello [emulate tokens=8]') {
  const response = await chat(
    new Request(url('/api/chat'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...withCookie(cookie) },
      body: JSON.stringify({ id: 'chat', trigger: 'submit-message', tier: 'speed', tools: false, messages: [{ id: 'u1', role: 'user', parts: [{ type: 'text', text }] }] }),
    }),
  );
  const body = await response.text();
  const code = response.ok ? undefined : (JSON.parse(body) as { error: { code: string; retryable: boolean } }).error;
  return { status: response.status, error: code, retryAfter: response.headers.get('retry-after'), body };
}

async function ledgerRows() {
  await (await import('@/lib/usage/pending-writes')).pendingWrites();
  const [{ sharedDatabase }, { usageLedger }, { eq, asc }] = await Promise.all([import('@/lib/db/shared-database'), import('@/lib/db/schema'), import('drizzle-orm')]);
  return (await sharedDatabase()).db.select().from(usageLedger).where(eq(usageLedger.surface, 'chat')).orderBy(asc(usageLedger.id));
}

async function keyNamed(name: string) {
  await (await import('@/lib/usage/pending-writes')).pendingWrites();
  const [{ sharedDatabase }, { gatewayKeys }, { eq }] = await Promise.all([import('@/lib/db/shared-database'), import('@/lib/db/schema'), import('drizzle-orm')]);
  const [row] = await (await sharedDatabase()).db.select().from(gatewayKeys).where(eq(gatewayKeys.name, name));
  return row!;
}

async function revoke(prefix: string) {
  const [{ sharedDatabase }, { revokeKey }] = await Promise.all([import('@/lib/db/shared-database'), import('@/lib/gateway/key-store')]);
  expect(await revokeKey((await sharedDatabase()).db, prefix)).toBe(true);
}

const modelCalls = () => gateway.emulator.requests.list().filter((entry) => entry.path.endsWith('/chat/completions'));

describe('signing in to the chat page with a gateway key', () => {
  it('starts a session with an httpOnly SameSite=Strict cookie that holds no key, reads it back, and ends it on sign-out', async () => {
    expect(await sessionState()).toEqual({ required: true, signedIn: false });
    const key = await gateway.createKey({ name: 'alice' });
    const { response, cookie } = await signIn(key);
    expect(response.status).toBe(201);
    const setCookie = response.headers.get('set-cookie')!.split('; ');
    expect(setCookie).toEqual(expect.arrayContaining(['HttpOnly', 'SameSite=Strict', 'Path=/']));
    // Over plain http a Secure cookie would be dropped by the browser.
    expect(setCookie).not.toContain('Secure');
    expect(cookie).toMatch(/^flint_session=[\w-]{43}$/);
    expect(cookie).not.toContain(key.slice(4, 20));
    expect(await sessionState(cookie)).toEqual({ required: true, signedIn: true, key: { name: 'alice', prefix: key.slice(0, 12) } });

    const signOut = await session.DELETE(new Request(url('/api/session'), { method: 'DELETE', headers: withCookie(cookie) }));
    expect(signOut.status).toBe(200);
    expect(signOut.headers.get('set-cookie')).toMatch(/^flint_session=; Path=\/; Max-Age=0; HttpOnly; SameSite=Strict/);
    // The session ended in the database: the old cookie, replayed, no longer signs anyone in.
    expect(await sessionState(cookie)).toEqual({ required: true, signedIn: false });
    expect((await ask(cookie)).status).toBe(401);
  });

  it('refuses an unknown key, a malformed one and a revoked one with 401 invalid_key:session and sets no cookie', async () => {
    const revoked = await gateway.createKey({ name: 'revoked-before' });
    await revoke(revoked.slice(0, 12));
    for (const wrong of ['flk_notAKeyAtAll000000000000000000000000', 'hello', revoked]) {
      const { response } = await signIn(wrong);
      expect(response.status).toBe(401);
      expect((await response.json()).error).toMatchObject({ code: 'invalid_key:session', retryable: false });
      expect(response.headers.get('set-cookie')).toBeNull();
    }
  });

  it('sets a Secure cookie when the page is served over https', async () => {
    const key = await gateway.createKey({ name: 'https' });
    const response = await session.POST(new Request('https://flint.test/api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ key }) }));
    expect(response.headers.get('set-cookie')!.split('; ')).toContain('Secure');
  });
});

describe('the chat page with FLINT_REQUIRE_KEY=1', () => {
  it('refuses chat, voice and extraction without a session with 401 unauthorized:session, before any model is called', async () => {
    const refused = await ask(undefined);
    expect(refused.status).toBe(401);
    expect(refused.error).toMatchObject({ code: 'unauthorized:session', retryable: false });
    const voice = await transcribe(new Request(url('/api/transcribe'), { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=x' }, body: '--x--' }));
    expect(voice.status).toBe(401);
    expect((await voice.json()).error.code).toBe('unauthorized:session');
    const extracted = await extract(new Request(url('/api/extract'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text":"a","schema":{"type":"object"}}' }));
    expect(extracted.status).toBe(401);
    expect(modelCalls()).toHaveLength(0);
  });

  it('charges a signed-in chat to the key: its ledger row carries the key, and the key spends', async () => {
    const key = await gateway.createKey({ name: 'charged' });
    const { cookie } = await signIn(key);
    const answer = await ask(cookie);
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('text-delta');
    const { id, prefix, spendUsd } = await keyNamed('charged');
    const row = (await ledgerRows()).findLast((each) => each.keyId === id);
    expect(row).toMatchObject({ surface: 'chat', status: 'ok', keyPrefix: prefix });
    expect(row!.costUsd).toBeGreaterThan(0);
    expect(spendUsd).toBeCloseTo(row!.costUsd, 12);
  });

  it('ends the session the moment its key is revoked: the next chat is 401', async () => {
    const key = await gateway.createKey({ name: 'soon-revoked' });
    const { cookie } = await signIn(key);
    expect((await ask(cookie)).status).toBe(200);
    await revoke(key.slice(0, 12));
    const after = await ask(cookie);
    expect(after.status).toBe(401);
    expect(after.error?.code).toBe('unauthorized:session');
    expect(await sessionState(cookie)).toEqual({ required: true, signedIn: false });
  });

  it('refuses a key over its budget with 429 quota:key and the wait until the period resets, calling no model', async () => {
    const key = await gateway.createKey({ name: 'tiny-budget', budgetUsd: 0.000_000_1, period: 'day' });
    const { cookie } = await signIn(key);
    // Spend starts under the budget: the first chat is admitted and spends past it.
    expect((await ask(cookie)).status).toBe(200);
    await (await import('@/lib/usage/pending-writes')).pendingWrites();
    gateway.emulator.requests.clear();
    const refused = await ask(cookie);
    expect(refused.status).toBe(429);
    expect(refused.error).toMatchObject({ code: 'quota:key', retryable: false });
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    expect(modelCalls()).toHaveLength(0);
    const { id } = await keyNamed('tiny-budget');
    expect((await ledgerRows()).findLast((each) => each.keyId === id)?.status).toBe('error:429:quota:key');
  });

  it('applies the key rpm (429 rate_limit:key with Retry-After) and its allowed models (403 forbidden:key when none fits)', async () => {
    const { cookie } = await signIn(await gateway.createKey({ name: 'rpm', rpm: 1 }));
    expect((await ask(cookie)).status).toBe(200);
    const limited = await ask(cookie);
    expect(limited.status).toBe(429);
    expect(limited.error?.code).toBe('rate_limit:key');
    expect(Number(limited.retryAfter)).toBeGreaterThan(0);

    const quality = await signIn(await gateway.createKey({ name: 'quality-only', models: ['openai/gpt-oss-120b'] }));
    expect((await ask(quality.cookie)).status).toBe(200);
    const { id } = await keyNamed('quality-only');
    expect((await ledgerRows()).findLast((each) => each.keyId === id)?.model).toBe('openai/gpt-oss-120b');

    const audioOnly = await signIn(await gateway.createKey({ name: 'audio-only', models: ['whisper-large-v3'] }));
    const forbidden = await ask(audioOnly.cookie);
    expect(forbidden.status).toBe(403);
    expect(forbidden.error?.code).toBe('forbidden:key');
  });
});
