import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../../config/config.js';
import { parseSource } from '../../../parse/parse-source.js';
import { extractRouteFacts } from '../../route-facts.js';

const config = resolveConfig({});

/** The autoload mount `register(...)` records in an app file, or undefined. */
function autoloadOf(register: string, head = ''): unknown {
  const text = `import Fastify from 'fastify';\nimport AutoLoad from '@fastify/autoload';\nimport path, { join, dirname } from 'node:path';\nimport { fileURLToPath } from 'node:url';\n${head}\nconst app = Fastify();\n${register}\n`;
  const facts = extractRouteFacts(parseSource('src/app.ts', text), { path: 'src/app.ts', config });
  const mount = facts.registrations.find((r) => r.kind === 'mount');
  return mount?.kind === 'mount' && mount.autoload ? { child: mount.child, prefix: mount.prefix, options: mount.autoload } : undefined;
}

const DEFAULTS = { dirNamePrefix: true, autoHooks: false, cascadeHooks: false };

describe('@fastify/autoload registrations', () => {
  it.each([
    ["app.register(AutoLoad, { dir: join(__dirname, 'routes') });", './routes/'],
    ["app.register(AutoLoad, { dir: path.join(__dirname, 'http', 'routes') });", './http/routes/'],
    ["app.register(AutoLoad, { dir: path.resolve(__dirname, '../routes') });", '../routes/'],
    ["app.register(AutoLoad, { dir: join(import.meta.dirname, 'routes') });", './routes/'],
    ["app.register(AutoLoad, { dir: join(dirname(fileURLToPath(import.meta.url)), 'routes') });", './routes/'],
    ["app.register(AutoLoad, { dir: fileURLToPath(new URL('./routes', import.meta.url)) });", './routes/'],
    ['app.register(AutoLoad, { dir: `${__dirname}/routes` });', './routes/'],
  ])('%s loads %s', (register, dir) => {
    expect(autoloadOf(register)).toEqual({ child: { dir }, prefix: undefined, options: DEFAULTS });
  });

  it('reads the prefix and the options that decide files, prefixes and hooks', () => {
    const register = "app.register(AutoLoad, { dir: join(__dirname, 'routes'), dirNameRoutePrefix: false, autoHooks: true, cascadeHooks: true, options: { prefix: '/api' } });";
    expect(autoloadOf(register)).toEqual({ child: { dir: './routes/' }, prefix: { parts: ['/api'] }, options: { dirNamePrefix: false, autoHooks: true, cascadeHooks: true } });
  });

  it.each([
    ["app.register(AutoLoad, { dir: process.env.ROUTES_DIR });", 'a folder from the environment'],
    ["app.register(AutoLoad, { dir: '/srv/routes' });", 'an absolute folder'],
    ["app.register(AutoLoad, { dir: join(__dirname) });", 'the file’s own folder'],
    ["app.register(Other, { dir: join(__dirname, 'routes') });", 'another plugin'],
  ])('%s is not a folder mount (%s)', (register) => {
    expect(autoloadOf(register, 'import Other from "./other.js";')).toBeUndefined();
  });
});
