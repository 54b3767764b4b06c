import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type * as Ed25519 from '../../../../../src/main/platform/crypto/ed25519';
import type * as ReadZip from '../../../../../src/main/platform/zip/readZip';
import { importBatch } from '../../../../../src/main/useCases/import/importBatch';
import { describeImportProblem } from '../../../../../src/shared/i18n/importProblemText';
import { loadSeeds, mutatedPackage, seededRng } from '../../../../helpers/mutatePackage';
import { initPoint } from '../../../../../src/main/useCases/admin/initPoint';
import { openStore } from '../../../../../src/main/store/openStore';
import type { StoreContext } from '../../../../../src/main/store/storeContext';
import { fixedClock } from '../../../../../src/shared/time/clock';
import { dbChecksum, tempDir, TEST_ISSUER_PUB } from '../../../../helpers/store';
import { fileSource } from '../../../../../src/main/platform/zip/zipSource';

/** A preview of the package read from a file on disk, as `balie import --preview` reads it. */
async function previewFromFile(store: StoreContext, file: string, bytes: Uint8Array) {
  fs.writeFileSync(file, bytes);
  const fd = fs.openSync(file, 'r');
  try {
    return await importBatch(store, fileSource(fd), { preview: true });
  } finally {
    fs.closeSync(fd);
  }
}

/** An in-memory store (no backup file per import: thousands of cases must stay quick). */
function fuzzStore(): StoreContext {
  const opened = openStore(':memory:');
  if (!opened.ok) throw new Error(opened.error);
  const ctx: StoreContext = {
    db: opened.value,
    clock: fixedClock('2026-12-02T09:30:00Z'),
    dbPath: ':memory:',
    backupDir: '',
  };
  const init = initPoint(ctx, {
    pointId: 'BIB-GENT',
    pointName: 'Testpunt',
    issuerPublicKeyPem: TEST_ISSUER_PUB,
  });
  if (!init.ok) throw new Error(init.error);
  return ctx;
}

/**
 * The import under a structure-aware fuzzer (test/helpers/mutatePackage.ts). A fixed-seed slice runs
 * here; `npm run fuzz:import -- --runs 100000` runs the long one (FUZZ_RUNS, FUZZ_SEED).
 * The inflate and signature paths are instrumented to prove the order of checks.
 */
const trace: string[] = [];

vi.mock('../../../../../src/main/platform/zip/readZip', async (importOriginal) => {
  const real = await importOriginal<typeof ReadZip>();
  return {
    ...real,
    inflateEntry: (...args: Parameters<typeof real.inflateEntry>) => {
      trace.push(`inflate:${args[1].name}`);
      return real.inflateEntry(...args);
    },
    inflateWhole: (...args: Parameters<typeof real.inflateWhole>) => {
      trace.push(`inflate:${args[1].name}`);
      return real.inflateWhole(...args);
    },
  };
});
vi.mock('../../../../../src/main/platform/crypto/ed25519', async (importOriginal) => {
  const real = await importOriginal<typeof Ed25519>();
  return {
    ...real,
    verifyEd25519: (...args: Parameters<typeof real.verifyEd25519>) => {
      const valid = real.verifyEd25519(...args);
      trace.push(`verify:${valid}`);
      return valid;
    },
  };
});

const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
const DATA_ENTRIES = new Set(['inflate:cards.csv', 'inflate:points.csv']);

describe('the import under a structure-aware fuzzer', () => {
  it(`never throws, answers in Dutch, changes nothing on refusal, verifies before inflating data and reads a file as it reads bytes (${RUNS} packages, seed ${SEED})`, async () => {
    const seeds = loadSeeds();
    const rng = seededRng(SEED);
    let store = fuzzStore();
    let before = dbChecksum(store.db);
    const outcomes = { ok: 0, refused: 0 };
    const onDisk = path.join(tempDir(), 'fuzz.lkb');
    const failures: string[] = [];
    for (let i = 0; i < RUNS && failures.length < 5; i++) {
      const bytes = mutatedPackage(rng, seeds);
      trace.length = 0;
      const preview = rng() < 0.2;
      let result;
      try {
        result = await importBatch(store, bytes, { preview });
      } catch (error) {
        failures.push(`case ${i}: threw ${String(error)}`);
        continue;
      }
      const firstData = trace.findIndex((t) => DATA_ENTRIES.has(t));
      if (firstData >= 0 && !trace.slice(0, firstData).includes('verify:true'))
        failures.push(`case ${i}: data entry inflated before a valid signature: ${trace.join(' ')}`);
      // Read from disk in chunks, the same package gives the same answer.
      if (preview) {
        const fromFile = await previewFromFile(store, onDisk, bytes).catch((error: unknown) => error);
        if (JSON.stringify(fromFile) !== JSON.stringify(result))
          failures.push(
            `case ${i}: from a file ${JSON.stringify(fromFile)} but from bytes ${JSON.stringify(result)}`,
          );
      }
      if (result.ok) {
        outcomes.ok++;
        if (!preview) {
          store.db.close();
          store = fuzzStore();
          before = dbChecksum(store.db);
        }
        continue;
      }
      outcomes.refused++;
      if (result.error !== 'invalid_package') {
        failures.push(`case ${i}: unexpected failure ${result.error}`);
        continue;
      }
      if (result.problems.length === 0 || result.problems.length > 51)
        failures.push(`case ${i}: ${result.problems.length} problems`);
      for (const p of result.problems) {
        const text = describeImportProblem(p);
        if (text.length < 10 || /undefined|NaN|\[object/.test(text))
          failures.push(`case ${i}: bad text "${text}"`);
      }
      // A refused package leaves every row of every table as it was.
      if (i % 10 === 0 && dbChecksum(store.db) !== before)
        failures.push(`case ${i}: store changed on refusal`);
    }
    const rssMb = Math.round(process.resourceUsage().maxRSS / 1024);
    console.log(
      `fuzz: ${RUNS} packages, seed ${SEED}: ${outcomes.ok} ok, ${outcomes.refused} refused, ${failures.length} failures, peak RSS ${rssMb} MB`,
    );
    expect(failures).toEqual([]);
    expect(dbChecksum(store.db)).toBe(before);
    // Both outcomes must occur, or the mutator stopped reaching the importer.
    expect(outcomes.ok).toBeGreaterThan(0);
    expect(outcomes.refused).toBeGreaterThan(0);
  });
});
