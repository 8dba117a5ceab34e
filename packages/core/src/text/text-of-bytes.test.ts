import { describe, expect, it } from 'vitest';
import { textOfBytes } from './text-of-bytes.js';

describe('textOfBytes', () => {
  it('reads ASCII and UTF-8 alike', () => {
    for (const text of ['', 'src/app.ts\0', 'src/café/ünïcode.ts', '日本語/ルート.ts']) expect(textOfBytes(Buffer.from(text))).toBe(text);
  });
});
