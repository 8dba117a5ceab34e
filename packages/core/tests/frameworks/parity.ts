import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { expect } from 'vitest';
import { scanFiles } from '../../src/scan-files.js';

/**
 * Framework parity: the same source is scanned statically AND run by the real framework, and the
 * two must agree on whether the guard runs before the handler. Scenario modules are written under
 * this package's node_modules so that their bare imports (`hono`, `express`) resolve.
 */
const MODULE_DIR = fileURLToPath(new URL('../../node_modules/.shiftguard-parity/', import.meta.url));
const RULE = 'no-unprotected-admin-route';
let counter = 0;

export interface Scenario {
  name: string;
  /** Registration statements, in program order, inserted between the framework's head and tail. */
  body: string;
  /** The request the real app receives. */
  request: string;
}

/** Whether the static engine says the scenario's admin route is protected. */
export function staticallyProtected(source: string): boolean {
  const result = scanFiles({ files: [{ path: 'src/app.js', text: source }], ruleIds: [RULE] });
  expect(result.errors).toEqual([]);
  return result.findings.length === 0;
}

/** Writes the source as an ES module and imports its default export (the app). */
export async function loadApp<T>(source: string): Promise<T> {
  mkdirSync(MODULE_DIR, { recursive: true });
  const file = join(MODULE_DIR, `scenario-${process.pid}-${counter++}.mjs`);
  writeFileSync(file, source);
  try {
    const mod = (await import(pathToFileURL(file).href)) as { default: T };
    return mod.default;
  } finally {
    rmSync(file, { force: true });
  }
}

/** Every ordered pair of guard pattern and route path, before and after. */
export function crossScenarios(guardPatterns: readonly string[], routes: ReadonlyArray<{ path: string; request: string }>, guardLine: (p: string) => string, routeLine: (p: string) => string): Scenario[] {
  const out: Scenario[] = [];
  for (const pattern of guardPatterns) {
    for (const route of routes) {
      for (const order of ['before', 'after'] as const) {
        const lines = order === 'before' ? [guardLine(pattern), routeLine(route.path)] : [routeLine(route.path), guardLine(pattern)];
        out.push({ name: `guard ${pattern} ${order} route ${route.path}`, body: lines.join('\n'), request: route.request });
      }
    }
  }
  return out;
}
