import { describe, expect, it } from 'vitest';
import { parseSource } from '../parse/parse-source.js';
import { ts } from '../parse/typescript.js';
import { classifyCondition, moduleNameValues } from './classify-condition.js';

/** Classifies the condition of the last `if` in `code`. */
function classify(code: string): string {
  const sf = parseSource('a.ts', code);
  const stmt = sf.statements.filter(ts.isIfStatement).pop();
  if (!stmt) throw new Error('no if statement');
  return classifyCondition(stmt.expression, moduleNameValues(sf));
}

describe('classifyCondition', () => {
  it.each([
    ["if (process.env.NODE_ENV === 'production') {}", 'prod'],
    ["if (process.env.NODE_ENV !== 'production') {}", 'nonProd'],
    ["if ('production' != process.env['NODE_ENV']) {}", 'nonProd'],
    ["if (process.env.NODE_ENV === 'development') {}", 'nonProd'],
    ["if (process.env.NODE_ENV !== 'test') {}", 'prod'],
    ["const isProd = process.env.NODE_ENV === 'production';\nif (!isProd) {}", 'nonProd'],
    ["const isDev = process.env.NODE_ENV === 'development';\nif (isDev || process.env.NODE_ENV === 'test') {}", 'nonProd'],
    // Flags and helpers named for the environment read as the value-flow layer reads them.
    ["if (isDevelopment && flag) {}", 'nonProd'],
    ['if (config.isProdMode()) {}', 'prod'],
    ["function isProduction() { return process.env.NODE_ENV === 'production'; }\nif (!isProduction()) {}", 'nonProd'],
    ["if (['production', 'prod'].includes(process.env.NODE_ENV)) {}", 'prod'],
    ["if (process.env.APP_ENV === 'development') {}", 'nonProd'],
    ["const { NODE_ENV } = process.env;\nif (NODE_ENV !== 'production') {}", 'nonProd'],
    ['if (isReady()) {}', 'unknown'],
    ["if (process.env.NODE_ENV === 'test' && process.env.CI) {}", 'nonProd'],
    ['if (process.env.ENABLE_AUTH) {}', 'unknown'],
    ["if (process.env.NODE_ENV === 'staging') {}", 'unknown'],
  ])('%s -> %s', (code, expected) => {
    expect(classify(code)).toBe(expected);
  });
});
