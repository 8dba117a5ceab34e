import { createRequire } from 'node:module';
import type { z as Zod } from 'zod';

let loaded: typeof Zod | undefined;

/**
 * zod, loaded on first use. Importing it costs a process about 100 ms of CPU, which a scan without
 * a config file or a baseline (a pre-commit hook, on many projects) never needs.
 */
export function zod(): typeof Zod {
  loaded ??= (createRequire(import.meta.url)('zod') as { z: typeof Zod }).z;
  return loaded;
}
