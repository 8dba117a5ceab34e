import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/config.js';
import type { FrameworkAdapter } from '../../src/graph/adapter.js';
import { extractRouteFacts } from '../../src/graph/route-facts.js';
import { parseSource } from '../../src/parse/parse-source.js';
import { scanFiles } from '../../src/scan-files.js';

/** How one framework spells the neutral constructs the suite needs. */
export interface AdapterSyntax {
  /** Imports plus a project middleware named `guard` that rejects with 401. */
  head: string;
  createRouter(name: string, prefix?: string): string;
  route(target: string, path: string): string;
  use(target: string, path?: string): string;
  mount(parent: string, prefix: string, child: string): string;
}

export interface AdapterSuiteOptions {
  adapter: FrameworkAdapter;
  syntax: AdapterSyntax;
  /** Tests that do not apply to this framework, with the reason written down. */
  skip?: ReadonlyArray<{ reason: string; tests: readonly SuiteTest[] }>;
}

export type SuiteTest =
  | 'detects its imports'
  | 'records a route'
  | 'guard before the route protects'
  | 'guard after the route does not protect'
  | 'mount prefixes join'
  | 'router from another file'
  | 'path from a constant'
  | 'non-app receivers are ignored';

const RULE = 'no-unprotected-admin-route';

function findings(files: Record<string, string>): string[] {
  const result = scanFiles({ files: Object.entries(files).map(([path, text]) => ({ path, text })), ruleIds: [RULE] });
  expect(result.errors).toEqual([]);
  return result.findings.map((f) => `${f.file}:${f.line} ${f.data?.paths ?? ''}`);
}

/** One conformance suite for every adapter, as Hono's `common.case.test.ts` does for runtimes. */
export function runAdapterSuite({ adapter, syntax: s, skip = [] }: AdapterSuiteOptions): void {
  const skipped = new Set(skip.flatMap((k) => k.tests));
  // A test that does not apply is not registered at all; its reason is checked instead.
  const test = (name: SuiteTest, fn: () => void) => {
    if (!skipped.has(name)) it(name, fn);
  };
  const lines = (...parts: string[]) => `${s.head}\n${parts.join('\n')}\n`;

  describe(`adapter conformance: ${adapter.name}`, () => {
    it('writes down why each left-out test does not apply', () => {
      for (const k of skip) expect(k.reason.length).toBeGreaterThan(20);
    });

    test('detects its imports', () => {
      const sf = parseSource('src/app.ts', lines(s.createRouter('r')));
      expect(extractRouteFacts(sf, { path: 'src/app.ts', config: resolveConfig({}) }).frameworks).toContain(adapter.name);
    });

    test('records a route', () => {
      const sf = parseSource('src/app.ts', lines(s.createRouter('r'), s.route('r', '/admin/users')));
      const facts = extractRouteFacts(sf, { path: 'src/app.ts', config: resolveConfig({}) });
      const routes = facts.registrations.filter((r) => r.kind === 'route');
      expect(routes.map((r) => r.kind === 'route' && r.paths)).toEqual([[{ parts: ['/admin/users'] }]]);
    });

    test('guard before the route protects', () => {
      expect(findings({ 'src/app.ts': lines(s.createRouter('r'), s.use('r', '/admin'), s.route('r', '/admin/users')) })).toEqual([]);
    });

    test('guard after the route does not protect', () => {
      const src = lines(s.createRouter('r'), s.route('r', '/admin/users'), s.use('r', '/admin'));
      expect(findings({ 'src/app.ts': src })).toHaveLength(1);
    });

    test('mount prefixes join', () => {
      const src = lines(s.createRouter('root'), s.createRouter('child'), s.route('child', '/users'), s.mount('root', '/internal', 'child'));
      expect(findings({ 'src/app.ts': src }).map((f) => f.split(' ')[1])).toEqual(['/internal/users']);
    });

    test('router from another file', () => {
      const files = {
        'src/child.ts': lines(s.createRouter('child'), s.route('child', '/jobs'), 'export { child };'),
        'src/app.ts': lines("import { child } from './child.js';", s.createRouter('root'), s.mount('root', '/admin', 'child')),
      };
      expect(findings(files).map((f) => f.split(' ')[1])).toEqual(['/admin/jobs']);
    });

    test('path from a constant', () => {
      const src = lines("const BASE = '/api';", s.createRouter('r'), s.route('r', '${BASE}/admin/x').replace(/'(\$\{BASE\}[^']*)'/, '`$1`'));
      expect(findings({ 'src/app.ts': src }).map((f) => f.split(' ')[1])).toEqual(['/api/admin/x']);
    });

    test('non-app receivers are ignored', () => {
      const src = lines('const cache = new Map();', "cache.get('/admin/users');", "cache.set('/admin/users', () => 1);");
      const facts = extractRouteFacts(parseSource('src/app.ts', src), { path: 'src/app.ts', config: resolveConfig({}) });
      expect(facts.registrations).toEqual([]);
    });
  });
}
