import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  generateKeyPair,
  loadPrivateKey,
  loadPublicKey,
} from '../../../../../src/main/platform/crypto/ed25519';
import { feedUrls, verifyFeed } from '../../../../../src/main/platform/updates/feedCheck';
import { signFeed, stampFeed } from '../../../../../src/main/platform/updates/signedFeed';

// The app's one feed reader on the bytes a release server hands out: what it accepts from
// latest.yml, and what it refuses as unreadable before electron-updater may see it.
const release = generateKeyPair();
const SHA512 = createHash('sha512').update('installer').digest('base64');
const NOW = new Date('2027-01-12T11:00:00Z');

function signed(yml: string): { bytes: Uint8Array; signature: string } {
  const stamped = stampFeed(yml, {
    stagingPercentage: 100,
    sequence: 1,
    expires: '2027-02-11T11:00:00.000Z',
  });
  const key = loadPrivateKey(release.privateKeyPem);
  if (!key.ok) throw new Error('key');
  // A stamp that cannot be added (unreadable YAML) leaves the bytes as they are, signed all the same.
  const bytes = new TextEncoder().encode(stamped.ok ? stamped.value : yml);
  return { bytes, signature: signFeed(bytes, key.value) };
}

function read(yml: string) {
  const pinned = loadPublicKey(release.publicKeyPem);
  if (!pinned.ok) throw new Error('key');
  const { bytes, signature } = signed(yml);
  return verifyFeed(bytes, signature, {
    pinnedKeys: [pinned.value],
    currentVersion: '1.4.0',
    lastAccepted: null,
    now: NOW,
  });
}

const file = (sha512 = SHA512) => `files:\n  - url: Setup.exe\n    sha512: ${sha512}\n    size: 10\n`;

describe('verifyFeed reading latest.yml', () => {
  it('takes the version, the installer and its sha512 as electron-builder writes them', () => {
    expect(
      read(`version: 1.5.0\n${file()}path: Setup.exe\nreleaseDate: '2027-01-12T10:04:11.123Z'\n`),
    ).toMatchObject({
      ok: true,
      feed: { info: { version: '1.5.0', files: [{ url: 'Setup.exe', sha512: SHA512, size: 10 }] } },
    });
  });

  it('refuses a feed that is signed but unreadable as feed_invalid', () => {
    for (const bad of [
      `version: '1.5'\n${file()}`, // not a semantic version
      'version: 1.5.0\nfiles: []\n', // no installer
      `version: 1.5.0\n${file('abc')}`, // not a sha512
      `version: 1.5.0\n${file()}`.replace('size: 10', 'size: -1'),
      'version: [1.5.0\n', // not YAML
    ]) {
      expect(read(bad), bad).toMatchObject({ ok: false, reason: 'feed_invalid' });
    }
  });

  it('refuses a version that semver (and so electron-updater) cannot read, such as 1.5.0-01', () => {
    // The hand-written version pattern used before accepted a leading zero in a prerelease number.
    expect(read(`version: 1.5.0-01\n${file()}`)).toMatchObject({ ok: false, reason: 'feed_invalid' });
    expect(read(`version: 01.5.0\n${file()}`)).toMatchObject({ ok: false, reason: 'feed_invalid' });
    expect(read(`version: 1.5.0-rc.1\n${file()}`)).toMatchObject({ ok: true });
  });

  it('asks for the channel file electron-updater asks for on each platform', () => {
    const base = 'https://updates.example.be/balie';
    expect(feedUrls(base, 'latest', 'win32', 'x64').feed).toBe(`${base}/latest.yml`);
    expect(feedUrls(base, 'beta', 'darwin', 'arm64').feed).toBe(`${base}/beta-mac.yml`);
    expect(feedUrls(base, 'latest', 'linux', 'x64').feed).toBe(`${base}/latest-linux.yml`);
    expect(feedUrls(`${base}/`, 'latest', 'linux', 'arm64')).toEqual({
      feed: `${base}/latest-linux-arm64.yml`,
      signature: `${base}/latest-linux-arm64.yml.sig`,
    });
  });
});
