import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Robustness tests scan 5 MB files, 3000-link chains and import cycles: a second or two alone,
    // several times that on a shared 2-core CI runner while the other packages test beside them.
    // The timeout only catches hangs; speed is measured in tools/bench.
    testTimeout: 30_000,
  },
});
