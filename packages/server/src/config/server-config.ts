import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { z } from 'zod';
import { parseEncryptionKeys, type EncryptionKey } from './parse-encryption-keys.js';
import { DEFAULT_AUDIT_RETENTION, type AuditRetention } from '../storage/audit-store.js';
import type { SessionTimeouts } from '../storage/session-store.js';
import { parseRateLimits, type RateLimitRules } from './parse-rate-limits.js';

export type Environment = 'development' | 'production' | 'test';
export type StorageKind = 'memory' | 'redis' | 'file';

export interface OAuthConfig {
  issuer: string;
  jwksUrl: string;
  audience: string;
  /** JWT `typ` header values accepted for access tokens. */
  tokenTypes: string[];
}

export interface ServerConfig {
  environment: Environment;
  host: string;
  port: number;
  /** External base URL without a trailing slash; the resource identifier of RFC 9728. */
  publicUrl: string;
  storage: StorageKind;
  redisUrl?: string;
  fileStorePath?: string;
  encryptionKeys: EncryptionKey[];
  adminApiKeys: string[];
  allowedOrigins: string[];
  /** Host header allow-list; undefined means any host (only when not bound to loopback). */
  allowedHosts?: string[];
  trustedProxies: string[];
  apiTokenTtlSeconds: number;
  sessionTimeouts: SessionTimeouts;
  auditRetention: AuditRetention;
  oauth?: OAuthConfig;
  rateLimits: RateLimitRules;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Set when the admin key was generated at startup (development): main prints it once. */
  generatedAdminKey?: string;
}

export type ConfigResult = { ok: true; config: ServerConfig } | { ok: false; problems: string[] };

/**
 * Switches that weaken security for local hacking. The server honours none of them, but their
 * presence in production means someone expected a bypass, so production refuses to start.
 */
export const DEV_ONLY_SWITCHES = [
  'DISABLE_AUTH',
  'MCP_DEV_SKIP_AUTH',
  'ALLOW_FILE_STORE',
  'SKIP_AUTH',
  'AUTH_DISABLED',
  'INSECURE',
  'ALLOW_INSECURE_HTTP',
] as const;

const list = z
  .string()
  .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean));
const httpUrl = z.url({ protocol: /^https?$/ });
/** `https://app.example.com[:port]`: exactly what browsers send in Origin (no path, no slash). */
const isOrigin = (value: string) => URL.canParse(value) && new URL(value).origin === value;
/** An IPv4/IPv6 address, optionally with a /prefix. */
const isCidr = (value: string) => {
  const [address = '', prefix, extra] = value.split('/');
  const family = isIP(address);
  const max = family === 6 ? 128 : 32;
  return family !== 0 && extra === undefined && (prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= max));
};

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: httpUrl.optional(),
  STORAGE: z.enum(['memory', 'redis', 'file']).optional(),
  FILE_STORE_PATH: z.string().min(1).optional(),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  TOKEN_ENCRYPTION_KEYS: z.string().optional(),
  ADMIN_API_KEYS: list.optional(),
  ALLOWED_ORIGINS: list.refine((origins) => origins.every((o) => o === '*' || isOrigin(o)), 'each entry must be an origin like https://app.example.com (no path, no trailing slash)').optional(),
  ALLOWED_HOSTS: list.optional(),
  TRUSTED_PROXIES: list.refine((entries) => entries.every(isCidr), 'each entry must be an IP address or CIDR such as 10.0.0.0/8').default([]),
  API_TOKEN_TTL: z.coerce.number().int().min(60).max(31_536_000).default(86_400),
  SESSION_IDLE_TTL: z.coerce.number().int().min(60).max(86_400).default(1800),
  SESSION_MAX_TTL: z.coerce.number().int().min(60).max(604_800).default(86_400),
  // At least 100 entries: a trail trimmed to a handful would erase an attack while it happens.
  AUDIT_MAX_ENTRIES: z.coerce.number().int().min(100).max(10_000_000).default(DEFAULT_AUDIT_RETENTION.maxEntries),
  OAUTH_ISSUER: httpUrl.optional(),
  OAUTH_JWKS_URL: httpUrl.optional(),
  OAUTH_AUDIENCE: z.string().min(1).optional(),
  OAUTH_TOKEN_TYPES: list
    .refine((types) => types.length > 0 && types.every((t) => /^[A-Za-z0-9.+/-]{1,100}$/.test(t)), 'a comma-separated list of JWT typ values such as at+jwt')
    .default(['at+jwt']),
  RATE_LIMITS: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

type Env = z.infer<typeof envSchema>;

/** Reads the environment once at startup. Pure: `env` is passed in, nothing is read or printed. */
export function loadConfig(rawEnv: Record<string, string | undefined>): ConfigResult {
  const env = Object.fromEntries(Object.entries(rawEnv).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((i) => `${String(i.path[0] ?? 'environment')}: ${i.message}`) };
  }
  const problems: string[] = [];
  const config = buildConfig(parsed.data, problems);
  if (parsed.data.NODE_ENV === 'production') problems.push(...productionProblems(parsed.data, env));
  return problems.length > 0 ? { ok: false, problems } : { ok: true, config };
}

function buildConfig(env: Env, problems: string[]): ServerConfig {
  const isProduction = env.NODE_ENV === 'production';
  const keys = env.TOKEN_ENCRYPTION_KEYS ? parseEncryptionKeys(env.TOKEN_ENCRYPTION_KEYS) : undefined;
  if (keys && !keys.ok) problems.push(...keys.problems.map((p) => `TOKEN_ENCRYPTION_KEYS: ${p}`));
  const rateLimits = parseRateLimits(env.RATE_LIMITS ?? '');
  if (!rateLimits.ok) problems.push(...rateLimits.problems.map((p) => `RATE_LIMITS: ${p}`));
  const generatedAdminKey = env.ADMIN_API_KEYS || isProduction ? undefined : randomBytes(32).toString('base64url');
  const publicUrl = (env.PUBLIC_URL ?? `http://${hostForUrl(env.HOST)}:${env.PORT}`).replace(/\/+$/, '');
  const oauth = oauthConfig(env, publicUrl, problems);
  return {
    environment: env.NODE_ENV,
    host: env.HOST,
    port: env.PORT,
    publicUrl,
    storage: env.STORAGE ?? (env.REDIS_URL ? 'redis' : 'memory'),
    redisUrl: env.REDIS_URL,
    fileStorePath: env.FILE_STORE_PATH,
    // Development without keys gets a fresh random key: data encrypted with it dies with the process.
    encryptionKeys: keys?.ok ? keys.keys : [{ kid: 'dev', key: randomBytes(32) }],
    adminApiKeys: env.ADMIN_API_KEYS ?? (generatedAdminKey ? [generatedAdminKey] : []),
    allowedOrigins: env.ALLOWED_ORIGINS ?? [],
    allowedHosts: env.ALLOWED_HOSTS ?? (isLoopback(env.HOST) ? LOOPBACK_HOSTS : undefined),
    trustedProxies: env.TRUSTED_PROXIES,
    apiTokenTtlSeconds: env.API_TOKEN_TTL,
    sessionTimeouts: { idleSeconds: env.SESSION_IDLE_TTL, maxSeconds: env.SESSION_MAX_TTL },
    auditRetention: { maxEntries: env.AUDIT_MAX_ENTRIES },
    oauth,
    rateLimits: rateLimits.ok ? rateLimits.rules : parseRateLimitsDefaults(),
    logLevel: env.LOG_LEVEL,
    generatedAdminKey,
  };
}

function oauthConfig(env: Env, publicUrl: string, problems: string[]): OAuthConfig | undefined {
  if (!env.OAUTH_ISSUER && !env.OAUTH_JWKS_URL) return undefined;
  if (!env.OAUTH_ISSUER || !env.OAUTH_JWKS_URL) {
    problems.push('OAUTH_ISSUER and OAUTH_JWKS_URL: set both to accept OAuth access tokens, or neither.');
    return undefined;
  }
  return { issuer: env.OAUTH_ISSUER, jwksUrl: env.OAUTH_JWKS_URL, audience: env.OAUTH_AUDIENCE ?? `${publicUrl}/mcp`, tokenTypes: env.OAUTH_TOKEN_TYPES };
}

function productionProblems(env: Env, raw: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  if (!env.REDIS_URL) problems.push('REDIS_URL: required in production (tokens, sessions and rate limits live in Redis).');
  if (env.STORAGE && env.STORAGE !== 'redis') problems.push(`STORAGE: must be "redis" in production, got "${env.STORAGE}".`);
  if (!env.TOKEN_ENCRYPTION_KEYS) problems.push('TOKEN_ENCRYPTION_KEYS: required in production (kid:base64 key of 32 bytes).');
  if (!env.ALLOWED_ORIGINS || env.ALLOWED_ORIGINS.length === 0) problems.push('ALLOWED_ORIGINS: required in production (comma-separated origins).');
  else if (env.ALLOWED_ORIGINS.some((o) => o.includes('*'))) problems.push('ALLOWED_ORIGINS: "*" is not allowed in production; list the origins.');
  if (!env.ADMIN_API_KEYS || env.ADMIN_API_KEYS.length === 0) problems.push('ADMIN_API_KEYS: required in production.');
  else if (env.ADMIN_API_KEYS.some((k) => k.length < 32)) problems.push('ADMIN_API_KEYS: every admin key must be at least 32 characters.');
  if (!env.PUBLIC_URL || !env.PUBLIC_URL.startsWith('https://')) problems.push('PUBLIC_URL: must be an https:// URL in production.');
  for (const name of DEV_ONLY_SWITCHES) {
    if (raw[name] !== undefined) problems.push(`${name}: development-only switch; unset it in production.`);
  }
  return problems;
}

function parseRateLimitsDefaults(): RateLimitRules {
  const defaults = parseRateLimits('');
  if (!defaults.ok) throw new Error('built-in rate limits are invalid');
  return defaults.rules;
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}

/** A server bound to loopback answers only to loopback names (on any port): DNS-rebinding defence. */
const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

function hostForUrl(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}
