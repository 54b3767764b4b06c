import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  countCsvDataRows,
  decodeSignature,
  readBatchPackage,
} from '../../../../../src/main/useCases/import/readPackage';
import type { VerifiedPackage } from '../../../../../src/main/useCases/import/readPackage';
import { inflateWhole } from '../../../../../src/main/platform/zip/readZip';
import Database from 'better-sqlite3';
import { cardsProblems, stageCards } from '../../../../../src/main/useCases/import/stageCards';
import {
  generateKeyPair,
  loadPublicKey,
  sha256Hex,
  signEd25519,
} from '../../../../../src/main/platform/crypto/ed25519';
import { writeZip } from '../../../../../src/main/platform/zip/writeZip';
import {
  CARDS_HEADER,
  FIXTURE_PACKAGES,
  SAMPLE_CARDS_CSV,
  makeTestPackage,
  testIssuerKeys,
  testReadOptions,
} from '../../../../helpers/packages';
import { rawZip } from '../../../../helpers/rawZip';

const encode = (s: string) => new TextEncoder().encode(s);
const CARDS = encode(SAMPLE_CARDS_CSV);

function baseManifest(
  files: Record<string, { sha256: string; rows: number }> = {
    'cards.csv': { sha256: sha256Hex(CARDS), rows: 3 },
  },
) {
  return {
    format: 'lerarenkaart-batch/1',
    batchId: '2027-BIB-GENT-01',
    pointId: 'BIB-GENT',
    pointName: 'Testbibliotheek',
    cardYear: 2027,
    issuedAt: '2026-10-15T09:30:00+02:00',
    availableFrom: '2026-11-01',
    availableUntil: '2027-06-30',
    files,
  };
}

/** A package around hand-written manifest bytes, signed with the test key unless `sig` is given. */
function packageWith(
  manifest: unknown,
  entries: Record<string, Uint8Array> = { 'cards.csv': CARDS },
  sig?: string | null,
): Uint8Array {
  const manifestBytes = encode(typeof manifest === 'string' ? manifest : JSON.stringify(manifest, null, 2));
  const all: Record<string, Uint8Array> = { 'manifest.json': manifestBytes };
  if (sig === undefined) {
    const signature = signEd25519(testIssuerKeys().privateKey, manifestBytes);
    all['manifest.sig'] = encode(`${Buffer.from(signature).toString('base64')}\n`);
  } else if (sig !== null) all['manifest.sig'] = encode(sig);
  return writeZip({ ...all, ...entries });
}

/** cards.csv of a verified package, inflated (the importer streams it instead). */
function cardsOf(pkg: VerifiedPackage): Uint8Array {
  const data = inflateWhole(pkg.source, pkg.cards);
  if (!data.ok) throw new Error('cards.csv does not inflate');
  return data.value;
}

/** Problems of the whole package check: readBatchPackage, then cards.csv streamed as the importer does. */
function problemsAfterStaging(bytes: Uint8Array, options: ReturnType<typeof testReadOptions>) {
  const result = readBatchPackage(bytes, options);
  if (!result.ok) return result.problems;
  const db = new Database(':memory:');
  try {
    const staged = stageCards(db, 'staging', result.value.source, result.value.cards);
    if (!staged.ok) return [staged.problem];
    return cardsProblems(result.value.manifest, staged.staged);
  } finally {
    db.close();
  }
}

function problemsOf(result: ReturnType<typeof readBatchPackage>) {
  if (result.ok) throw new Error('expected the package to be refused');
  expect(result.error).toBe('invalid_package');
  return result.problems;
}

describe('importing the fixture packages', () => {
  it('accepts gent-small.lkb for BIB-GENT with a valid signature', () => {
    const bytes = new Uint8Array(readFileSync(FIXTURE_PACKAGES.gentSmall));
    const result = readBatchPackage(bytes, testReadOptions('BIB-GENT'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.signature).toBe('valid');
    expect(result.value.manifest).toMatchObject({
      pointId: 'BIB-GENT',
      batchId: '2027-BIB-GENT-01',
      cardYear: 2027,
    });
    expect(result.value.manifest.files['cards.csv']?.rows).toBe(60);
    expect(result.value.packageSha256).toBe(sha256Hex(bytes));
    expect(sha256Hex(cardsOf(result.value))).toBe(result.value.manifest.files['cards.csv']?.sha256);
    expect(result.value.points?.rows.length).toBeGreaterThan(0);
  });

  it('accepts letterenhuis.lkb (3,000 cards) for LETTERENHUIS', () => {
    const result = readBatchPackage(
      readFileSync(FIXTURE_PACKAGES.letterenhuis),
      testReadOptions('LETTERENHUIS'),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.manifest.files['cards.csv']?.rows).toBe(3000);
    expect(countCsvDataRows(cardsOf(result.value))).toBe(3000);
  });

  it('refuses gent-bad-signature.lkb with only the signature problem', () => {
    const problems = problemsOf(
      readBatchPackage(readFileSync(FIXTURE_PACKAGES.gentBadSignature), testReadOptions('BIB-GENT')),
    );
    expect(problems).toEqual([{ code: 'signature_invalid', severity: 'error', file: 'manifest.sig' }]);
  });

  it('refuses a package for another point, naming both points', () => {
    const problems = problemsOf(
      readBatchPackage(readFileSync(FIXTURE_PACKAGES.letterenhuis), testReadOptions('BIB-GENT')),
    );
    expect(problems).toEqual([
      {
        code: 'point_mismatch',
        severity: 'error',
        file: 'manifest.json',
        value: 'LETTERENHUIS',
        expected: 'BIB-GENT',
      },
    ]);
  });

  it('accepts the bad-signature fixture only through the administrator override', () => {
    const result = readBatchPackage(
      readFileSync(FIXTURE_PACKAGES.gentBadSignature),
      testReadOptions('BIB-GENT', { allowUnsigned: true }),
    );
    expect(result.ok && result.value.signature).toBe('unsigned_override');
  });
});

describe('trust: the signature comes first', () => {
  it('accepts a package made by writeBatchPackage and signed with the test key', () => {
    const result = readBatchPackage(makeTestPackage(), testReadOptions());
    expect(result.ok && result.value.signature).toBe('valid');
    expect(result.ok && result.value.points).toBeNull();
  });

  it('refuses a package signed by another issuer', () => {
    const other = generateKeyPair();
    const problems = problemsOf(
      readBatchPackage(makeTestPackage({ privateKeyPem: other.privateKeyPem }), testReadOptions()),
    );
    expect(problems.map((p) => p.code)).toEqual(['signature_invalid']);
  });

  it('reports only the signature when a wrongly signed package also has wrong files and point', () => {
    const bytes = makeTestPackage({
      pointId: 'BIB-ELDERS',
      tamper: { rowsDelta: 5, flipSignatureBit: true },
    });
    expect(problemsOf(readBatchPackage(bytes, testReadOptions()))).toEqual([
      { code: 'signature_invalid', severity: 'error', file: 'manifest.sig' },
    ]);
  });

  it('refuses a package without manifest.sig, unless the administrator overrides', () => {
    const unsigned = makeTestPackage({ signed: false });
    expect(problemsOf(readBatchPackage(unsigned, testReadOptions()))).toEqual([
      { code: 'zip_entry_missing', severity: 'error', file: 'manifest.sig' },
    ]);
    const result = readBatchPackage(unsigned, testReadOptions('BIB-GENT', { allowUnsigned: true }));
    expect(result.ok && result.value.signature).toBe('unsigned_override');
  });

  it('still checks files and point when the override lets an unsigned package through', () => {
    const unsigned = makeTestPackage({ signed: false, pointId: 'BIB-ELDERS', tamper: { rowsDelta: 1 } });
    const problems = problemsOf(
      readBatchPackage(unsigned, testReadOptions('BIB-GENT', { allowUnsigned: true })),
    );
    expect(problems.map((p) => p.code)).toEqual(['point_mismatch']);
    const forThisPoint = makeTestPackage({ signed: false, tamper: { rowsDelta: 1 } });
    const rows = problemsAfterStaging(forThisPoint, testReadOptions('BIB-GENT', { allowUnsigned: true }));
    expect(rows.map((p) => p.code)).toEqual(['file_rows']);
  });

  it('reports a correctly signed package as valid even when the override is on', () => {
    const result = readBatchPackage(makeTestPackage(), testReadOptions('BIB-GENT', { allowUnsigned: true }));
    expect(result.ok && result.value.signature).toBe('valid');
  });

  it('refuses every package when no issuer key is configured, saying which setting is missing', () => {
    const problems = problemsOf(
      readBatchPackage(makeTestPackage(), testReadOptions('BIB-GENT', { issuerPublicKey: null })),
    );
    expect(problems).toEqual([
      { code: 'signature_invalid', severity: 'error', file: 'manifest.sig', expected: 'issuerPublicKey' },
    ]);
    const overridden = readBatchPackage(
      makeTestPackage(),
      testReadOptions('BIB-GENT', { issuerPublicKey: null, allowUnsigned: true }),
    );
    expect(overridden.ok && overridden.value.signature).toBe('unsigned_override');
  });

  it.each([
    ['not base64', 'dit is geen handtekening!'],
    ['base64 without padding', Buffer.alloc(64, 7).toString('base64').replace(/=+$/, '')],
    ['63 bytes', Buffer.alloc(63, 7).toString('base64')],
    ['65 bytes', Buffer.alloc(65, 7).toString('base64')],
    ['base64url alphabet', Buffer.alloc(64, 0xfb).toString('base64url') + '=='],
    ['empty', ''],
    ['two newlines', `${Buffer.alloc(64, 7).toString('base64')}\n\n`],
  ])('refuses a signature file that is %s as wrongly encoded', (_label, sig) => {
    const problems = problemsOf(
      readBatchPackage(packageWith(baseManifest(), undefined, sig), testReadOptions()),
    );
    expect(problems).toEqual([
      { code: 'signature_encoding', severity: 'error', file: 'manifest.sig', expected: 'base64, 64 bytes' },
    ]);
  });

  it('accepts the signature with CRLF, LF or no line end', () => {
    const manifestBytes = encode(JSON.stringify(baseManifest()));
    const b64 = Buffer.from(signEd25519(testIssuerKeys().privateKey, manifestBytes)).toString('base64');
    for (const sig of [b64, `${b64}\n`, `${b64}\r\n`]) {
      const result = readBatchPackage(
        packageWith(JSON.stringify(baseManifest()), undefined, sig),
        testReadOptions(),
      );
      expect(result.ok).toBe(true);
    }
    expect(decodeSignature(encode(` ${b64}`))).toBeNull();
  });

  it('verifies the exact manifest bytes: re-formatting the JSON breaks the signature', () => {
    const manifestBytes = encode(JSON.stringify(baseManifest()));
    const b64 = Buffer.from(signEd25519(testIssuerKeys().privateKey, manifestBytes)).toString('base64');
    const reformatted = packageWith(JSON.stringify(baseManifest(), null, 2), undefined, b64);
    expect(problemsOf(readBatchPackage(reformatted, testReadOptions())).map((p) => p.code)).toEqual([
      'signature_invalid',
    ]);
  });
});

describe('the manifest', () => {
  it('refuses a package without manifest.json', () => {
    const zip = writeZip({ 'manifest.sig': encode('AAAA\n'), 'cards.csv': CARDS });
    expect(problemsOf(readBatchPackage(zip, testReadOptions()))).toEqual([
      { code: 'zip_entry_missing', severity: 'error', file: 'manifest.json' },
    ]);
  });

  it('refuses malformed JSON (signed, so the issuer really sent it)', () => {
    const problems = problemsOf(
      readBatchPackage(packageWith('{"format": "lerarenkaart-batch/1",'), testReadOptions()),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'manifest_json', file: 'manifest.json' });
  });

  it.each([['[]'], ['"text"'], ['null']])('refuses JSON %s that is no object', (json) => {
    expect(problemsOf(readBatchPackage(packageWith(json), testReadOptions())).map((p) => p.code)).toEqual([
      'manifest_json',
    ]);
  });

  it('refuses another format, naming it, without further field complaints', () => {
    const problems = problemsOf(
      readBatchPackage(
        packageWith({ format: 'lerarenkaart-batch/2', somethingNew: true }),
        testReadOptions(),
      ),
    );
    expect(problems).toEqual([
      {
        code: 'manifest_format',
        severity: 'error',
        file: 'manifest.json',
        value: 'lerarenkaart-batch/2',
        expected: 'lerarenkaart-batch/1',
      },
    ]);
  });

  it('refuses a manifest without format', () => {
    const { format: _format, ...rest } = baseManifest();
    expect(problemsOf(readBatchPackage(packageWith(rest), testReadOptions()))[0]).toMatchObject({
      code: 'manifest_format',
      value: 'undefined',
    });
  });

  it('names each bad field with its path and the reason', () => {
    const manifest = { ...baseManifest(), batchId: '', cardYear: 'twee', availableFrom: '2027-02-30' };
    const problems = problemsOf(readBatchPackage(packageWith(manifest), testReadOptions()));
    expect(problems.every((p) => p.code === 'manifest_field' && p.file === 'manifest.json')).toBe(true);
    const expected = problems.map((p) => p.expected ?? '');
    expect(expected.some((e) => e.startsWith('batchId: '))).toBe(true);
    expect(expected.some((e) => e.startsWith('cardYear: '))).toBe(true);
    expect(expected).toContain('availableFrom: datum JJJJ-MM-DD');
  });

  it('refuses availableFrom after availableUntil', () => {
    const manifest = { ...baseManifest(), availableFrom: '2027-07-01' };
    expect(problemsAfterStaging(packageWith(manifest), testReadOptions())).toEqual([
      expect.objectContaining({
        code: 'manifest_field',
        expected: 'availableUntil: availableFrom ligt na availableUntil',
      }),
    ]);
  });

  it('ignores unknown extra keys (forward compatible)', () => {
    const result = readBatchPackage(
      packageWith({ ...baseManifest(), printer: 'Drukkerij X', extra: { a: 1 } }),
      testReadOptions(),
    );
    expect(result.ok).toBe(true);
  });
});

describe('files against the manifest', () => {
  it('refuses a file present in the ZIP but absent from files', () => {
    const pkg = makeTestPackage({ extraEntries: { 'points.csv': encode('pointId;naam\r\nX;Y\r\n') } });
    expect(problemsOf(readBatchPackage(pkg, testReadOptions()))).toEqual([
      { code: 'file_not_in_manifest', severity: 'error', file: 'points.csv', value: 'points.csv' },
    ]);
  });

  it('refuses a listed file that is not in the ZIP', () => {
    const manifest = baseManifest({
      'cards.csv': { sha256: sha256Hex(CARDS), rows: 3 },
      'points.csv': { sha256: '0'.repeat(64), rows: 4 },
    });
    expect(problemsAfterStaging(packageWith(manifest), testReadOptions())).toEqual([
      { code: 'file_missing', severity: 'error', file: 'points.csv', value: 'points.csv' },
    ]);
  });

  it('refuses a file whose sha256 differs, giving both fingerprints', () => {
    const manifest = baseManifest({ 'cards.csv': { sha256: 'a'.repeat(64), rows: 3 } });
    expect(problemsAfterStaging(packageWith(manifest), testReadOptions())).toEqual([
      {
        code: 'file_sha256',
        severity: 'error',
        file: 'cards.csv',
        expected: 'a'.repeat(64),
        value: sha256Hex(CARDS),
      },
    ]);
  });

  it('refuses a row count that differs from the data rows', () => {
    expect(problemsAfterStaging(makeTestPackage({ tamper: { rowsDelta: 1 } }), testReadOptions())).toEqual([
      { code: 'file_rows', severity: 'error', file: 'cards.csv', expected: '4', value: '3' },
    ]);
  });

  it('refuses an entry whose ZIP header claims less than it inflates to, naming it', () => {
    const manifestBytes = encode(JSON.stringify(baseManifest()));
    const sig = encode(
      Buffer.from(signEd25519(testIssuerKeys().privateKey, manifestBytes)).toString('base64'),
    );
    const zip = rawZip([
      { name: 'manifest.json', data: manifestBytes },
      { name: 'manifest.sig', data: sig },
      { name: 'cards.csv', data: CARDS, declaredSize: CARDS.length - 20 },
    ]);
    expect(problemsAfterStaging(zip, testReadOptions()).map((p) => p.code)).toEqual(['zip_entry_damaged']);
  });

  it('passes ZIP problems (zip slip, unknown entries) through unchanged', () => {
    const zip = rawZip([
      { name: '../manifest.json', data: encode('{}') },
      { name: 'readme.txt', data: encode('hallo') },
    ]);
    expect(problemsOf(readBatchPackage(zip, testReadOptions())).map((p) => p.code)).toEqual([
      'zip_entry_path',
      'zip_entry_unknown',
    ]);
  });

  it('refuses bytes that are no ZIP at all, without throwing', () => {
    expect(problemsOf(readBatchPackage(encode('PK nope'), testReadOptions()))).toEqual([
      { code: 'zip_unreadable', severity: 'error', file: 'package' },
    ]);
  });
});

describe('counting data rows like the CSV reader', () => {
  it('ignores the header, blank lines and the trailing line end; a quoted newline stays in its row', () => {
    const csv = `${CARDS_HEADER}\n\n270000000154;77886501365;"Anne\nMarie";Peeters;9000;Gent;;\n\n270000000255;13786650925;Jan;Maes;9000;Gent;;\n\n`;
    expect(countCsvDataRows(encode(csv))).toBe(2);
    const result = readBatchPackage(makeTestPackage({ cardsCsv: csv }), testReadOptions());
    expect(result.ok && result.value.manifest.files['cards.csv']?.rows).toBe(2);
  });

  it('counts a header-only file as 0 rows and an unterminated quote as uncountable', () => {
    expect(countCsvDataRows(encode(`${CARDS_HEADER}\r\n`))).toBe(0);
    expect(countCsvDataRows(new Uint8Array(0))).toBe(0);
    expect(countCsvDataRows(encode(`${CARDS_HEADER}\r\n1;"open\r\n2;3\r\n`))).toBeNull();
  });

  it('counts a Windows-1252 file with a BOM-less header', () => {
    const latin1 = Uint8Array.from(
      Buffer.from(`${CARDS_HEADER}\r\n270000000154;77886501365;Jo\xebl;Maes;9000;Gent;;\r\n`, 'latin1'),
    );
    expect(countCsvDataRows(latin1)).toBe(1);
    expect(readBatchPackage(makeTestPackage({ cardsCsv: latin1 }), testReadOptions()).ok).toBe(true);
  });

  it('lets a package with a broken CSV through to the CSV reader, which reports the line', () => {
    const broken = `${CARDS_HEADER}\r\n270000000154;"open\r\n`;
    // writeBatchPackage cannot count it, so the manifest is written by hand.
    const manifest = baseManifest({ 'cards.csv': { sha256: sha256Hex(encode(broken)), rows: 1 } });
    const result = readBatchPackage(
      packageWith(manifest, { 'cards.csv': encode(broken) }),
      testReadOptions(),
    );
    expect(result.ok).toBe(true);
  });
});

describe('loadPublicKey and readBatchPackage together', () => {
  it('uses the key read from the PEM in the configuration', () => {
    const key = loadPublicKey(testIssuerKeys().publicKeyPem);
    expect(key.ok).toBe(true);
    if (!key.ok) return;
    const result = readBatchPackage(makeTestPackage(), {
      issuerPublicKey: key.value,
      allowUnsigned: false,
      expectedPointId: 'BIB-GENT',
    });
    expect(result.ok).toBe(true);
  });
});
