import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'content/**/*.test.ts',
      'sync/**/*.test.ts',
      'scripts/**/*.test.ts',
      'kiosk/**/*.test.ts',
      'e2e/bench/**/*.test.ts',
      'fleet/**/*.test.ts',
    ],
    testTimeout: 20_000,
    // Opening a PGlite database and applying the fleet's migrations takes 2–5 s alone and over 10 s on
    // a loaded 2-core machine (seen once, retention.test.ts's beforeAll): a hook has the test's time.
    hookTimeout: 30_000,
  },
});
