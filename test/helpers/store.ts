import { checkAdminPin } from '../../src/main/useCases/admin/adminPin';
import type { AdminGrant } from '../../src/main/useCases/admin/adminPin';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { fixedClock } from '../../src/shared/time/clock';
import { openStore } from '../../src/main/store/openStore';
import type { StoreContext } from '../../src/main/store/storeContext';
import { initPoint } from '../../src/main/useCases/admin/initPoint';
import { fixturePath, testIssuerKeys } from './packages';

/** Fixture paths and test keys live in packages.ts; these names are kept for the store tests. */
export const fixture = fixturePath;
export const TEST_ISSUER_PUB = testIssuerKeys().publicKeyPem;
export const TEST_ISSUER_KEY = testIssuerKeys().privateKeyPem;

export function tempDir(prefix = 'balie-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export type TestStore = StoreContext & { clock: ReturnType<typeof fixedClock>; dir: string };

/** A fresh store file in a temp folder, initialised for a point with the test issuer key. */
export function testStore(options: { pointId?: string | null; at?: string } = {}): TestStore {
  const dir = tempDir();
  const dbPath = path.join(dir, 'balie.sqlite');
  const opened = openStore(dbPath);
  if (!opened.ok) throw new Error(`cannot open test store: ${opened.error}`);
  const clock = fixedClock(options.at ?? '2026-12-02T09:30:00Z');
  const ctx: TestStore = { db: opened.value, clock, dbPath, backupDir: path.join(dir, 'backups'), dir };
  const pointId = options.pointId === undefined ? 'BIB-GENT' : options.pointId;
  if (pointId !== null) {
    const init = initPoint(ctx, { pointId, pointName: 'Testpunt', issuerPublicKeyPem: TEST_ISSUER_PUB });
    if (!init.ok) throw new Error(`cannot init test store: ${init.error}`);
  }
  return ctx;
}

/** A digest of every row of every table: equal before and after means nothing changed. */
export function dbChecksum(db: Database): string {
  const hash = createHash('sha256');
  const tables = db
    .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .all() as { name: string }[];
  for (const { name } of tables) {
    hash.update(`\u0000table ${name}\u0000`);
    // Sorted in JS: some FTS5 shadow tables are WITHOUT ROWID.
    const rows = (db.prepare(`SELECT * FROM "${name}"`).all() as unknown[])
      .map((row) => JSON.stringify(row))
      .sort();
    for (const row of rows) hash.update(row);
  }
  return hash.digest('hex');
}

/** The grant a use case guarded by the admin PIN takes, as the boundary gives it after the check. */
export function adminGrant(store: StoreContext, pin: string): AdminGrant {
  const grant = checkAdminPin(store, pin);
  if (!grant.ok) throw new Error(`admin PIN refused in a test: ${grant.error}`);
  return grant.value;
}
