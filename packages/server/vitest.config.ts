import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Test files run one at a time: the fault tests measure "503 within 1 s" and Redis timeouts,
    // which CPU contention from parallel files on a 2-core CI machine would turn into noise.
    fileParallelism: false,
    // Several tests start Redis, child processes or worker threads; generous limits for loaded CI.
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
