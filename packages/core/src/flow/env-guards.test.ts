import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../config/config.js';
import { parseSource } from '../parse/parse-source.js';
import { ts } from '../parse/typescript.js';
import { collectFile } from './collect-file.js';
import { choiceEnvAt, envAt, refusesProduction } from './env-guards.js';
import type { FileContext } from './file-context.js';
import { createNameClassifier } from './sensitive-names.js';

/** The NODE_ENV state at the call of `target()` in `code`. */
function stateAtTarget(code: string): string {
  const sf = parseSource('a.ts', code);
  const fc = contextOf(sf);
  const call = fc.collected.calls.find((c) => c.expression.getText(sf) === 'target');
  if (!call) throw new Error('no target() call');
  return envAt(call, fc);
}

function contextOf(sf: ts.SourceFile): FileContext {
  return { sf, file: 'a.ts', names: createNameClassifier(), config: resolveConfig({}), collected: collectFile(sf), isProjectModule: (s) => s.startsWith('.'), earlyExits: new Map() };
}

describe('envAt', () => {
  it.each([
    ["if (process.env.NODE_ENV !== 'production') target();", 'nonprod'],
    ["if (process.env.NODE_ENV === 'production') target();", 'prod'],
    ["if (process.env.NODE_ENV === 'production') {} else { target(); }", 'nonprod'],
    ["if (process.env.NODE_ENV === 'development') target();", 'nonprod'],
    ["if (process.env.NODE_ENV !== 'development') target();", 'unknown'],
    ["const isDev = process.env.NODE_ENV === 'test'; if (isDev) target();", 'nonprod'],
    ["const env = process.env.NODE_ENV ?? 'development'; const isProd = env === 'production'; if (!isProd) target();", 'nonprod'],
    ["function f() { if (process.env.NODE_ENV === 'production') return; target(); }", 'nonprod'],
    ["function f() { if (process.env.NODE_ENV === 'production') { throw new Error('no'); } target(); }", 'nonprod'],
    ["function f() { target(); if (process.env.NODE_ENV === 'production') return; }", 'unknown'],
    ["process.env.NODE_ENV === 'test' && target();", 'nonprod'],
    ["const x = process.env.NODE_ENV === 'production' ? other() : target();", 'nonprod'],
    ["if (['development', 'test'].includes(process.env.NODE_ENV)) target();", 'nonprod'],
    ["if (process.env.DEBUG) target();", 'unknown'],
    ["switch (process.env.NODE_ENV) { case Environment.Development: target(); break; }", 'nonprod'],
    ["switch (process.env.NODE_ENV) { case 'production': other(); break; default: target(); }", 'nonprod'],
    ["function f() { switch (process.env.NODE_ENV) { case 'production': return other(); default: return target(); } }", 'nonprod'],
    ["switch (process.env.NODE_ENV) { case 'staging': other(); break; default: target(); }", 'unknown'],
    ["switch (process.env.NODE_ENV) { case 'production': default: target(); }", 'unknown'],
    ["switch (process.env.NODE_ENV) { case 'production': other(); default: target(); }", 'unknown'],
    ["switch (process.env.NODE_ENV) { case 'test': case 'development': target(); break; }", 'nonprod'],
    ["switch (process.env.NODE_ENV) { case 'development': case 'production': target(); break; }", 'unknown'],
    ["switch (process.env.NODE_ENV) { case 'test': other(); case 'development': target(); break; }", 'unknown'],
    ["switch (process.env.NODE_ENV) { case 'production': target(); break; }", 'prod'],
    ["switch (process.env.APP_MODE) { case 'production': other(); break; default: target(); }", 'unknown'],
    ["const isProd = process.env.NODE_ENV?.toLowerCase() === 'production'; if (!isProd) target();", 'nonprod'],
    ["if (isProduction) {} else target();", 'nonprod'],
    ["if (process.env.NODE_ENV !== 'production' && flag) target();", 'nonprod'],
    ["if (process.env.NODE_ENV !== 'production' || flag) target();", 'unknown'],
    ["if (process.env.NODE_ENV !== 'production') { items.forEach(() => target()); }", 'nonprod'],
    ["if (process.env.NODE_ENV !== 'production') { function later() { target(); } }", 'unknown'],
    ["switch (process.env.NODE_ENV) { case 'test': target(); }", 'nonprod'],
    ["function isProduction() { return process.env.NODE_ENV === 'production'; } if (!isProduction()) target();", 'nonprod'],
    ['if (!isProdEnv) target();', 'nonprod'],
    ['if (config.isDevMode()) target();', 'nonprod'],
    ['if (isReady()) target();', 'unknown'],
  ])('%s → %s', (code, expected) => {
    expect(stateAtTarget(code)).toBe(expected);
  });
});

describe('refusesProduction', () => {
  const refuses = (code: string) => {
    const sf = parseSource('a.ts', code);
    const fn = sf.statements.find(ts.isFunctionDeclaration);
    if (!fn) throw new Error('no function');
    return refusesProduction(fn, contextOf(sf));
  };

  it('sees a throw taken only in production', () => {
    expect(refuses("function f() { if (process.env.NODE_ENV === 'production') throw new Error('dev only'); }")).toBe(true);
  });

  it('ignores a throw that is not about production', () => {
    expect(refuses("function f(dir: string) { if (!dir) throw new Error('dir required'); }")).toBe(false);
  });

  it('ignores a throw taken outside production', () => {
    expect(refuses("function f() { if (process.env.NODE_ENV !== 'production') throw new Error('x'); }")).toBe(false);
  });

  it.each([
    ["if (process.env.NODE_ENV !== 'development') throw new Error('dev only');"],
    ["const isDev = process.env.NODE_ENV === 'development'; if (!isDev) { throw new Error('dev only'); }"],
    ["if (process.env.NODE_ENV === 'test') console.log('test'); else throw new Error('tests only');"],
    ["if (process.env.NODE_ENV !== 'development') process.exit(1);"],
    ["assert(process.env.NODE_ENV !== 'production');"],
    ["assert.ok(process.env.NODE_ENV === 'development', 'dev only');"],
    ["assert.notStrictEqual(process.env.NODE_ENV, 'production', 'dev only');"],
    ["assert.notEqual('production', process.env.NODE_ENV);"],
    ["assert.strictEqual(process.env.NODE_ENV, 'development');"],
    ["if (process.env.NODE_ENV === 'production' || !dir) throw new Error('dev only');"],
    ["if (process.env.NODE_ENV === 'production') { if (process.env.CI) console.warn('ci'); throw new Error('dev only'); }"],
    ["switch (process.env.NODE_ENV) { case 'production': throw new Error('dev only'); default: break; }"],
  ])('sees production always failing: %s', (body) => {
    expect(refuses(`function f() { ${body} }`)).toBe(true);
  });

  it.each([
    ["if (process.env.NODE_ENV !== 'development') return;"],
    ["if (process.env.NODE_ENV === 'test') throw new Error('not in tests');"],
    ["assert.strictEqual(process.env.NODE_ENV, 'production');"],
    ["assert.notStrictEqual(process.env.NODE_ENV, 'test');"],
    ["assert.equal(dir, 'production');"],
    ["if (process.env.NODE_ENV === 'production' && !opts.allowInProduction) throw new Error('not for production');"],
    ["if (process.env.NODE_ENV === 'production' && process.env.ALLOW_FILE_SESSIONS !== 'true') throw new Error('not for production');"],
    ["if (process.env.NODE_ENV === 'production') { if (!process.env.FORCE) throw new Error('not for production'); }"],
    ["if (opts.strict) { if (process.env.NODE_ENV === 'production') throw new Error('dev only'); }"],
    ["if (opts.strict) assert(process.env.NODE_ENV !== 'production');"],
    ["for (const d of dirs) if (process.env.NODE_ENV === 'production') throw new Error('dev only');"],
  ])('does not read a refusal into: %s', (body) => {
    expect(refuses(`function f(dir: string) { ${body} }`)).toBe(false);
  });
});

/** The NODE_ENV state where `new Target()` in `code` is chosen. */
function choiceAtTarget(code: string): string {
  const sf = parseSource('a.ts', code);
  const fc = contextOf(sf);
  const made = fc.collected.calls.find((c) => ts.isNewExpression(c) && c.expression.getText(sf) === 'Target');
  if (!made) throw new Error('no new Target()');
  return choiceEnvAt(made, fc);
}

describe('choiceEnvAt', () => {
  it.each([
    ["const isProd = process.env.NODE_ENV === 'production';\nconst s = new Target();\nuse(isProd ? other : s);", 'nonprod'],
    ["const isProd = process.env.NODE_ENV === 'production';\nconst s = new Target();\nuse(isProd ? s : other);", 'unknown'],
    ["const s = new Target();\nif (process.env.NODE_ENV !== 'production') use(s);\nuse({ s });", 'unknown'],
    ["const s = new Target();\nif (process.env.NODE_ENV === 'test') use({ s });\nconst o = { s: 1 }; o.s;", 'nonprod'],
    ["export const s = new Target();\nif (process.env.NODE_ENV === 'test') use(s);", 'unknown'],
    ["let s = new Target();\nif (process.env.NODE_ENV === 'test') use(s);", 'unknown'],
    ["const s = new Target();", 'unknown'],
    ["if (process.env.NODE_ENV === 'development') use(new Target());", 'nonprod'],
  ])('%s', (code, state) => {
    expect(choiceAtTarget(code)).toBe(state);
  });
});
