import { createHash, randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { audit, logger } from '../logger.js';
import { tokenStore } from '../storage/index.js';

export const tokenRoutes = new Hono();

tokenRoutes.post('/', async (c) => {
  const { subject } = await c.req.json<{ subject: string }>();
  const apiToken = randomBytes(32).toString('base64url');
  await tokenStore.save(subject, apiToken);
  const tokenCount = await tokenStore.count();
  logger.info({ subject, tokenCount }, 'token issued');
  logger.info({ subject, tokenHash: createHash('sha256').update(apiToken).digest('hex') }, 'token fingerprint');
  audit('token.issued', { subject, token: apiToken });
  return c.json({ token: apiToken }, 201);
});
