import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, securityHeaders } from './security-headers';

const directives = (policy: string) => new Map(policy.split(';').map((part) => { const [name = '', ...values] = part.trim().split(/\s+/); return [name, values]; }));

describe('contentSecurityPolicy', () => {
  it('keeps scripts to the nonce, connections and images to this origin, and forbids framing', () => {
    const policy = directives(contentSecurityPolicy('abc123', { dev: false }));
    expect(policy.get('script-src')).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect(policy.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('script-src')).not.toContain("'unsafe-inline'");
  });

  it('allows eval only in development, where React needs it', () => {
    expect(directives(contentSecurityPolicy('n', { dev: true })).get('script-src')).toContain("'unsafe-eval'");
    expect(directives(contentSecurityPolicy('n', { dev: false })).get('script-src')).not.toContain("'unsafe-eval'");
  });
});

describe('securityHeaders', () => {
  it('forbids sniffing and gives the microphone to this origin only', () => {
    expect(securityHeaders['x-content-type-options']).toBe('nosniff');
    expect(securityHeaders['permissions-policy']).toMatch(/(^|, )microphone=\(self\)/);
    expect(securityHeaders['referrer-policy']).toBeTruthy();
  });
});
