#!/usr/bin/env node
// The one test command (README, CI): typecheck, lint, then the suites, in a time zone far from
// Brussels so any date computed in local time instead of Europe/Brussels shows up as a failure.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const env = { ...process.env, TZ: 'America/Anchorage', FORCE_COLOR: process.env.CI ? '0' : '1' };
const steps = [
  ['typecheck', 'npx', ['tsc', '-b']],
  ['lint', 'npx', ['eslint', '.', '--max-warnings', '0']],
  ['electron security scan', 'node', ['scripts/security-scan.mjs']],
  [
    'unit+integration',
    'npx',
    ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json'],
  ],
  ['end-to-end (Chromium)', 'npx', ['playwright', 'test']],
  ['electron smoke', 'node', ['scripts/electron-smoke.mjs']],
];

let passed = 0;
let failed = 0;
let skipped = 0;
fs.rmSync('test-results', { recursive: true, force: true });
console.log(`Node ${process.version} (Electron 45 embeds Node 24)`);
for (const [name, cmd, args] of steps) {
  if (name === 'electron smoke' && !fs.existsSync('scripts/electron-smoke.mjs')) continue;
  console.log(`\n=== ${name} ===`);
  const run = spawnSync(cmd, args, { stdio: 'inherit', env });
  if (name === 'unit+integration' && fs.existsSync('test-results/vitest.json')) {
    const report = JSON.parse(fs.readFileSync('test-results/vitest.json', 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    skipped += report.numPendingTests + report.numTodoTests;
  }
  if (name.startsWith('end-to-end') && fs.existsSync('test-results/playwright.json')) {
    const stats = JSON.parse(fs.readFileSync('test-results/playwright.json', 'utf8')).stats;
    passed += stats.expected + stats.flaky;
    failed += stats.unexpected;
    skipped += stats.skipped;
  }
  if (run.status !== 0) {
    console.log(`\n${name} failed (exit ${run.status}).`);
    console.log(`tests: ${passed} passed, ${Math.max(failed, 1)} failed, ${skipped} skipped`);
    process.exit(1);
  }
}
console.log(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
