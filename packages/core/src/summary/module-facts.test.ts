import { describe, expect, it } from 'vitest';
import { parseSource } from '../parse/parse-source.js';
import { extractModuleFacts } from './module-facts.js';

const loadsOf = (text: string) => extractModuleFacts(parseSource('src/main.ts', text)).loads;

describe('extractModuleFacts: modules loaded for their side effects', () => {
  it.each([
    ["import './admin-routes.js';", ['./admin-routes.js']],
    ["require('./admin-routes');", ['./admin-routes']],
    ["require(`./jobs`);\nimport 'reflect-metadata';", ['./jobs', 'reflect-metadata']],
    ["import __ from './x.js';", []],
    ["import { a } from './x.js';", []],
    ["const r = require('./x');", []],
    ['require(name);', []],
  ])('%s', (text, loads) => {
    expect(loadsOf(text)).toEqual(loads);
  });
});
