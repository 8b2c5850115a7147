import { describe, expect, it } from 'vitest';
import { DeadlineError } from './deadline-error';
import { decideFailure } from './failure-policy';
import { StreamEndedError } from './stream-ended-error';
import { apiError } from '../../../test/fallback-support';
import { UpstreamStreamError } from './upstream-stream-error';

describe('decideFailure', () => {
  it.each([
    ['a 503', apiError(503), { origin: 'upstream', action: 'next', healthEffect: 'transient' }],
    ['a 429 with retry-after', apiError(429, { headers: { 'retry-after': '7' } }), { action: 'next', healthEffect: 'rate_limited', retryAfterMs: 7000 }],
    ['a 400', apiError(400), { origin: 'upstream', action: 'stop', healthEffect: 'none', userCode: 'invalid_request:chat' }],
    ['a 401', apiError(401), { action: 'next', healthEffect: 'auth' }],
    ['a connection failure', apiError(undefined), { origin: 'upstream', outcome: 'connection', healthEffect: 'transient' }],
    ['a first-token stall', new DeadlineError('first-token', 1500), { outcome: 'timeout', healthEffect: 'transient' }],
    ['the whole budget running out', new DeadlineError('total', 180_000), { outcome: 'timeout', healthEffect: 'none' }],
    ['a stream that ended early', new StreamEndedError(), { outcome: 'connection', healthEffect: 'transient' }],
    ['an error frame', new UpstreamStreamError({ message: 'boom' }), { origin: 'upstream', healthEffect: 'transient' }],
    ['a socket reset', Object.assign(new Error('terminated'), { cause: Object.assign(new Error('x'), { code: 'ECONNRESET' }) }), { origin: 'upstream', outcome: 'connection' }],
  ] as const)('%s is upstream and judged by what the provider did', (_, error, expected) => {
    expect(decideFailure(error, 'chat')).toMatchObject(expected);
  });

  it.each([
    ['a RangeError (a structure too deep to convert)', new RangeError('Maximum call stack size exceeded'), 'request', 'bad_request:api'],
    ['AI_MissingToolResultsError', Object.assign(new Error('missing'), { name: 'AI_MissingToolResultsError' }), 'request', 'bad_request:api'],
    ['AI_InvalidPromptError', Object.assign(new Error('bad prompt'), { name: 'AI_InvalidPromptError' }), 'request', 'bad_request:api'],
    ['a TypeError from our code', new TypeError("Cannot read properties of undefined (reading 'x')"), 'internal', 'internal:api'],
    ['a thrown string', 'oops', 'internal', 'internal:api'],
  ] as const)('%s is ours: stop, no health effect, %s', (_, error, origin, userCode) => {
    expect(decideFailure(error, 'chat')).toMatchObject({ origin, action: 'stop', healthEffect: 'none', userCode });
  });

  it("sends Groq's tool_use_failed (a 400 about one generation) to the next model without judging this one", () => {
    expect(decideFailure(apiError(400, { code: 'tool_use_failed' }), 'chat')).toEqual({
      origin: 'upstream', outcome: 'tool_call_failed', action: 'next', healthEffect: 'none', status: 400, providerCode: 'tool_use_failed',
    });
    // Any other 400 still stops: the request itself is wrong.
    expect(decideFailure(apiError(400, { code: 'json_validate_failed' }), 'chat')).toMatchObject({ action: 'stop' });
  });

  it('speaks the surface: a 400 on transcription is invalid audio', () => {
    expect(decideFailure(apiError(400), 'transcribe').userCode).toBe('invalid_audio:transcribe');
  });
});
