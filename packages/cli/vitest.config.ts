import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // These tests start real processes (git, the shiftguard executable, git hooks, the SARIF
    // Multitool). On a shared 2-core CI runner one such step can take seconds, so a timeout only
    // catches hangs here, not slowness.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
