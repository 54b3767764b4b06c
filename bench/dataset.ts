import fs from 'node:fs';
import path from 'node:path';
import { createApiHandlers } from '../src/main/adapters/api/handlers';
import { POSTCODES_FILE } from '../src/main/platform/paths';
import type { StoreContext } from '../src/main/store/storeContext';
import { writeBatchPackage } from '../src/main/useCases/import/writePackage';
import {
  demoCardsCsv,
  generateDemoCards,
  loadPostcodeWeights,
  type DemoCardRecord,
  type PostcodeWeight,
} from '../src/main/demo/generateDemoCards';
import { nameSearchText, nameSortKey } from '../src/shared/search/foldName';
import { since } from './stats';

const ROOT = path.resolve(import.meta.dirname, '..');

export const BENCH_POINT = { pointId: 'BIB-BENCH', pointName: 'Benchmarkbibliotheek' } as const;
export const CARD_YEAR = 2027;

/** The issuer's test key pair: assets/demo-keys when present, else the test fixtures (same key). */
export function testKeys(): { privateKeyPem: string; publicKeyPem: string; from: string } {
  for (const dir of ['assets/demo-keys', 'test/fixtures']) {
    const key = path.join(ROOT, dir, 'issuer-test.key.pem');
    const pub = path.join(ROOT, dir, 'issuer-test.pub.pem');
    if (fs.existsSync(key) && fs.existsSync(pub)) {
      return {
        privateKeyPem: fs.readFileSync(key, 'utf8'),
        publicKeyPem: fs.readFileSync(pub, 'utf8'),
        from: dir,
      };
    }
  }
  throw new Error('issuer-test.key.pem / issuer-test.pub.pem not found in assets/demo-keys or test/fixtures');
}

let postcodeCache: PostcodeWeight[] | null = null;
export function postcodes(): PostcodeWeight[] {
  postcodeCache ??= loadPostcodeWeights(fs.readFileSync(path.join(ROOT, 'assets/be-postcodes.csv'), 'utf8'));
  return postcodeCache;
}

/** One generated batch: the rows, the signed package on disk and the floor's CSV. */
export interface Dataset {
  size: number;
  seed: number;
  batchId: string;
  records: DemoCardRecord[];
  /** nameSearchText per record, as our import writes it. */
  searchTexts: string[];
  packagePath: string;
  packageBytes: number;
  cardsCsvBytes: number;
  /** CSV with every cards column our import writes, for the sqlite3 shell's `.import`. */
  shellCsvPath: string;
  timings: { generateMs: number; packageMs: number; shellCsvMs: number };
}

/** Columns of `cards` that importBatch writes (id is assigned by SQLite in row order). */
export const CARD_COLUMNS = [
  'card',
  'stamboeknummer',
  'voornaam',
  'achternaam',
  'postcode',
  'gemeente',
  'school',
  'issuer_status',
  'first_batch_id',
  'last_batch_id',
  'search_text',
  'name_key',
] as const;

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function makeDataset(size: number, seed: number, dir: string, privateKeyPem: string): Dataset {
  let start = performance.now();
  const records = generateDemoCards({
    count: size,
    seed,
    postcodes: postcodes(),
    firstSerial: 2_700_000_001,
  });
  const generateMs = since(start);

  // Same steps as demoPackageFor, kept here so the bench holds the rows it packaged.
  start = performance.now();
  const batchId = `${CARD_YEAR}-${BENCH_POINT.pointId}-${size}`;
  const cardsCsv = new TextEncoder().encode(demoCardsCsv(records));
  const pkg = writeBatchPackage({
    manifest: {
      batchId,
      pointId: BENCH_POINT.pointId,
      pointName: BENCH_POINT.pointName,
      cardYear: CARD_YEAR,
      issuedAt: '2026-09-15T10:30:00+02:00',
      availableFrom: '2026-11-01',
      availableUntil: '2027-06-30',
    },
    cardsCsv,
    privateKeyPem,
  });
  const packagePath = path.join(dir, `bench-${size}.lkb`);
  fs.writeFileSync(packagePath, pkg);
  const packageMs = since(start);

  start = performance.now();
  const searchTexts = records.map((r) => nameSearchText(r.voornaam, r.achternaam));
  const lines = [CARD_COLUMNS.join(',')];
  records.forEach((r, i) => {
    const row = [
      r.kaartnummer,
      r.stamboeknummer,
      r.voornaam,
      r.achternaam,
      r.postcode,
      r.gemeente,
      r.instellingsnummer,
      r.status,
      batchId,
      batchId,
      searchTexts[i] ?? '',
      nameSortKey(r.voornaam, r.achternaam),
    ];
    lines.push(row.map(csvField).join(','));
  });
  const shellCsvPath = path.join(dir, `bench-${size}-cards.csv`);
  fs.writeFileSync(shellCsvPath, `${lines.join('\n')}\n`);
  const shellCsvMs = since(start);

  return {
    size,
    seed,
    batchId,
    records,
    searchTexts,
    packagePath,
    packageBytes: pkg.byteLength,
    cardsCsvBytes: cardsCsv.byteLength,
    shellCsvPath,
    timings: { generateMs, packageMs, shellCsvMs },
  };
}

/** The API handlers over a bench store, as the web transport serves them (reports into `dir`). */
export function benchApiHandlers(ctx: StoreContext, dir: string): ReturnType<typeof createApiHandlers> {
  return createApiHandlers(ctx, {
    postcodesFile: POSTCODES_FILE,
    reportsDir: path.join(dir, 'reports'),
    demoMode: false,
    version: 'bench',
  });
}
