import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { generateKeyPair, loadPrivateKey } from '../../../../../src/main/platform/crypto/ed25519';
import { signFeed, stampFeed } from '../../../../../src/main/platform/updates/signedFeed';
import { runCli } from '../../../../helpers/cli';

// `balie update check` against real feeds served from 127.0.0.1: good, tampered, unsigned,
// signed by a stranger, a downgrade, a replayed older feed, an expired one, and no server at all.
const NOW = '2027-01-12T11:00:00Z';
const MACHINE_IN = '00000000-0000-4000-8000-000000000000'; // bucket 0: inside any rollout
const MACHINE_OUT = '00000000-0000-4000-8000-0000fffffffe'; // bucket 99.99: outside 50 %

const SHA512 = createHash('sha512').update('the installer bytes').digest('base64');

function latestYml(version: string) {
  return `version: ${version}
files:
  - url: Lerarenkaart-Balie-Setup-${version}.exe
    sha512: ${SHA512}
    size: 91234567
path: Lerarenkaart-Balie-Setup-${version}.exe
sha512: ${SHA512}
releaseDate: '2027-01-12T10:04:11.123Z'
`;
}

const release = generateKeyPair();
const stranger = generateKeyPair();
const files = new Map<string, Buffer>();
let server: http.Server;
let base: string;
let dir: string;

function publish(
  channelDir: string,
  opts: {
    version?: string;
    staging?: number;
    sequence?: number;
    expires?: string;
    key?: string;
    sign?: boolean;
  } = {},
) {
  const stamped = stampFeed(latestYml(opts.version ?? '0.2.0'), {
    stagingPercentage: opts.staging ?? 100,
    sequence: opts.sequence ?? 1_800_000_000,
    expires: opts.expires ?? '2027-02-11T11:00:00.000Z',
  });
  if (!stamped.ok) throw new Error('stamp');
  const bytes = Buffer.from(stamped.value);
  files.set(`/${channelDir}/latest.yml`, bytes);
  const key = loadPrivateKey(opts.key ?? release.privateKeyPem);
  if (!key.ok) throw new Error('key');
  if (opts.sign !== false)
    files.set(`/${channelDir}/latest.yml.sig`, Buffer.from(signFeed(bytes, key.value)));
  return bytes;
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const body = files.get(req.url ?? '');
    if (!body) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/yaml' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'balie-update-'));
  fs.mkdirSync(path.join(dir, 'pinned'));
  fs.writeFileSync(path.join(dir, 'pinned', 'release-1.pub.pem'), release.publicKeyPem);
});

async function check(feedDir: string, ...extra: string[]) {
  const run = await runCli(
    [
      'update',
      'check',
      '--feed',
      `${base}/${feedDir}/`,
      '--json',
      '--platform',
      'win32',
      '--current',
      '0.1.0',
      '--db',
      path.join(dir, 'balie.sqlite'),
      ...extra,
    ],
    NOW,
    { BALIE_RELEASE_KEYS_DIR: path.join(dir, 'pinned'), BALIE_POLICY_FILE: path.join(dir, 'no-policy.json') },
  );
  return { code: run.code, json: JSON.parse(run.out.trim()) as Record<string, unknown>, err: run.err };
}

describe('balie update check', () => {
  it('a good signed feed with a newer version, this machine inside the rollout: update', async () => {
    publish('good', { staging: 50 });
    const { code, json } = await check('good', '--machine-id', MACHINE_IN);
    expect(json).toEqual({
      verdict: 'update',
      reason: 'newer_in_rollout',
      version: '0.2.0',
      stagingBucket: 0,
      installWindow: null,
    });
    expect(code).toBe(0);
  });

  it('outside the staged rollout: not now, exit 0', async () => {
    publish('staged', { staging: 50 });
    const { code, json } = await check('staged', '--machine-id', MACHINE_OUT);
    expect(json).toMatchObject({ verdict: 'not-now', reason: 'outside_rollout', stagingBucket: 99.99 });
    expect(code).toBe(0);
  });

  it('the same version: up to date', async () => {
    publish('same', { version: '0.1.0' });
    expect((await check('same')).json).toMatchObject({ verdict: 'up-to-date', reason: 'same_version' });
  });

  it.each([
    ['tampered', 'signature_invalid'],
    ['unsigned', 'signature_missing'],
    ['stranger', 'key_unknown'],
    ['downgrade', 'downgrade'],
    ['expired', 'feed_expired'],
  ])('a %s feed is refused (%s), exit 1', async (kind, reason) => {
    if (kind === 'tampered') {
      const bytes = publish(kind);
      files.set(
        `/${kind}/latest.yml`,
        Buffer.from(bytes.toString().replace('size: 91234567', 'size: 91234568')),
      );
    } else if (kind === 'unsigned') publish(kind, { sign: false });
    else if (kind === 'stranger') publish(kind, { key: stranger.privateKeyPem });
    else if (kind === 'downgrade') publish(kind, { version: '0.0.9' });
    else publish(kind, { expires: '2027-01-01T00:00:00.000Z' });
    const { code, json } = await check(kind);
    expect(json).toMatchObject({ verdict: 'refused', reason });
    expect(code).toBe(1);
  });

  it('a replayed feed older than the last one this installation accepted is refused as stale', async () => {
    fs.writeFileSync(
      path.join(dir, 'update-feed.json'),
      JSON.stringify({ sequence: 1_900_000_000, releaseDate: null }),
    );
    publish('replayed', { sequence: 1_800_000_000 });
    const { code, json } = await check('replayed');
    expect(json).toMatchObject({ verdict: 'refused', reason: 'feed_stale' });
    expect(code).toBe(1);
  });

  it('no server: unreachable, exit 0 (the desk tries again later); the text is Dutch', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const run = await runCli(
      [
        'update',
        'check',
        '--feed',
        `http://127.0.0.1:${port}/`,
        '--current',
        '0.1.0',
        '--db',
        path.join(dir, 'x.sqlite'),
      ],
      NOW,
      {
        BALIE_RELEASE_KEYS_DIR: path.join(dir, 'pinned'),
        BALIE_POLICY_FILE: path.join(dir, 'no-policy.json'),
      },
    );
    expect(run.code).toBe(0);
    expect(run.out).toContain('De updateserver is niet bereikbaar');
  });

  it('this build pins no release key yet, so every feed is refused', async () => {
    publish('nokey');
    const run = await runCli(
      [
        'update',
        'check',
        '--feed',
        `${base}/nokey/`,
        '--json',
        '--current',
        '0.1.0',
        '--db',
        path.join(dir, 'y.sqlite'),
      ],
      NOW,
      {
        BALIE_POLICY_FILE: path.join(dir, 'no-policy.json'),
      },
    );
    expect(JSON.parse(run.out)).toMatchObject({ verdict: 'refused', reason: 'no_pinned_key' });
    expect(run.code).toBe(1);
  });
});
