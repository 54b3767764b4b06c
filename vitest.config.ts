import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Only unit/integration tests; Playwright specs live in test/e2e and run separately.
    include: ['test/unit/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
