import type { Database } from 'better-sqlite3';
import { checkDeskName, formatGroupNo } from '../../shared/desk/deskName';
import type { DeskNameFailure } from '../../shared/desk/deskName';
import { fail, ok } from '../../shared/result';
import type { Result } from '../../shared/result';
import { getSetting } from './settings';

/**
 * Desk names, read side and this desk's own row. A desk id without a row (an event from a desk
 * this store does not know yet) has no name: `null`, which every screen, receipt and CLI text
 * shows as "andere balie", never as the technical id.
 */

/** `LEFT JOIN desks <alias> ON <alias>.desk_id = <column>`: a query that shows a desk selects `<alias>.name`. */
export function deskNameJoin(alias: string, deskIdColumn: string): string {
  return `LEFT JOIN desks ${alias} ON ${alias}.desk_id = ${deskIdColumn}`;
}

export function deskNameOf(db: Database, deskId: string): string | null {
  return (
    (db.prepare('SELECT name FROM desks WHERE desk_id = ?').pluck().get(deskId) as string | undefined) ?? null
  );
}

/** This store's own desk: its id, name and number, once the store is initialised. */
export function ownDesk(db: Database): { deskId: string; name: string; number: number } | null {
  const deskId = getSetting(db, 'desk_id');
  if (deskId === null) return null;
  const row = db.prepare('SELECT name, number FROM desks WHERE desk_id = ?').get(deskId) as
    { name: string; number: number } | undefined;
  return row ? { deskId, ...row } : null;
}

/**
 * Makes sure this desk has its row (inside the caller's transaction): the lowest free number, and
 * the given name or `Balie <number>`. An existing row keeps its number; a given name renames it.
 */
export function ensureOwnDesk(db: Database, deskId: string, name?: string): Result<void, DeskNameFailure> {
  const wanted = name === undefined ? null : checkDeskName(name);
  if (wanted && !wanted.ok) return wanted;
  const existing = db.prepare('SELECT name FROM desks WHERE desk_id = ?').pluck().get(deskId) as
    string | undefined;
  if (existing !== undefined) return wanted ? renameDesk(db, deskId, wanted.value) : ok(undefined);
  const used = new Set(db.prepare('SELECT number FROM desks').pluck().all() as number[]);
  let free = 1;
  while (used.has(free)) free += 1;
  let chosen = wanted?.value ?? `Balie ${free}`;
  if (wanted) {
    if (nameTaken(db, deskId, chosen)) return fail('desk_name_taken', { name: chosen });
  } else {
    for (let n = free + 1; nameTaken(db, deskId, chosen); n += 1) chosen = `Balie ${n}`;
  }
  db.prepare('INSERT INTO desks (desk_id, name, number) VALUES (?, ?, ?)').run(deskId, chosen, free);
  return ok(undefined);
}

/** Renames a desk; another desk's name (letter case aside) is refused. */
export function renameDesk(db: Database, deskId: string, raw: string): Result<void, DeskNameFailure> {
  const name = checkDeskName(raw);
  if (!name.ok) return name;
  if (nameTaken(db, deskId, name.value)) return fail('desk_name_taken', { name: name.value });
  db.prepare('UPDATE desks SET name = ? WHERE desk_id = ?').run(name.value, deskId);
  return ok(undefined);
}

function nameTaken(db: Database, deskId: string, name: string): boolean {
  const folded = name.toLocaleLowerCase('nl-BE');
  return (db.prepare('SELECT name FROM desks WHERE desk_id <> ?').pluck().all(deskId) as string[]).some(
    (other) => other.toLocaleLowerCase('nl-BE') === folded,
  );
}

/** This desk's number; a desk without its row yet (a store set up before names) gets one now. */
export function ownDeskNumber(db: Database, deskId: string): number {
  const numberOf = db.prepare('SELECT number FROM desks WHERE desk_id = ?').pluck();
  const known = numberOf.get(deskId) as number | undefined;
  if (known !== undefined) return known;
  ensureOwnDesk(db, deskId);
  return numberOf.get(deskId) as number;
}

/**
 * The next group number of this desk: 1 + its highest counter so far. Call it inside the
 * IMMEDIATE transaction that writes the group, so two processes on one store never pick the same.
 */
export function nextGroupNo(db: Database, deskNumber: number): string {
  const prefix = `G${deskNumber}-`;
  const highest = db
    .prepare(
      `SELECT max(CAST(substr(group_no, ?) AS INTEGER)) FROM pickup_groups
       WHERE substr(group_no, 1, ?) = ?`,
    )
    .pluck()
    .get(prefix.length + 1, prefix.length, prefix) as number | null;
  return formatGroupNo(deskNumber, (highest ?? 0) + 1);
}
