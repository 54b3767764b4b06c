import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { keyIdOf } from '../../../../../src/main/useCases/reports/keyId';
import { signReportEnvelope } from '../../../../../src/main/useCases/reports/signReport';
import { loadEnrolledKeys, verifyReportFile } from '../../../../../src/main/useCases/reports/verifyReport';
import { newKeyPair, payloadFor } from '../../../../helpers/reportFixtures';

const dir = mkdtempSync(path.join(tmpdir(), 'lkr-enrol-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const pem = (k: { publicKey: KeyObject }) => k.publicKey.export({ type: 'spki', format: 'pem' }).toString();

describe('the issuer loads the enrolled public keys of the points', () => {
  const gentOld = newKeyPair();
  const gentNew = newKeyPair();
  const leuven = newKeyPair();
  const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 });
  writeFileSync(path.join(dir, 'BIB-GENT.pub.pem'), pem(gentOld));
  writeFileSync(path.join(dir, 'BIB-GENT.2027-03-nieuwe-pc.pub.pem'), pem(gentNew));
  writeFileSync(path.join(dir, 'BIB-GENT.kopie.pub.pem'), pem(gentOld)); // same key twice
  writeFileSync(path.join(dir, 'BIB-LEUVEN.pub.pem'), pem(leuven));
  writeFileSync(
    path.join(dir, 'BIB-RSA.pub.pem'),
    rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  );
  writeFileSync(
    path.join(dir, 'BIB-OEPS.pub.pem'),
    leuven.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  );
  writeFileSync(path.join(dir, 'BIB-ROMMEL.pub.pem'), 'dit is geen sleutel');
  writeFileSync(path.join(dir, 'LEESMIJ.txt'), 'niet relevant');

  const { keys, problems } = loadEnrolledKeys(dir);

  it('reads <pointId>.pub.pem and <pointId>.<anything>.pub.pem as keys of that point', () => {
    expect([...keys.keys()].sort()).toEqual(['BIB-GENT', 'BIB-LEUVEN']);
    expect((keys.get('BIB-GENT') ?? []).map(keyIdOf).sort()).toEqual(
      [keyIdOf(gentOld.publicKey), keyIdOf(gentNew.publicKey)].sort(),
    );
  });

  it('lists a non-Ed25519 key, a private key and garbage as problems instead of crashing', () => {
    expect(problems.map((p) => [p.file, p.reason])).toEqual([
      ['BIB-OEPS.pub.pem', 'private_key'],
      ['BIB-ROMMEL.pub.pem', 'not_a_public_key'],
      ['BIB-RSA.pub.pem', 'not_ed25519'],
    ]);
  });

  it('a report signed with the point’s new key verifies with the loaded keys', () => {
    const { bytes } = signReportEnvelope(payloadFor(), gentNew.privateKey, gentNew.publicKey);
    expect(verifyReportFile('r.lkr.json', bytes, keys).ok).toBe(true);
  });

  it('a missing folder is a problem, not an exception', () => {
    const result = loadEnrolledKeys(path.join(dir, 'bestaat-niet'));
    expect(result.keys.size).toBe(0);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]?.reason).toBe('unreadable');
  });
});
