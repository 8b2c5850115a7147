// The same-origin rule on the model routes: proxy.ts no longer covers them, so observedRoute must.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Runtime } from './runtime';

vi.mock('server-only', () => ({}));

let runtime: Runtime;
let observedRoute: typeof import('./observed-route').observedRoute;
const lines: Array<Record<string, unknown>> = [];

beforeAll(async () => {
  const { parseEnv } = await import('@/lib/env');
  const { createLogger } = await import('@/lib/observability/logger');
  const { createRuntime } = await import('./runtime');
  ({ observedRoute } = await import('./observed-route'));
  // One request per minute: a counted refusal would leave no room for the same-site request after it.
  runtime = createRuntime(parseEnv({ FLINT_RATE_LIMIT: '1' }), createLogger({ destination: { write: (line: string) => void lines.push(JSON.parse(line)) } }));
});
afterAll(() => runtime.close());

const post = (headers: Record<string, string>) => new Request('http://flint.test/api/chat', { method: 'POST', headers: { 'x-forwarded-for': '10.0.0.9', ...headers } });

describe('observedRoute', () => {
  it('refuses another site’s browser with 403 forbidden:api before the handler runs or the rate guard counts it', async () => {
    const handler = vi.fn(async () => Response.json({ ok: true }));
    const crossSite = await observedRoute(post({ 'sec-fetch-site': 'cross-site', 'x-request-id': 'req-cross' }), '/api/chat', handler, runtime);
    expect(crossSite.status).toBe(403);
    expect((await crossSite.json()).error.code).toBe('forbidden:api');
    expect(crossSite.headers.get('x-request-id')).toBe('req-cross');
    const foreignOrigin = await observedRoute(post({ origin: 'https://evil.example', host: 'flint.test' }), '/api/chat', handler, runtime);
    expect(foreignOrigin.status).toBe(403);
    expect(handler).not.toHaveBeenCalled();
    expect(lines.find((line) => line.requestId === 'req-cross')).toMatchObject({ status: 403, code: 'forbidden:api' });

    const sameSite = await observedRoute(post({ 'sec-fetch-site': 'same-origin' }), '/api/chat', handler, runtime);
    expect(sameSite.status).toBe(200);
    expect(handler).toHaveBeenCalledTimes(1);
  });
});
