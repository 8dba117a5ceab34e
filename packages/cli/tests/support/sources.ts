/**
 * Sources with a known verdict that need no particular rule: a suppression comment without a reason
 * is always reported (rule `invalid-suppression`, line 2), so the plumbing is testable on its own.
 */
export const BARE_IGNORE = ['export const a = 1;', '// shiftguard-ignore-next-line no-unprotected-admin-route', 'export const b = 2;', ''].join('\n');
export const BARE_IGNORE_LINE = 2;

export const CLEAN = 'export const ok = 1;\n';

export const BROKEN = 'export const = ;\n';
