import { describe, expect, it } from 'vitest';
import { redactPath } from './redact-path.js';

describe('redactPath', () => {
  it.each([
    ['/mcp', '/mcp'],
    ['/admin/tokens/0123456789abcdef', '/admin/tokens/0123456789abcdef'],
    ['/sgt_abcDEF123_-xyz/x', '/[redacted]/x'],
    ['/x/eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln', '/x/[redacted]'],
    ['/admin/test-admin-key-0123456789abcdefghijklmnop', '/admin/[redacted]'],
  ])('%s → %s', (path, expected) => expect(redactPath(path)).toBe(expected));
});
