import { Hono } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import { requestLogger } from './middleware/request-logger.js';
import { requireApiKey } from './middleware/require-api-key.js';
import { adminRoutes } from './routes/admin.js';
import { tokenRoutes } from './routes/tokens.js';

const app = new Hono();
const OPS_PREFIX = '/ops';

app.use('*', requestLogger);

// Registered before the guard below, so the guard never runs for it.
app.get('/internal/metrics', (c) => c.json({ uptime: process.uptime() }));

app.use('/internal/*', requireApiKey(process.env.INTERNAL_API_KEY ?? ''));
app.get('/internal/health', (c) => c.json({ ok: true }));

app.route('/admin', adminRoutes);

const ops = new Hono();
ops.use('*', bearerAuth({ token: process.env.OPS_TOKEN ?? '' }));
ops.get('/admin-stats', (c) => c.json({ ok: true }));
app.route(OPS_PREFIX, ops);

app.route('/tokens', tokenRoutes);

export default app;
