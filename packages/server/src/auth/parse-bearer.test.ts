import { describe, expect, it } from 'vitest';
import { parseBearer } from './parse-bearer.js';

describe('parseBearer', () => {
  it.each([
    ['Bearer abc.def-123_~+/=', 'abc.def-123_~+/='],
    ['bearer abc', 'abc'],
    ['BEARER   abc', 'abc'],
  ])('%s → %s', (header, token) => expect(parseBearer(header)).toBe(token));

  it.each([undefined, '', 'Bearer', 'Bearer ', 'Bearer\tabc', 'Bearer abc def', 'Bearerabc', 'Basic abc', 'Bearer a"b', 'Bearer ==abc'])('%s is not a bearer credential', (header) =>
    expect(parseBearer(header)).toBeUndefined(),
  );
});
