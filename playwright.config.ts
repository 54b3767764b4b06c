import { defineConfig } from '@playwright/test';

/** End-to-end tests in Debian's Chromium against `start:web` (no browser download, ever). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/e2e',
  // Generous bounds, never durations asserted: the suite must pass with both cores busy.
  timeout: 120_000,
  expect: { timeout: 20_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  globalSetup: './test/e2e/globalSetup.ts',
  use: {
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1280, height: 900 },
    locale: 'nl-BE',
    timezoneId: 'America/Anchorage',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.BALIE_CHROMIUM ?? '/usr/bin/chromium',
      args: [...CHROMIUM_ARGS, '--headless'],
    },
  },
});
