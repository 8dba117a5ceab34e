/**
 * A seeded PRNG (mulberry32): the generator must produce byte-identical output for a seed, on every
 * machine and Node version, so `Math.random` is never used.
 * @typedef {{
 *   next(): number, int(min: number, max: number): number, pick<T>(items: readonly T[]): T,
 *   chance(p: number): boolean, sample<T>(items: readonly T[], n: number): T[]
 * }} Rng
 * @param {number} seed
 * @returns {Rng}
 */
export function createRng(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (/** @type {number} */ min, /** @type {number} */ max) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: (items) => /** @type {any} */ (items[Math.floor(next() * items.length)]), // index is always in range
    chance: (p) => next() < p,
    sample(items, n) {
      const pool = [...items];
      for (let i = pool.length - 1; i > 0; i--) {
        const j = int(0, i);
        [pool[i], pool[j]] = [/** @type {any} */ (pool[j]), /** @type {any} */ (pool[i])]; // swap of in-range slots
      }
      return pool.slice(0, n);
    },
  };
}
