import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // These tests run whole programs (the accuracy report over the corpus, the action's script, the
    // benchmark generator). On a shared 2-core CI runner one can take many seconds, so the timeout
    // only catches hangs, not slowness.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
