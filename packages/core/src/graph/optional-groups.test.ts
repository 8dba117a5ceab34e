import { describe, expect, it } from 'vitest';
import { pathAlternatives } from './optional-groups.js';

describe('pathAlternatives: Express 5 optional groups', () => {
  it.each([
    ['/admin', ['/admin']],
    ['/admin{/*splat}', ['/admin', '/admin/*splat']],
    ['/admin{/:section}', ['/admin', '/admin/:section']],
    ['/{:locale/}admin', ['/admin', '/:locale/admin']],
    ['/admin/{*rest}', ['/admin/', '/admin/*rest']],
    ['/a{/b{/c}}', ['/a', '/a/b', '/a/b/c']],
    ['/files{/:name}?', ['/files', '/files/:name']],
    ['/broken{', ['/broken{']],
  ])('%s', (path, alternatives) => {
    expect(pathAlternatives(path)).toEqual(alternatives);
  });
});
