import { spawnSync } from 'node:child_process';
import { createPublicKey } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { signReportEnvelope } from '../../../../../src/main/useCases/reports/signReport';
import { verifyReportFile } from '../../../../../src/main/useCases/reports/verifyReport';
import { newKeyPair, payloadFor } from '../../../../helpers/reportFixtures';

/**
 * A Python that has the `cryptography` package: the machine's default one, or Debian's (which
 * .ci/run gives python3-cryptography). Neither present means the tests below fail, loudly.
 */
const PYTHON =
  ['python3', '/usr/bin/python3'].find(
    (candidate) => spawnSync(candidate, ['-c', 'import cryptography'], { encoding: 'utf8' }).status === 0,
  ) ?? 'python3';

/**
 * Our envelopes must verify with tools that share no code with ours: OpenSSL 3 (the PAE built
 * here, but signature checking by OpenSSL) and Python's `cryptography` (PAE, base64 and keyid
 * computed in Python from the envelope file alone). Missing tools FAIL these tests, never skip.
 */
const OPENSSL = '/usr/bin/openssl';
const work = mkdtempSync(path.join(tmpdir(), 'lkr-independent-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const key = newKeyPair();
const pubPem = key.publicKey.export({ type: 'spki', format: 'pem' }).toString();
const payload = payloadFor({
  // Non-ASCII in the payload: LEN must be the byte length, not the character count.
  pointName: 'Bibliotheek Zuid — Sint-Amandsberg (Ë)',
});
const { envelope, bytes } = signReportEnvelope(payload, key.privateKey, key.publicKey);

/** The PAE written out independently of src/shared/report/dssePae.ts. */
function paeByHand(payloadType: string, body: Buffer): Buffer {
  const type = Buffer.from(payloadType, 'utf8');
  return Buffer.concat([Buffer.from(`DSSEv1 ${type.length} `), type, Buffer.from(` ${body.length} `), body]);
}

function openssl(dir: string, pae: Buffer, sig: Buffer) {
  writeFileSync(path.join(dir, 'pae.bin'), pae);
  writeFileSync(path.join(dir, 'sig.bin'), sig);
  writeFileSync(path.join(dir, 'pub.pem'), pubPem);
  return spawnSync(
    OPENSSL,
    ['pkeyutl', '-verify', '-pubin', '-inkey', 'pub.pem', '-rawin', '-in', 'pae.bin', '-sigfile', 'sig.bin'],
    { cwd: dir, encoding: 'utf8' },
  );
}

describe('an independent verifier accepts our signed reports', () => {
  it('OpenSSL 3 verifies the Ed25519 signature over the DSSE PAE', () => {
    const body = Buffer.from(envelope.payload, 'base64');
    expect(body.length).toBeGreaterThan(new TextDecoder().decode(body).length); // multi-byte characters present
    const sig = Buffer.from(envelope.signatures[0]?.sig ?? '', 'base64');
    expect(sig).toHaveLength(64);
    const run = openssl(work, paeByHand(envelope.payloadType, body), sig);
    expect(run.error).toBeUndefined();
    expect(run.stdout + run.stderr).toContain('Signature Verified Successfully');
    expect(run.status).toBe(0);
  });

  it('OpenSSL rejects the signature once one payload byte is flipped', () => {
    const body = Buffer.from(envelope.payload, 'base64');
    body[body.length - 2] = (body[body.length - 2] ?? 0) ^ 0x01;
    const dir = mkdtempSync(path.join(work, 'flip-'));
    const run = openssl(
      dir,
      paeByHand(envelope.payloadType, body),
      Buffer.from(envelope.signatures[0]?.sig ?? '', 'base64'),
    );
    expect(run.error).toBeUndefined();
    expect(run.stdout + run.stderr).not.toContain('Signature Verified Successfully');
    expect(run.stdout + run.stderr).toContain('Signature Verification Failure');
    expect(run.status).not.toBe(0);
  });

  it('Python `cryptography` verifies the envelope file: its own PAE, base64 and keyid', () => {
    const dir = mkdtempSync(path.join(work, 'py-'));
    writeFileSync(path.join(dir, 'report.lkr.json'), bytes);
    writeFileSync(path.join(dir, 'pub.pem'), pubPem);
    const script = String.raw`
import base64, hashlib, json, sys
from cryptography.hazmat.primitives.serialization import load_pem_public_key, Encoding, PublicFormat
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
env = json.load(open(sys.argv[1], 'rb'))
pub = load_pem_public_key(open(sys.argv[2], 'rb').read())
assert isinstance(pub, Ed25519PublicKey), type(pub)
body = base64.b64decode(env['payload'], validate=True)
ptype = env['payloadType'].encode('utf-8')
pae = b'DSSEv1 ' + str(len(ptype)).encode() + b' ' + ptype + b' ' + str(len(body)).encode() + b' ' + body
keyid = hashlib.sha256(pub.public_bytes(Encoding.DER, PublicFormat.SubjectPublicKeyInfo)).hexdigest()
sigs = [s for s in env['signatures'] if s['keyid'] == keyid]
assert sigs, 'no signature with keyid ' + keyid
pub.verify(base64.b64decode(sigs[0]['sig'], validate=True), pae)
report = json.loads(body.decode('utf-8'))
assert report['format'] == 'lerarenkaart-report/1'
assert env['payloadType'] == 'application/vnd.lerarenkaart.report+json;version=1'
print('VERIFIED', report['pointId'], report['sequence'], keyid)
`;
    const run = spawnSync(PYTHON, ['-c', script, 'report.lkr.json', 'pub.pem'], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(run.error, 'python3 must be installed').toBeUndefined();
    expect(run.stderr, 'python3 with the cryptography package must verify').toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe(`VERIFIED BIB-GENT 1 ${envelope.signatures[0]?.keyid}`);
  });

  it('Python `cryptography` refuses the envelope once one payload byte is flipped', () => {
    const dir = mkdtempSync(path.join(work, 'pyflip-'));
    const body = Buffer.from(envelope.payload, 'base64');
    body[5] = (body[5] ?? 0) ^ 0x01;
    writeFileSync(
      path.join(dir, 'report.lkr.json'),
      JSON.stringify({ ...envelope, payload: body.toString('base64') }),
    );
    writeFileSync(path.join(dir, 'pub.pem'), pubPem);
    const script = String.raw`
import base64, json, sys
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.serialization import load_pem_public_key
env = json.load(open(sys.argv[1], 'rb'))
pub = load_pem_public_key(open(sys.argv[2], 'rb').read())
body = base64.b64decode(env['payload'])
ptype = env['payloadType'].encode('utf-8')
pae = b'DSSEv1 %d %s %d %s' % (len(ptype), ptype, len(body), body)
try:
    pub.verify(base64.b64decode(env['signatures'][0]['sig']), pae)
    print('ACCEPTED')
except InvalidSignature:
    print('REFUSED')
`;
    const run = spawnSync(PYTHON, ['-c', script, 'report.lkr.json', 'pub.pem'], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('REFUSED');
  });

  it('we verify an envelope that Python signed with its own key and its own PAE', () => {
    const script = String.raw`
import base64, hashlib, json, sys
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
key = Ed25519PrivateKey.generate()
pub = key.public_key()
body = sys.stdin.buffer.read()
ptype = b'application/vnd.lerarenkaart.report+json;version=1'
pae = b'DSSEv1 %d %s %d %s' % (len(ptype), ptype, len(body), body)
env = {
  'payloadType': ptype.decode(),
  'payload': base64.b64encode(body).decode(),
  'signatures': [{
    'keyid': hashlib.sha256(pub.public_bytes(Encoding.DER, PublicFormat.SubjectPublicKeyInfo)).hexdigest(),
    'sig': base64.b64encode(key.sign(pae)).decode(),
  }],
}
print(json.dumps({'envelope': env, 'pem': pub.public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo).decode()}))
`;
    const body = JSON.stringify(payloadFor({ pointId: 'BIB-BRUGGE', pointName: 'Biekorf, Brugge — ë' }));
    const run = spawnSync(PYTHON, ['-c', script], { input: body, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const { envelope: pyEnvelope, pem } = JSON.parse(run.stdout) as { envelope: unknown; pem: string };
    const keys = new Map([['BIB-BRUGGE', [createPublicKey(pem)]]]);
    const result = verifyReportFile(
      'brugge.lkr.json',
      new TextEncoder().encode(JSON.stringify(pyEnvelope)),
      keys,
    );
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.payload.pointName).toBe('Biekorf, Brugge — ë');
  });
});
