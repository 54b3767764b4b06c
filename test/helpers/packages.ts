import type { KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ReadPackageOptions } from '../../src/main/useCases/import/readPackage';
import { writeBatchPackage, type WritePackageInput } from '../../src/main/useCases/import/writePackage';
import { loadPrivateKey, loadPublicKey } from '../../src/main/platform/crypto/ed25519';
import { demoCardsCsv, generateDemoCards } from '../../src/main/demo/generateDemoCards';

/** Test fixtures live in the repository (test/fixtures), never read from outside it. */
export const FIXTURES_DIR = path.resolve(import.meta.dirname, '../fixtures');
export const ASSETS_DIR = path.resolve(import.meta.dirname, '../../assets');

export const FIXTURE_PACKAGES = {
  /** BIB-GENT, 60 cards (about 5% ingetrokken), with points.csv. */
  gentSmall: path.join(FIXTURES_DIR, 'gent-small.lkb'),
  /** LETTERENHUIS, 3,000 Antwerp cards, with points.csv. */
  letterenhuis: path.join(FIXTURES_DIR, 'letterenhuis.lkb'),
  /** BIB-GENT, 40 cards, one signature bit flipped: must be refused. */
  gentBadSignature: path.join(FIXTURES_DIR, 'gent-bad-signature.lkb'),
} as const;

export function fixturePath(name: string): string {
  return path.join(FIXTURES_DIR, name);
}

export function readFixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(fixturePath(name)));
}

export interface TestIssuerKeys {
  publicKeyPem: string;
  privateKeyPem: string;
  publicKey: KeyObject;
  privateKey: KeyObject;
}

let cachedKeys: TestIssuerKeys | undefined;

/** The fixtures' Ed25519 test issuer key pair (tests and demos only). */
export function testIssuerKeys(): TestIssuerKeys {
  if (cachedKeys) return cachedKeys;
  const publicKeyPem = readFileSync(fixturePath('issuer-test.pub.pem'), 'utf8');
  const privateKeyPem = readFileSync(fixturePath('issuer-test.key.pem'), 'utf8');
  const publicKey = loadPublicKey(publicKeyPem);
  const privateKey = loadPrivateKey(privateKeyPem);
  if (!publicKey.ok || !privateKey.ok) throw new Error('test/fixtures issuer keys are unreadable');
  cachedKeys = { publicKeyPem, privateKeyPem, publicKey: publicKey.value, privateKey: privateKey.value };
  return cachedKeys;
}

/** Options for readBatchPackage that trust the test issuer key and expect the given point. */
export function testReadOptions(
  expectedPointId = 'BIB-GENT',
  overrides: Partial<ReadPackageOptions> = {},
): ReadPackageOptions {
  return { issuerPublicKey: testIssuerKeys().publicKey, allowUnsigned: false, expectedPointId, ...overrides };
}

export const CARDS_HEADER =
  'kaartnummer;stamboeknummer;voornaam;achternaam;postcode;gemeente;instellingsnummer;status';

/** A small valid cards.csv (CRLF, `;`), for tests that only need some cards. */
export const SAMPLE_CARDS_CSV = [
  CARDS_HEADER,
  '270000000154;77886501365;Pieter;Van de Velde;9000;Gent;029377;',
  '270000000255;13786650925;Frédéric;Janssens;9040;Sint-Amandsberg;001013;',
  "270000000356;99928128835;Joëlle;'t Kint;9000;Gent;;ingetrokken",
  '',
].join('\r\n');

export interface TestPackageOptions {
  /** cards.csv as text (UTF-8) or bytes (e.g. Windows-1252); default SAMPLE_CARDS_CSV. */
  cardsCsv?: string | Uint8Array;
  pointsCsv?: string | Uint8Array;
  pointId?: string;
  pointName?: string;
  batchId?: string;
  cardYear?: number;
  issuedAt?: string;
  availableFrom?: string;
  availableUntil?: string;
  format?: string;
  /** Default true: sign with the test issuer key. */
  signed?: boolean;
  /** Sign with another private key (PEM), e.g. to test a package from an unknown issuer. */
  privateKeyPem?: string;
  extraEntries?: Record<string, Uint8Array>;
  tamper?: WritePackageInput['tamper'];
}

function bytesOf(value: string | Uint8Array): Uint8Array {
  return typeof value === 'string' ? new TextEncoder().encode(value) : value;
}

/** A signed package for BIB-GENT (card year 2027) around the given CSV; everything overridable. */
export function makeTestPackage(options: TestPackageOptions = {}): Uint8Array {
  const pointId = options.pointId ?? 'BIB-GENT';
  const cardYear = options.cardYear ?? 2027;
  return writeBatchPackage({
    manifest: {
      ...(options.format === undefined ? {} : { format: options.format }),
      batchId: options.batchId ?? `${cardYear}-${pointId}-01`,
      pointId,
      pointName: options.pointName ?? 'Testbibliotheek',
      cardYear,
      issuedAt: options.issuedAt ?? '2026-10-15T09:30:00+02:00',
      availableFrom: options.availableFrom ?? '2026-11-01',
      availableUntil: options.availableUntil ?? '2027-06-30',
    },
    cardsCsv: bytesOf(options.cardsCsv ?? SAMPLE_CARDS_CSV),
    ...(options.pointsCsv === undefined ? {} : { pointsCsv: bytesOf(options.pointsCsv) }),
    privateKeyPem:
      options.signed === false ? null : (options.privateKeyPem ?? testIssuerKeys().privateKeyPem),
    ...(options.extraEntries ? { extraEntries: options.extraEntries } : {}),
    ...(options.tamper ? { tamper: options.tamper } : {}),
  });
}

/**
 * A signed BIB-GENT package of `count` generated cards (seeded, Gent postcodes): large enough that
 * its import is still running while a test looks at the store.
 */
export function makeLargeTestPackage(count: number, options: TestPackageOptions = {}): Uint8Array {
  const records = generateDemoCards({
    count,
    seed: 20261202,
    postcodes: [
      { postcode: '9000', plaats: 'Gent', lat: 51.05, lon: 3.72, weight: 3 },
      { postcode: '9040', plaats: 'Sint-Amandsberg', lat: 51.06, lon: 3.75, weight: 1 },
    ],
  });
  return makeTestPackage({ batchId: `2027-BIB-GENT-L${count}`, ...options, cardsCsv: demoCardsCsv(records) });
}
