import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { Database } from 'better-sqlite3';
import { setAdminPin } from '../../src/main/useCases/admin/adminPin';
import { importBatch } from '../../src/main/useCases/import/importBatch';
import { handOut } from '../../src/main/useCases/desk/handOut';
import { CARD_STATUS_SQL, CARDS_WITH_STATE } from '../../src/main/store/cardStatusSql';
import { readFixture } from './packages';
import { testStore } from './store';
import type { TestStore } from './store';

export const ADMIN_PIN = '274915';
/** gent-small.lkb may be collected until 30 June 2027. */
export const LAST_DAY = '2027-06-30';

/** The Gent test point with the 60 cards of gent-small.lkb and an admin PIN. */
export async function gentPoint(at = '2026-12-02T09:30:00Z'): Promise<TestStore> {
  const store = testStore({ at });
  const imported = await importBatch(store, readFixture('gent-small.lkb'));
  if (!imported.ok) throw new Error(`import failed: ${imported.error}`);
  const pin = setAdminPin(store, ADMIN_PIN, null);
  if (!pin.ok) throw new Error(`admin PIN: ${pin.error}`);
  return store;
}

export function statusOf(db: Database, card: string): string {
  return db
    .prepare(`SELECT ${CARD_STATUS_SQL} AS s FROM ${CARDS_WITH_STATE} WHERE c.card = ?`)
    .pluck()
    .get(card) as string;
}

export function cardsWithStatus(db: Database, status: string): string[] {
  return db
    .prepare(`SELECT c.card FROM ${CARDS_WITH_STATE} WHERE (${CARD_STATUS_SQL}) = ? ORDER BY c.card`)
    .pluck()
    .all(status) as string[];
}

/** Hands out the first `n` waiting cards, as a librarian would after the ID check. */
export function handOutSome(store: TestStore, n: number): string[] {
  const cards = cardsWithStatus(store.db, 'waiting').slice(0, n);
  for (const card of cards) {
    const done = handOut(store, { card, staff: 'Els', idChecked: true });
    if (!done.ok) throw new Error(`hand-out of ${card} refused: ${done.error}`);
  }
  return cards;
}

/** Names and stamboeknummers of all teachers in the store (long enough not to match by chance). */
export function personalStrings(db: Database): string[] {
  const rows = db.prepare('SELECT stamboeknummer, voornaam, achternaam FROM cards').all() as {
    stamboeknummer: string | null;
    voornaam: string | null;
    achternaam: string | null;
  }[];
  const strings = new Set<string>();
  for (const r of rows) {
    for (const value of [r.stamboeknummer, r.voornaam, r.achternaam]) {
      if (value !== null && value.length >= 4) strings.add(value);
    }
  }
  return [...strings];
}

export function sha256File(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}
