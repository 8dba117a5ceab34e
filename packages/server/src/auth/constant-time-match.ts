import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Compares a presented secret with every configured one in constant time: both sides are hashed to
 * a fixed length first (so length leaks nothing) and every candidate is compared (no early exit).
 * Returns the index of the match, or -1.
 */
export function createConstantTimeMatcher(secrets: readonly string[]): (presented: string) => number {
  const digests = secrets.map(digest);
  return (presented) => {
    const candidate = digest(presented);
    let match = -1;
    for (const [index, known] of digests.entries()) {
      if (timingSafeEqual(known, candidate) && match === -1) match = index;
    }
    return match;
  };
}
