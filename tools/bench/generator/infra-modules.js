import { SourceBuilder } from './source-builder.js';

/**
 * Configuration, loggers, token stores and the auth service of one generated package: the code the
 * secret and storage rules care about, with planted violations where the package's plan says so.
 * @typedef {'pino' | 'winston'} LoggerKind
 * @typedef {'refuses' | 'guarded-factory' | 'unguarded'} FileStoreVariant
 */

export const FILE_STORAGE = 'no-file-storage-in-production';
export const SECRETS_IN_LOGS = 'no-secrets-in-logs';
export const ADMIN_ROUTE = 'no-unprotected-admin-route';

export function configModule() {
  return `// Reads the environment once at startup and fails fast on a bad value.
export interface AppConfig {
  port: number;
  nodeEnv: 'development' | 'test' | 'production';
  redisUrl: string;
  tokenStore: 'redis' | 'file';
  tokenFile: string;
  jwtIssuer: string;
  sessionTtlSeconds: number;
}

function requireEnv(env: NodeJS.ProcessEnv, name: string, fallback?: string): string {
  const value = env[name] ?? fallback;
  if (value === undefined || value === '') throw new Error(\`missing environment variable \${name}\`);
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const nodeEnv = requireEnv(env, 'NODE_ENV', 'development');
  if (nodeEnv !== 'development' && nodeEnv !== 'test' && nodeEnv !== 'production') {
    throw new Error(\`NODE_ENV must be development, test or production, got \${nodeEnv}\`);
  }
  const port = Number.parseInt(requireEnv(env, 'PORT', '3000'), 10);
  if (!Number.isInteger(port) || port <= 0) throw new Error('PORT must be a positive integer');
  return {
    port,
    nodeEnv,
    redisUrl: requireEnv(env, 'REDIS_URL', 'redis://127.0.0.1:6379'),
    tokenStore: env.TOKEN_STORE === 'file' ? 'file' : 'redis',
    tokenFile: requireEnv(env, 'TOKEN_FILE', './data/tokens.json'),
    jwtIssuer: requireEnv(env, 'JWT_ISSUER', 'https://auth.example.com'),
    sessionTtlSeconds: Number.parseInt(env.SESSION_TTL ?? '3600', 10),
  };
}

export const config = loadConfig();
`;
}

/** @param {LoggerKind} kind */
export function loggerModule(kind) {
  if (kind === 'pino') {
    return `import pino from 'pino';

export type Logger = pino.Logger;

// Authorization headers never reach the log pipeline, whatever a handler passes in.
export const logger = pino({
  level: process.env.LOG_LEVEL ?? 'info',
  redact: ['req.headers.authorization', 'req.headers.cookie'],
});

export const httpLogger = logger.child({ component: 'http' });
export const jobLogger = logger.child({ component: 'jobs' });
`;
  }
  return `import winston from 'winston';

export type Logger = winston.Logger;

export const logger = winston.createLogger({
  level: process.env.LOG_LEVEL ?? 'info',
  format: winston.format.combine(winston.format.timestamp(), winston.format.json()),
  transports: [new winston.transports.Console()],
});

export const httpLogger = logger.child({ component: 'http' });
export const jobLogger = logger.child({ component: 'jobs' });
`;
}

export function redactModule() {
  return `/** Keeps two characters at each end so support can correlate values without seeing them. */
export function redact(value: string | undefined): string {
  if (!value) return '';
  if (value.length <= 8) return '********';
  return \`\${value.slice(0, 2)}…\${value.slice(-2)}\`;
}

export function maskEmail(email: string): string {
  const [user = '', domain = ''] = email.split('@');
  return \`\${user.slice(0, 1)}***@\${domain}\`;
}
`;
}

export function tokenStoreModule() {
  return `import type { Redis } from 'ioredis';

export interface StoredToken {
  id: string;
  userId: string;
  hash: string;
  expiresAt: string;
}

export interface TokenStore {
  save(token: StoredToken): Promise<void>;
  find(id: string): Promise<StoredToken | undefined>;
  revoke(id: string): Promise<void>;
}

/** Production store: one Redis key per token, expiring with the token. */
export class RedisTokenStore implements TokenStore {
  constructor(private readonly redis: Redis, private readonly prefix = 'tokens:') {}

  async save(token: StoredToken): Promise<void> {
    const ttl = Math.max(1, Math.floor((new Date(token.expiresAt).getTime() - Date.now()) / 1000));
    await this.redis.set(this.prefix + token.id, JSON.stringify(token), 'EX', ttl);
  }

  async find(id: string): Promise<StoredToken | undefined> {
    const raw = await this.redis.get(this.prefix + id);
    return raw ? (JSON.parse(raw) as StoredToken) : undefined;
  }

  async revoke(id: string): Promise<void> {
    await this.redis.del(this.prefix + id);
  }
}
`;
}

/** @param {FileStoreVariant} variant */
export function fileTokenStoreModule(variant) {
  const refusal =
    variant === 'refuses'
      ? `    if (process.env.NODE_ENV === 'production') {
      throw new Error('FileTokenStore keeps tokens on local disk; use RedisTokenStore in production');
    }\n`
      : '';
  return `import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { StoredToken, TokenStore } from './token-store.js';

/** Development store: all tokens in one JSON file. */
export class FileTokenStore implements TokenStore {
  constructor(private readonly path: string) {
${refusal}  }

  private async load(): Promise<Record<string, StoredToken>> {
    try {
      return JSON.parse(await readFile(this.path, 'utf8')) as Record<string, StoredToken>;
    } catch {
      return {};
    }
  }

  async save(token: StoredToken): Promise<void> {
    const all = await this.load();
    all[token.id] = token;
    await mkdir(dirname(this.path), { recursive: true });
    await writeFile(this.path, JSON.stringify(all, null, 2));
  }

  async find(id: string): Promise<StoredToken | undefined> {
    return (await this.load())[id];
  }

  async revoke(id: string): Promise<void> {
    const all = await this.load();
    delete all[id];
    await writeFile(this.path, JSON.stringify(all, null, 2));
  }
}
`;
}

/** @param {FileStoreVariant} variant */
export function createTokenStoreModule(variant) {
  const b = new SourceBuilder().add(`import type { Redis } from 'ioredis';
import type { AppConfig } from '../config.js';
import { FileTokenStore } from './file-token-store.js';
import { RedisTokenStore, type TokenStore } from './token-store.js';

export function createTokenStore(config: AppConfig, redis: Redis): TokenStore {`);
  if (variant === 'guarded-factory') {
    b.add(`  if (process.env.NODE_ENV !== 'production' && config.tokenStore === 'file') {
    return new FileTokenStore(config.tokenFile);
  }`);
  } else {
    b.add(`  if (config.tokenStore === 'file') {`);
    if (variant === 'unguarded') b.violation(FILE_STORAGE, `    return new FileTokenStore(config.tokenFile);`);
    else b.add(`    return new FileTokenStore(config.tokenFile);`);
    b.add(`  }`);
  }
  return b.add(`  return new RedisTokenStore(redis);
}`);
}

/**
 * @param {{ leakyLogin: boolean }} plan
 */
export function authServiceModule(plan) {
  const b = new SourceBuilder().add(`import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { logger } from '../logger.js';
import { redact } from '../redact.js';
import type { TokenStore } from '../stores/token-store.js';

const log = logger.child({ component: 'auth' });

export interface Credentials {
  email: string;
  password: string;
}

export interface IssuedToken {
  accessToken: string;
  expiresIn: number;
  tokenType: 'Bearer';
}

function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export class AuthService {
  constructor(
    private readonly tokens: TokenStore,
    private readonly users: Map<string, { id: string; passwordHash: string }>,
  ) {}

  async login(credentials: Credentials): Promise<IssuedToken | undefined> {
    const { email, password } = credentials;`);
  if (plan.leakyLogin) b.violation(SECRETS_IN_LOGS, `    log.debug({ email, password }, 'login attempt');`);
  else b.add(`    log.debug({ email, passwordLength: password.length }, 'login attempt');`);
  b.add(`    const user = this.users.get(email);
    if (!user) return undefined;
    const expected = Buffer.from(user.passwordHash, 'hex');
    const actual = Buffer.from(sha256(password), 'hex');
    if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
      log.warn({ email }, 'password reset email sent after failed login');
      return undefined;
    }
    const accessToken = randomBytes(32).toString('base64url');
    const expiresIn = 3600;
    await this.tokens.save({
      id: sha256(accessToken).slice(0, 16),
      userId: user.id,
      hash: sha256(accessToken),
      expiresAt: new Date(Date.now() + expiresIn * 1000).toISOString(),
    });
    log.info({ userId: user.id, token: redact(accessToken), expiresIn }, 'issued token');
    return { accessToken, expiresIn, tokenType: 'Bearer' };
  }

  async verify(accessToken: string): Promise<{ userId: string; role: string } | undefined> {
    const stored = await this.tokens.find(sha256(accessToken).slice(0, 16));
    if (!stored || new Date(stored.expiresAt).getTime() < Date.now()) return undefined;
    return { userId: stored.userId, role: stored.userId.startsWith('admin-') ? 'admin' : 'user' };
  }
}
`);
  return b;
}
