import { defineConfig } from '@playwright/test';

// Only the Electron smoke test; run through `node scripts/electron-smoke.mjs`, which builds the shell first.
// eslint-disable-next-line no-restricted-syntax -- Playwright loads the config's default export
export default defineConfig({
  testDir: '.',
  testMatch: /smoke\.spec\.ts$/,
  timeout: 120_000,
  workers: 1,
  reporter: [['list']],
});
