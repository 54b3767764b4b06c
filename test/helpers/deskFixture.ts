import fs from 'node:fs';
import type { Database } from 'better-sqlite3';
import { importBatch } from '../../src/main/useCases/import/importBatch';
import { makeCardNumber } from '../../src/shared/domain/cardNumber';
import { CARDS_HEADER, makeTestPackage } from './packages';
import { fixture, testStore } from './store';
import type { TestStore } from './store';

/** One teacher of the test point (BIB-GENT), with everything the desk tests look at. */
export interface Teacher {
  card: string;
  stamboeknummer: string;
  voornaam: string;
  achternaam: string;
  postcode: string;
  school: string;
}

const VOORNAMEN = ['An', 'Bram', 'Chloé', 'Dirk', 'Els', 'Fatma', 'Gert', 'Hanne', 'Ilse', 'Joris', 'Koen'];
const ACHTERNAMEN = ['Peeters', 'Janssens', 'Öztürk', 'Van den Broeck', 'Maes', "D'Hondt", 'Nguyễn', 'Claes'];

/**
 * 12 colleagues of school 100 (a group collects them); school 200 has 5 waiting cards, the revoked
 * and the replaced card, and the reprint; the rest have no school.
 */
export const SCHOOL_A = '100';
export const SCHOOL_B = '200';
export const TEACHER_COUNT = 80;

export function teacher(i: number): Teacher {
  return {
    card: makeCardNumber(2_700_000_000 + i),
    stamboeknummer: String(77_000_000_000 + i),
    voornaam: VOORNAMEN[i % VOORNAMEN.length] ?? 'An',
    achternaam: ACHTERNAMEN[i % ACHTERNAMEN.length] ?? 'Peeters',
    postcode: i % 2 === 0 ? '9000' : '9040',
    school: i <= 12 ? SCHOOL_A : i <= 17 || i === 70 || i === 75 ? SCHOOL_B : '',
  };
}

/** Teachers 1…80; the issuer revoked this one. */
export const REVOKED = teacher(70);
/** The issuer reprinted this teacher's card in a second batch: the old card is "vervangen". */
export const REPLACED = teacher(75);
export const REPRINT_CARD = makeCardNumber(2_700_000_901);
/** A valid card number that was never shipped to this point. */
export const ELSEWHERE_CARD = makeCardNumber(2_700_005_555);

/** The same 10 digits with another (wrong) check: what a mistyped last digit gives. */
export function withWrongCheck(card: string): string {
  const check = card.slice(10);
  return card.slice(0, 10) + (check === '01' ? '02' : '01');
}

export const csv = (...rows: string[]): string => [CARDS_HEADER, ...rows, ''].join('\r\n');

function row(t: Teacher, status = ''): string {
  return `${t.card};${t.stamboeknummer};${t.voornaam};${t.achternaam};${t.postcode};Gent;${t.school};${status}`;
}

export const POINTS_CSV = fs.readFileSync(fixture('points-sample.csv'), 'utf8');

export interface DeskStoreOptions {
  /** The fixed clock's first instant (UTC); default 15 January 2027, 10:30 in Brussels. */
  at?: string;
  availableFrom?: string;
  availableUntil?: string;
}

const opened: TestStore[] = [];

/**
 * A store file for BIB-GENT with teachers 1…80 (batch 01, with points.csv) and a reprint for
 * REPLACED (batch 02), both with the given collection period.
 */
export async function deskStore(options: DeskStoreOptions = {}): Promise<TestStore> {
  const store = testStore({ at: options.at ?? '2027-01-15T09:30:00Z' });
  opened.push(store);
  const period = {
    availableFrom: options.availableFrom ?? '2026-11-01',
    availableUntil: options.availableUntil ?? '2027-06-30',
  };
  const rows: string[] = [];
  for (let i = 1; i <= TEACHER_COUNT; i += 1) rows.push(row(teacher(i), i === 70 ? 'ingetrokken' : ''));
  const first = await importBatch(
    store,
    makeTestPackage({
      batchId: '2027-BIB-GENT-01',
      cardsCsv: csv(...rows),
      pointsCsv: POINTS_CSV,
      ...period,
    }),
  );
  if (!first.ok) throw new Error(`test batch 01 refused: ${first.error}`);
  const reprint = { ...REPLACED, card: REPRINT_CARD };
  const second = await importBatch(
    store,
    makeTestPackage({ batchId: '2027-BIB-GENT-02', cardsCsv: csv(row(reprint)), ...period }),
  );
  if (!second.ok || second.value.replaced !== 1) throw new Error('test batch 02 (reprint) refused');
  return store;
}

/** Closes and removes every store deskStore made (call from afterEach). */
export function closeDeskStores(): void {
  for (const store of opened.splice(0)) {
    if (store.db.open) store.db.close();
    fs.rmSync(store.dir, { recursive: true, force: true });
  }
}

export interface DeskEventRow {
  seq: number;
  event_id: string;
  kind: string;
  card: string;
  desk_id: string;
  staff: string;
  method: string | null;
  group_id: string | null;
  reason: string | null;
  voids_event_id: string | null;
  at: string;
  at_ms: number;
  request_id: string | null;
}

export function deskEvents(db: Database, card?: string): DeskEventRow[] {
  return db
    .prepare(
      `SELECT e.*, c.card FROM desk_events e JOIN cards c ON c.id = e.card_id
       WHERE ? IS NULL OR c.card = ? ORDER BY e.seq`,
    )
    .all(card ?? null, card ?? null) as DeskEventRow[];
}

export function cardState(db: Database, card: string): string | null {
  const state = db
    .prepare('SELECT s.state FROM card_state s JOIN cards c ON c.id = s.card_id WHERE c.card = ?')
    .pluck()
    .get(card) as string | undefined;
  return state ?? null;
}

export function auditActions(db: Database): { action: string; details: Record<string, unknown> }[] {
  return (
    db.prepare('SELECT action, details FROM audit_log ORDER BY seq').all() as {
      action: string;
      details: string;
    }[]
  ).map((e) => ({ action: e.action, details: JSON.parse(e.details) as Record<string, unknown> }));
}
