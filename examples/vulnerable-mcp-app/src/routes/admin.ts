import { Hono } from 'hono';
import { checkAdmin } from '../middleware/check-admin.js';
import { tokenStore } from '../storage/index.js';

export const adminRoutes = new Hono();

adminRoutes.use('*', checkAdmin);

adminRoutes.post('/login', async (c) => c.json({ ok: true }));

adminRoutes.get('/users', async (c) => c.json({ users: [] }));

adminRoutes.delete('/tokens/:id', async (c) => {
  await tokenStore.revoke(c.req.param('id'));
  return c.body(null, 204);
});
