/**
 * `npm run bench:feed`: how long a desk spends verifying the update feed before electron-updater
 * may download — the full check (signature over the exact bytes, YAML parse, schema, version,
 * freshness, expiry) against the floor of a bare Ed25519 verify of the same bytes, same run.
 */
import { createHash, createPublicKey, verify } from 'node:crypto';
import { generateKeyPair, loadPrivateKey } from '../src/main/platform/crypto/ed25519';
import { verifyFeed } from '../src/main/platform/updates/feedCheck';
import { signFeed, stampFeed } from '../src/main/platform/updates/signedFeed';

const RUNS = 2_000;
const sha512 = createHash('sha512').update('installer').digest('base64');
const yml = `version: 1.5.0
files:
  - url: Lerarenkaart-Balie-Setup-1.5.0.exe
    sha512: ${sha512}
    size: 98765432
  - url: Lerarenkaart-Balie-1.5.0.msi
    sha512: ${sha512}
    size: 99123456
path: Lerarenkaart-Balie-Setup-1.5.0.exe
sha512: ${sha512}
releaseDate: '2027-01-05T08:00:00.000Z'
`;
const pair = generateKeyPair();
const key = loadPrivateKey(pair.privateKeyPem);
const stamped = stampFeed(yml, { stagingPercentage: 10, sequence: 1_799_913_600, expires: '2099-01-01T00:00:00.000Z' });
if (!key.ok || !stamped.ok) throw new Error('bench setup failed');
const bytes = new TextEncoder().encode(stamped.value);
const sigText = signFeed(bytes, key.value);
const pinned = [createPublicKey(pair.publicKeyPem)];
const rawSig = Buffer.from((JSON.parse(sigText) as { signature: string }).signature, 'base64');

function median(run: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    run();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)] ?? NaN;
}

const input = { pinnedKeys: pinned, currentVersion: '1.4.2', lastAccepted: null, now: new Date('2027-01-06T08:00:00Z') };
const ours = median(() => {
  if (!verifyFeed(bytes, sigText, input).ok) throw new Error('feed refused');
});
const floor = median(() => {
  if (!verify(null, bytes, pinned[0]!, rawSig)) throw new Error('bad signature');
});
console.log(`update feed verification (${bytes.length} bytes, median of ${RUNS}):`);
console.log(`  full check ${ours.toFixed(3)} ms   bare Ed25519 verify ${floor.toFixed(3)} ms   ratio ${(ours / floor).toFixed(2)}x`);
