import { describe, expect, it } from 'vitest';
import { REGISTRATION_HINT } from './registration-hint.js';

describe('REGISTRATION_HINT', () => {
  it.each([
    "app.get('/admin', handler)",
    'router.post(ADMIN_PATH, requireAuth, save)',
    'app.get(\n  `/admin/${id}`,\n  h,\n)',
    'app.delete(adminPath(), h)',
    'app.get(/^\\/admin/, h)',
    'api.get((c) => c.text("ok"))',
    "app.all('*', h)",
    'app.use(auth)',
    "router.route('/admin').get(list)",
    'fastify.register(plugin)',
    "fastify.addHook('onRequest', guard)",
    'this.app.get(PATH, this.handler)',
  ])('counts %s', (code) => {
    expect(REGISTRATION_HINT.test(code)).toBe(true);
  });

  it.each(['this.items.get(id)', 'cache.delete(key)', "config.get('env')", 'headers.get( name )', 'list.filter(Boolean)', 'app.listen(3000)'])('does not count %s', (code) => {
    expect(REGISTRATION_HINT.test(code)).toBe(false);
  });
});
