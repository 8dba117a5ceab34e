import { describe, expect, it } from 'vitest';
import { createClientIpResolver } from './client-ip.js';

describe('createClientIpResolver', () => {
  const resolve = createClientIpResolver({ trustedProxies: ['10.0.0.0/8', '2001:db8::/32'] });

  it('ignores X-Forwarded-For from an untrusted peer', () => {
    expect(resolve('203.0.113.9', '198.51.100.1')).toBe('203.0.113.9');
  });

  it('takes the right-most untrusted hop behind trusted proxies', () => {
    expect(resolve('10.1.2.3', '198.51.100.1, 203.0.113.7, 10.0.0.2')).toBe('203.0.113.7');
    expect(resolve('2001:db8::1', '203.0.113.8')).toBe('203.0.113.8');
  });

  it('falls back to the socket when the header holds only trusted or junk hops', () => {
    expect(resolve('10.1.2.3', '10.0.0.9, not-an-ip')).toBe('10.1.2.3');
    expect(resolve('::ffff:10.1.2.3', undefined)).toBe('10.1.2.3');
  });

  it('refuses a malformed proxy entry at startup', () => {
    expect(() => createClientIpResolver({ trustedProxies: ['10.0.0.0/8', 'proxy.internal'] })).toThrow(/TRUSTED_PROXIES: "proxy.internal"/);
  });
});
