import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { NodeHttpExecutor } from 'builder-util/out/nodeHttpExecutor';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyPair, loadPrivateKey } from '../../../../../src/main/platform/crypto/ed25519';
import { VerifiedFeedProvider } from '../../../../../src/main/adapters/electron/verifiedFeedProvider';
import type { VerifiedFeedOptions } from '../../../../../src/main/adapters/electron/verifiedFeedProvider';
import { signFeed, stampFeed } from '../../../../../src/main/platform/updates/signedFeed';
import { fixedClock } from '../../../../../src/shared/time/clock';

// The provider electron-updater uses in the shell, driven here over real HTTP with electron-builder's
// Node executor in place of Electron's net (the Provider code path is electron-updater's own).
const release = generateKeyPair();
const files = new Map<string, Buffer>();
let server: http.Server;
let base: string;
let dir: string;
const SHA512 = createHash('sha512').update('installer').digest('base64');
const FEED_FILE =
  process.platform === 'win32'
    ? 'latest.yml'
    : process.platform === 'darwin'
      ? 'latest-mac.yml'
      : 'latest-linux.yml';

function publish(version: string, sign = true) {
  const yml = `version: ${version}\nfiles:\n  - url: balie-${version}.AppImage\n    sha512: ${SHA512}\n    size: 1234\npath: balie-${version}.AppImage\nsha512: ${SHA512}\nreleaseDate: '2027-01-12T10:04:11.123Z'\n`;
  const stamped = stampFeed(yml, {
    stagingPercentage: 100,
    sequence: 1_800_000_000,
    expires: '2099-01-01T00:00:00.000Z',
  });
  const key = loadPrivateKey(release.privateKeyPem);
  if (!stamped.ok || !key.ok) throw new Error('setup');
  const bytes = Buffer.from(stamped.value);
  files.set(`/feed/${FEED_FILE}`, bytes);
  if (sign) files.set(`/feed/${FEED_FILE}.sig`, Buffer.from(signFeed(bytes, key.value)));
  else files.delete(`/feed/${FEED_FILE}.sig`);
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const body = files.get((req.url ?? '').split('?')[0] ?? '');
    if (!body) return void res.writeHead(404).end();
    res.writeHead(200).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed/`;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'balie-provider-'));
  fs.mkdirSync(path.join(dir, 'keys'));
  fs.writeFileSync(path.join(dir, 'keys', 'release-1.pub.pem'), release.publicKeyPem);
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function provider(now = '2027-01-15T09:00:00Z') {
  const options: VerifiedFeedOptions = {
    provider: 'custom',
    url: base,
    channel: 'latest',
    storeDir: dir,
    releaseKeysDir: path.join(dir, 'keys'),
    updateProvider: VerifiedFeedProvider,
    clock: fixedClock(now),
  };
  const updater = { currentVersion: { version: '0.1.0' } } as unknown as ConstructorParameters<
    typeof VerifiedFeedProvider
  >[1];
  return new VerifiedFeedProvider(options, updater, {
    isUseMultipleRangeRequest: false,
    platform: process.platform as 'linux',
    executor: new NodeHttpExecutor() as unknown as ConstructorParameters<
      typeof VerifiedFeedProvider
    >[2]['executor'],
  });
}

describe('VerifiedFeedProvider (the shell’s electron-updater provider)', () => {
  it('hands electron-updater the release only after the signature verifies, and remembers the feed', async () => {
    publish('0.2.0');
    const info = await provider().getLatestVersion();
    expect(info.version).toBe('0.2.0');
    expect(info.files[0]?.sha512).toBe(SHA512);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'update-feed.json'), 'utf8'))).toMatchObject({
      sequence: 1_800_000_000,
    });
    const resolved = provider().resolveFiles(info);
    expect(resolved[0]?.url.toString()).toBe(`${base}balie-0.2.0.AppImage`);
  });

  it('refuses an unsigned feed with the Dutch text IT and Beheer see', async () => {
    publish('0.3.0', false);
    await expect(provider().getLatestVersion()).rejects.toThrow(
      'Update geweigerd: de updatefeed is niet ondertekend',
    );
  });

  it('judges expiry by the desk clock it is given: a feed past its expiry is refused', async () => {
    publish('0.4.0');
    await expect(provider('2099-01-01T00:00:01Z').getLatestVersion()).rejects.toThrow(/verlopen/);
  });

  it('refuses a downgrade even when it is signed', async () => {
    publish('0.0.9');
    await expect(provider().getLatestVersion()).rejects.toThrow(
      /versie 0\.0\.9 is ouder dan de geïnstalleerde/,
    );
  });
});
