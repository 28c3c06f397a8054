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
  },
});
