import type { ServerConfig } from '../config/server-config.js';
import type { AuditStore } from './audit-store.js';
import type { RedisClient } from './create-redis-client.js';
import { EncryptedFileTokenStore } from './encrypted-file-token-store.js';
import { createFlexibleRateLimitStore } from './flexible-rate-limit-store.js';
import { createMemoryAuditStore } from './memory-audit-store.js';
import { createMemorySessionStore } from './memory-session-store.js';
import { createMemoryTokenStore } from './memory-token-store.js';
import type { RateLimitStore } from './rate-limit-store.js';
import { createRecordCipher } from './record-cipher.js';
import { createRedisAuditStore } from './redis-audit-store.js';
import { createRedisSessionStore } from './redis-session-store.js';
import { createRedisTokenStore } from './redis-token-store.js';
import { createSecretHasher } from './secret-hasher.js';
import type { SessionStore } from './session-store.js';
import type { TokenStore } from './token-store.js';

export interface Stores {
  tokens: TokenStore;
  sessions: SessionStore;
  rateLimits: RateLimitStore;
  audit: AuditStore;
  /** Whether the backing storage answers right now (drives /ready). */
  isReady(): Promise<boolean>;
}

/** Retention may be left out (tools and tests that build stores directly): the default applies. */
type StoreConfig = Pick<ServerConfig, 'storage' | 'encryptionKeys' | 'sessionTimeouts' | 'fileStorePath'> & Partial<Pick<ServerConfig, 'auditRetention'>>;

export function createStores(config: StoreConfig, redis?: RedisClient): Stores {
  const cipher = createRecordCipher(config.encryptionKeys);
  const hasher = createSecretHasher(config.encryptionKeys);
  if (config.storage === 'redis') {
    if (!redis) throw new Error('createStores: storage "redis" needs a Redis client');
    return {
      tokens: createRedisTokenStore(redis, cipher, hasher),
      sessions: createRedisSessionStore(redis, cipher, hasher, config.sessionTimeouts),
      rateLimits: createFlexibleRateLimitStore(redis),
      audit: createRedisAuditStore(redis, cipher, config.auditRetention),
      isReady: async () => (await redis.ping().catch(() => 'down')) === 'PONG',
    };
  }
  const tokens =
    config.storage === 'file'
      ? new EncryptedFileTokenStore(config.fileStorePath ?? '.shiftguard-tokens.enc', cipher, hasher)
      : createMemoryTokenStore(hasher);
  return {
    tokens,
    sessions: createMemorySessionStore(hasher, config.sessionTimeouts),
    rateLimits: createFlexibleRateLimitStore(),
    audit: createMemoryAuditStore([], config.auditRetention),
    isReady: async () => true,
  };
}
