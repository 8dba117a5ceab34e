import { describe, expect, it } from 'vitest';
import { loadConfig } from './server-config.js';

const KEY = Buffer.alloc(32, 1).toString('base64');
const PRODUCTION = {
  NODE_ENV: 'production',
  REDIS_URL: 'redis://10.0.0.5:6379',
  TOKEN_ENCRYPTION_KEYS: `2026a:${KEY}`,
  ALLOWED_ORIGINS: 'https://app.example.com',
  ADMIN_API_KEYS: 'a'.repeat(32),
  PUBLIC_URL: 'https://mcp.example.com',
};

const problemsOf = (env: Record<string, string | undefined>) => {
  const result = loadConfig(env);
  return result.ok ? [] : result.problems;
};

describe('loadConfig: production fail-fast matrix', () => {
  it('accepts a correct production configuration', () => {
    const result = loadConfig(PRODUCTION);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.config.storage).toBe('redis');
      expect(result.config.generatedAdminKey).toBeUndefined();
      expect(result.config.oauth).toBeUndefined();
    }
  });

  it.each([
    ['REDIS_URL missing', { REDIS_URL: undefined }, /^REDIS_URL: required in production/],
    ['storage not Redis', { STORAGE: 'memory' }, /^STORAGE: must be "redis"/],
    ['file storage', { STORAGE: 'file' }, /^STORAGE: must be "redis"/],
    ['encryption key missing', { TOKEN_ENCRYPTION_KEYS: undefined }, /^TOKEN_ENCRYPTION_KEYS: required/],
    ['encryption key of 16 bytes', { TOKEN_ENCRYPTION_KEYS: `k:${Buffer.alloc(16).toString('base64')}` }, /^TOKEN_ENCRYPTION_KEYS: key "k" must decode to 32 bytes, got 16/],
    ['encryption key without a kid', { TOKEN_ENCRYPTION_KEYS: KEY }, /^TOKEN_ENCRYPTION_KEYS: entry 1 needs the form kid:base64key/],
    ['ALLOWED_ORIGINS missing', { ALLOWED_ORIGINS: undefined }, /^ALLOWED_ORIGINS: required/],
    ['ALLOWED_ORIGINS with *', { ALLOWED_ORIGINS: 'https://app.example.com,*' }, /^ALLOWED_ORIGINS: "\*" is not allowed/],
    ['ADMIN_API_KEYS missing', { ADMIN_API_KEYS: undefined }, /^ADMIN_API_KEYS: required/],
    ['an admin key of 31 characters', { ADMIN_API_KEYS: `${'a'.repeat(32)},${'b'.repeat(31)}` }, /^ADMIN_API_KEYS: every admin key must be at least 32/],
    ['PUBLIC_URL over http', { PUBLIC_URL: 'http://mcp.example.com' }, /^PUBLIC_URL: must be an https:\/\/ URL/],
    ['PUBLIC_URL missing', { PUBLIC_URL: undefined }, /^PUBLIC_URL: must be an https:\/\/ URL/],
    ['DISABLE_AUTH set', { DISABLE_AUTH: 'true' }, /^DISABLE_AUTH: development-only switch/],
    ['MCP_DEV_SKIP_AUTH set', { MCP_DEV_SKIP_AUTH: '1' }, /^MCP_DEV_SKIP_AUTH: development-only switch/],
    ['ALLOW_FILE_STORE set', { ALLOW_FILE_STORE: '0' }, /^ALLOW_FILE_STORE: development-only switch/],
    ['a malformed PORT', { PORT: 'eighty' }, /^PORT: /],
    ['a REDIS_URL of another scheme', { REDIS_URL: 'http://10.0.0.5:6379' }, /^REDIS_URL: /],
    ['an origin with a path', { ALLOWED_ORIGINS: 'https://app.example.com/' }, /^ALLOWED_ORIGINS: each entry must be an origin/],
    ['a proxy given by name', { TRUSTED_PROXIES: '10.0.0.0/8,proxy.internal' }, /^TRUSTED_PROXIES: each entry must be an IP address or CIDR/],
    ['a proxy prefix out of range', { TRUSTED_PROXIES: '10.0.0.0/33' }, /^TRUSTED_PROXIES: /],
    ['an audit retention of 10 entries', { AUDIT_MAX_ENTRIES: '10' }, /^AUDIT_MAX_ENTRIES: /],
    ['an audit retention that is not a number', { AUDIT_MAX_ENTRIES: 'forever' }, /^AUDIT_MAX_ENTRIES: /],
  ])('%s stops startup with its own line', (_name, change, expected) => {
    const problems = problemsOf({ ...PRODUCTION, ...change });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(expected);
  });

  it('reports every problem at once, one line each', () => {
    const problems = problemsOf({ NODE_ENV: 'production', DISABLE_AUTH: '1' });
    expect(problems.map((p) => p.split(':')[0])).toEqual(['REDIS_URL', 'TOKEN_ENCRYPTION_KEYS', 'ALLOWED_ORIGINS', 'ADMIN_API_KEYS', 'PUBLIC_URL', 'DISABLE_AUTH']);
    for (const problem of problems) expect(problem).not.toContain('\n');
  });
});

describe('loadConfig: development defaults', () => {
  it('starts with no configuration on memory storage with a generated admin key and loopback hosts', () => {
    const result = loadConfig({});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { config } = result;
    expect(config).toMatchObject({ environment: 'development', host: '127.0.0.1', port: 3000, storage: 'memory', publicUrl: 'http://127.0.0.1:3000' });
    expect(config.generatedAdminKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(config.adminApiKeys).toEqual([config.generatedAdminKey]);
    expect(config.allowedHosts).toEqual(['localhost', '127.0.0.1', '[::1]']);
    expect(config.encryptionKeys[0]?.key).toHaveLength(32);
    expect(config.auditRetention).toEqual({ maxEntries: 100_000 });
    const again = loadConfig({});
    expect(again.ok && again.config.generatedAdminKey).not.toBe(config.generatedAdminKey);
  });

  it('parses rotation keys in order and the OAuth audience default', () => {
    const result = loadConfig({ TOKEN_ENCRYPTION_KEYS: `new:${KEY}, old:${Buffer.alloc(32, 2).toString('base64')}`, OAUTH_ISSUER: 'https://as.example', OAUTH_JWKS_URL: 'https://as.example/jwks', PUBLIC_URL: 'https://mcp.example.com/' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.encryptionKeys.map((k) => k.kid)).toEqual(['new', 'old']);
    expect(result.config.oauth).toEqual({ issuer: 'https://as.example', jwksUrl: 'https://as.example/jwks', audience: 'https://mcp.example.com/mcp', tokenTypes: ['at+jwt'] });
    const relaxed = loadConfig({ OAUTH_ISSUER: 'https://as.example', OAUTH_JWKS_URL: 'https://as.example/jwks', OAUTH_TOKEN_TYPES: 'at+jwt, JWT' });
    expect(relaxed.ok && relaxed.config.oauth?.tokenTypes).toEqual(['at+jwt', 'JWT']);
    expect(problemsOf({ OAUTH_TOKEN_TYPES: 'at+jwt,"JWT"' })[0]).toMatch(/^OAUTH_TOKEN_TYPES: /);
  });

  it('names the variable of a bad value', () => {
    expect(problemsOf({ RATE_LIMITS: 'admin=ten/60' })).toEqual(['RATE_LIMITS: "admin=ten/60" must be admin|mcp|auth_failure=<requests>/<seconds>.']);
    expect(problemsOf({ OAUTH_ISSUER: 'https://as.example' })[0]).toMatch(/^OAUTH_ISSUER and OAUTH_JWKS_URL/);
  });
});
