import { ADMIN_ROUTE, SECRETS_IN_LOGS } from './infra-modules.js';
import { SourceBuilder, markViolation } from './source-builder.js';

/**
 * Route files written once for every framework through its Dialect.
 * @typedef {import('./frameworks/dialect.js').Dialect} Dialect
 * @typedef {import('./domain-modules.js').Resource} Resource
 * @typedef {'guarded' | 'unguarded' | 'lookalike' | 'late-guard'} AdminVariant
 */

/**
 * A CRUD router for one resource; writes require a user. With `leakyHeaders`, the list handler
 * logs the whole request headers (a planted secrets-in-logs violation).
 * @param {Dialect} d
 * @param {Resource} r
 * @param {{ leakyHeaders: boolean }} plan
 */
export function resourceRouter(d, r, plan) {
  const name = `${r.name}Routes`;
  const ref = d.routerRef(name);
  const h = d.h;
  const headerLog = plan.leakyHeaders
    ? markViolation(SECRETS_IN_LOGS, `  httpLogger.debug({ headers: ${h.headers} }, 'listing ${r.plural}');`)
    : `  httpLogger.debug({ resource: '${r.name}' }, 'listing ${r.plural}');`;
  const routes = [
    d.route(ref, 'get', '/', [], `  const { page, limit } = parsePageParams(${h.queryObject});
${headerLog}
  const result = await service.list({ page, limit, search: ${h.query('q')} });
${h.json('result')}`),
    d.route(ref, 'get', '/:id', [], `  const item = await service.get(${h.param('id')});
${h.json('item')}`),
    d.route(ref, 'post', '/', ['requireUser'], `  const input = ${h.body} as Create${r.Name}Input;
  const created = await service.create(input);
${h.json('created', 201)}`),
    d.route(ref, 'patch', '/:id', ['requireUser'], `  const patch = ${h.body} as Update${r.Name}Input;
  const updated = await service.update(${h.param('id')}, patch);
${h.json('updated')}`),
    d.route(ref, 'delete', '/:id', ['requireUser'], `  await service.remove(${h.param('id')});
${h.empty}`),
  ];
  return new SourceBuilder().add(
    `${d.routerImports}
import { httpLogger } from '../logger.js';
import { requireUser } from '../middleware/auth.js';
import { ${r.Name}Service } from '../services/${r.name}-service.js';
import type { Create${r.Name}Input, Update${r.Name}Input } from '../types/${r.name}.js';
import { parsePageParams } from '../utils/pagination.js';

const service = new ${r.Name}Service(httpLogger.child({ resource: '${r.name}' }));

${d.openRouter(name)}
${routes.join('\n\n')}
${d.closeRouter()}`,
  );
}

/**
 * The admin router, mounted under `/admin`. Only the `guarded` variant protects it; the others plant
 * one admin-route violation per route: no guard, a look-alike that never rejects, or the real guard
 * registered after the routes.
 * @param {Dialect} d
 * @param {AdminVariant} variant
 * @param {Resource[]} resources
 */
export function adminRouter(d, variant, resources) {
  const ref = d.routerRef('adminRoutes');
  const h = d.h;
  const mark = (/** @type {string} */ code) => (variant === 'guarded' ? code : markViolation(ADMIN_ROUTE, code));
  const counted = resources.slice(0, 3);
  const routes = [
    d.route(ref, 'get', '/stats', [], `  const stats = {
${counted.map((r) => `    ${r.plural}: await ${r.name}Service.count(),`).join('\n')}
  };
${h.json('stats')}`),
    d.route(ref, 'delete', `/${counted[0]?.plural ?? 'items'}/:id`, [], `  await ${counted[0]?.name ?? 'item'}Service.remove(${h.param('id')});
${h.empty}`),
    d.route(ref, 'post', '/cache/flush', [], `  httpLogger.warn({ by: 'admin' }, 'cache flush requested');
${h.json('{ flushed: true }')}`),
  ].map((route) => mark(route));
  const guard = variant === 'lookalike' ? d.use(ref, 'checkAdminSession') : d.use(ref, 'requireAdmin');
  return new SourceBuilder().add(
    `${d.routerImports}
import { httpLogger } from '../logger.js';
import { checkAdminSession } from '../middleware/audit.js';
import { requireAdmin } from '../middleware/auth.js';
${counted.map((r) => `import { ${r.Name}Service } from '../services/${r.name}-service.js';`).join('\n')}

${counted.map((r) => `const ${r.name}Service = new ${r.Name}Service(httpLogger.child({ area: 'admin' }));`).join('\n')}

${d.openRouter('adminRoutes')}
${variant === 'guarded' || variant === 'lookalike' ? guard : ''}
${routes.join('\n\n')}
${variant === 'late-guard' ? guard : ''}
${d.closeRouter()}`,
  );
}
