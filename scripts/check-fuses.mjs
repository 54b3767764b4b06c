#!/usr/bin/env node
// Reads the Electron fuses back from a packaged release binary and compares them with
// electron-builder.yml's electronFuses: proof that the shipped binary, not just the config, is locked.
// Usage: node scripts/check-fuses.mjs DIR   (DIR = electron-builder's output folder, e.g. release)
import fs from 'node:fs';
import path from 'node:path';
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { load } from 'js-yaml';

const root = path.resolve(import.meta.dirname, '..');
const out = path.resolve(process.argv[2] ?? 'release');
const config = load(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8'));
const wanted = config.electronFuses;

/** The unpacked executable electron-builder leaves next to the installers, per OS. */
function packagedBinary(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const sub = path.join(dir, entry.name);
    if (/^(linux|win)(-\w+)?-unpacked$/.test(entry.name)) {
      const exe = path.join(sub, `${config.executableName}${process.platform === 'win32' ? '.exe' : ''}`);
      if (fs.existsSync(exe)) return exe;
    }
    if (/^mac(-\w+)?$/.test(entry.name)) {
      const app = path.join(sub, `${config.productName}.app`);
      if (fs.existsSync(app)) return app;
    }
  }
  return null;
}

const binary = packagedBinary(out);
if (!binary) {
  console.error(`check-fuses: no packaged app found in ${out}`);
  process.exit(1);
}
const wire = await getCurrentFuseWire(binary);
let wrong = 0;
for (const [name, index] of Object.entries(FuseV1Options)) {
  if (typeof index !== 'number') continue;
  const key = name[0].toLowerCase() + name.slice(1);
  if (!(key in wanted)) continue;
  const actual = wire[index] === FuseState.ENABLE ? true : wire[index] === FuseState.DISABLE ? false : String(wire[index]);
  const ok = actual === wanted[key];
  if (!ok) wrong++;
  console.log(`${ok ? 'ok   ' : 'WRONG'} ${key}: ${actual} (want ${wanted[key]})`);
}
if (wrong > 0) {
  console.error(`check-fuses: ${wrong} fuse(s) differ from electron-builder.yml in ${binary}`);
  process.exit(1);
}
console.log(`check-fuses: all ${Object.keys(wanted).length} fuses as configured in ${path.relative(root, binary)}`);
