/**
 * Sources with a known verdict that need no particular rule: a suppression comment without a reason
 * is always reported (rule `invalid-suppression`, line 2), so the plumbing is testable on its own.
 */
export const BARE_IGNORE = ['export const a = 1;', '// shiftguard-ignore-next-line no-unprotected-admin-route', 'export const b = 2;', ''].join('\n');
export const BARE_IGNORE_LINE = 2;

export const CLEAN = 'export const ok = 1;\n';

export const BROKEN = 'export const = ;\n';

/** `no-secrets-in-logs` through a wrapper in another file: the verdict needs `log.ts`. */
export const LOG_WRAPPER = ['export function logIt(message: string, value: unknown) {', '  console.log(message, value);', '}', ''].join('\n');
export const LOGS_THROUGH_WRAPPER = [
  "import { logIt } from './log.js';",
  '',
  'export function onLogin(user: { name: string; password: string }) {',
  "  logIt('login', user.password);",
  '}',
  '',
].join('\n');
export const LOGS_THROUGH_WRAPPER_LINE = 4;

/** `no-secrets-in-logs` inside one file, at line 2. */
export const SECRET_LOG = ['export function f(password: string) {', "  console.warn('pw', password);", '}', ''].join('\n');
export const SECRET_LOG_LINE = 2;

/** The same, suppressed with a reason. */
export const SUPPRESSED_SECRET_LOG = [
  'export function g(password: string) {',
  '  // shiftguard-ignore-next-line no-secrets-in-logs -- a test fixture, the value is fake',
  "  console.warn('pw', password);",
  '}',
  '',
].join('\n');
