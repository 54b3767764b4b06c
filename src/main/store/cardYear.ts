import type { Database } from 'better-sqlite3';

/**
 * The card year this store belongs to: the year of the batches imported so far, or null before the
 * first import. The import refuses a package of another year. (The year rollover extends this.)
 */
export function storeCardYear(db: Database): number | null {
  return (db.prepare('SELECT max(card_year) FROM batches').pluck().get() as number | null) ?? null;
}
