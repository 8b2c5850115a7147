import { describe, expect, it } from 'vitest';
import { isBrowserApiPath, isCrossSite } from './cross-site-verdict';

const host = 'flint.test:3000';
const verdict = (secFetchSite: string | null, origin: string | null) => isCrossSite({ secFetchSite, origin, host });

describe('isCrossSite', () => {
  it('refuses what the browser marks as another site, even the same site on another port or subdomain', () => {
    expect(verdict('cross-site', null)).toBe(true);
    expect(verdict('same-site', `http://${host}`)).toBe(true);
  });

  it('allows the page itself and a typed address', () => {
    expect(verdict('same-origin', `http://${host}`)).toBe(false);
    expect(verdict('none', null)).toBe(false);
  });

  it('falls back to Origin against Host when the browser sent no Sec-Fetch-Site', () => {
    expect(verdict(null, `http://${host}`)).toBe(false);
    expect(verdict(null, 'https://evil.example')).toBe(true);
    expect(verdict(null, 'null')).toBe(true);
  });

  it('allows a request with neither header, as curl or a server sends', () => {
    expect(verdict(null, null)).toBe(false);
  });
});

describe('isBrowserApiPath', () => {
  it('guards the browser API and leaves the keyed gateway routes to their keys', () => {
    expect(isBrowserApiPath('/api/chat')).toBe(true);
    expect(isBrowserApiPath('/api')).toBe(true);
    expect(isBrowserApiPath('/apiary')).toBe(false);
    expect(isBrowserApiPath('/v1/chat/completions')).toBe(false);
    expect(isBrowserApiPath('/openai/v1/chat/completions')).toBe(false);
  });
});
