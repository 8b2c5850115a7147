import { describe, expect, it } from 'vitest';
import { clearedSessionCookie, sessionCookie, sessionTokenFrom } from './session-cookie';

const token = 'A'.repeat(43);

describe('the session cookie', () => {
  it('is httpOnly, SameSite=Strict and site-wide, Secure only over https', () => {
    const plain = sessionCookie(token, { secure: false });
    expect(plain).toMatch(/^flint_session=A{43}; /);
    expect(plain.split('; ')).toEqual(expect.arrayContaining(['Path=/', 'HttpOnly', 'SameSite=Strict']));
    expect(plain).not.toContain('Secure');
    expect(sessionCookie(token, { secure: true }).split('; ')).toContain('Secure');
    expect(clearedSessionCookie({ secure: false }).split('; ')).toEqual(expect.arrayContaining(['flint_session=', 'Max-Age=0', 'Path=/']));
  });

  it('reads the token among other cookies and ignores values that are not a token', () => {
    const headers = (cookie: string) => new Headers({ cookie });
    expect(sessionTokenFrom(headers(`theme=dark; flint_session=${token}; other=1`))).toBe(token);
    expect(sessionTokenFrom(headers('flint_session=short'))).toBeUndefined();
    expect(sessionTokenFrom(headers(`flint_sessionx=${token}`))).toBeUndefined();
    expect(sessionTokenFrom(new Headers())).toBeUndefined();
  });
});
