#!/usr/bin/env node
// Runs the Playwright _electron smoke test (test/electron/smoke.spec.ts) where an Electron binary
// exists; otherwise prints exactly "skipped: Electron binary not available" and exits 0.
// Never require('electron') here: that would try to download the binary.
// Where it runs, better-sqlite3 must be built for Electron (a separate build-machine checkout).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const SKIP_LINE = 'skipped: Electron binary not available';

function electronBinary() {
  const pkg = path.join(root, 'node_modules', 'electron');
  let relative;
  try {
    relative = fs.readFileSync(path.join(pkg, 'path.txt'), 'utf8').trim();
  } catch {
    return null;
  }
  const base = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(pkg, 'dist');
  const file = path.join(base, relative);
  return relative && fs.existsSync(file) ? file : null;
}

if (!electronBinary()) {
  console.log(SKIP_LINE);
  process.exit(0);
}

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
run(process.execPath, ['scripts/build-electron.mjs']);
if (!fs.existsSync(path.join(root, 'dist', 'renderer', 'index.html')))
  run('npx', ['vite', 'build', '--logLevel', 'warn']);
run('npx', [
  'playwright',
  'test',
  '--config',
  'test/electron/playwright.config.ts',
  ...process.argv.slice(2),
]);
