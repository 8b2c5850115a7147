import { describe, expect, it } from 'vitest';
import { createLogger } from './logger';
import { prettyLine } from './pretty-line';
import { requestIdFrom } from './request-id';
import { requestLogger } from './request-logger';

function capture() {
  const lines: string[] = [];
  return { lines, destination: { write: (line: string) => void lines.push(line) } };
}

describe('logger', () => {
  it('writes one JSON line per call with level, time and message', () => {
    const { lines, destination } = capture();
    createLogger({ destination }).info({ route: '/api/chat', status: 200 }, 'request');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 30, msg: 'request', route: '/api/chat', status: 200 });
  });

  it('never writes keys, authorization headers or prompt text, at any depth', () => {
    const { lines, destination } = capture();
    const log = createLogger({ destination });
    log.child({ apiKey: 'gsk_child_secret' }).warn({
      headers: { authorization: 'Bearer gsk_header_secret', 'x-api-key': 'sk-xapi-secret', accept: 'text/plain' },
      request: { prompt: 'my secret prompt', messages: [{ role: 'user', content: 'private words' }], model: 'openai/gpt-oss-20b' },
      key: 'sk-top-secret',
      attempts: [{ provider: 'groq', options: { apiKey: 'gsk_nested_secret' } }],
    }, 'fallback');
    const line = lines.join('');
    for (const secret of ['gsk_child_secret', 'gsk_header_secret', 'sk-xapi-secret', 'my secret prompt', 'private words', 'sk-top-secret', 'gsk_nested_secret']) {
      expect(line).not.toContain(secret);
    }
    // What is not secret is still there, so redaction is by key, not a blanket wipe.
    expect(line).toContain('openai/gpt-oss-20b');
    expect(line).toContain('text/plain');
  });

  it('honours the level', () => {
    const { lines, destination } = capture();
    const log = createLogger({ destination, level: 'warn' });
    log.info('hidden');
    log.warn('shown');
    expect(lines.map((line) => JSON.parse(line).msg)).toEqual(['shown']);
  });

  it('writes readable lines when pretty, still redacted', () => {
    const { lines, destination } = capture();
    createLogger({ destination, pretty: true }).info({ route: '/api/chat', prompt: 'secret words' }, 'request');
    expect(lines[0]).toMatch(/^\d\d:\d\d:\d\d INFO  request route=\/api\/chat prompt=\[redacted\]\n$/);
    expect(prettyLine('not json')).toBe('not json');
  });

  it('puts the request id and route on every line of a request logger', () => {
    const { lines, destination } = capture();
    const log = requestLogger('req-12345678', '/api/chat', createLogger({ destination }));
    log.info('one');
    log.error({ status: 503 }, 'two');
    expect(lines.map((line) => JSON.parse(line))).toMatchObject([
      { requestId: 'req-12345678', route: '/api/chat', msg: 'one' },
      { requestId: 'req-12345678', route: '/api/chat', msg: 'two', status: 503 },
    ]);
  });
});

describe('requestIdFrom', () => {
  it('keeps a well-formed incoming x-request-id', () => {
    expect(requestIdFrom(new Headers({ 'x-request-id': 'abc-123_XYZ.9' }))).toBe('abc-123_XYZ.9');
  });

  it('replaces a missing, too short, too long or unprintable one with a fresh uuid', () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    for (const value of [undefined, 'short', 'x'.repeat(129), 'evil\u0007id-with-bell', 'line one\nline two']) {
      const headers = new Headers();
      if (value !== undefined) {
        try { headers.set('x-request-id', value); } catch { /* Headers refuses some bytes itself */ }
      }
      expect(requestIdFrom(headers)).toMatch(uuid);
    }
    expect(requestIdFrom(new Headers())).not.toBe(requestIdFrom(new Headers()));
  });
});
