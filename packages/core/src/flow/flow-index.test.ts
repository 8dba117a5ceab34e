import { describe, expect, it } from 'vitest';
import { unredacted } from './flow-index.js';
import type { SecretItem } from './taint.js';

const secretAt = (path: string[], container?: SecretItem['container']): SecretItem => ({ k: 'secret', label: path.join('.'), path, trace: [], ...(container && { container }) });

describe('unredacted (pino redact paths)', () => {
  it('drops a secret at a covered path, keeps the others', () => {
    const kept = unredacted([secretAt(['password']), secretAt(['token'])], ['password']);
    expect(kept.map((s) => s.label)).toEqual(['token']);
  });

  it('covers everything under a redacted object', () => {
    expect(unredacted([secretAt(['req', 'headers', 'authorization'])], ['req.headers'])).toEqual([]);
  });

  it('matches wildcards and bracket notation', () => {
    expect(unredacted([secretAt(['user', 'token'])], ['*.token'])).toEqual([]);
    expect(unredacted([secretAt(['headers', 'x-api-key'])], ['headers["x-api-key"]'])).toEqual([]);
  });

  it('never covers a secret logged as the whole first argument', () => {
    expect(unredacted([secretAt([])], ['password', '*'])).toHaveLength(1);
  });

  it('drops a whole headers object once its authorization entry is redacted', () => {
    expect(unredacted([secretAt(['req', 'headers'], 'headers')], ['req.headers.cookie'])).toHaveLength(1);
    expect(unredacted([secretAt(['req', 'headers'], 'headers')], ['req.headers.authorization'])).toEqual([]);
  });
});
