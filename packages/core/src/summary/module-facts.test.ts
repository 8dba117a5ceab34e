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

const exportsOf = (text: string) => extractModuleFacts(parseSource('src/routes/index.js', text)).exports;

describe('extractModuleFacts: CommonJS objects (the default export, and each member: another module, or defined in place as a member of the default export)', () => {
  it.each([
    ["module.exports = { admin: require('./admin') };", [{ exported: 'default', local: 'default' }, { exported: 'admin', from: './admin', imported: '*' }]],
    ["module.exports = { get admin() { return require('./admin'); } };", [{ exported: 'default', local: 'default' }, { exported: 'admin', from: './admin', imported: '*' }]],
    ["module.exports = { get admin() { log(); return require('./admin'); } };", [{ exported: 'default', local: 'default' }, { exported: 'admin', local: 'default.admin' }]],
    ["module.exports = { admin: load('./admin') };", [{ exported: 'default', local: 'default' }, { exported: 'admin', local: 'default.admin' }]],
    ['module.exports = { isAdmin: function (req, res, next) {}, info(msg) {}, ...rest };', [{ exported: 'default', local: 'default' }, { exported: 'isAdmin', local: 'default.isAdmin' }, { exported: 'info', local: 'default.info' }]],
    ["exports.admin = require('./admin');", [{ exported: 'admin', from: './admin', imported: '*' }]],
    ["module.exports.admin = require('./admin').router;", [{ exported: 'admin', from: './admin', imported: 'router' }]],
    ["module.exports = require('./auth');", [{ exported: 'default', from: './auth', imported: 'default' }]],
    ['module.exports = { admin, internal: router };', [{ exported: 'default', local: 'default' }, { exported: 'admin', local: 'admin' }, { exported: 'internal', local: 'router' }]],
  ])('%s', (text, exported) => {
    expect(exportsOf(text)).toEqual(exported);
  });
});

describe('extractModuleFacts: whole modules re-exported as compilers and CommonJS write them', () => {
  const starsOf = (text: string) => extractModuleFacts(parseSource('src/index.js', text)).exportStars;
  it.each([
    ["__exportStar(require('./verify-token'), exports);", ['./verify-token']],
    ["tslib_1.__exportStar(require('./a'), exports);", ['./a']],
    ["__export(require('./b'));", ['./b']],
    ["module.exports = require('./auth');", ['./auth']],
    ["module.exports = { ...require('./a'), ...require('./b'), c };", ['./a', './b']],
    ["module.exports = { a: require('./a') };", []],
    ['__exportStar(x, exports);', []],
  ])('%s', (text, stars) => {
    expect(starsOf(text)).toEqual(stars);
  });
});

describe('extractModuleFacts: TypeScript import-equals declarations', () => {
  const importsOf = (text: string) => extractModuleFacts(parseSource('src/app.ts', text)).imports;
  it.each([
    ["import express = require('express');", [{ local: 'express', imported: '*', specifier: 'express' }]],
    ["import auth = require('./auth');", [{ local: 'auth', imported: '*', specifier: './auth' }]],
    ['import Alias = Some.Namespace;', []],
  ])('%s', (text, imports) => {
    expect(importsOf(text)).toEqual(imports);
  });
});
