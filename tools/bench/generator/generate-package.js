import { createResource, schemaModule, serviceModule, typesModule, utilityModule } from './domain-modules.js';
import { express } from './frameworks/express.js';
import { fastify } from './frameworks/fastify.js';
import { hono } from './frameworks/hono.js';
import { koa } from './frameworks/koa.js';
import {
  authServiceModule, configModule, createTokenStoreModule, fileTokenStoreModule, loggerModule, redactModule, tokenStoreModule,
} from './infra-modules.js';
import { adminRouter, resourceRouter } from './routers.js';
import { SourceBuilder } from './source-builder.js';
import { PACKAGE_KINDS, RESOURCES, UTILITIES } from './vocabulary.js';

/**
 * @typedef {import('./prng.js').Rng} Rng
 * @typedef {{ path: string, text: string, violations: Array<{ ruleId: string, line: number }> }} GeneratedFile
 * @typedef {{
 *   name: string, framework: string, logger: 'pino' | 'winston',
 *   admin: import('./routers.js').AdminVariant, fileStore: import('./infra-modules.js').FileStoreVariant,
 *   leakyLogin: boolean, leakyHeaders: boolean, resourceCount: number
 * }} PackagePlan
 */

const DIALECTS = [hono, express, fastify, koa];
const ADMIN_VARIANTS = /** @type {const} */ (['guarded', 'guarded', 'guarded', 'unguarded', 'lookalike', 'late-guard']);
const FILE_STORE_VARIANTS = /** @type {const} */ (['refuses', 'guarded-factory', 'refuses', 'unguarded']);

/**
 * Decides what one package looks like and which violations it carries. Most packages are clean;
 * violations are the exception, as in a real monorepo.
 * @param {Rng} rng
 * @param {number} index
 * @returns {PackagePlan}
 */
export function planPackage(rng, index) {
  const dialect = DIALECTS[index % DIALECTS.length] ?? hono;
  let admin = rng.pick(ADMIN_VARIANTS);
  // Fastify applies hooks by encapsulation context, not registration order: "late" is not a thing there.
  if (dialect === fastify && admin === 'late-guard') admin = 'unguarded';
  return {
    name: `${rng.pick(PACKAGE_KINDS)}-${dialect.name}-${index}`,
    framework: dialect.name,
    logger: rng.chance(0.6) ? 'pino' : 'winston',
    admin,
    fileStore: rng.pick(FILE_STORE_VARIANTS),
    leakyLogin: rng.chance(0.25),
    leakyHeaders: rng.chance(0.25),
    resourceCount: rng.int(24, 36),
  };
}

/**
 * @param {Rng} rng
 * @param {PackagePlan} plan
 * @returns {GeneratedFile[]}
 */
export function generatePackage(rng, plan) {
  const dialect = DIALECTS.find((d) => d.name === plan.framework) ?? hono;
  const base = `packages/${plan.name}`;
  const resources = rng.sample(RESOURCES, plan.resourceCount).map((name) => createResource(rng, name));
  const leakyIndex = rng.int(0, resources.length - 1);
  /** @type {GeneratedFile[]} */
  const files = [];
  const emit = (/** @type {string} */ path, /** @type {string | SourceBuilder} */ source) => {
    const builder = typeof source === 'string' ? new SourceBuilder().add(source.replace(/\n$/, '')) : source;
    files.push({ path: `${base}/${path}`, text: builder.toString(), violations: builder.violations });
  };
  emit('package.json', JSON.stringify({ name: `@bench/${plan.name}`, private: true, type: 'module', main: 'src/main.ts' }, null, 2));
  emit('src/config.ts', configModule());
  emit('src/logger.ts', loggerModule(plan.logger));
  emit('src/redact.ts', redactModule());
  emit('src/container.ts', containerModule());
  emit('src/stores/token-store.ts', tokenStoreModule());
  emit('src/stores/file-token-store.ts', fileTokenStoreModule(plan.fileStore));
  emit('src/stores/create-token-store.ts', createTokenStoreModule(plan.fileStore));
  emit('src/services/auth-service.ts', authServiceModule(plan));
  emit('src/middleware/auth.ts', dialect.authModule());
  emit('src/middleware/audit.ts', dialect.auditModule());
  for (const util of UTILITIES) emit(`src/utils/${util}.ts`, utilityModule(util));
  resources.forEach((r, i) => {
    emit(`src/types/${r.name}.ts`, typesModule(r));
    emit(`src/schemas/${r.name}.ts`, schemaModule(r));
    emit(`src/services/${r.name}-service.ts`, serviceModule(rng, r));
    emit(`src/routes/${r.name}-routes.ts`, resourceRouter(dialect, r, { leakyHeaders: plan.leakyHeaders && i === leakyIndex }));
  });
  emit('src/routes/admin-routes.ts', adminRouter(dialect, plan.admin, resources));
  const mounts = [
    ...resources.map((r) => ({ exportName: `${r.name}Routes`, file: `${r.name}-routes`, prefix: `/${r.plural}` })),
    { exportName: 'adminRoutes', file: 'admin-routes', prefix: '/admin' },
  ];
  emit('src/app.ts', dialect.appModule(mounts));
  emit('src/main.ts', dialect.mainModule());
  return files;
}

function containerModule() {
  return `import { Redis } from 'ioredis';
import { config } from './config.js';
import { AuthService } from './services/auth-service.js';
import { createTokenStore } from './stores/create-token-store.js';

export const redis = new Redis(config.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 2 });
export const tokenStore = createTokenStore(config, redis);
export const authService = new AuthService(tokenStore, new Map());
`;
}
