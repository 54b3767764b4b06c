import fs from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importBatch } from '../../../../../src/main/useCases/import/importBatch';
import { sha256Hex, signEd25519 } from '../../../../../src/main/platform/crypto/ed25519';
import { openStore } from '../../../../../src/main/store/openStore';
import { fileSource, type ZipSource } from '../../../../../src/main/platform/zip/zipSource';
import { fixedClock } from '../../../../../src/shared/time/clock';
import { makeCardNumber } from '../../../../../src/shared/domain/cardNumber';
import { describeImportProblem } from '../../../../../src/shared/i18n/importProblemText';
import { initGentStore, runCli } from '../../../../helpers/cli';
import { CARDS_HEADER, FIXTURE_PACKAGES, testIssuerKeys } from '../../../../helpers/packages';
import { dbChecksum, tempDir, testStore, type TestStore } from '../../../../helpers/store';

/** cards.csv of `rows` valid cards, more than one read chunk (1 MiB) in size. */
function manyCards(rows: number): Uint8Array {
  const lines = [CARDS_HEADER];
  for (let i = 0; i < rows; i++)
    lines.push(
      `${makeCardNumber(2_700_100_000 + i)};${String(20_000_000_000 + i)};Voornaam ${i};Van den Achternaam ${i % 311};${1000 + (i % 9000)};Gemeente ${i % 17};${String(i % 900).padStart(6, '0')};`,
    );
  return new TextEncoder().encode(lines.join('\r\n') + '\r\n');
}

/** A package signed with the test key whose cards.csv is stored (level 0) or deflated. */
function signedPackage(batchId: string, cards: Uint8Array, rows: number, level: 0 | 6): Uint8Array {
  const manifest = new TextEncoder().encode(
    JSON.stringify({
      format: 'lerarenkaart-batch/1',
      batchId,
      pointId: 'BIB-GENT',
      pointName: 'Testbibliotheek',
      cardYear: 2027,
      issuedAt: '2026-10-15T09:30:00+02:00',
      availableFrom: '2026-11-01',
      availableUntil: '2027-06-30',
      files: { 'cards.csv': { sha256: sha256Hex(cards), rows } },
    }),
  );
  const signature = Buffer.from(signEd25519(testIssuerKeys().privateKey, manifest)).toString('base64');
  return zipSync({
    'manifest.json': [manifest, { level: 0 }],
    'manifest.sig': [new TextEncoder().encode(signature), { level: 0 }],
    'cards.csv': [cards, { level }],
  });
}

function writeTemp(bytes: Uint8Array, name = 'pakket.lkb'): string {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, bytes);
  return file;
}

async function viaFile(store: TestStore, file: string, wrap = (s: ZipSource) => s) {
  const fd = fs.openSync(file, 'r');
  try {
    return await importBatch(store, wrap(fileSource(fd)));
  } finally {
    fs.closeSync(fd);
  }
}

/** Two stores with the same content (one copied from the other: a store has its own desk id). */
function twinStores(): [TestStore, TestStore] {
  const first = testStore();
  first.db.pragma('wal_checkpoint(TRUNCATE)');
  const dir = tempDir();
  const dbPath = path.join(dir, 'balie.sqlite');
  fs.copyFileSync(first.dbPath, dbPath);
  const opened = openStore(dbPath);
  if (!opened.ok) throw new Error(opened.error);
  const clock = fixedClock('2026-12-02T09:30:00Z');
  return [first, { db: opened.value, clock, dbPath, backupDir: path.join(dir, 'backups'), dir }];
}

/** The summary without the backup's path, which names each store's own folder. */
function comparable(result: Awaited<ReturnType<typeof importBatch>>) {
  if (!result.ok) return result;
  return {
    ...result.value,
    backup: result.value.backup === null ? null : path.basename(result.value.backup),
  };
}

const CARDS = 20_000;
const bigCards = manyCards(CARDS);

describe('a package read from disk in chunks', () => {
  const packages: [string, () => Uint8Array][] = [
    ['the 60-card fixture', () => fs.readFileSync(FIXTURE_PACKAGES.gentSmall)],
    ['20,000 cards stored (no compression)', () => signedPackage('2027-BIB-GENT-ST', bigCards, CARDS, 0)],
    ['20,000 cards deflated', () => signedPackage('2027-BIB-GENT-DF', bigCards, CARDS, 6)],
  ];
  it.each(packages)('imports %s exactly as the same bytes in memory do', async (_name, make) => {
    const bytes = new Uint8Array(make());
    expect(bytes.length).toBeGreaterThan(0);
    const [fromBytes, fromFile] = twinStores();
    expect(dbChecksum(fromFile.db)).toBe(dbChecksum(fromBytes.db));
    const inMemory = await importBatch(fromBytes, bytes);
    const onDisk = await viaFile(fromFile, writeTemp(bytes));
    expect(inMemory.ok).toBe(true);
    expect(comparable(onDisk)).toEqual(comparable(inMemory));
    expect(dbChecksum(fromFile.db)).toBe(dbChecksum(fromBytes.db));
  });

  it('refuses a file cut short on disk in Dutch, and changes nothing', async () => {
    const whole = signedPackage('2027-BIB-GENT-CUT', bigCards, CARDS, 0);
    const cut = writeTemp(whole.subarray(0, Math.floor(whole.length * 0.6)));
    const dir = tempDir();
    const db = path.join(dir, 'balie.sqlite');
    await initGentStore(db);
    const before = await runCli(['--db', db, 'stats', '--json']);
    const run = await runCli(['--db', db, 'import', cut]);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/is geweigerd; er is niets gewijzigd/);
    expect(run.err).toMatch(/kan niet gelezen worden als batchpakket/);
    expect((await runCli(['--db', db, 'stats', '--json'])).out).toBe(before.out);
  });

  it('refuses a file that becomes shorter than its central directory claims while cards.csv is read, in Dutch, and changes nothing', async () => {
    const bytes = signedPackage('2027-BIB-GENT-SHRINK', bigCards, CARDS, 0);
    const file = writeTemp(bytes);
    const store = testStore();
    const before = dbChecksum(store.db);
    let reads = 0;
    // The directory and the signature are read and checked; then the file is cut (a USB stick
    // pulled out, a download overwritten) halfway through cards.csv.
    const result = await viaFile(store, file, (source) => ({
      size: source.size,
      read(offset, length) {
        if (length === 64 * 1024 && ++reads === 10) fs.truncateSync(file, offset + 1000);
        return source.read(offset, length);
      },
    }));
    expect(reads).toBeGreaterThanOrEqual(10);
    expect(result.ok).toBe(false);
    if (result.ok || result.error !== 'invalid_package') throw new Error('expected a refusal');
    expect(result.problems).toHaveLength(1);
    const [problem] = result.problems;
    expect(problem).toMatchObject({ code: 'zip_entry_damaged', file: 'cards.csv', zipDamage: 'truncated' });
    expect(describeImportProblem(problem!)).toMatch(
      /"cards.csv".*korter dan de inhoudsopgave van de ZIP aangeeft/,
    );
    expect(dbChecksum(store.db)).toBe(before);
  });

  it('refuses a file that shrinks after it was opened, before its directory is read, and changes nothing', async () => {
    const bytes = signedPackage('2027-BIB-GENT-GONE', bigCards, CARDS, 6);
    const file = writeTemp(bytes);
    const store = testStore();
    const before = dbChecksum(store.db);
    const result = await viaFile(store, file, (source) => {
      fs.truncateSync(file, Math.floor(source.size / 2));
      return source;
    });
    if (result.ok || result.error !== 'invalid_package') throw new Error('expected a refusal');
    expect(result.problems).toEqual([
      { code: 'zip_unreadable', severity: 'error', file: 'package', zipDamage: 'truncated' },
    ]);
    expect(describeImportProblem(result.problems[0]!)).toMatch(/korter dan de inhoudsopgave/);
    expect(dbChecksum(store.db)).toBe(before);
  });
});
