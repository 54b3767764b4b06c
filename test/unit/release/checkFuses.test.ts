import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// scripts/check-fuses.mjs reads the fuse wire back from a packaged binary with @electron/fuses.
// Here the binary is a stand-in with a real fuse wire (sentinel, version 1, length, states), laid
// out the way Electron's binary holds it, in the folder electron-builder leaves (linux-unpacked).
const ROOT = path.resolve(import.meta.dirname, '../../..');
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const ON = 49;
const OFF = 48;
// RunAsNode, CookieEncryption, NodeOptions, Inspect, AsarIntegrity, OnlyAsar, V8Snapshot, FileProtocol, WasmTrap
const RELEASE_WIRE = [OFF, ON, OFF, OFF, ON, ON, OFF, OFF, ON];

function fakeRelease(wire: number[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'balie-fuses-'));
  fs.mkdirSync(path.join(dir, 'linux-unpacked'));
  const bytes = Buffer.concat([
    Buffer.alloc(4096, 0x90),
    Buffer.from(SENTINEL),
    Buffer.from([1, wire.length, ...wire]),
    Buffer.alloc(4096, 0x90),
  ]);
  fs.writeFileSync(path.join(dir, 'linux-unpacked', 'lerarenkaart-balie'), bytes);
  return dir;
}

const check = (dir: string) =>
  spawnSync(process.execPath, [path.join(ROOT, 'scripts/check-fuses.mjs'), dir], { encoding: 'utf8' });

describe.runIf(process.platform === 'linux')('check-fuses on a packaged release binary', () => {
  it('passes when every fuse in the binary is as electron-builder.yml sets it', () => {
    const run = check(fakeRelease(RELEASE_WIRE));
    expect(run.stdout).toContain('all 8 fuses as configured');
    expect(run.status).toBe(0);
  });

  it('fails and names the fuse when the inspect arguments are left on (a test build shipped as a release)', () => {
    const wire = [...RELEASE_WIRE];
    wire[3] = ON;
    const run = check(fakeRelease(wire));
    expect(run.stdout).toContain('WRONG enableNodeCliInspectArguments: true (want false)');
    expect(run.status).toBe(1);
  });

  it('fails when there is no packaged app at all', () => {
    const run = check(fs.mkdtempSync(path.join(os.tmpdir(), 'balie-fuses-empty-')));
    expect(run.stderr).toContain('no packaged app found');
    expect(run.status).toBe(1);
  });
});
