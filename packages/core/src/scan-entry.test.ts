import { describe, expect, it } from 'vitest';
import * as main from './index.js';
import * as scan from './scan-entry.js';

describe('@shiftguard/core/scan', () => {
  it('exports the same values as the main entry, so errors thrown by one are instances of the other', () => {
    for (const [name, value] of Object.entries(scan)) expect(main[name as keyof typeof main], name).toBe(value);
  });
});
