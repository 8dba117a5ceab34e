import { describe, expect, it } from 'vitest';
import { regexPathOf } from './regex-path.js';

describe('regexPathOf', () => {
  it.each([
    ['/^\\/admin\\/.*/', '/admin/*'],
    ['/^\\/admin$/', '/admin'],
    ['/^\\/admin\\/?$/i', '/admin'],
    ['/\\/internal\\/jobs/', '/internal/jobs'],
    ['/^\\/admin(istrator)?\\/users/', '/admin/*'],
    ['/^\\/admins?$/', '/admin'],
    ['/^\\/api\\/v\\d+\\/admin/', '/api/v/*'],
    ['/^\\/.*\\/admin/', '/*'],
    // Unanchored, a leading word matches where a segment starts: Express serves `/admin` with it.
    ['/admin/', '/admin'],
    ['/admin\\/users/i', '/admin/users'],
    ['/internal\\/.*/', '/internal/*'],
    // A segment that is one of a few words reads as a parameter restricted to them.
    ['/^\\/(admin|internal)\\/stats$/', '/:segment(admin|internal)/stats'],
    ['/^\\/(?:admin|ops)\\/.*/', '/:segment(admin|ops)/*'],
    ['/^\\/(a|b)x/', '/*'],
  ])('%s -> %s', (regex, expected) => {
    expect(regexPathOf(regex)).toBe(expected);
  });

  it.each(['/.*admin.*/', '/^(admin|internal)\\//', '/^admin/'])('%s says nothing about segments', (regex) => {
    expect(regexPathOf(regex)).toBeUndefined();
  });
});
