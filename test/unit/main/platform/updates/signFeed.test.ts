import { spawnSync } from 'node:child_process';
import { createPublicKey } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { load as loadYaml } from 'js-yaml';
import { beforeEach, describe, expect, it } from 'vitest';
import { generateKeyPair, loadPrivateKey } from '../../../../../src/main/platform/crypto/ed25519';
import { verifyFeedSignature } from '../../../../../src/main/platform/updates/signedFeed';
import { runCli } from '../../../../helpers/cli';

// A latest.yml as electron-builder 26 writes it for an NSIS build.
const LATEST_YML = `version: 0.2.0
files:
  - url: Lerarenkaart-Balie-Setup-0.2.0.exe
    sha512: 3Qh2k0vT3fX0y9Vm3m8qH2e1v0c8yqz0kQ2n8jQ0o1y2F4n3r6P5s7u9w1y3A5c7e9g1i3k5m7o9q1s3u5w7y9A==
    size: 91234567
path: Lerarenkaart-Balie-Setup-0.2.0.exe
sha512: 3Qh2k0vT3fX0y9Vm3m8qH2e1v0c8yqz0kQ2n8jQ0o1y2F4n3r6P5s7u9w1y3A5c7e9g1i3k5m7o9q1s3u5w7y9A==
releaseDate: '2027-01-12T10:04:11.123Z'
`;

let dir: string;
let feed: string;
let keyFile: string;
let publicPem: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'balie-feed-'));
  feed = path.join(dir, 'latest.yml');
  fs.writeFileSync(feed, LATEST_YML);
  const pair = generateKeyPair();
  keyFile = path.join(dir, 'release.key.pem');
  fs.writeFileSync(keyFile, pair.privateKeyPem, { mode: 0o600 });
  publicPem = pair.publicKeyPem;
  fs.mkdirSync(path.join(dir, 'pinned'));
  fs.writeFileSync(path.join(dir, 'pinned', 'release-1.pub.pem'), publicPem);
});

/** The CLI as the release job runs it, with this test's key pinned (BALIE_RELEASE_KEYS_DIR). */
const signFeedCli = (...extra: string[]) =>
  runCli(['release', 'sign-feed', feed, '--key', keyFile, ...extra], '2027-01-12T11:00:00Z', {
    BALIE_RELEASE_KEYS_DIR: path.join(dir, 'pinned'),
  });

const pinned = () => [createPublicKey(publicPem)];
const signature = () => fs.readFileSync(`${feed}.sig`, 'utf8');

describe('balie release sign-feed', () => {
  it('stamps the rollout, sequence and expiry into latest.yml and signs its exact bytes', async () => {
    const run = await signFeedCli('--staging', '10', '--expires-days', '30');
    expect(run).toMatchObject({ code: 0 });
    const info = loadYaml(fs.readFileSync(feed, 'utf8')) as Record<string, unknown>;
    expect(info).toMatchObject({
      version: '0.2.0',
      path: 'Lerarenkaart-Balie-Setup-0.2.0.exe',
      stagingPercentage: 10,
      sequence: Date.parse('2027-01-12T11:00:00Z') / 1000,
      expires: '2027-02-11T11:00:00.000Z',
    });
    expect((info.files as { size: number }[])[0]?.size).toBe(91234567);
    const verdict = verifyFeedSignature(fs.readFileSync(feed), signature(), pinned());
    expect(verdict.ok).toBe(true);
  });

  it('a feed changed by one byte after signing, or signed by another key, is refused', async () => {
    await signFeedCli();
    const tampered = Buffer.from(
      fs.readFileSync(feed, 'utf8').replace('stagingPercentage: 100', 'stagingPercentage: 900'),
    );
    expect(verifyFeedSignature(tampered, signature(), pinned())).toMatchObject({
      ok: false,
      error: 'feed_signature_invalid',
    });
    const other = createPublicKey(generateKeyPair().publicKeyPem);
    expect(verifyFeedSignature(fs.readFileSync(feed), signature(), [other])).toMatchObject({
      ok: false,
      error: 'feed_key_unknown',
    });
    expect(verifyFeedSignature(fs.readFileSync(feed), null, pinned())).toMatchObject({
      ok: false,
      error: 'feed_signature_missing',
    });
  });

  it('OpenSSL verifies the signature too (no shared code with ours)', async () => {
    await signFeedCli();
    const sig = JSON.parse(signature()) as { signature: string };
    fs.writeFileSync(path.join(dir, 'sig.bin'), Buffer.from(sig.signature, 'base64'));
    fs.writeFileSync(path.join(dir, 'pub.pem'), publicPem);
    const check = spawnSync(
      'openssl',
      [
        'pkeyutl',
        '-verify',
        '-pubin',
        '-inkey',
        'pub.pem',
        '-rawin',
        '-in',
        'latest.yml',
        '-sigfile',
        'sig.bin',
      ],
      { cwd: dir, encoding: 'utf8' },
    );
    expect(check.stdout).toContain('Signature Verified Successfully');
  });

  it('refuses to sign with a key the app does not pin, and signs nothing', async () => {
    const unpinned = await runCli(['release', 'sign-feed', feed, '--key', keyFile], undefined, {
      BALIE_RELEASE_KEYS_DIR: path.join(dir, 'nothing-pinned'),
    });
    expect(unpinned.code).toBe(1);
    expect(unpinned.err).toContain('niet vastgepind');
    expect(fs.readFileSync(feed, 'utf8')).toBe(LATEST_YML);
    expect(fs.existsSync(`${feed}.sig`)).toBe(false);
  });

  it('refuses a key that is not an Ed25519 private key, and a file that is not a feed, in Dutch', async () => {
    fs.writeFileSync(path.join(dir, 'pub.pem'), publicPem);
    const wrongKey = await runCli(
      ['release', 'sign-feed', feed, '--key', path.join(dir, 'pub.pem')],
      undefined,
      {
        BALIE_RELEASE_KEYS_DIR: path.join(dir, 'pinned'),
      },
    );
    expect(wrongKey.code).toBe(1);
    expect(wrongKey.err).toContain('geen leesbare Ed25519-privésleutel');
    fs.writeFileSync(feed, 'hallo: wereld\n');
    const notFeed = await signFeedCli();
    expect(notFeed.code).toBe(1);
    expect(notFeed.err).toContain('geen updatefeed');
    expect(fs.existsSync(`${feed}.sig`)).toBe(false);
    expect(loadPrivateKey(fs.readFileSync(keyFile, 'utf8')).ok).toBe(true);
  });
});
