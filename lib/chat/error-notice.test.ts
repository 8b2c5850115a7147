import { describe, expect, it } from 'vitest';
import { toErrorNotice } from './error-notice';

describe('toErrorNotice', () => {
  it('reads an HTTP error body', () => {
    const notice = toErrorNotice(new Error('{"error":{"code":"rate_limit:chat","message":"Busy.","retryable":true}}'));
    expect(notice).toEqual({ code: 'rate_limit:chat', message: 'Busy.', retryable: true });
  });

  it('reads an in-stream error text', () => {
    const notice = toErrorNotice(new Error('{"code":"invalid_request:chat","message":"Rejected.","retryable":false}'));
    expect(notice).toEqual({ code: 'invalid_request:chat', message: 'Rejected.', retryable: false });
  });

  it('never shows raw text that is not one of ours', () => {
    const notice = toErrorNotice(new Error('TypeError: Failed to fetch at http://internal:1234 with key gsk_secret'));
    expect(notice.code).toBe('network:chat');
    expect(notice.message).not.toContain('gsk_secret');
  });

  it("says plainly how long to wait when the client rate guard refused, from the 429's body", async () => {
    const { refusalResponse } = await import('@/lib/guard/refusal-response');
    const body = await refusalResponse('/api/chat', 11_200).text();
    expect(toErrorNotice(new Error(body))).toEqual({
      code: 'rate_limit:client', message: 'Too many requests from you: try again in 12 s.', retryable: true, retryAfterSeconds: 12,
    });
  });
});
