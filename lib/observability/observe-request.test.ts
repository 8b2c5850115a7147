import { beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from './logger';
import { metrics } from './metrics';
import { observeRequest } from './observe-request';
import { requestLogger } from './request-logger';

describe('observeRequest', () => {
  beforeEach(() => metrics().registry.resetMetrics());

  it('writes one summary line with the attempts and counts the request', async () => {
    const lines: string[] = [];
    const log = requestLogger('req-abcdefgh', '/api/chat', createLogger({ destination: { write: (line: string) => void lines.push(line) } }));
    observeRequest(log, '/api/chat', {
      status: 200, durationMs: 812.4, tier: 'quality', servedBy: 'groq/openai/gpt-oss-20b', fromCache: false,
      attempts: [
        { provider: 'groq', model: 'openai/gpt-oss-120b', outcome: 'rate_limited', status: 429, ms: 40 },
        { provider: 'groq', model: 'openai/gpt-oss-20b', outcome: 'ok', status: 200, ms: 770, ttftMs: 120 },
      ],
      tokens: { input: 30, output: 200 }, costUsd: 0.00006,
    });
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      level: 30, msg: 'request', requestId: 'req-abcdefgh', route: '/api/chat', status: 200, durationMs: 812,
      servedBy: 'groq/openai/gpt-oss-20b', tokens: { input: 30, output: 200 }, attempts: [{ outcome: 'rate_limited', status: 429 }, { outcome: 'ok', ttftMs: 120 }],
    });
    const counted = await metrics().httpRequests.get();
    expect(counted.values.find((value) => value.labels.status === '200')?.value).toBe(1);
  });

  it('logs failures at error level', () => {
    const lines: string[] = [];
    const log = createLogger({ destination: { write: (line: string) => void lines.push(line) } });
    observeRequest(log, '/api/chat', { status: 503, durationMs: 5, code: 'unavailable:chat' });
    observeRequest(log, '/api/chat', { status: 429, durationMs: 1, code: 'rate_limit:client' });
    expect(lines.map((line) => JSON.parse(line).level)).toEqual([50, 40]);
  });
});
