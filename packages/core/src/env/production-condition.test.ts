import { describe, expect, it } from 'vitest';
import { parseSource } from '../parse/parse-source.js';
import { ts } from '../parse/typescript.js';
import { conditionEnv, type NameValues } from './production-condition.js';

/** `conditionEnv` of the last `if` in `code`, with the given constants (by name) and no helpers. */
function envOf(code: string, constants: Record<string, string> = {}) {
  const sf = parseSource('a.ts', code);
  const stmt = sf.statements.filter(ts.isIfStatement).pop();
  if (!stmt) throw new Error('no if statement');
  const values = new Map(Object.entries(constants).map(([name, text]) => [name, parseSource('v.ts', `(${text})`).statements[0] as ts.ExpressionStatement]));
  const names: NameValues = {
    valueOf: (id) => {
      const stmt = values.get(id.text);
      return stmt && { expr: stmt.expression, path: [], isConst: true };
    },
    returnOf: () => undefined,
  };
  const env = conditionEnv(stmt.expression, names);
  return `${env.whenTrue}/${env.whenFalse}`;
}

describe('conditionEnv', () => {
  it.each([
    ["if (process.env.NODE_ENV === 'production') {}", 'prod/nonprod'],
    ["if (process.env.NODE_ENV !== 'production') {}", 'nonprod/prod'],
    ["if ('development' == process.env['NODE_ENV']) {}", 'nonprod/unknown'],
    ["if (process.env.NODE_ENV !== 'test') {}", 'unknown/nonprod'],
    ["if (process.env.NODE_ENV === 'staging') {}", 'unknown/unknown'],
    ["if (config.env === 'prod') {}", 'prod/unknown'],
    ["if (process.env.NODE_ENV !== 'prod') {}", 'unknown/prod'],
    ["if (['prod'].includes(process.env.NODE_ENV)) {}", 'prod/unknown'],
    ["if (['production', 'prod'].includes(process.env.NODE_ENV)) {}", 'prod/nonprod'],
    ["if (['development', 'test'].indexOf(process.env.NODE_ENV ?? '') !== -1) {}", 'nonprod/unknown'],
    ["if (['development', 'test'].indexOf(process.env.NODE_ENV ?? '') >= 0) {}", 'nonprod/unknown'],
    ["if (['production'].indexOf(process.env.NODE_ENV ?? '') === -1) {}", 'nonprod/prod'],
    ["if (['development', 'test'].indexOf(process.env.NODE_ENV ?? '') > 0) {}", 'unknown/unknown'],
    ["if ((process.env.NODE_ENV ?? 'development') === 'development') {}", 'nonprod/unknown'],
    ["if (['development', 'test'].includes(process.env.NODE_ENV)) {}", 'nonprod/unknown'],
    ["if (process.env.NODE_ENV !== 'production' && flag) {}", 'nonprod/unknown'],
    ["if (process.env.NODE_ENV !== 'production' || flag) {}", 'unknown/prod'],
    ['if (!isProd) {}', 'nonprod/prod'],
    ['if (IS_DEV_MODE) {}', 'nonprod/unknown'],
    ['if (import.meta.env.PROD) {}', 'prod/nonprod'],
    ['if (process.env.ENABLE_AUTH) {}', 'unknown/unknown'],
    ['if (isReady) {}', 'unknown/unknown'],
    ["if (!['production', 'staging'].includes(process.env.NODE_ENV ?? '')) {}", 'nonprod/unknown'],
    ["if (['staging', 'test'].includes(process.env.NODE_ENV)) {}", 'unknown/unknown'],
    ["if (app.get('env') === 'development') {}", 'nonprod/unknown'],
    ["if (config.get('NODE_ENV') !== 'production') {}", 'nonprod/prod'],
    ["if (url.searchParams.get('mode') === 'test') {}", 'unknown/unknown'],
    ["if (config.get('app.nodeEnv', { infer: true }) !== 'production') {}", 'nonprod/prod'],
    ["if (this.config.getOrThrow<string>('NODE_ENV') === 'development') {}", 'nonprod/unknown'],
    ["if (config.get('app.name', { infer: true }) !== 'production') {}", 'unknown/unknown'],
    ["if (config.get('NODE_ENV', 'development', true) !== 'production') {}", 'unknown/unknown'],
    ["if (process.env.NODE_ENV?.toLowerCase() === 'production') {}", 'prod/nonprod'],
    ["if (process.env.NODE_ENV.trim() !== 'production') {}", 'nonprod/prod'],
    ["if (process.env.NODE_ENV.slice(0, 4) === 'prod') {}", 'unknown/unknown'],
    ['if (process.env.NODE_ENV !== Environment.Production) {}', 'nonprod/prod'],
    ['if (Env.DEV === config.env) {}', 'nonprod/unknown'],
    ['if ([NodeEnv.Development, NodeEnv.Test].includes(process.env.NODE_ENV)) {}', 'nonprod/unknown'],
    ['if (process.env.NODE_ENV === Environment.Staging) {}', 'unknown/unknown'],
    ["if (url.searchParams.get('env') === 'test') {}", 'unknown/unknown'],
    ["if (cache.get('key') === 'development') {}", 'unknown/unknown'],
    ["if (process.env.NODE_ENV?.startsWith('dev')) {}", 'nonprod/unknown'],
    ["if (process.env.NODE_ENV?.startsWith('prod')) {}", 'prod/nonprod'],
    ["if (!process.env.NODE_ENV?.startsWith('Prod')) {}", 'nonprod/prod'],
    ["if (process.env.NODE_ENV?.includes('prod')) {}", 'prod/nonprod'],
    ["if (process.env.NODE_ENV.endsWith('test')) {}", 'nonprod/unknown'],
    ["if (process.env.NODE_ENV.includes('o')) {}", 'unknown/nonprod'],
    ["if (process.env.NODE_ENV.startsWith('production')) {}", 'unknown/unknown'],
    ["if (process.env.NODE_ENV.localeCompare('dev')) {}", 'unknown/unknown'],
    ["if (process.env.NODE_ENV.startsWith(prefix)) {}", 'unknown/unknown'],
    ["if (title.startsWith('dev')) {}", 'unknown/unknown'],
    ["if (/^prod/i.test(process.env.NODE_ENV ?? '')) {}", 'prod/nonprod'],
    ["if (!/^prod/.test(process.env.NODE_ENV ?? '')) {}", 'nonprod/prod'],
    ['if (/^(dev|test)/.test(process.env.NODE_ENV)) {}', 'nonprod/unknown'],
    ['if (/o/.test(process.env.NODE_ENV)) {}', 'unknown/nonprod'],
    ["if (/^prod/i.test(process.env.REGION ?? '')) {}", 'unknown/unknown'],
    ["if (/^prod/i.exec(process.env.NODE_ENV ?? '')) {}", 'unknown/unknown'],
    ["if (['development', 'test'].includes(process.env.NODE_ENV ?? '')) {}", 'nonprod/unknown'],
    ["if (!process.env.NODE_ENV || process.env.NODE_ENV === 'development') {}", 'nonprod/unknown'],
    ["if (process.env.NODE_ENV === undefined || process.env['NODE_ENV'] === 'test') {}", 'nonprod/unknown'],
    ["if (process.env.NODE_ENV == null || process.env.NODE_ENV === '') {}", 'nonprod/unknown'],
    ["if (!process.env.NODE_ENV || process.env.NODE_ENV === 'staging') {}", 'unknown/unknown'],
    ["if (!(process.env.NODE_ENV ?? 'production')) {}", 'unknown/unknown'],
    ["if (!process.env.APP_ENV || process.env.APP_ENV === 'development') {}", 'unknown/unknown'],
    ["if (process.env.NODE_ENV) {}", 'unknown/nonprod'],
  ])('%s → %s', (code, expected) => {
    expect(envOf(code)).toBe(expected);
  });

  it('reads a constant through the caller’s names', () => {
    expect(envOf('if (!local) {}', { local: "process.env.NODE_ENV === 'test'" })).toBe('unknown/nonprod');
  });

  it('reads a string test through a constant', () => {
    expect(envOf('if (isDev) {}', { isDev: "process.env.NODE_ENV?.startsWith('dev')" })).toBe('nonprod/unknown');
    expect(envOf("if (!['production'].includes(env)) {}", { env: 'process.env.NODE_ENV' })).toBe('nonprod/prod');
  });

  it('reads a generated 3000-term condition without recursing to its depth', () => {
    const flags = Array.from({ length: 3000 }, (_, i) => `flag${i}`).join(' && ');
    expect(envOf(`if (${flags} && process.env.NODE_ENV !== 'production') {}`)).toBe('nonprod/unknown');
  });
});

describe('conditionEnv with constants of the file', () => {
  const picked = "process.env.NODE_ENV === 'production' ? 'redis' : 'file'";
  it.each([
    ["if (driver === 'file') {}", { driver: picked }, 'nonprod/prod'],
    ["if (driver !== 'file') {}", { driver: picked }, 'prod/nonprod'],
    ["if ('redis' === driver) {}", { driver: picked }, 'prod/nonprod'],
    ["if (config.tokenStore === 'file') {}", { config: `{ tokenStore: ${picked}, port: 3000 }` }, 'nonprod/prod'],
    ["if (config.tokenStore === 'file') {}", { config: `Object.freeze({ tokenStore: ${picked} })` }, 'nonprod/prod'],
    ["if (driver === 'memory') {}", { driver: picked }, 'unknown/unknown'],
    ["if (DEV_ENVS.includes(process.env.NODE_ENV ?? '')) {}", { DEV_ENVS: "['development', 'test']" }, 'nonprod/unknown'],
    ["if (isProd) {}", { isProd: "process.env.NODE_ENV === 'prod'" }, 'prod/unknown'],
    ["if (driver === 'file') {}", { driver: "process.env.STORE === 'redis' ? 'redis' : 'file'" }, 'unknown/unknown'],
    ["if (driver === 'file') {}", { driver: "process.env.NODE_ENV === 'production' ? 'file' : 'file'" }, 'unknown/unknown'],
    ['if (TOKEN_FILE) {}', { TOKEN_FILE: "process.env.NODE_ENV === 'production' ? null : '.dev/tokens.json'" }, 'nonprod/prod'],
    ['if (TOKEN_FILE) {}', { TOKEN_FILE: "process.env.NODE_ENV === 'production' ? '/var/lib/tokens.json' : undefined" }, 'prod/nonprod'],
    ['if (TOKEN_FILE) {}', { TOKEN_FILE: "process.env.NODE_ENV === 'production' ? process.env.TOKEN_FILE : null" }, 'unknown/unknown'],
    ['if (TOKEN_FILE) {}', { TOKEN_FILE: "process.env.DEBUG ? '.dev/tokens.json' : null" }, 'unknown/unknown'],
  ])('%s', (code, constants, expected) => {
    expect(envOf(code, constants)).toBe(expected);
  });
});
